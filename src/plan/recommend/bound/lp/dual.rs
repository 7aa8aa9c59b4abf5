//! A lower bound on a [`Model`]'s optimum that does not trust the solver: for `min c·x`
//! subject to `A x >= b` and `0 <= x <= u`, any multipliers `y >= 0` give
//!
//! `L(y) = b·y + sum over v of u_v * min(0, c_v - (Aᵀy)_v)`,
//!
//! at most `c·x` for every feasible `x` (weak duality: `c·x >= c·x - y·(Ax - b)`, and each
//! variable's term is least at a bound). The solver (`microlp`, in floating point) only
//! proposes `y`, by solving the dual LP; the bound is then computed here from the model's
//! integer coefficients, so the solver's tolerances can only weaken it, never make it
//! wrong. What is left is the rounding of this sum in `f64`: it is made of fewer than 10⁷
//! products and additions (see [`MOST_TERMS`]), each off by at most 2⁻⁵³ of its size, so
//! the sum is within `10⁷ · 2⁻⁵³ · S < 1.2·10⁻⁹ · S` of `L(y)`, `S` the sum of the terms'
//! magnitudes; the margin taken is `10⁻⁸ · S` and a millionth more. Every set weighs a whole number of hundredths, so the bound rounds up
//! after the margin.

use std::time::Duration;

use microlp::{ComparisonOp, OptimizationDirection, Problem};

use super::model::Model;

/// Past this many terms in the model the margin above does not hold.
const MOST_TERMS: usize = 5_000_000;

/// A lower bound on `c·x` over the solutions of a model, and the same over those with one
/// variable at 1.
#[derive(Debug, Clone)]
pub(super) struct Bound {
    /// `L(y)` less the margin, rounded up; `i64::MAX` past `heaviest`.
    pub least: i64,
    /// Per variable, the bound over the solutions with it at 1: a variable at 0 in every
    /// solution of the model that weighs below it. Rounded up and with the margin, as
    /// `least`.
    pub with: Vec<i64>,
}

/// Lower bounds on the least `c·x` of `model` and with each variable at 1, or `None` when
/// the solver proposed nothing in `time`.
pub(super) fn bounds(model: &Model, time: Duration) -> Option<Bound> {
    let terms: usize = model.rows.iter().map(|row| row.terms.len()).sum();
    if terms + model.cost.len() > MOST_TERMS {
        return None;
    }
    // The solver sees each row divided by its largest coefficient and the costs divided by
    // the largest cost, all within [-1, 1].
    let scale: Vec<f64> = model
        .rows
        .iter()
        .map(|row| {
            let largest = row.terms.iter().map(|&(_, a)| a.abs()).max().unwrap_or(1);
            largest.max(row.rhs.abs()).max(1) as f64
        })
        .collect();
    let unit = model.cost.iter().copied().max().unwrap_or(0).max(1) as f64;
    let mut lp = Problem::new(OptimizationDirection::Maximize);
    // A dual variable per row, capped so that the dual stays bounded when the model has no
    // solution (the bound then grows with the cap, past `heaviest`).
    let cap = 4.0 * (model.heaviest as f64 / unit + 1.0);
    let y: Vec<_> = model
        .rows
        .iter()
        .zip(&scale)
        .map(|(row, &s)| lp.add_var(row.rhs as f64 / s, (0.0, cap)))
        .collect();
    let mut columns: Vec<Vec<(microlp::Variable, f64)>> = vec![Vec::new(); model.cost.len()];
    for ((row, &s), &yr) in model.rows.iter().zip(&scale).zip(&y) {
        for &(v, a) in &row.terms {
            columns[v].push((yr, a as f64 / s));
        }
    }
    for (v, mut column) in columns.into_iter().enumerate() {
        if column.is_empty() {
            continue;
        }
        let upper = model.upper[v] as f64;
        let z = lp.add_var(-upper, (0.0, f64::INFINITY));
        column.push((z, -1.0));
        lp.add_constraint(&column[..], ComparisonOp::Le, model.cost[v] as f64 / unit);
    }
    lp.set_time_limit(time);
    let solution = lp.solve().ok()?.into_solution().ok()?;
    let multipliers: Vec<f64> = y
        .iter()
        .zip(&scale)
        .map(|(&yr, &s)| solution.var_value(yr).max(0.0) * unit / s)
        .collect();
    Some(evaluate(model, &multipliers))
}

/// `L(y)`, and for each variable the same with it at 1 (its term `u_v min(0, r_v)` becomes
/// `r_v`, `r_v` its reduced cost), each less the margin and rounded up.
pub(super) fn evaluate(model: &Model, y: &[f64]) -> Bound {
    let mut bound = 0.0f64;
    let mut size = 0.0f64;
    let mut reduced: Vec<f64> = model.cost.iter().map(|&c| c as f64).collect();
    let mut reduced_size: Vec<f64> = reduced.iter().map(|c| c.abs()).collect();
    for (row, &yr) in model.rows.iter().zip(y) {
        let yr = yr.max(0.0);
        if yr == 0.0 {
            continue;
        }
        bound += row.rhs as f64 * yr;
        size += (row.rhs as f64 * yr).abs();
        for &(v, a) in &row.terms {
            let term = a as f64 * yr;
            reduced[v] -= term;
            reduced_size[v] += term.abs();
        }
    }
    for ((&r, &r_size), &u) in reduced.iter().zip(&reduced_size).zip(&model.upper) {
        let u = u as f64;
        bound += u * r.min(0.0);
        size += u * r_size;
    }
    let margin = 1e-8 * size + 1e-6;
    let round = |value: f64| {
        let safe = value - margin;
        if !safe.is_finite() {
            0
        } else if safe > model.heaviest as f64 {
            i64::MAX
        } else {
            (safe.ceil() as i64).max(0)
        }
    };
    Bound {
        least: round(bound),
        with: reduced.iter().map(|&r| round(bound + r.max(0.0))).collect(),
    }
}
