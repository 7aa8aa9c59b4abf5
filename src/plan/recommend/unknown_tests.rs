//! A cost or hours written `unknown` is never read as free or quick.

use crate::catalog::{Amount, Catalog};
use crate::plan::fixture::{catalog, ids};
use crate::plan::{Holdings, Objective, Options, Recommendation, recommend};

const UNKNOWNS: &str = "provider: {id: p, name: P}
credentials:
  - {id: priced, title: Priced, kind: certification, hours: 40, cost: 300, skills: [networking]}
  - {id: unpriced, title: Unpriced, kind: certification, hours: 10, cost: unknown, skills: [networking]}
  - {id: timed, title: Timed, kind: course, hours: 30, cost: 50, skills: [security]}
  - {id: untimed, title: Untimed, kind: course, hours: unknown, cost: 50, skills: [security]}
  - {id: only-unknown, title: Only, kind: course, hours: unknown, cost: unknown, skills: [cloud]}
roles:
  - {id: network, title: Network, skills: [networking]}
  - {id: security, title: Security, skills: [security]}
  - {id: cloud, title: Cloud, skills: [cloud]}
";

fn plan(catalog: &Catalog, role: &str, options: &Options) -> Recommendation {
    recommend(
        catalog,
        catalog.find_role(role).expect("role"),
        &Holdings::new(catalog),
        options,
    )
}

#[test]
fn a_known_cost_is_chosen_over_an_unknown_one_that_meets_the_same_requirement() {
    let catalog = catalog(UNKNOWNS);
    let rec = plan(&catalog, "network", &Options::default());
    assert_eq!(ids(&catalog, &rec.steps), ["p/priced"]);
    assert_eq!(rec.total_cost, Amount::from_f64(300.0));
}

#[test]
fn known_hours_are_chosen_over_unknown_ones_when_hours_are_the_objective() {
    let catalog = catalog(UNKNOWNS);
    let options = Options {
        objective: Objective::Hours,
        ..Options::default()
    };
    let rec = plan(&catalog, "security", &options);
    assert_eq!(ids(&catalog, &rec.steps), ["p/timed"]);
}

#[test]
fn unknown_hours_lose_a_tie_on_cost() {
    let catalog = catalog(UNKNOWNS);
    let rec = plan(&catalog, "security", &Options::default());
    assert_eq!(ids(&catalog, &rec.steps), ["p/timed"]);
}

#[test]
fn an_unknown_is_taken_only_when_nothing_known_meets_the_requirement() {
    let catalog = catalog(UNKNOWNS);
    let rec = plan(&catalog, "cloud", &Options::default());
    assert_eq!(ids(&catalog, &rec.steps), ["p/only-unknown"]);
    assert!(rec.unmet.is_empty());
}

#[test]
fn an_unknown_cost_never_fits_a_budget() {
    let catalog = catalog(UNKNOWNS);
    let options = Options {
        budget: Some(Amount::from_f64(1000.0)),
        max_hours: Some(Amount::from_f64(1000.0)),
        ..Options::default()
    };
    let rec = plan(&catalog, "cloud", &options);
    assert!(rec.steps.is_empty(), "{:?}", ids(&catalog, &rec.steps));
    assert_eq!(rec.unmet.len(), 1);
}
