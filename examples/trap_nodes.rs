//! How fast the recommender's search runs on generated trap catalogs, and how tight its
//! answer is after a fixed number of nodes: every role, both objectives, with a budget of
//! 400 and 250 hours, each search stopped after `UPSKILL_TRAP_NODES` nodes (default 20,000)
//! instead of at a deadline, so that two builds are compared on the same work.
//!
//! `cargo run --release --example trap_nodes`; `UPSKILL_TRAP_SIZES=2000,20000` picks the
//! sizes (default 2,000). With `UPSKILL_TRAP_SECONDS=300` each search stops at that deadline
//! instead, and each answer is printed (`UPSKILL_TRAP_ROLES=trap-role-4:cost,...` picks the
//! roles and objectives): how the best known plans are found.

use std::time::{Duration, Instant};

use upskill::catalog::{self, Amount};
use upskill::plan::{Holdings, Objective, Options, recommend};
use upskill::synth;

#[path = "../benches/traps/choice.rs"]
mod choice;

fn main() {
    let sizes = choice::sizes(&[2_000]);
    let nodes: u64 = std::env::var("UPSKILL_TRAP_NODES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    println!(
        "{:>7} {:>6} {:>7} {:>10} {:>10} {:>10}",
        "creds", "by", "proven", "total s", "median gap", "widest gap"
    );
    for size in sizes {
        let generated = synth::traps::generate(size, 1);
        let loaded = catalog::load_files(&generated.source_files());
        let catalog = loaded.catalog;
        for objective in [Objective::Cost, Objective::Hours] {
            let started = Instant::now();
            let mut gaps = Vec::new();
            let mut proven = 0;
            for name in &generated.roles {
                let picked = std::env::var("UPSKILL_TRAP_ROLES").ok();
                let key = format!("{name}:{}", objective.as_str());
                if picked
                    .as_ref()
                    .is_some_and(|picked| !picked.split(',').any(|p| p == key))
                {
                    continue;
                }
                let role = catalog.find_role(name).expect("a generated role");
                let seconds = choice::seconds();
                let options = Options {
                    objective,
                    budget: Some(Amount::from_f64(400.0)),
                    max_hours: Some(Amount::from_f64(250.0)),
                    max_nodes: seconds.is_none().then_some(nodes),
                    deadline: seconds.map(|s| Instant::now() + Duration::from_secs_f64(s)),
                    ..Options::default()
                };
                let one = Instant::now();
                let answer = recommend(&catalog, role, &Holdings::new(&catalog), &options);
                if seconds.is_some() {
                    println!(
                        "  {key} optimal={} {:.1} s met={} cost={} hours={} gap={:?}",
                        answer.optimal,
                        one.elapsed().as_secs_f64(),
                        answer.met,
                        answer.total_cost,
                        answer.total_hours,
                        answer.gap.map(|gap| gap.0)
                    );
                }
                if answer.optimal {
                    proven += 1;
                } else {
                    gaps.push(answer.gap.map_or(10_000, |gap| gap.0));
                }
            }
            gaps.sort_unstable();
            let pct = |g: Option<&u32>| {
                g.map_or("-".to_owned(), |g| format!("{:.2}%", f64::from(*g) / 100.0))
            };
            println!(
                "{size:>7} {:>6} {:>4}/{:<2} {:>10.2} {:>10} {:>10}",
                objective.as_str(),
                proven,
                proven + gaps.len(),
                started.elapsed().as_secs_f64(),
                pct(gaps.get(gaps.len() / 2)),
                pct(gaps.last()),
            );
        }
    }
}
