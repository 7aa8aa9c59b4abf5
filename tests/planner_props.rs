//! The exact recommender (`plan::recommend`) against a brute-force search over every subset
//! of the credentials that may be taken, on small random catalogs (2,000 in `cargo test`;
//! the long run, `PROPTEST_CASES=10000`, is in docs/performance.md). The catalogs have
//! `any` and `all` groups nested in each other, in credential `requires` and as role
//! requirements; experience gates, alone or inside `any`/`all`, met by fixed or accruing
//! experience or never; stacks (`awarded_when`, no cost or hours) awarded when their parts are
//! had, whether by steps, held credentials, held skills or experience, one stack a part of
//! another, a role requiring one, some held; retired credentials and retired stacks (never
//! planned, and a retired stack never awarded) with successors (`replaced_by`); skill loops;
//! held credentials and skills; budgets, hour limits, tied costs and a value of time (no
//! deadline). The brute force takes stacks as `Holdings` awards them. Nothing may beat the
//! recommendation, and the recommendation must be a valid plan within the limits: distinct
//! steps, none held, retired or a stack, each takeable after the ones before, with the
//! totals and met count it reports.

mod common;

use std::fmt::Write as _;
use std::sync::Arc;

use proptest::prelude::*;
use upskill::catalog::source::Bytes;
use upskill::catalog::{self, Amount, Catalog, CredentialIdx, RoleIdx, SourceFile};
use upskill::plan::{Holdings, Objective, Options, Tenure, recommend};

/// The months an experience gate asks for.
const GATE_MONTHS: [u32; 6] = [1, 6, 12, 24, 60, 1200];
/// The fixed months a learner may have in a field: below, at and above the gates.
const HELD_MONTHS: [u32; 5] = [6, 12, 24, 60, 100];

/// A requirement item before it is written out.
#[derive(Debug, Clone)]
enum RawRequirement {
    /// An earlier credential (a skill when there is none).
    Credential(u8),
    /// An earlier stack (an earlier credential when there is none).
    Stack(u8),
    Skill(u8),
    /// `{experience: {field, months}}`.
    Gate {
        field: u8,
        months: u8,
    },
    Any(Vec<RawRequirement>),
    All(Vec<RawRequirement>),
}

#[derive(Debug, Clone)]
struct RawCredential {
    hours: u8,
    cost: u8,
    /// Optional on a stack; a course with none teaches one anyway.
    skills: Vec<u8>,
    /// Its `requires`, or a stack's `awarded_when`.
    requires: Vec<RawRequirement>,
    /// A stack: no hours, cost or `requires`, awarded when `requires` holds.
    stack: bool,
    /// A retired stack is never awarded (nor planned); a held one is still had.
    retired: bool,
    /// On a retired credential: the successor, among those not retired.
    successor: Option<u8>,
    held: bool,
}

/// Work experience the learner has in a field: fixed months, or accruing.
#[derive(Debug, Clone)]
struct RawExperience {
    field: u8,
    months: u8,
    accruing: bool,
}

#[derive(Debug, Clone)]
struct Case {
    skills: u8,
    credentials: Vec<RawCredential>,
    role_skills: Vec<u8>,
    role_requires: Vec<RawRequirement>,
    held_skills: Vec<u8>,
    experience: Vec<RawExperience>,
    budget: Option<u8>,
    max_hours: Option<u8>,
    by_hours: bool,
    /// In halves, 0 to 3.
    time_value: Option<u8>,
}

fn atom() -> impl Strategy<Value = RawRequirement> {
    prop_oneof![
        4 => any::<u8>().prop_map(RawRequirement::Credential),
        1 => any::<u8>().prop_map(RawRequirement::Stack),
        3 => any::<u8>().prop_map(RawRequirement::Skill),
        2 => (any::<u8>(), any::<u8>())
            .prop_map(|(field, months)| RawRequirement::Gate { field, months }),
    ]
}

fn group(item: impl Strategy<Value = RawRequirement>) -> impl Strategy<Value = RawRequirement> {
    (any::<bool>(), prop::collection::vec(item, 2..=3)).prop_map(|(all, items)| {
        if all {
            RawRequirement::All(items)
        } else {
            RawRequirement::Any(items)
        }
    })
}

/// An atom, or a group of them, or a group with groups in it.
fn requirement() -> impl Strategy<Value = RawRequirement> {
    prop_oneof![
        6 => atom(),
        3 => group(atom()),
        1 => group(prop_oneof![2 => atom(), 1 => group(atom())]),
    ]
}

fn credential() -> impl Strategy<Value = RawCredential> {
    (
        (any::<u8>(), any::<u8>()),
        prop::collection::vec(any::<u8>(), 0..=2),
        prop::collection::vec(requirement(), 0..=2),
        prop::bool::weighted(0.18),
        prop::bool::weighted(0.12),
        prop::option::weighted(0.7, any::<u8>()),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |((hours, cost), skills, requires, stack, retired, successor, held)| RawCredential {
                hours,
                cost,
                skills,
                requires,
                stack,
                retired,
                successor,
                held,
            },
        )
}

fn experience() -> impl Strategy<Value = RawExperience> {
    (any::<u8>(), any::<u8>(), prop::bool::weighted(0.3)).prop_map(|(field, months, accruing)| {
        RawExperience {
            field,
            months,
            accruing,
        }
    })
}

fn case() -> impl Strategy<Value = Case> {
    (
        3u8..=6,
        prop::collection::vec(credential(), 1..=11),
        prop::collection::vec(any::<u8>(), 0..=3),
        prop::collection::vec(requirement(), 0..=2),
        prop::collection::vec(any::<u8>(), 0..=1),
        prop::collection::vec(experience(), 0..=2),
        (
            prop::option::weighted(0.35, any::<u8>()),
            prop::option::weighted(0.25, any::<u8>()),
        ),
        any::<bool>(),
        prop::option::weighted(0.5, 0u8..=6),
    )
        .prop_map(
            |(
                skills,
                credentials,
                role_skills,
                role_requires,
                held_skills,
                experience,
                (budget, max_hours),
                by_hours,
                time_value,
            )| Case {
                skills,
                credentials,
                role_skills,
                role_requires,
                held_skills,
                experience,
                budget,
                max_hours,
                by_hours,
                time_value,
            },
        )
}

/// What a requirement may name: credential references only point at earlier credentials
/// (`before` of them, `stacks` among them), so references never form a cycle, while skills
/// may loop freely.
struct Scope<'a> {
    before: usize,
    stacks: &'a [usize],
    skills: u8,
    global: bool,
}

fn requirement_yaml(raw: &RawRequirement, scope: &Scope<'_>) -> String {
    let prefix = if scope.global { "p/" } else { "" };
    let list = |items: &[RawRequirement]| {
        items
            .iter()
            .map(|item| requirement_yaml(item, scope))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match raw {
        RawRequirement::Credential(n) if scope.before > 0 => {
            format!("{prefix}c{}", usize::from(*n) % scope.before)
        }
        RawRequirement::Stack(n) if !scope.stacks.is_empty() => {
            format!(
                "{prefix}c{}",
                scope.stacks[usize::from(*n) % scope.stacks.len()]
            )
        }
        RawRequirement::Stack(n) => requirement_yaml(&RawRequirement::Credential(*n), scope),
        RawRequirement::Credential(n) | RawRequirement::Skill(n) => {
            format!("{{skill: s{}}}", n % scope.skills)
        }
        RawRequirement::Gate { field, months } => format!(
            "{{experience: {{field: s{}, months: {}}}}}",
            field % scope.skills,
            GATE_MONTHS[usize::from(*months) % GATE_MONTHS.len()]
        ),
        RawRequirement::Any(items) => format!("{{any: [{}]}}", list(items)),
        RawRequirement::All(items) => format!("{{all: [{}]}}", list(items)),
    }
}

fn catalog_of(case: &Case) -> String {
    let mut yaml = String::from("provider: {id: p, name: P}\ncredentials:\n");
    let not_retired: Vec<usize> = (0..case.credentials.len())
        .filter(|&i| !case.credentials[i].retired)
        .collect();
    let mut stacks: Vec<usize> = Vec::new();
    for (i, c) in case.credentials.iter().enumerate() {
        let mut skills: Vec<String> = c
            .skills
            .iter()
            .map(|s| format!("s{}", s % case.skills))
            .collect();
        skills.sort();
        skills.dedup();
        let scope = Scope {
            before: i,
            stacks: &stacks,
            skills: case.skills,
            global: false,
        };
        let mut requires: Vec<String> = c
            .requires
            .iter()
            .map(|r| requirement_yaml(r, &scope))
            .collect();
        let successor = match c.successor {
            Some(n) if c.retired && !not_retired.is_empty() => format!(
                ", replaced_by: c{}",
                not_retired[usize::from(n) % not_retired.len()]
            ),
            _ => String::new(),
        };
        if c.stack {
            if requires.is_empty() {
                requires.push(requirement_yaml(
                    &RawRequirement::Credential(c.hours),
                    &scope,
                ));
            }
            // Skills are optional on a stack; hours, cost and requires are not allowed.
            let _ = writeln!(
                yaml,
                "  - {{id: c{i}, title: C{i}, kind: certification, skills: [{}], awarded_when: [{}], retired: {}{successor}}}",
                skills.join(", "),
                requires.join(", "),
                c.retired,
            );
            stacks.push(i);
            continue;
        }
        if skills.is_empty() {
            skills.push(format!("s{}", c.cost % case.skills));
        }
        let _ = writeln!(
            yaml,
            "  - {{id: c{i}, title: C{i}, kind: course, hours: {}, cost: {}, skills: [{}], requires: [{}], retired: {}{successor}}}",
            (c.hours % 4 + 1) * 10,
            u32::from(c.cost % 5) * 10,
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
    let scope = Scope {
        before: case.credentials.len(),
        stacks: &stacks,
        skills: case.skills,
        global: true,
    };
    let requires: Vec<String> = case
        .role_requires
        .iter()
        .map(|r| requirement_yaml(r, &scope))
        .collect();
    if role_skills.is_empty() && requires.is_empty() {
        role_skills.push("s0".to_owned());
    }
    let _ = writeln!(
        yaml,
        "roles:\n  - {{id: r, title: R, skills: [{}], requires: [{}]}}",
        role_skills.join(", "),
        requires.join(", ")
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
type Score = (usize, i128, i128, usize);

fn better(a: Score, b: Score) -> bool {
    a.0 > b.0 || (a.0 == b.0 && (a.1, a.2, a.3) < (b.1, b.2, b.3))
}

/// The score of taking `set` (no stacks: they are awarded, never taken) after `have`. With
/// the cost objective the primary measure is cost + hours x time value, here in
/// ten-thousandths (hundredths times hundredths) so it is exact.
fn score(
    catalog: &Catalog,
    role: RoleIdx,
    have: &Holdings,
    set: &[CredentialIdx],
    options: &Options,
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
    let cost: i128 = set
        .iter()
        .map(|&c| i128::from(catalog.credential(c).cost.hundredths()))
        .sum();
    let hours: i128 = set
        .iter()
        .map(|&c| i128::from(catalog.credential(c).hours.hundredths()))
        .sum();
    let time_value = i128::from(options.time_value.map_or(0, Amount::hundredths));
    match options.objective {
        Objective::Cost => (met, cost * 100 + hours * time_value, hours, set.len()),
        Objective::Hours => (met, hours, cost, set.len()),
    }
}

/// Whether the set can be taken in some order: the derivable fixpoint is the whole set.
/// Stacks are awarded along the way by `add_credential`.
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

/// The best score over every orderable set of credentials that may be taken: not stacks,
/// not held, not retired.
fn brute_force(catalog: &Catalog, role: RoleIdx, have: &Holdings, options: &Options) -> Score {
    let candidates: Vec<CredentialIdx> = catalog
        .credential_indices()
        .filter(|&c| {
            let credential = catalog.credential(c);
            !credential.stack && !credential.retired && !have.has_credential(c)
        })
        .collect();
    let mut best = score(catalog, role, have, &[], options);
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
        let s = score(catalog, role, have, &set, options);
        if better(s, best) {
            best = s;
        }
    }
    best
}

fn setup(case: &Case) -> (String, Catalog, Holdings, Options) {
    let yaml = catalog_of(case);
    let catalog = load(&yaml);
    // As `Holdings::of_have` builds them: credentials, then skills, then experience.
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
    for e in &case.experience {
        if let Some(field) = catalog.find_skill(&format!("s{}", e.field % case.skills)) {
            let tenure = if e.accruing {
                Tenure::Since(jiff::civil::date(2024, 3, 1))
            } else {
                Tenure::Months(HELD_MONTHS[usize::from(e.months) % HELD_MONTHS.len()])
            };
            have.add_experience(&catalog, field, tenure);
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
            .map(|b| Amount::from_f64(f64::from(b % 8) * 15.0)),
        max_hours: case
            .max_hours
            .map(|h| Amount::from_f64(f64::from(h % 8 + 1) * 10.0)),
        time_value: case
            .time_value
            .map(|halves| Amount::from_f64(f64::from(halves) / 2.0)),
        deadline: None,
        max_nodes: None,
    };
    (yaml, catalog, have, options)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(2_000)))]

    #[test]
    fn nothing_beats_the_recommendation_and_it_is_a_valid_plan(case in case()) {
        let (yaml, catalog, have, options) = setup(&case);
        let role = catalog.find_role("r").expect("the role");
        let rec = recommend(&catalog, role, &have, &options);
        let ctx = format!("{yaml}\nhave: {have:?}\noptions: {options:?}\nrecommended: {rec:?}");
        prop_assert!(rec.optimal, "{ctx}");
        // A valid plan: distinct, not held, not retired, no stack, in a valid order, within
        // limits.
        let mut had = have.clone();
        for &step in &rec.steps {
            prop_assert!(!had.has_credential(step), "repeated or held step {step:?}\n{ctx}");
            prop_assert!(!catalog.credential(step).retired, "{ctx}");
            prop_assert!(!catalog.credential(step).stack, "stack {step:?} as a step\n{ctx}");
            prop_assert!(had.can_take(&catalog, step), "step {step:?} out of order\n{ctx}");
            had.add_credential(&catalog, step);
        }
        prop_assert!(within(&catalog, &rec.steps, &options), "{ctx}");
        let cost: Amount = rec.steps.iter().map(|&c| catalog.credential(c).cost).sum();
        let hours: Amount = rec.steps.iter().map(|&c| catalog.credential(c).hours).sum();
        prop_assert_eq!((rec.total_cost, rec.total_hours), (cost, hours), "{}", ctx);
        let got = score(&catalog, role, &have, &rec.steps, &options);
        prop_assert_eq!(got.0, rec.met, "{}", ctx);
        prop_assert_eq!(rec.unmet.len(), catalog.role(role).requirements.len() - rec.met, "{}", ctx);
        let best = brute_force(&catalog, role, &have, &options);
        prop_assert_eq!(got, best, "{}", ctx);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(2_000)))]

    /// Stopped early (after a few search nodes, the same on every machine), the answer is
    /// still a valid plan, and the gap it gives is kept: no plan meets more requirements,
    /// and none meeting as many costs less than `1 - gap` times it.
    #[test]
    fn a_stopped_search_keeps_the_gap_it_gives(case in case(), nodes in 1u64..6) {
        let (yaml, catalog, have, mut options) = setup(&case);
        options.max_nodes = Some(nodes);
        let role = catalog.find_role("r").expect("the role");
        let rec = recommend(&catalog, role, &have, &options);
        let ctx = format!("{yaml}\nhave: {have:?}\noptions: {options:?}\nrecommended: {rec:?}");
        let mut had = have.clone();
        for &step in &rec.steps {
            prop_assert!(had.can_take(&catalog, step), "step {step:?} out of order\n{ctx}");
            had.add_credential(&catalog, step);
        }
        prop_assert!(within(&catalog, &rec.steps, &options), "{ctx}");
        prop_assert!(rec.optimal || rec.gap.is_none_or(|gap| gap.0 <= 10_000), "{ctx}");
        let got = score(&catalog, role, &have, &rec.steps, &options);
        let best = brute_force(&catalog, role, &have, &options);
        if rec.optimal {
            prop_assert_eq!(got, best, "{}", ctx);
        } else if let Some(gap) = rec.gap {
            prop_assert_eq!(got.0, best.0, "a plan meets more requirements\n{}", ctx);
            prop_assert!(
                best.1 * 10_000 >= got.1 * i128::from(10_000 - gap.0),
                "the best ({}) is more than {} below {}\n{ctx}",
                best.1,
                gap.percent(),
                got.1
            );
        }
    }
}
