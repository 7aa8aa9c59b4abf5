//! `upskill have import` run as the real binary on the wallet fixtures, in a temporary home
//! with one saved plan.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::common;

const PLAN: &str = "format: 1\nname: sam\nstart: 2026-01-05\n";

struct Home {
    home: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let home = tempfile::tempdir().expect("a temp dir");
        let plans = home.path().join("data/upskill/plans");
        std::fs::create_dir_all(&plans).expect("a plans folder");
        std::fs::write(plans.join("sam.yaml"), PLAN).expect("a plan");
        Home { home }
    }

    fn plan_file(&self) -> PathBuf {
        self.home.path().join("data/upskill/plans/sam.yaml")
    }

    fn run(&self, args: &[&str]) -> common::Run {
        let catalog = common::fixture("wallet/catalog.yaml");
        let beta = common::fixture("wallet/beta.yaml");
        let mut all = vec![
            "--no-bundled",
            "--catalog",
            catalog.to_str().expect("UTF-8"),
            "--catalog",
            beta.to_str().expect("UTF-8"),
        ];
        all.extend_from_slice(args);
        common::run(
            common::command(self.home.path(), Path::new(env!("CARGO_MANIFEST_DIR"))),
            &all,
        )
    }

    fn import(&self, extra: &[&str]) -> common::Run {
        let badges = common::fixture("wallet/badges");
        let mut args = vec![
            "have",
            "import",
            badges.to_str().expect("UTF-8"),
            "--plan",
            "sam",
        ];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

#[test]
fn without_apply_the_table_is_printed_and_nothing_is_written() {
    let home = Home::new();
    let run = home.import(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("RESULT"), "{}", run.stdout);
    for expected in [
        "-> acme/networking-basics (by title)",
        "one of acme/data-literacy, acme/data-literacy-2 (by title)",
        "2024-06-30 (expired)",
        "-> acme/cloud-basics (by same_as)",
        "-> acme/linux-essentials (by url)",
        "add `same_as: [https://example.com/achievements/teamwork]` to the credential in your catalog",
        "7 badges from 7 files: 5 matched, 1 ambiguous, 1 unmatched",
        "note: signatures are not verified and nothing is fetched",
        "note: 2 badges name the recipient by a salted hash, which cannot be checked offline",
        "nothing written: run it again with --apply to add 5 credentials to plan `sam`",
    ] {
        assert!(run.stdout.contains(expected), "{expected}:\n{}", run.stdout);
    }
    assert!(
        !run.stdout.contains('\u{1b}'),
        "an escape sequence reached the terminal"
    );
    assert_eq!(
        std::fs::read_to_string(home.plan_file()).expect("the plan"),
        PLAN
    );
}

#[test]
fn apply_adds_the_matched_credentials_with_their_dates_and_again_changes_nothing() {
    let home = Home::new();
    let first = home.import(&["--apply"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains("added 5 credentials to plan `sam`"),
        "{}",
        first.stdout
    );
    let written = std::fs::read_to_string(home.plan_file()).expect("the plan");
    for expected in [
        "- id: acme/networking-basics\n    earned: 2023-05-01\n",
        "- id: beta/project-management\n    earned: 2022-06-30\n    expires: 2024-06-30\n",
        "- id: acme/security-fundamentals\n    earned: 2025-01-15\n    expires: 2030-01-15\n",
    ] {
        assert!(written.contains(expected), "{expected}:\n{written}");
    }
    assert!(!written.contains("data-literacy"), "{written}");
    let lock_files = std::fs::read_dir(home.plan_file().parent().expect("a folder"))
        .expect("the plans folder")
        .count();
    assert_eq!(lock_files, 1, "the command's lock file is gone");
    let again = home.import(&["--apply"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stdout
            .contains("nothing to add: plan `sam` holds every matched credential already"),
        "{}",
        again.stdout
    );
    assert!(again.stdout.contains("(by title, held already)"));
    assert_eq!(
        std::fs::read_to_string(home.plan_file()).expect("the plan"),
        written
    );
    // The expired badge is held as expired: the plan's check says it no longer counts.
    let plan_path = home.plan_file();
    let check = home.run(&["check", plan_path.to_str().expect("UTF-8")]);
    assert!(
        check.stdout.contains(
            "held credential `beta/project-management` expired on 2024-06-30, so it no longer counts"
        ),
        "{}",
        check.stdout
    );
}

#[test]
fn json_output_is_one_object_with_every_badge_and_its_match() {
    let home = Home::new();
    let run = home.import(&["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let value: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(value["plan"], "sam");
    assert_eq!(value["applied"], false);
    let badges = value["badges"].as_array().expect("a list");
    assert_eq!(badges.len(), 7);
    let pm = badges
        .iter()
        .find(|b| b["id"] == "beta/project-management")
        .expect("the expired badge");
    assert_eq!(pm["expired"], true);
    assert_eq!(pm["rule"], "title");
    assert_eq!(pm["standard"], "CLR 2.0");
    let ambiguous = badges
        .iter()
        .find(|b| b["result"] == "ambiguous")
        .expect("an ambiguous badge");
    assert_eq!(
        ambiguous["candidates"],
        serde_json::json!(["acme/data-literacy", "acme/data-literacy-2"])
    );
    let unmatched = badges
        .iter()
        .find(|b| b["result"] == "unmatched")
        .expect("an unmatched badge");
    assert_eq!(
        unmatched["same_as"],
        "https://example.com/achievements/teamwork"
    );
}

#[test]
fn a_plan_that_is_not_saved_is_a_usage_error_and_a_missing_file_a_data_error() {
    let home = Home::new();
    let badges = common::fixture("wallet/badges");
    let badges = badges.to_str().expect("UTF-8");
    let no_plan = home.run(&["have", "import", badges, "--plan", "sma"]);
    assert_eq!(no_plan.code, 2, "{}", no_plan.stderr);
    assert!(
        no_plan.stderr.contains("did you mean `sam`"),
        "{}",
        no_plan.stderr
    );
    let no_file = home.run(&["have", "import", "no-such.json", "--plan", "sam"]);
    assert_eq!(no_file.code, 1, "{}", no_file.stderr);
    assert!(
        no_file
            .stderr
            .contains("no-such.json: no such file or folder")
    );
}

#[test]
fn a_badge_for_a_step_of_the_plan_is_not_held_and_the_row_says_to_mark_the_step_done() {
    let home = Home::new();
    std::fs::write(
        home.plan_file(),
        "format: 1\nname: sam\nstart: 2026-01-05\nsteps: [{id: acme/cloud-basics}]\n",
    )
    .expect("a plan");
    let run = home.import(&["--apply"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "-> acme/cloud-basics (by same_as), step 1 of the plan: mark it done there instead"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("added 4 credentials to plan `sam`"));
    let written = std::fs::read_to_string(home.plan_file()).expect("the plan");
    assert!(
        !written.contains("- id: acme/cloud-basics\n    earned"),
        "{written}"
    );
}

#[test]
fn apply_is_refused_while_another_upskill_has_the_plan_open_and_nothing_is_written() {
    let home = Home::new();
    let store = upskill::store::PlanStore::in_data_dir(&home.home.path().join("data/upskill"));
    let name = upskill::store::PlanName::parse("sam").expect("a plan name");
    let _open_in_the_app = store.lock(&name).expect("the lock");
    let run = home.import(&["--apply"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("`sam` is open in another upskill"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(home.plan_file()).expect("the plan"),
        PLAN
    );
}

/// Badges given to a person go to their profile, shared by all of their plans.
#[test]
fn a_persons_badges_join_their_profile() {
    let home = Home::new();
    let people = home.home.path().join("data/upskill/people");
    std::fs::create_dir_all(&people).expect("a people folder");
    std::fs::write(people.join("sam.yaml"), "format: 1\nname: sam\n").expect("a profile");
    let badges = common::fixture("wallet/badges");
    let badges = badges.to_str().expect("UTF-8");
    let unknown = home.run(&["have", "import", badges, "--person", "sma"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `sam`"),
        "{}",
        unknown.stderr
    );
    let run = home.run(&["have", "import", badges, "--person", "sam", "--apply"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("added 5 credentials to person `sam`"),
        "{}",
        run.stdout
    );
    let profile = std::fs::read_to_string(people.join("sam.yaml")).expect("the profile");
    assert!(
        profile.contains("- id: acme/networking-basics\n    earned: 2023-05-01\n"),
        "{profile}"
    );
    assert_eq!(
        std::fs::read_to_string(home.plan_file()).expect("the plan"),
        PLAN,
        "no plan is touched"
    );
    let both = home.run(&["have", "import", badges, "--person", "sam", "--plan", "sam"]);
    assert_eq!(both.code, 2, "one or the other");
}
