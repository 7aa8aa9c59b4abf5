//! People in the real binary in a real terminal (tmux): two people with two plans each, a
//! holding added in one plan of a person seen in their other plan, a copy to try another
//! role, the comparison of two saved plans, the clients view, and all of it back after
//! quitting and starting again.

mod common;

use common::tmux::Session;

/// Starts a new plan from the plans list: `choice` is p (a new person), f (the open plan's
/// person) or c (a copy of the open plan).
fn new_plan(session: &Session, name: &str, choice: &str) {
    session.send(&["p"]);
    session.wait_for("Saved plans");
    session.send(&[name, "C-n"]);
    session.wait_for("who is it for?");
    session.send(&[choice]);
    session.wait_for(&format!("New plan `{name}`"));
}

fn role_and_recommend(session: &Session, role: &str, title: &str) {
    session.send(&["r"]);
    session.wait_for("Target role");
    session.send(&[role, "Enter"]);
    session.wait_for(&format!("Target role: {title}"));
    session.send(&["o"]);
    session.wait_for("Recommended the cheapest path");
}

#[test]
fn two_people_with_two_plans_each_share_holdings_compare_and_come_back() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start(home.path(), "people");
    session.wait_for("Catalog 8/8");
    new_plan(&session, "alex", "p");
    role_and_recommend(&session, "network", "Network Administrator");
    new_plan(&session, "alex-cloud", "f");
    role_and_recommend(&session, "cloud", "Cloud Engineer");
    new_plan(&session, "sam", "p");
    role_and_recommend(&session, "cloud", "Cloud Engineer");
    new_plan(&session, "sam-what-if", "c");
    session.send(&["r"]);
    session.wait_for("Target role");
    session.send(&["network", "Enter"]);
    session.wait_for("Target role: Network Administrator");
    // Alex holds Linux Admin, marked in alex-cloud: alex's other plan has it too.
    session.send(&["p"]);
    session.wait_for("Saved plans");
    session.send(&["alex-cloud", "Enter"]);
    session.wait_for("Opened plan `alex-cloud`");
    session.send(&["/"]);
    session.send(&["fast track", "Enter"]);
    session.send(&["h"]);
    session.wait_for("held");
    session.send(&["p"]);
    session.wait_for("Saved plans");
    session.send(&["C-u", "alex", "Enter"]);
    session.wait_for("Opened plan `alex`");
    let profile = std::fs::read_to_string(session.home.join("data/upskill/people/alex.yaml"))
        .expect("alex's profile");
    assert!(profile.contains("acme/fast-track"), "{profile}");
    // The clients view: two people, two plans each.
    session.send(&["P"]);
    let clients = session.wait_for("Clients, by name");
    for line in ["alex-cloud", "sam-what-if", "2 plans"] {
        assert!(clients.contains(line), "{line}:\n{clients}");
    }
    session.send(&["Escape"]);
    // Compare alex with alex-cloud.
    session.send(&["c"]);
    session.wait_for("Compare with the recommendations");
    session.send(&["o"]);
    session.wait_for("Compare with which plan?");
    session.send(&["alex-cloud", "Enter"]);
    let compared = session.wait_for("beside `alex-cloud`");
    assert!(compared.contains("Only in alex"), "{compared}");
    session.send(&["Escape"]);
    session.send(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);
    session.restart();
    session.wait_for("plan alex");
    session.send(&["P"]);
    let again = session.wait_for("Clients, by name");
    assert!(
        again.contains("sam-what-if") && again.contains("alex-cloud"),
        "{again}"
    );
}

const OLD_PLAN: &str = "format: 1\nname: default\nrole: cloud-engineer\nhave:\n  credentials: [acme/it-basics]\nhours_per_week: 6\nstart: 2027-01-04\nsteps:\n  - {id: acme/linux-admin, status: planned}\n";

/// A plan file from before people moves into a profile when the app opens it, but not while
/// another upskill has it open: then it is read-only here and left byte for byte.
#[test]
fn a_plan_from_before_people_moves_into_a_profile_unless_another_upskill_has_it() {
    let home = tempfile::tempdir().expect("temp");
    let plans = home.path().join("data/upskill/plans");
    std::fs::create_dir_all(&plans).expect("plans");
    std::fs::write(plans.join("default.yaml"), OLD_PLAN).expect("an old plan");
    // Another upskill holds the plan: this one opens it read-only and moves nothing.
    let store = upskill::store::PlanStore::in_data_dir(&home.path().join("data/upskill"));
    let name = upskill::store::PlanName::parse("default").expect("a name");
    let held = store.lock(&name).expect("the other upskill's lock");
    let session = Session::start(home.path(), "migrate");
    session.wait_for("is open in another upskill");
    session.send(&["Enter"]);
    session.wait_for("read-only");
    session.send(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);
    assert_eq!(
        std::fs::read_to_string(plans.join("default.yaml")).expect("read"),
        OLD_PLAN
    );
    assert!(!home.path().join("data/upskill/people").exists());
    held.remove_file();
    // Now it is this upskill's: the holdings move into person `default`.
    session.restart();
    session.wait_for("moved to a profile for person `default`");
    session.send(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);
    let plan = std::fs::read_to_string(plans.join("default.yaml")).expect("read");
    assert!(
        plan.contains("person: default") && !plan.contains("it-basics"),
        "{plan}"
    );
    let profile = std::fs::read_to_string(home.path().join("data/upskill/people/default.yaml"))
        .expect("a profile");
    assert!(
        profile.contains("acme/it-basics") && profile.contains("hours_per_week: 6"),
        "{profile}"
    );
    assert!(!plans.join("default.yaml.backup").exists());
}
