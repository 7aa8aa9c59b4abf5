//! The LP relaxation's bound at the root of every trap role with a budget of 400 and 250
//! hours (see `recommend::bound::lp`), against the answer of a search stopped at
//! `UPSKILL_TRAP_SECONDS` (default 5) and that answer's own gap.
//!
//! `UPSKILL_TRAP_SIZES=2000 cargo run --release --example trap_lp`; `UPSKILL_TRAP_BY=cost`
//! (or `hours`) and `UPSKILL_TRAP_ROLES=trap-role-3,trap-role-7` narrow it down.

use std::time::{Duration, Instant};

use upskill::catalog::{self, Amount};
use upskill::plan::{Holdings, Objective, Options, lp_root_bound, recommend};
use upskill::synth;

#[path = "../benches/traps/choice.rs"]
mod choice;

fn main() {
    let sizes = choice::sizes(&[2_000]);
    let objectives = choice::objectives();
    let only_roles = choice::roles();
    let seconds = choice::seconds().unwrap_or(5.0);
    println!(
        "{:>6} {:>13} {:>5} {:>4} {:>9} {:>8} {:>9} {:>8} {:>9}",
        "creds", "role", "by", "met", "answer", "its gap", "LP bound", "LP gap", "LP ms"
    );
    for size in sizes {
        let generated = synth::traps::generate(size, 1);
        let loaded = catalog::load_files(&generated.source_files());
        assert!(!loaded.has_errors(), "{:?}", loaded.problems);
        let catalog = loaded.catalog;
        let have = Holdings::new(&catalog);
        for &objective in &objectives {
            for role in &generated.roles {
                if only_roles.as_ref().is_some_and(|only| !only.contains(role)) {
                    continue;
                }
                let role_idx = catalog.find_role(role).expect("a generated role");
                let options = Options {
                    objective,
                    budget: Some(Amount::from_f64(400.0)),
                    max_hours: Some(Amount::from_f64(250.0)),
                    deadline: Some(Instant::now() + Duration::from_secs_f64(seconds)),
                    ..Options::default()
                };
                let answer = recommend(&catalog, role_idx, &have, &options);
                let best = match objective {
                    Objective::Cost => answer.total_cost,
                    Objective::Hours => answer.total_hours,
                }
                .hundredths();
                let its_gap = if answer.optimal {
                    "proven".to_owned()
                } else {
                    answer
                        .gap
                        .map_or_else(|| "unbounded".to_owned(), upskill::plan::Gap::percent)
                };
                let options = Options {
                    deadline: Some(Instant::now() + Duration::from_secs_f64(seconds)),
                    ..options
                };
                let (bound, took) =
                    lp_root_bound(&catalog, role_idx, &have, &options, (answer.met, best));
                let lp_gap = if best > 0 {
                    100.0 * (best - bound.min(best)) as f64 / best as f64
                } else {
                    0.0
                };
                println!(
                    "{size:>6} {role:>13} {:>5} {:>4} {:>9.2} {its_gap:>8} {:>9.2} {:>7.2}% {:>9.1}",
                    objective.as_str(),
                    answer.met,
                    best as f64 / 100.0,
                    bound.min(best) as f64 / 100.0,
                    lp_gap,
                    took.as_secs_f64() * 1000.0,
                );
            }
        }
    }
}
