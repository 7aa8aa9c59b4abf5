use super::*;
use crate::plan::Step;
use crate::plan::fixture::{NETWORK, catalog};

fn messages(yaml_steps: &[&str], role: &str) -> Vec<String> {
    let catalog = catalog(NETWORK);
    let mut plan = Plan::new("test", "2027-01-04".parse().expect("date"));
    plan.role = Some(role.to_owned());
    plan.steps = yaml_steps.iter().map(|&id| Step::planned(id)).collect();
    check(&catalog, &plan)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_valid_plan_has_no_violations() {
    assert!(messages(&["t/help-desk", "t/linux", "t/ccna"], "netadmin").is_empty());
}

#[test]
fn a_step_before_its_prerequisite_names_where_the_prerequisite_is() {
    assert_eq!(
        messages(&["t/network-plus", "t/a-plus", "t/linux"], "netadmin"),
        ["step 1 (t/network-plus): needs t/a-plus, which comes after it (step 2)"]
    );
    assert_eq!(
        messages(&["t/ccna", "t/linux"], "netadmin"),
        [
            "step 1 (t/ccna): needs skill troubleshooting, which nothing held or earlier in the plan gives"
        ]
    );
}

#[test]
fn unknown_duplicate_and_retired_steps_are_violations() {
    assert_eq!(
        messages(&["t/linux", "t/linux", "t/old-cloud", "t/linx"], "cloud")[..3],
        [
            "step 2 (t/linux): duplicate: already step 1",
            "step 3 (t/old-cloud): retired: no longer offered; replace it or mark it done",
            "step 4 (t/linx): missing: no catalog has this credential; did you mean `t/linux`?",
        ]
    );
}

#[test]
fn role_requirements_the_plan_leaves_unmet_are_listed_with_what_would_meet_them() {
    assert_eq!(
        messages(&["t/linux"], "netadmin"),
        [
            "role netadmin: skill networking is not met by the plan (add one of: t/ccna, t/network-plus)"
        ]
    );
    assert_eq!(
        messages(&[], "netadmn"),
        ["role `netadmn` is not in the catalogs; did you mean `netadmin`?"]
    );
}
