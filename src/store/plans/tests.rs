use super::*;

fn today() -> Date {
    "2027-01-04".parse().expect("a date")
}

fn name(text: &str) -> PlanName {
    PlanName::parse(text).expect("a name")
}

#[test]
fn plans_are_saved_listed_renamed_and_deleted() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let mut plan = Plan::new("alex", today());
    plan.role = Some("cloud-engineer".into());
    store.create(&plan, false).expect("saves");
    store
        .create(&Plan::new("sam", today()), false)
        .expect("saves");
    let names: Vec<String> = store
        .summaries(today())
        .into_iter()
        .map(|saved| saved.name)
        .collect();
    assert_eq!(names, ["alex", "sam"]);
    store
        .rename(&name("alex"), &name("alex-2027"), today(), None)
        .expect("renames");
    assert_eq!(
        store
            .load(&name("alex-2027"), today())
            .expect("loads")
            .plan
            .name,
        "alex-2027"
    );
    assert!(
        store
            .rename(&name("sam"), &name("alex-2027"), today(), None)
            .is_err(),
        "never replaces another plan"
    );
    store.delete(&name("sam")).expect("deletes");
    assert_eq!(store.summaries(today()).len(), 1);
}

/// The app has `alex` open; its folder is removed and another upskill makes `alex` anew.
/// The app's rename must not take the other's plan (or its lock) with it.
#[test]
fn a_rename_under_a_lock_lost_with_the_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let mut app = store.lock(&name("alex")).expect("the app has it");
    store
        .save(&Plan::new("alex", today()), &mut app)
        .expect("saves");
    std::fs::remove_dir_all(store.folder()).expect("removed");
    let mut other = store.lock(&name("alex")).expect("another upskill");
    store
        .save(&Plan::new("alex", today()), &mut other)
        .expect("saves");
    assert!(matches!(
        store.rename(&name("alex"), &name("alex-2"), today(), Some(&mut app)),
        Err(StoreError::Locked(LockError::Held { .. }))
    ));
    assert!(store.exists(&name("alex")));
    assert!(!store.exists(&name("alex-2")));
    assert!(
        store.folder().join(".alex.lock").exists(),
        "the other's lock stays"
    );
    assert!(store.lock(&name("alex")).is_err(), "and still holds");
}

#[test]
fn a_new_plan_never_replaces_a_file_already_there() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let mut kept = Plan::new("alex", today());
    kept.notes = Some("made by a command meanwhile".into());
    store.create(&kept, false).expect("saves");
    let mut lock = store.lock(&name("alex")).expect("locks");
    assert!(matches!(
        store.save_new(&Plan::new("alex", today()), &mut lock),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(
        store.load(&name("alex"), today()).expect("loads").plan,
        kept
    );
}

#[test]
fn a_file_named_in_decomposed_unicode_is_listed_with_how_to_fix_it() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    std::fs::create_dir_all(store.folder()).expect("dir");
    std::fs::write(store.folder().join("zoe\u{308}.yaml"), "name: zoe\n").expect("write");
    let listed = store.summaries(today());
    let why = listed[0].broken.as_deref().unwrap_or_default();
    assert!(
        why.contains(
            "its accents are written decomposed; the plan's name is `zo\u{eb}`; rename the file"
        ),
        "{why}"
    );
}

#[test]
fn renaming_a_plan_to_its_own_name_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    store
        .create(&Plan::new("jordan", today()), false)
        .expect("saves");
    store
        .rename(&name("jordan"), &name("jordan"), today(), None)
        .expect("a no-op");
    assert!(store.exists(&name("jordan")));
}

#[test]
fn a_broken_plan_file_is_listed_with_why_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    std::fs::create_dir_all(store.folder()).expect("dir");
    std::fs::write(store.folder().join("broken.yaml"), "steps: [\n").expect("write");
    let listed = store.summaries(today());
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0]
            .broken
            .as_deref()
            .is_some_and(|why| why.contains("broken.yaml:")),
        "{listed:?}"
    );
    assert_eq!(
        std::fs::read_to_string(store.folder().join("broken.yaml")).expect("read"),
        "steps: [\n"
    );
}

#[test]
fn saved_plans_are_the_yaml_files_by_name_without_hidden_files_or_folders() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    std::fs::create_dir_all(store.folder()).expect("dir");
    for file in [
        "sam.yaml",
        "alex.yaml",
        ".upskill-x1.tmp",
        ".alex.lock",
        "notes.txt",
        ".yaml",
    ] {
        std::fs::write(store.folder().join(file), "").expect("write");
    }
    std::fs::create_dir(store.folder().join("folder.yaml")).expect("mkdir");
    let stems: Vec<String> = store
        .entries()
        .expect("lists")
        .into_iter()
        .map(|entry| entry.stem)
        .collect();
    assert_eq!(stems, ["alex", "sam"]);
    let empty = PlanStore::in_data_dir(&dir.path().join("none"));
    assert!(empty.entries().expect("lists").is_empty());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_plans_folder_is_listed_as_unreadable_without_blocking() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    std::fs::create_dir_all(store.folder()).expect("dir");
    let made = std::process::Command::new("mkfifo")
        .arg(store.folder().join("x.yaml"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let listed = store.summaries(today());
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0]
            .broken
            .as_deref()
            .is_some_and(|why| why.contains("it is a FIFO (a named pipe), not a regular file")),
        "{listed:?}"
    );
    std::fs::write(dir.path().join("last-plan"), "").expect("note");
    std::fs::remove_file(dir.path().join("last-plan")).expect("rm");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("last-plan"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    assert!(
        store
            .last_used()
            .is_err_and(|why| why.ends_with("it is a FIFO (a named pipe), not a regular file")),
        "a FIFO in its place is said, not read"
    );
}

#[test]
fn the_file_name_is_the_plan_and_a_different_name_inside_is_reported() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    store
        .create(&Plan::new("alex", today()), false)
        .expect("saves");
    std::fs::copy(
        store.path(&name("alex")),
        store.folder().join("alex-2028.yaml"),
    )
    .expect("copy");
    let opened = store.load(&name("alex-2028"), today()).expect("loads");
    assert_eq!(opened.plan.name, "alex-2028");
    assert_eq!(opened.file_said.as_deref(), Some("alex"));
    let mut lock = store.lock(&name("alex-2028")).expect("locks");
    let mut changed = opened.plan.clone();
    changed.notes = Some("2028 version".into());
    store.save(&changed, &mut lock).expect("saves");
    let alex = store.load(&name("alex"), today()).expect("loads");
    assert_eq!(alex.plan.notes, None, "the other plan is untouched");
    let again = store.load(&name("alex-2028"), today()).expect("loads");
    assert_eq!(again.file_said, None, "the name inside is corrected");
    assert_eq!(again.plan.notes.as_deref(), Some("2028 version"));
}

#[test]
fn a_plan_open_elsewhere_is_not_written_by_a_command() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let _app = store.lock(&name("hand2")).expect("the app has it");
    let refused = store
        .create(&Plan::new("hand2", today()), true)
        .expect_err("locked");
    assert_eq!(
        refused.to_string(),
        format!(
            "`hand2` is open in another upskill (pid {}); close it first",
            std::process::id()
        )
    );
    assert!(!store.exists(&name("hand2")));
    assert!(store.delete(&name("hand2")).is_err());
}

#[test]
fn a_plan_too_big_to_read_back_is_never_written() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let mut plan = Plan::new("huge", today());
    plan.notes = Some("x".repeat(9 * 1024 * 1024));
    let refused = store.create(&plan, false).expect_err("too big");
    assert!(
        refused
            .to_string()
            .contains("more than the 8 MiB a plan file can hold"),
        "{refused}"
    );
    assert!(!store.exists(&name("huge")));
}

#[test]
fn the_last_plan_is_remembered() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    assert_eq!(store.last_used(), Ok(None));
    store.remember(&name("alex")).expect("remembers");
    assert_eq!(store.last_used(), Ok(Some(name("alex"))));
    assert_eq!(store.free_name(&name("alex")), name("alex"));
}

#[test]
fn a_saved_plan_loads_back_the_same() {
    let dir = tempfile::tempdir().expect("temp");
    let store = PlanStore::in_data_dir(dir.path());
    let mut plan = Plan::new("alex", today());
    plan.steps.push(crate::plan::Step::planned("t/linux"));
    store.create(&plan, false).expect("saves");
    assert_eq!(
        store.load(&name("alex"), today()).expect("loads").plan,
        plan
    );
}
