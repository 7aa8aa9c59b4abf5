//! The real-world rules: experience gates (fixed and accruing), `all` groups, stacks and
//! the value of time.

use crate::catalog::{Amount, Catalog};
use crate::plan::fixture::{catalog, ids};
use crate::plan::{Holdings, Options, Recommendation, Tenure, UnmetReason, recommend};

const SECURITY: &str = "provider: {id: p, name: P}
credentials:
  - {id: fundamentals, title: F, kind: course, hours: 20, cost: 0, skills: [security-fundamentals]}
  - {id: sec-plus, title: S, kind: certification, hours: 40, cost: 400, skills: [security]}
  - id: cissp
    title: CISSP
    kind: certification
    hours: 100
    cost: 749
    skills: [architecture]
    requires:
      - any:
          - {experience: {field: security, months: 60}}
          - all: [{experience: {field: security, months: 48}}, {skill: security-fundamentals}]
  - {id: architect-course, title: A, kind: course, hours: 300, cost: 2000, skills: [design]}
  - {id: net-plus, title: N, kind: certification, hours: 30, cost: 300, skills: [networking]}
  - {id: csis, title: CSIS, kind: certification, awarded_when: [sec-plus, net-plus]}
roles:
  - {id: architect, title: Architect, requires: [cissp]}
  - {id: specialist, title: Specialist, requires: [csis]}
  - {id: both, title: Both, requires: [{all: [sec-plus, {any: [net-plus, fundamentals]}]}]}
";

fn plan(catalog: &Catalog, role: &str, have: &Holdings, options: &Options) -> Recommendation {
    recommend(
        catalog,
        catalog.find_role(role).expect("role"),
        have,
        options,
    )
}

fn with_experience(catalog: &Catalog, tenure: Tenure) -> Holdings {
    let mut have = Holdings::new(catalog);
    have.add_experience(
        catalog,
        catalog.find_skill("security").expect("skill"),
        tenure,
    );
    have
}

#[test]
fn a_gate_no_experience_meets_is_unmet_with_the_reason() {
    let catalog = catalog(SECURITY);
    let have = with_experience(&catalog, Tenure::Months(24));
    let rec = plan(&catalog, "architect", &have, &Options::default());
    assert!(rec.steps.is_empty(), "{:?}", ids(&catalog, &rec.steps));
    let reason = rec.unmet[0].reason;
    assert!(matches!(reason, UnmetReason::Experience { months: 24, .. }));
    assert_eq!(
        reason.explain(&catalog),
        "needs 48 months of security experience; you have 24, not accruing"
    );
}

#[test]
fn enough_fixed_months_or_accruing_experience_opens_the_gate() {
    let catalog = catalog(SECURITY);
    let have = with_experience(&catalog, Tenure::Months(60));
    let rec = plan(&catalog, "architect", &have, &Options::default());
    assert_eq!(ids(&catalog, &rec.steps), ["p/cissp"]);
    // 48 months and the fundamentals: the other alternative of the `any`.
    let have = with_experience(&catalog, Tenure::Months(50));
    let rec = plan(&catalog, "architect", &have, &Options::default());
    assert_eq!(ids(&catalog, &rec.steps), ["p/fundamentals", "p/cissp"]);
    let since = Tenure::Since("2026-01-01".parse().expect("date"));
    let rec = plan(
        &catalog,
        "architect",
        &with_experience(&catalog, since),
        &Options::default(),
    );
    // Accruing experience reaches 60 months in time: the plan counts on it (its schedule
    // waits) rather than buy the other way in.
    assert!(rec.is_complete());
    assert_eq!(ids(&catalog, &rec.steps), ["p/cissp"]);
}

#[test]
fn a_role_requiring_a_stack_is_planned_as_its_cheapest_parts() {
    let catalog = catalog(SECURITY);
    let rec = plan(
        &catalog,
        "specialist",
        &Holdings::new(&catalog),
        &Options::default(),
    );
    assert!(rec.is_complete());
    assert_eq!(ids(&catalog, &rec.steps), ["p/net-plus", "p/sec-plus"]);
    assert_eq!(rec.total_cost, Amount::from_f64(700.0));
    // A part held already: only the other is a step.
    let mut have = Holdings::new(&catalog);
    have.add_credential(&catalog, catalog.find_credential("p/net-plus").expect("id"));
    let rec = plan(&catalog, "specialist", &have, &Options::default());
    assert_eq!(ids(&catalog, &rec.steps), ["p/sec-plus"]);
}

#[test]
fn a_stack_is_awarded_when_its_last_part_is_had() {
    let catalog = catalog(SECURITY);
    let csis = catalog.find_credential("p/csis").expect("id");
    let mut have = Holdings::new(&catalog);
    have.add_credential(&catalog, catalog.find_credential("p/sec-plus").expect("id"));
    assert!(!have.has_credential(csis));
    let before = have.clone();
    have.add_credential(&catalog, catalog.find_credential("p/net-plus").expect("id"));
    assert!(have.has_credential(csis));
    assert_eq!(have.awarded_since(&catalog, &before), [csis]);
}

#[test]
fn an_all_group_is_one_requirement_met_when_every_part_is() {
    let catalog = catalog(SECURITY);
    let rec = plan(
        &catalog,
        "both",
        &Holdings::new(&catalog),
        &Options::default(),
    );
    assert!(rec.is_complete());
    assert_eq!(rec.met, 1);
    // The free fundamentals course beats Network+ for the `any` inside the group.
    assert_eq!(ids(&catalog, &rec.steps), ["p/fundamentals", "p/sec-plus"]);
}

#[test]
fn a_value_of_time_makes_a_short_paid_course_beat_a_long_free_one() {
    let catalog = catalog(
        "provider: {id: p, name: P}
credentials:
  - {id: free-long, title: Free, kind: course, hours: 300, cost: 0, skills: [x]}
  - {id: paid-short, title: Paid, kind: course, hours: 20, cost: 100, skills: [x]}
roles:
  - {id: r, title: R, skills: [x]}
",
    );
    let free = plan(&catalog, "r", &Holdings::new(&catalog), &Options::default());
    assert_eq!(ids(&catalog, &free.steps), ["p/free-long"]);
    let options = Options {
        time_value: Some(Amount::from_f64(10.0)),
        ..Options::default()
    };
    // 100 + 20 x 10 = 300 beats 0 + 300 x 10 = 3000.
    let valued = plan(&catalog, "r", &Holdings::new(&catalog), &options);
    assert_eq!(ids(&catalog, &valued.steps), ["p/paid-short"]);
    // At 0.30 an hour the free course still wins: 90 against 106.
    let options = Options {
        time_value: Some(Amount::from_f64(0.3)),
        ..Options::default()
    };
    let cheap_time = plan(&catalog, "r", &Holdings::new(&catalog), &options);
    assert_eq!(ids(&catalog, &cheap_time.steps), ["p/free-long"]);
}

#[test]
fn a_stack_met_by_held_skills_or_experience_is_had_and_a_retired_one_is_not() {
    let catalog = catalog(
        "provider: {id: p, name: P}
credentials:
  - {id: by-skill, title: S, kind: certification, awarded_when: [{skill: s}]}
  - {id: by-experience, title: E, kind: certification, awarded_when: [{experience: {field: s, months: 12}}]}
  - {id: gone, title: G, kind: certification, awarded_when: [{skill: s}], retired: true}
  - {id: course, title: C, kind: course, hours: 1, cost: 0, skills: [t]}
roles:
  - {id: r, title: R, requires: [by-skill, by-experience]}
  - {id: old, title: O, requires: [gone]}
",
    );
    let s = catalog.find_skill("s").expect("skill");
    let mut have = Holdings::new(&catalog);
    have.add_skill(&catalog, s);
    have.add_experience(&catalog, s, Tenure::Months(12));
    let rec = plan(&catalog, "r", &have, &Options::default());
    assert!(rec.is_complete() && rec.steps.is_empty(), "{rec:?}");
    let rec = plan(&catalog, "old", &have, &Options::default());
    assert_eq!(rec.unmet[0].reason, UnmetReason::Retired);
}

#[test]
fn adding_a_stack_adds_its_cheapest_parts_and_never_the_stack() {
    let catalog = catalog(SECURITY);
    let plan = crate::plan::Plan::new("p", "2027-01-04".parse().expect("date"));
    let csis = catalog.find_credential("p/csis").expect("id");
    let added = crate::plan::edit::add_with_prerequisites(&catalog, &plan, csis).expect("added");
    assert_eq!(ids(&catalog, &added.added), ["p/net-plus", "p/sec-plus"]);
    assert!(crate::plan::check(&catalog, &added.plan).is_empty());
    // A stack written into a plan file by hand is named as one.
    let mut by_hand = added.plan.clone();
    by_hand.steps.push(crate::plan::Step::planned("p/csis"));
    let problems: Vec<String> = crate::plan::check(&catalog, &by_hand)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("a stack, awarded when its parts are held")),
        "{problems:?}"
    );
}

#[test]
fn a_retired_step_swaps_for_the_end_of_its_chain_of_successors_unless_it_is_done() {
    let catalog = catalog(
        "provider: {id: p, name: P}
credentials:
  - {id: a, title: A, kind: certification, hours: 1, cost: 1, skills: [x], retired: true, replaced_by: b}
  - {id: b, title: B, kind: certification, hours: 1, cost: 1, skills: [x], retired: true, replaced_by: c}
  - {id: c, title: C, kind: certification, hours: 1, cost: 1, skills: [x]}
",
    );
    let a = catalog.find_credential("p/a").expect("id");
    assert_eq!(catalog.successor(a), catalog.find_credential("p/c"));
    let mut plan = crate::plan::Plan::new("p", "2027-01-04".parse().expect("date"));
    plan.steps = vec![crate::plan::Step::planned("p/a")];
    let swapped = crate::plan::edit::swap_successor(&catalog, &plan, 0).expect("swapped");
    assert_eq!(swapped.steps[0].id, "p/c");
    plan.steps[0].status = crate::plan::Status::Done;
    let refused = crate::plan::edit::swap_successor(&catalog, &plan, 0).expect_err("done stays");
    assert_eq!(
        refused.to_string(),
        "`p/a` is done: a credential earned stays in the plan as it was earned"
    );
}

#[test]
fn a_step_barred_by_experience_never_counts_and_check_says_why() {
    let catalog = catalog(SECURITY);
    let mut plan = crate::plan::Plan::new("p", "2027-01-04".parse().expect("date"));
    plan.role = Some("architect".to_owned());
    plan.have.experience = vec!["security=24".parse().expect("experience")];
    plan.steps = vec![
        crate::plan::Step::planned("p/sec-plus"),
        crate::plan::Step::planned("p/cissp"),
    ];
    let covered = crate::plan::coverage(&catalog, &plan).expect("a role");
    assert_eq!((covered.met, covered.total), (0, 1));
    let problems: Vec<String> = crate::plan::check(&catalog, &plan)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems[0],
        "step 2 (p/cissp): needs 48 months of security experience; you have 24, not accruing; add the learner's experience to the plan, or remove this step"
    );
    // With the months it counts again.
    plan.have.experience = vec!["security=60".parse().expect("experience")];
    assert_eq!(
        crate::plan::coverage(&catalog, &plan).expect("a role").met,
        1
    );
}

#[test]
fn a_stack_that_lasts_while_its_parts_do_expires_with_the_first() {
    let catalog = catalog(
        "provider: {id: p, name: P}
credentials:
  - {id: a, title: A, kind: certification, hours: 1, cost: 1, skills: [x], valid_for_months: 36}
  - {id: b, title: B, kind: certification, hours: 1, cost: 1, skills: [y], valid_for_months: 36}
  - {id: ab, title: AB, kind: certification, awarded_when: [a, b], while_parts_valid: true}
",
    );
    let mut plan = crate::plan::Plan::new("p", "2027-01-04".parse().expect("date"));
    plan.have.credentials = vec!["p/a".into(), "p/b".into(), "p/ab".into()];
    plan.have
        .earned
        .insert("p/a".into(), "2023-06-01".parse().expect("date"));
    plan.have
        .earned
        .insert("p/b".into(), "2025-01-01".parse().expect("date"));
    let expires = crate::plan::held_expiry(&catalog, &plan.have, "p/ab");
    assert_eq!(expires, Some("2026-06-01".parse().expect("date")));
    let ab = catalog.find_credential("p/ab").expect("id");
    assert!(!Holdings::of_plan(&catalog, &plan).has_credential(ab));
    plan.have
        .earned
        .insert("p/a".into(), "2025-06-01".parse().expect("date"));
    assert!(Holdings::of_plan(&catalog, &plan).has_credential(ab));
}

#[test]
fn an_expiry_the_issuer_gave_wins_over_the_catalogs_validity_and_an_expired_holding_does_not_count()
{
    let catalog = catalog(
        "provider: {id: p, name: P}
credentials:
  - {id: a, title: A, kind: badge, hours: 1, cost: 1, skills: [x], valid_for_months: 36}
  - {id: b, title: B, kind: badge, hours: 1, cost: 1, skills: [y]}
",
    );
    let date = |text: &str| -> jiff::civil::Date { text.parse().expect("date") };
    let mut plan = crate::plan::Plan::new("p", date("2027-01-04"));
    plan.have.credentials = vec!["p/a".into(), "p/b".into()];
    plan.have.earned.insert("p/a".into(), date("2026-01-01"));
    plan.have.expires.insert("p/a".into(), date("2026-12-31"));
    plan.have.expires.insert("p/b".into(), date("2027-06-01"));
    assert_eq!(
        crate::plan::held_expiry(&catalog, &plan.have, "p/a"),
        Some(date("2026-12-31"))
    );
    let holdings = Holdings::of_plan(&catalog, &plan);
    assert!(!holdings.has_credential(catalog.find_credential("p/a").expect("id")));
    assert!(holdings.has_credential(catalog.find_credential("p/b").expect("id")));
}
