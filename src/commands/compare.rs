//! `upskill compare A B`: two saved plans side by side: their totals, finish dates,
//! requirements met and where they stand, then the steps only in one and in both.

use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::json;

use super::{load_valid, saved, usage};
use crate::cli::{CatalogArgs, ListFormat};
use crate::plan::{Side, compare_plans};

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    first: &str,
    second: &str,
    format: ListFormat,
) -> io::Result<ExitCode> {
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let mut names = Vec::new();
    for name in [first, second] {
        match saved::find(&store, name) {
            Ok(found) => names.push(found),
            Err(message) => return usage(&message),
        }
    }
    if names[0] == names[1] {
        return usage("give two different plans to compare (see `upskill plans`)");
    }
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let today = crate::clock::today();
    let mut plans = Vec::new();
    for name in &names {
        match saved::load(&store, &saved::entry(&store, name), today) {
            Ok(plan) => plans.push(plan),
            Err(code) => return Ok(code),
        }
    }
    let compared = compare_plans(&loaded.catalog, &plans[0], &plans[1], today);
    match format {
        ListFormat::Text => {
            for line in compared.lines(&loaded.catalog) {
                writeln!(out, "{line}")?;
            }
        }
        ListFormat::Json => {
            let side = |side: &Side| {
                json!({
                    "name": side.name,
                    "role": side.role,
                    "steps": side.totals.steps,
                    "done": side.totals.done,
                    "cost": side.totals.cost.as_f64(),
                    "cost_left": side.totals.remaining_cost.as_f64(),
                    "hours": side.totals.hours.as_f64(),
                    "cost_unknown_steps": side.totals.unknown.cost,
                    "cost_left_unknown_steps": side.totals.unknown.remaining_cost,
                    "hours_unknown_steps": side.totals.unknown.hours,
                    "finish": side.finish.map(|date| date.to_string()),
                    "requirements_met": side.met.map(|(met, _)| met),
                    "requirements": side.met.map(|(_, of)| of),
                    "status": side.standing.describe(),
                })
            };
            let value = json!({
                "plans": [side(&compared.a), side(&compared.b)],
                "only_first": compared.only_a,
                "only_second": compared.only_b,
                "shared": compared.shared,
            });
            writeln!(out, "{value:#}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
