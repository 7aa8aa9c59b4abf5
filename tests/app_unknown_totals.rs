//! The app's totals with a step of unknown cost or hours: the header, the comparison's table
//! and the clients view say "≥ … + N unknown", never a bare sum that reads the unknown as 0.

mod common;

use std::sync::Arc;

use common::app::*;
use upskill::catalog::{self, Amount};
use upskill::plan::clients::people;
use upskill::plan::{Person, Plan, Step};
use upskill::tui::app::App;
use upskill::tui::update::{Msg, update};

/// The test catalog with the bootcamp's price unknown and Linux Admin's hours unknown.
fn app_with_unknowns() -> App {
    let loaded = catalog::load(&fixture_sources());
    let mut catalog = loaded.catalog;
    let bootcamp = catalog.find_credential("acme/fast-track").expect("known");
    let linux = catalog.find_credential("acme/linux-admin").expect("known");
    let bootcamp = &mut catalog.credentials[bootcamp.index()];
    bootcamp.unknown.cost = true;
    bootcamp.cost = Amount::ZERO;
    let linux = &mut catalog.credentials[linux.index()];
    linux.unknown.hours = true;
    linux.hours = Amount::ZERO;
    let mut plan = Plan::new("sam", today());
    plan.person = Some(Person::named("sam"));
    plan.steps = ["acme/it-basics", "acme/fast-track", "acme/linux-admin"]
        .into_iter()
        .map(Step::planned)
        .collect();
    let mut app = App::new(Arc::new(catalog), plan, today());
    app.refresh_plan();
    app
}

#[test]
fn the_header_says_at_least_with_the_unknown_steps() {
    let app = app_with_unknowns();
    let screen = text(&draw(&app, 120, 30));
    let header = screen.lines().next().expect("a header");
    assert!(
        header.contains("≥ 250 USD + 1 unknown · ≥ 60 h + 1 unknown"),
        "{header}"
    );
    insta::assert_snapshot!("unknown_totals_header_120x30", header);
}

#[test]
fn the_clients_view_says_at_least_for_the_cost_left() {
    let mut app = app_with_unknowns();
    let rows = people(&app.catalog, std::slice::from_ref(&app.plan), &[], today());
    keys(&mut app, "P");
    update(&mut app, Msg::PeopleListed(Ok(rows)));
    let screen = text(&draw(&app, 120, 30));
    assert!(screen.contains("≥ 250 USD + 1 unknown"), "{screen}");
}
