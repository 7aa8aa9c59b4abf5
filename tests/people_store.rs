//! People and their plans on disk: a person's holdings live in their profile and show in
//! every plan of theirs; two plans saving at once keep both changes; plan files from before
//! people move into a profile without loss, even when the move is cut short at any step.

use jiff::civil::Date;
use upskill::catalog::Amount;
use upskill::plan::{Person, Plan, Profile};
use upskill::store::{PlanName, PlanStore};

fn today() -> Date {
    "2027-01-04".parse().expect("a date")
}

fn name(text: &str) -> PlanName {
    PlanName::parse(text).expect("a name")
}

/// A plan of person `person`, as a new plan is made for them.
fn plan_of(plan: &str, person: &str) -> Plan {
    let mut made = Plan::new(plan, today());
    made.person = Some(Person::named(person));
    made
}

/// A plan file as upskill wrote them before people: its own holdings and settings.
const OLD_PLAN: &str = "format: 1
name: alex
role: cloud-engineer
have:
  credentials: [google/it-support, {id: comptia/a-plus, earned: 2025-03-01}]
  skills: [python]
  experience: [{field: security, months: 24}]
hours_per_week: 8
start: 2027-01-04
budget: 1500
steps:
  - {id: comptia/network-plus, status: done, completed: 2027-03-01}
notes: Prefers self-paced online.
";

fn old_plan_in(store: &PlanStore) -> std::path::PathBuf {
    std::fs::create_dir_all(store.folder()).expect("folder");
    let path = store.folder().join("alex.yaml");
    std::fs::write(&path, OLD_PLAN).expect("written");
    path
}

#[test]
fn a_persons_plan_keeps_their_holdings_in_their_profile() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let mut plan = plan_of("alex", "alex");
    plan.have.credentials.push("comptia/a-plus".into());
    plan.hours_per_week = Amount(800);
    let written = store.create(&plan, false).expect("saved");
    let profile = written.person.expect("a person's plan");
    assert_eq!(profile.have.credentials, ["comptia/a-plus"]);
    let plan_file = std::fs::read_to_string(written.path).expect("read");
    assert!(plan_file.contains("person: alex"), "{plan_file}");
    assert!(
        !plan_file.contains("a-plus"),
        "the holdings are the person's: {plan_file}"
    );
    let profile_file =
        std::fs::read_to_string(dir.path().join("people/alex.yaml")).expect("a profile file");
    assert!(profile_file.contains("comptia/a-plus"), "{profile_file}");
    assert!(profile_file.contains("hours_per_week: 8"), "{profile_file}");
    let back = store.load(&name("alex"), today()).expect("loads").plan;
    assert_eq!(back.have.credentials, ["comptia/a-plus"]);
    assert_eq!(back.hours_per_week, Amount(800));
}

#[test]
fn what_one_plan_adds_to_a_person_shows_in_their_other_plans() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    store
        .create(&plan_of("alex", "alex"), false)
        .expect("saved");
    store
        .create(&plan_of("alex-2028", "alex"), false)
        .expect("saved");
    let mut first = store.load(&name("alex"), today()).expect("loads").plan;
    first.have.credentials.push("comptia/a-plus".into());
    let mut lock = store.lock(&name("alex")).expect("lock");
    store.save(&first, &mut lock).expect("saved");
    let second = store.load(&name("alex-2028"), today()).expect("loads").plan;
    assert_eq!(second.have.credentials, ["comptia/a-plus"]);
}

#[test]
fn two_plans_of_one_person_saving_at_once_keep_both_changes() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    store
        .create(&plan_of("alex", "alex"), false)
        .expect("saved");
    store
        .create(&plan_of("alex-2028", "alex"), false)
        .expect("saved");
    // Both open, as in two upskills.
    let mut one = store.load(&name("alex"), today()).expect("loads").plan;
    let mut two = store.load(&name("alex-2028"), today()).expect("loads").plan;
    one.have.credentials.push("comptia/a-plus".into());
    two.have.skills.push("python".into());
    two.budget = Some(Amount(150_000));
    let mut lock_one = store.lock(&name("alex")).expect("lock");
    let mut lock_two = store.lock(&name("alex-2028")).expect("lock");
    store.save(&one, &mut lock_one).expect("saved");
    let written = store.save(&two, &mut lock_two).expect("saved");
    let person = written.person.expect("a person");
    assert_eq!(
        person.have.credentials,
        ["comptia/a-plus"],
        "kept from the other plan"
    );
    assert_eq!(person.have.skills, ["python"]);
    assert_eq!(person.budget, Some(Amount(150_000)));
    let on_disk = store.people().load(&name("alex")).expect("profile");
    assert_eq!(on_disk, person);
}

#[test]
fn a_plan_from_before_people_moves_into_a_profile_without_loss() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let path = old_plan_in(&store);
    let before = store.load(&name("alex"), today()).expect("loads").plan;
    assert!(before.person.is_none());
    let mut lock = store.lock(&name("alex")).expect("lock");
    let (moved, note) = store
        .migrate(&name("alex"), &mut lock, today())
        .expect("moved");
    assert!(note.expect("says so").contains("person `alex`"));
    let after = store.load(&name("alex"), today()).expect("loads").plan;
    assert_eq!(after, moved);
    assert_eq!(
        after.have, before.have,
        "every holding, with its earned date"
    );
    assert_eq!(after.hours_per_week, before.hours_per_week);
    assert_eq!(after.budget, before.budget);
    assert_eq!(after.steps, before.steps);
    assert_eq!(after.notes, before.notes);
    let plan_file = std::fs::read_to_string(&path).expect("read");
    assert!(plan_file.contains("person: alex") && !plan_file.contains("python"));
    assert!(
        !store.backup_path(&name("alex")).exists(),
        "the backup goes once saved"
    );
    // A second open changes nothing.
    let (_, again) = store
        .migrate(&name("alex"), &mut lock, today())
        .expect("nothing to do");
    assert!(again.is_none());
    assert_eq!(store.people().names().expect("people"), ["alex"]);
}

/// The move cut short after each of its steps; the next open finishes it, with one person
/// and the plan's holdings whole.
#[test]
fn a_move_cut_short_at_any_step_is_finished_by_the_next_open() {
    for step in 1..=3 {
        let dir = tempfile::tempdir().expect("temp");
        let store = PlanStore::in_data_dir(dir.path());
        let path = old_plan_in(&store);
        let before = store.load(&name("alex"), today()).expect("loads").plan;
        let backup = store.backup_path(&name("alex"));
        // What the files are after step `step` of the move, and no further.
        std::fs::write(&backup, OLD_PLAN).expect("step 1: the backup");
        if step >= 2 {
            let mut profile = Profile::new("alex");
            profile.have = before.have.clone();
            profile.hours_per_week = before.hours_per_week;
            profile.budget = before.budget;
            store
                .people()
                .create(&profile)
                .expect("step 2: the profile");
        }
        if step >= 3 {
            let mut plan = before.clone();
            plan.person = Some(Person::named("alex"));
            let mut lock = store.lock(&name("alex")).expect("lock");
            store.save(&plan, &mut lock).expect("step 3: the plan");
        }
        let mut lock = store.lock(&name("alex")).expect("lock");
        store
            .migrate(&name("alex"), &mut lock, today())
            .expect("finished");
        let after = store.load(&name("alex"), today()).expect("loads").plan;
        assert_eq!(after.have, before.have, "after step {step}");
        assert_eq!(
            after.hours_per_week, before.hours_per_week,
            "after step {step}"
        );
        assert_eq!(
            store.people().names().expect("people"),
            ["alex"],
            "after step {step}"
        );
        assert!(!backup.exists(), "after step {step}");
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("person: alex")
        );
    }
}

#[test]
fn a_plan_whose_name_another_person_has_gets_a_person_of_its_own() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let mut someone = Profile::new("alex");
    someone
        .have
        .credentials
        .push("aws/cloud-practitioner".into());
    store.people().create(&someone).expect("another alex");
    old_plan_in(&store);
    let mut lock = store.lock(&name("alex")).expect("lock");
    let (moved, _) = store
        .migrate(&name("alex"), &mut lock, today())
        .expect("moved");
    assert_eq!(moved.person.expect("a person").name, "alex-2");
    assert_eq!(
        store.people().load(&name("alex")).expect("kept"),
        someone,
        "the other alex is left as they were"
    );
}

#[test]
fn joining_a_person_with_other_settings_keeps_the_plans_as_its_own() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    old_plan_in(&store);
    let before = store.load(&name("alex"), today()).expect("loads").plan;
    let mut same = Profile::new("alex");
    same.have = before.have.clone();
    same.hours_per_week = Amount(2000);
    store
        .people()
        .create(&same)
        .expect("alex, studying 20 h a week");
    let mut lock = store.lock(&name("alex")).expect("lock");
    let (moved, _) = store
        .migrate(&name("alex"), &mut lock, today())
        .expect("joined");
    assert_eq!(
        moved.hours_per_week,
        Amount(800),
        "the plan's 8 hours stay its own"
    );
    let person = moved.person.expect("a person");
    assert!(person.overrides.hours_per_week);
    assert_eq!(
        store
            .people()
            .load(&name("alex"))
            .expect("profile")
            .hours_per_week,
        Amount(2000)
    );
}

#[test]
fn a_corrupt_plan_file_is_left_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    std::fs::create_dir_all(store.folder()).expect("folder");
    let path = store.folder().join("alex.yaml");
    let corrupt = b"format: 1\nname: alex\nhave: {credentials: [\n\xff\xfe";
    std::fs::write(&path, corrupt).expect("written");
    let mut lock = store.lock(&name("alex")).expect("lock");
    let error = store
        .migrate(&name("alex"), &mut lock, today())
        .expect_err("refused");
    assert!(error.to_string().contains("alex.yaml"), "{error}");
    assert_eq!(std::fs::read(&path).expect("read"), corrupt);
    assert!(store.people().names().expect("people").is_empty());
    assert!(!store.backup_path(&name("alex")).exists());
}

#[test]
fn a_move_that_cannot_write_the_profile_leaves_the_plan_as_it_was() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let path = old_plan_in(&store);
    // A file where the people folder should be: no profile can be written.
    std::fs::write(store.people().folder(), "not a folder").expect("in the way");
    let mut lock = store.lock(&name("alex")).expect("lock");
    store
        .migrate(&name("alex"), &mut lock, today())
        .expect_err("cannot move");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), OLD_PLAN);
    let plan = store
        .load(&name("alex"), today())
        .expect("still opens")
        .plan;
    assert_eq!(plan.have.skills, ["python"]);
}

#[test]
fn a_broken_profile_is_reported_at_its_line_and_never_written_over() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    store
        .create(&plan_of("alex", "alex"), false)
        .expect("saved");
    let profile = store.people().folder().join("alex.yaml");
    std::fs::write(&profile, "format: 1\nname: alex\nhours_per_week: lots\n").expect("broken");
    let error = store.load(&name("alex"), today()).expect_err("refused");
    let shown = error.paragraph();
    assert!(shown.contains("alex.yaml:3:"), "{shown}");
    assert!(shown.contains("profile"), "{shown}");
    let mut plan = plan_of("alex", "alex");
    plan.have.skills.push("python".into());
    let mut lock = store.lock(&name("alex")).expect("lock");
    store
        .save(&plan, &mut lock)
        .expect_err("not over a broken profile");
    assert!(
        std::fs::read_to_string(&profile)
            .expect("read")
            .contains("lots")
    );
}
