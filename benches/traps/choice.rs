//! What a run over the generated trap catalogs covers, from the environment: shared by
//! `benches/recommend_traps.rs` and the examples `trap_lp` and `trap_nodes` (each uses what
//! it offers).
#![allow(dead_code)]

use upskill::plan::Objective;

/// `UPSKILL_TRAP_SIZES=300,2000`: the catalogs' sizes, else `default`.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    std::env::var("UPSKILL_TRAP_SIZES").map_or_else(
        |_| default.to_vec(),
        |sizes| {
            sizes
                .split(',')
                .filter_map(|size| size.trim().parse().ok())
                .collect()
        },
    )
}

/// `UPSKILL_TRAP_BY=cost` (or `hours`): that objective alone, else both.
pub fn objectives() -> Vec<Objective> {
    match std::env::var("UPSKILL_TRAP_BY").as_deref() {
        Ok("cost") => vec![Objective::Cost],
        Ok("hours") => vec![Objective::Hours],
        _ => vec![Objective::Cost, Objective::Hours],
    }
}

/// `UPSKILL_TRAP_ROLES=trap-role-3,trap-role-7`: those roles alone, else every role.
pub fn roles() -> Option<Vec<String>> {
    std::env::var("UPSKILL_TRAP_ROLES").ok().map(|roles| {
        roles
            .split(',')
            .map(|role| role.trim().to_owned())
            .collect()
    })
}

/// `UPSKILL_TRAP_SECONDS=300`: each search's time limit in seconds, if given.
pub fn seconds() -> Option<f64> {
    std::env::var("UPSKILL_TRAP_SECONDS")
        .ok()
        .and_then(|seconds| seconds.parse().ok())
}
