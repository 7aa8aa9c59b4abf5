//! The recommender against a brute-force search over every subset, on thousands of small
//! random catalogs: `any` groups, skill loops, retired and held credentials, held skills,
//! budgets, hour limits and tied costs. Nothing may beat the recommendation, and the
//! recommendation must be a valid plan within the limits.

use std::fmt::Write as _;
use std::sync::Arc;

use proptest::prelude::*;
use upskill::catalog::source::Bytes;
use upskill::catalog::{self, Amount, Catalog, CredentialIdx, RoleIdx, SourceFile};
use upskill::plan::{Holdings, Objective, Options, recommend};

#[derive(Debug, Clone)]
struct RawRequirement {
    kind: u8,
    a: u8,
    b: u8,
    b_is_skill: bool,
}

#[derive(Debug, Clone)]
struct RawCredential {
    hours: u8,
    cost: u8,
    skills: Vec<u8>,
    requires: Vec<RawRequirement>,
    retired: bool,
    held: bool,
}

#[derive(Debug, Clone)]
struct Case {
    skills: u8,
    credentials: Vec<RawCredential>,
    role_skills: Vec<u8>,
    role_requires: Option<RawRequirement>,
    held_skills: Vec<u8>,
    budget: Option<u8>,
    max_hours: Option<u8>,
    by_hours: bool,
}

fn requirement() -> impl Strategy<Value = RawRequirement> {
    (0u8..3, any::<u8>(), any::<u8>(), any::<bool>()).prop_map(|(kind, a, b, b_is_skill)| {
        RawRequirement {
            kind,
            a,
            b,
            b_is_skill,
        }
    })
}

fn credential() -> impl Strategy<Value = RawCredential> {
    (
        any::<u8>(),
        any::<u8>(),
        prop::collection::vec(any::<u8>(), 1..=2),
        prop::collection::vec(requirement(), 0..=2),
        prop::bool::weighted(0.12),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(hours, cost, skills, requires, retired, held)| RawCredential {
                hours,
                cost,
                skills,
                requires,
                retired,
                held,
            },
        )
}

fn case() -> impl Strategy<Value = Case> {
    (
        3u8..=6,
        prop::collection::vec(credential(), 1..=11),
        prop::collection::vec(any::<u8>(), 1..=4),
        prop::option::weighted(0.3, requirement()),
        prop::collection::vec(any::<u8>(), 0..=1),
        prop::option::weighted(0.35, any::<u8>()),
        prop::option::weighted(0.25, any::<u8>()),
        any::<bool>(),
    )
        .prop_map(
            |(
                skills,
                credentials,
                role_skills,
                role_requires,
                held_skills,
                budget,
                max_hours,
                by_hours,
            )| Case {
                skills,
                credentials,
                role_skills,
                role_requires,
                held_skills,
                budget,
                max_hours,
                by_hours,
            },
        )
}

/// A requirement item in YAML; credential references only point at earlier credentials
/// (`before`), so references never form a cycle, while skills may loop freely.
fn requirement_yaml(raw: &RawRequirement, before: usize, skills: u8, global: bool) -> String {
    let prefix = if global { "p/" } else { "" };
    let credential = |n: u8| format!("{prefix}c{}", usize::from(n) % before);
    let skill = |n: u8| format!("{{skill: s{}}}", n % skills);
    let atom = |n: u8, as_skill: bool| {
        if as_skill || before == 0 {
            skill(n)
        } else {
            credential(n)
        }
    };
    match raw.kind {
        0 => atom(raw.a, false),
        1 => skill(raw.a),
        _ => {
            let (first, second) = (atom(raw.a, false), atom(raw.b, raw.b_is_skill));
            if first == second {
                first
            } else {
                format!("{{any: [{first}, {second}]}}")
            }
        }
    }
}

fn catalog_of(case: &Case) -> String {
    let mut yaml = String::from("provider: {id: p, name: P}\ncredentials:\n");
    for (i, c) in case.credentials.iter().enumerate() {
        let mut skills: Vec<String> = c
            .skills
            .iter()
            .map(|s| format!("s{}", s % case.skills))
            .collect();
        skills.sort();
        skills.dedup();
        let requires: Vec<String> = c
            .requires
            .iter()
            .map(|r| requirement_yaml(r, i, case.skills, false))
            .collect();
        let _ = writeln!(
            yaml,
            "  - {{id: c{i}, title: C{i}, kind: course, hours: {}, cost: {}, skills: [{}], requires: [{}], retired: {}}}",
            (c.hours % 4 + 1) * 10,
            u32::from(c.cost % 4) * 25,
            skills.join(", "),
            requires.join(", "),
            c.retired
        );
    }
    // Skill `s<skills>` is never taught: a requirement nobody can meet.
    let mut role_skills: Vec<String> = case
        .role_skills
        .iter()
        .map(|s| format!("s{}", s % (case.skills + 1)))
        .collect();
    role_skills.sort();
    role_skills.dedup();
    let requires = case
        .role_requires
        .as_ref()
        .map(|r| requirement_yaml(r, case.credentials.len(), case.skills, true))
        .unwrap_or_default();
    let _ = writeln!(
        yaml,
        "roles:\n  - {{id: r, title: R, skills: [{}], requires: [{requires}]}}",
        role_skills.join(", ")
    );
    yaml
}

fn load(yaml: &str) -> Catalog {
    let loaded = catalog::load_files(&[SourceFile {
        name: Arc::from("case.yaml"),
        path: None,
        content: Ok(Bytes::Owned(yaml.as_bytes().to_vec())),
    }]);
    assert!(!loaded.has_errors(), "{yaml}\n{:?}", loaded.problems);
    loaded.catalog
}

/// (requirements met, primary, secondary, steps): larger met first, then smaller rest.
type Score = (usize, i64, i64, usize);

fn better(a: Score, b: Score) -> bool {
    a.0 > b.0 || (a.0 == b.0 && (a.1, a.2, a.3) < (b.1, b.2, b.3))
}

fn score(
    catalog: &Catalog,
    role: RoleIdx,
    have: &Holdings,
    set: &[CredentialIdx],
    objective: Objective,
) -> Score {
    let mut after = have.clone();
    for &c in set {
        after.add_credential(catalog, c);
    }
    let met = catalog
        .role(role)
        .requirements
        .iter()
        .filter(|r| after.satisfies(r))
        .count();
    let cost: i64 = set
        .iter()
        .map(|&c| catalog.credential(c).cost.hundredths())
        .sum();
    let hours: i64 = set
        .iter()
        .map(|&c| catalog.credential(c).hours.hundredths())
        .sum();
    match objective {
        Objective::Cost => (met, cost, hours, set.len()),
        Objective::Hours => (met, hours, cost, set.len()),
    }
}

/// Whether the set can be taken in some order: the derivable fixpoint is the whole set.
fn orderable(catalog: &Catalog, have: &Holdings, set: &[CredentialIdx]) -> bool {
    let mut had = have.clone();
    let mut left: Vec<CredentialIdx> = set.to_vec();
    loop {
        let before = left.len();
        left.retain(|&c| {
            if had.can_take(catalog, c) {
                had.add_credential(catalog, c);
                false
            } else {
                true
            }
        });
        if left.is_empty() {
            return true;
        }
        if left.len() == before {
            return false;
        }
    }
}

fn within(catalog: &Catalog, set: &[CredentialIdx], options: &Options) -> bool {
    let cost: Amount = set.iter().map(|&c| catalog.credential(c).cost).sum();
    let hours: Amount = set.iter().map(|&c| catalog.credential(c).hours).sum();
    options.budget.is_none_or(|b| cost <= b) && options.max_hours.is_none_or(|h| hours <= h)
}

fn brute_force(catalog: &Catalog, role: RoleIdx, have: &Holdings, options: &Options) -> Score {
    let candidates: Vec<CredentialIdx> = catalog
        .credential_indices()
        .filter(|&c| !have.has_credential(c) && !catalog.credential(c).retired)
        .collect();
    let mut best = score(catalog, role, have, &[], options.objective);
    for mask in 1u32..(1 << candidates.len()) {
        let set: Vec<CredentialIdx> = candidates
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, &c)| c)
            .collect();
        if !within(catalog, &set, options) || !orderable(catalog, have, &set) {
            continue;
        }
        let s = score(catalog, role, have, &set, options.objective);
        if better(s, best) {
            best = s;
        }
    }
    best
}

fn setup(case: &Case) -> (String, Catalog, Holdings, Options) {
    let yaml = catalog_of(case);
    let catalog = load(&yaml);
    let mut have = Holdings::new(&catalog);
    for (i, c) in case.credentials.iter().enumerate() {
        if c.held {
            have.add_credential(&catalog, CredentialIdx(i as u32));
        }
    }
    for s in &case.held_skills {
        if let Some(skill) = catalog.find_skill(&format!("s{}", s % case.skills)) {
            have.add_skill(&catalog, skill);
        }
    }
    let options = Options {
        objective: if case.by_hours {
            Objective::Hours
        } else {
            Objective::Cost
        },
        budget: case
            .budget
            .map(|b| Amount::from_f64(f64::from(b % 8) * 25.0)),
        max_hours: case
            .max_hours
            .map(|h| Amount::from_f64(f64::from(h % 8 + 1) * 10.0)),
        time_value: None,
        deadline: None,
    };
    (yaml, catalog, have, options)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn nothing_beats_the_recommendation_and_it_is_a_valid_plan(case in case()) {
        let (yaml, catalog, have, options) = setup(&case);
        let role = catalog.find_role("r").expect("the role");
        let rec = recommend(&catalog, role, &have, &options);
        let ctx = format!("{yaml}\nhave: {:?}\noptions: {options:?}\nrecommended: {:?}", have.credentials().collect::<Vec<_>>(), rec);
        prop_assert!(rec.optimal, "{ctx}");
        // A valid plan: distinct, not held, not retired, in a valid order, within limits.
        let mut had = have.clone();
        for &step in &rec.steps {
            prop_assert!(!had.has_credential(step), "repeated or held step {step:?}\n{ctx}");
            prop_assert!(!catalog.credential(step).retired, "{ctx}");
            prop_assert!(had.can_take(&catalog, step), "step {step:?} out of order\n{ctx}");
            had.add_credential(&catalog, step);
        }
        prop_assert!(within(&catalog, &rec.steps, &options), "{ctx}");
        let got = score(&catalog, role, &have, &rec.steps, options.objective);
        prop_assert_eq!(got.0, rec.met, "{}", ctx);
        prop_assert_eq!(rec.unmet.len(), catalog.role(role).requirements.len() - rec.met, "{}", ctx);
        let best = brute_force(&catalog, role, &have, &options);
        prop_assert_eq!(got, best, "{}", ctx);
    }
}
