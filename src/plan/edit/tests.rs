use super::*;
use crate::plan::fixture::{NETWORK, catalog, idx};

fn plan(ids: &[&str]) -> Plan {
    let mut plan = Plan::new("test", "2027-01-04".parse().expect("date"));
    plan.steps = ids.iter().map(|&id| Step::planned(id)).collect();
    plan
}

fn step_ids(plan: &Plan) -> Vec<&str> {
    plan.steps.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn adding_a_credential_brings_its_cheapest_missing_prerequisites_before_it() {
    let catalog = catalog(NETWORK);
    let added = add_with_prerequisites(&catalog, &plan(&["t/linux"]), idx(&catalog, "t/ccna"))
        .expect("added");
    assert_eq!(step_ids(&added.plan), ["t/linux", "t/help-desk", "t/ccna"]);
}

#[test]
fn adding_a_credential_whose_requirements_are_met_adds_only_it() {
    let catalog = catalog(NETWORK);
    let added = add_with_prerequisites(&catalog, &plan(&["t/a-plus"]), idx(&catalog, "t/ccna"))
        .expect("added");
    assert_eq!(step_ids(&added.plan), ["t/a-plus", "t/ccna"]);
}

#[test]
fn adding_a_planned_held_or_retired_credential_is_refused() {
    let catalog = catalog(NETWORK);
    let error = add_with_prerequisites(&catalog, &plan(&["t/linux"]), idx(&catalog, "t/linux"))
        .expect_err("refused");
    assert_eq!(
        error.to_string(),
        "`t/linux` is already in the plan (step 1)"
    );
    let mut held = plan(&[]);
    held.have.credentials.push("t/linux".into());
    let error =
        add_with_prerequisites(&catalog, &held, idx(&catalog, "t/linux")).expect_err("refused");
    assert_eq!(error.to_string(), "`t/linux` is already held");
    let error = add_with_prerequisites(&catalog, &plan(&[]), idx(&catalog, "t/old-cloud"))
        .expect_err("refused");
    assert!(error.to_string().contains("retired"));
}

#[test]
fn adding_a_credential_nothing_can_unlock_names_the_requirement() {
    let catalog = catalog(
        "provider: {id: p, name: P}
credentials:
  - {id: a, title: A, kind: course, hours: 1, cost: 1, skills: [x], requires: [{skill: nowhere}]}
",
    );
    let error =
        add_with_prerequisites(&catalog, &plan(&[]), idx(&catalog, "p/a")).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "cannot add `p/a`: it needs skill nowhere, and no credential teaches it"
    );
}

#[test]
fn removing_a_step_a_later_step_needs_is_refused_naming_that_step() {
    let catalog = catalog(NETWORK);
    let error = remove_step(
        &catalog,
        &plan(&["t/a-plus", "t/linux", "t/network-plus"]),
        0,
    )
    .expect_err("refused");
    assert_eq!(
        error.to_string(),
        "cannot remove `t/a-plus`: step 3 `t/network-plus` needs t/a-plus"
    );
    let error = remove_step(&catalog, &plan(&["t/help-desk", "t/ccna"]), 0).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "cannot remove `t/help-desk`: step 2 `t/ccna` needs skill troubleshooting, which it gives"
    );
}

#[test]
fn removing_a_step_another_also_provides_is_allowed() {
    let catalog = catalog(NETWORK);
    let after =
        remove_step(&catalog, &plan(&["t/a-plus", "t/help-desk", "t/ccna"]), 1).expect("removed");
    assert_eq!(step_ids(&after), ["t/a-plus", "t/ccna"]);
}

#[test]
fn moving_a_step_above_its_prerequisite_is_refused() {
    let catalog = catalog(NETWORK);
    let plan = plan(&["t/a-plus", "t/network-plus"]);
    let error = move_up(&catalog, &plan, 1).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "cannot move `t/network-plus` past `t/a-plus`: `t/network-plus` needs t/a-plus first"
    );
    let error = move_down(&catalog, &plan, 0).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "cannot move `t/a-plus` past `t/network-plus`: `t/network-plus` needs t/a-plus first"
    );
}

#[test]
fn moving_a_step_past_an_unrelated_one_is_allowed() {
    let catalog = catalog(NETWORK);
    let after = move_step(
        &catalog,
        &plan(&["t/a-plus", "t/linux", "t/network-plus"]),
        1,
        0,
    )
    .expect("moved");
    assert_eq!(step_ids(&after), ["t/linux", "t/a-plus", "t/network-plus"]);
    let error = move_up(&catalog, &after, 0).expect_err("refused");
    assert_eq!(error.to_string(), "`t/linux` is already the first step");
}

#[test]
fn marking_a_step_done_records_today_unless_a_date_is_given() {
    let today: Date = "2027-05-01".parse().expect("date");
    let done = set_status(&plan(&["t/linux"]), 0, Status::Done, None, today).expect("set");
    assert_eq!(done.steps[0].completed, Some(today));
    let undone = set_status(&done, 0, Status::InProgress, None, today).expect("set");
    assert_eq!(undone.steps[0].status, Status::InProgress);
    assert_eq!(undone.steps[0].completed, None);
    assert!(set_status(&done, 3, Status::Done, None, today).is_err());
}

#[test]
fn a_change_is_described_from_the_two_plans() {
    let catalog = catalog(NETWORK);
    let before = plan(&["t/linux", "t/help-desk"]);
    let said = |after: &Plan| describe(&catalog, &before, after);
    assert_eq!(
        said(&plan(&["t/linux", "t/help-desk", "t/ccna"])),
        "adding CCNA"
    );
    assert_eq!(said(&plan(&["t/linux"])), "removing Help desk");
    assert_eq!(
        said(&plan(&["t/help-desk", "t/linux"])),
        "swapping Linux and Help desk"
    );
    let longer = plan(&["t/linux", "t/help-desk", "t/a-plus", "t/ccna"]);
    let moved = plan(&["t/help-desk", "t/a-plus", "t/ccna", "t/linux"]);
    assert_eq!(describe(&catalog, &longer, &moved), "the move of Linux");
    assert_eq!(
        said(&plan(&["t/ccna", "t/a-plus"])),
        "4 changes to the steps"
    );
    let mut done = before.clone();
    done.steps[0].status = Status::Done;
    assert_eq!(said(&done), "marking Linux done");
    let mut noted = before.clone();
    noted.steps[1].note = Some("evenings".to_owned());
    assert_eq!(said(&noted), "the note on Help desk");
    let mut held = before.clone();
    held.have.skills.push("linux".to_owned());
    assert_eq!(
        said(&held),
        "marking linux held",
        "a skill, by its name or id"
    );
    let mut holder = before.clone();
    holder.have.credentials.push("t/ccna".to_owned());
    assert_eq!(describe(&catalog, &holder, &before), "unmarking CCNA held");
    holder.have.skills.push("linux".to_owned());
    assert_eq!(said(&holder), "the credentials and skills held");
    let mut slower = before.clone();
    slower.hours_per_week = crate::catalog::Amount::from_f64(2.0);
    assert_eq!(said(&slower), "the plan's settings");
}
