//! The recommender on generated trap catalogs (`synth::traps`: unorderable cheap pairs,
//! deep `any` chains, Zipf skill popularity, fractional costs and hours), every role of 5 to
//! 8 skills, both objectives, without and with limits, each search stopped at 5 s as the
//! command line's default time limit would. Prints, per size, objective and limits: how
//! many roles were proven optimal, the median and slowest search, and the widest gap of
//! the answers not proven.
//!
//! `cargo bench --bench recommend_traps`; `UPSKILL_TRAP_SIZES=300,2000` picks the sizes
//! (default 300, 2,000 and 20,000); `UPSKILL_TRAP_LIMITS=yes` (or `no`) runs only the rows
//! with (or without) limits; `UPSKILL_TRAP_BY=cost` (or `hours`) only that objective;
//! `UPSKILL_TRAP_ROLES=role-3,role-7` only those roles;
//! `UPSKILL_TRAP_SECONDS=300` stops each search at 300 s instead of 5 (to find the true
//! optimum of a role that stops at 5 s); `UPSKILL_TRAP_DETAIL=1` prints each role.

/// The binary's allocator (src/main.rs), so what is measured here is what `upskill` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use upskill::catalog::{self, Amount, Catalog};
use upskill::plan::{Holdings, Objective, Options, recommend};
use upskill::synth;

#[path = "traps/choice.rs"]
mod choice;

/// The time limit of each search, unless `UPSKILL_TRAP_SECONDS` says otherwise.
const TIME_LIMIT: Duration = Duration::from_secs(5);

struct Run {
    elapsed: Duration,
    optimal: bool,
    /// Hundredths of a percent; `None` for an unproven answer with no bound.
    gap: Option<u32>,
}

fn main() {
    let sizes = choice::sizes(&[300, 2_000, 20_000]);
    println!(
        "{:>7} {:>7} {:>7} {:>8} {:>10} {:>10} {:>12}",
        "creds", "by", "limits", "proven", "median ms", "max ms", "widest gap"
    );
    let limits: Vec<bool> = match std::env::var("UPSKILL_TRAP_LIMITS").as_deref() {
        Ok("yes") => vec![true],
        Ok("no") => vec![false],
        _ => vec![false, true],
    };
    let objectives = choice::objectives();
    let only_roles = choice::roles();
    let time_limit = choice::seconds().map_or(TIME_LIMIT, Duration::from_secs_f64);
    for size in sizes {
        let generated = synth::traps::generate(size, 1);
        let loaded = catalog::load_files(&generated.source_files());
        assert!(!loaded.has_errors(), "{:?}", loaded.problems);
        let catalog = loaded.catalog;
        for &objective in &objectives {
            for &limited in &limits {
                let runs: Vec<Run> = generated
                    .roles
                    .iter()
                    .filter(|role| only_roles.as_ref().is_none_or(|only| only.contains(role)))
                    .map(|role| run(&catalog, role, objective, limited, time_limit))
                    .collect();
                if runs.is_empty() {
                    continue;
                }
                report(size, objective, limited, &runs);
            }
        }
    }
}

fn run(
    catalog: &Catalog,
    role: &str,
    objective: Objective,
    limited: bool,
    time_limit: Duration,
) -> Run {
    let role = catalog.find_role(role).expect("a generated role");
    let have = Holdings::new(catalog);
    let options = Options {
        objective,
        budget: limited.then(|| Amount::from_f64(400.0)),
        max_hours: limited.then(|| Amount::from_f64(250.0)),
        deadline: Some(Instant::now() + time_limit),
        ..Options::default()
    };
    let started = Instant::now();
    let recommendation = recommend(catalog, role, &have, &options);
    if std::env::var_os("UPSKILL_TRAP_DETAIL").is_some() {
        println!(
            "  {} {} limits={limited} optimal={} {:.1} ms met={} steps={} cost={} hours={} gap={:?}",
            catalog.role(role).id,
            objective.as_str(),
            recommendation.optimal,
            started.elapsed().as_secs_f64() * 1000.0,
            recommendation.met,
            recommendation.steps.len(),
            recommendation.total_cost,
            recommendation.total_hours,
            recommendation.gap.map(|gap| gap.0),
        );
    }
    Run {
        elapsed: started.elapsed(),
        optimal: recommendation.optimal,
        gap: recommendation.gap.map(|gap| gap.0),
    }
}

fn report(size: usize, objective: Objective, limited: bool, runs: &[Run]) {
    let mut times: Vec<Duration> = runs.iter().map(|run| run.elapsed).collect();
    times.sort_unstable();
    let proven = runs.iter().filter(|run| run.optimal).count();
    let unproven: Vec<&Run> = runs.iter().filter(|run| !run.optimal).collect();
    let widest = if unproven.is_empty() {
        "-".to_owned()
    } else if unproven.iter().any(|run| run.gap.is_none()) {
        "unbounded".to_owned()
    } else {
        let widest = unproven.iter().filter_map(|run| run.gap).max().unwrap_or(0);
        format!("{:.2}%", f64::from(widest) / 100.0)
    };
    let ms = |duration: Duration| duration.as_secs_f64() * 1000.0;
    println!(
        "{size:>7} {:>7} {:>7} {:>5}/{:<2} {:>10.1} {:>10.1} {widest:>12}",
        objective.as_str(),
        if limited { "yes" } else { "no" },
        proven,
        runs.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
    );
}
