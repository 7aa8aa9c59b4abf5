//! The recommender at registry scale: a generated catalog of 1,000,000 credentials (or
//! `UPSKILL_MILLION_SIZE`), every role of eight skills and one role of 25, both objectives,
//! each search stopped at 5 s as `upskill plan`'s default time limit does. Targets: an
//! 8-skill role under 1 s after the load; a 25-skill role under 5 s, with the deadline's
//! answer and its gap when not proven by then.
//!
//! Generating and loading a million credentials takes minutes and about 2 GB, so nothing is
//! measured unless `UPSKILL_BENCH_1M=1` is set: `UPSKILL_BENCH_1M=1 cargo bench --bench
//! million`. `UPSKILL_MILLION_SIZE=100000` measures another size the same way, and
//! `UPSKILL_MILLION_ROLES=role-0,wide-25` only the roles named.

/// The binary's allocator (src/main.rs), so what is measured here is what `upskill` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use upskill::catalog::{self, SourceFile};
use upskill::plan::{Holdings, Objective, Options, Recommendation, recommend};
use upskill::synth;

const TIME_LIMIT: Duration = Duration::from_secs(5);

/// The skills of the wide role.
const WIDE: usize = 25;

fn main() {
    if std::env::var_os("UPSKILL_BENCH_1M").is_none() {
        println!("million: skipped (set UPSKILL_BENCH_1M=1 to measure; minutes and ~2 GB)");
        return;
    }
    let size = std::env::var("UPSKILL_MILLION_SIZE")
        .ok()
        .and_then(|size| size.parse().ok())
        .unwrap_or(1_000_000);
    let started = Instant::now();
    let mut generated = synth::generate(size, 1);
    let wide = add_wide_role(&mut generated.files);
    let files: Vec<SourceFile> = generated.source_files();
    drop(generated.files);
    println!(
        "{size} credentials generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let loaded = catalog::load_files(&files);
    drop(files);
    assert!(!loaded.has_errors(), "{}", loaded.summary());
    let catalog = loaded.catalog;
    println!("loaded in {:.1} s", started.elapsed().as_secs_f64());

    println!(
        "{:>9} {:>7} {:>6} {:>8} {:>9} {:>6} {:>6}",
        "role", "by", "skills", "ms", "proven", "gap", "steps"
    );
    let mut roles: Vec<(String, usize)> =
        generated.roles.iter().map(|id| (id.clone(), 8)).collect();
    roles.push((wide, WIDE));
    // `UPSKILL_MILLION_ROLES=role-0,wide-25` measures only those (for a profiler).
    if let Ok(only) = std::env::var("UPSKILL_MILLION_ROLES") {
        roles.retain(|(id, _)| only.split(',').any(|wanted| wanted.trim() == id));
    }
    for objective in [Objective::Cost, Objective::Hours] {
        let mut eight = Vec::new();
        for (id, skills) in &roles {
            let role = catalog.find_role(id).expect("a generated role");
            let have = Holdings::new(&catalog);
            let options = Options {
                objective,
                deadline: Some(Instant::now() + TIME_LIMIT),
                ..Options::default()
            };
            let started = Instant::now();
            let answer = recommend(&catalog, role, &have, &options);
            let elapsed = started.elapsed();
            if *skills == 8 {
                eight.push(elapsed);
            }
            print_row(id, objective, *skills, elapsed, &answer);
        }
        eight.sort();
        if eight.is_empty() {
            continue;
        }
        println!(
            "8-skill roles by {}: median {:.1} ms, slowest {:.1} ms (target < 1,000 ms)",
            objective.as_str(),
            ms(eight[eight.len() / 2]),
            ms(eight[eight.len() - 1])
        );
    }
}

fn print_row(
    id: &str,
    objective: Objective,
    skills: usize,
    elapsed: Duration,
    answer: &Recommendation,
) {
    let gap = match (answer.optimal, answer.gap) {
        (true, _) => "-".to_owned(),
        (false, Some(gap)) => format!("{:.2}%", gap.fraction() * 100.0),
        (false, None) => "open".to_owned(),
    };
    println!(
        "{id:>9} {:>7} {skills:>6} {:>8.1} {:>9} {gap:>6} {:>6}",
        objective.as_str(),
        ms(elapsed),
        if answer.optimal { "yes" } else { "no" },
        answer.steps.len()
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Adds a role of [`WIDE`] skills to the generated roles file: the first distinct skills of
/// the generated roles, so every one is taught by some credential. Returns its id.
fn add_wide_role(files: &mut [(String, String)]) -> String {
    let (_, roles) = files
        .iter_mut()
        .find(|(name, _)| name == "roles.yaml")
        .expect("a generated roles file");
    let mut skills: Vec<String> = Vec::new();
    for line in roles.lines() {
        let Some(list) = line.trim().strip_prefix("skills: [") else {
            continue;
        };
        for skill in list.trim_end_matches(']').split(',') {
            let skill = skill.trim().to_owned();
            if skills.len() < WIDE && !skills.contains(&skill) {
                skills.push(skill);
            }
        }
    }
    assert_eq!(skills.len(), WIDE, "the generated roles name {WIDE} skills");
    let id = format!("wide-{WIDE}");
    let _ = writeln!(
        roles,
        "  - id: {id}\n    title: A role of {WIDE} skills\n    skills: [{}]",
        skills.join(", ")
    );
    id
}
