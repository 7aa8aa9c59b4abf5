//! The real binary in a real terminal (tmux): start, choose a role, recommend, refuse a move,
//! undo, quit, restart and find the plan; `kill -9` and find the last change; resize to 1x1
//! and back. tmux is required: `.ci/run` installs it where it is missing.

mod common;

use std::time::Duration;

use common::tmux::Session;

fn choose_cloud_engineer_and_recommend(session: &Session) {
    session.wait_for("Catalog 8/8");
    session.send(&["r"]);
    session.wait_for("Target role");
    session.send(&["cloud", "Enter"]);
    session.wait_for("Target role: Cloud Engineer");
    session.send(&["o"]);
    session.wait_for("Recommended the cheapest path: 2 new steps");
}

#[test]
fn a_plan_made_survives_quitting_and_restarting() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start(home.path(), "restart");
    choose_cloud_engineer_and_recommend(&session);
    // Step 2 needs step 1, so moving it up is refused with the reason.
    session.send(&["j", "K"]);
    session.wait_for("Cannot move `acme/cloud-architect` past `acme/linux-admin`");
    session.send(&["k", "x"]);
    session.wait_for("Marked `acme/linux-admin` done");
    session.send(&["u"]);
    session.wait_for("Undid marking Linux Admin done");
    session.send(&["e", "html", "Enter"]);
    let screen = session.wait_for("Exported to");
    assert!(
        screen.contains(&format!(
            "Exported to {}/default.html",
            session.home.display()
        )),
        "{screen}"
    );
    let page = std::fs::read_to_string(session.home.join("default.html"))
        .expect("the export is in the folder upskill runs in");
    assert!(
        page.contains("Cloud Architect"),
        "the export shows the plan"
    );
    // A second export asks before it writes over the first; n leaves the file alone.
    std::fs::write(session.home.join("default.html"), "mine").expect("write");
    session.send(&["e", "html", "Enter"]);
    session.wait_for("Replace it?");
    session.send(&["n"]);
    session.wait_for("nothing exported");
    assert_eq!(
        std::fs::read_to_string(session.home.join("default.html")).expect("read"),
        "mine"
    );
    session.send(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);
    let saved = session.plan_file();
    assert!(
        saved.contains("role: cloud-engineer") && saved.contains("acme/cloud-architect"),
        "{saved}"
    );
    assert!(
        !saved.contains("done"),
        "the undone change is not saved: {saved}"
    );
    session.restart();
    let screen = session.wait_for("Cloud Architect");
    assert!(
        screen.contains("Cloud Engineer") && screen.contains("Linux Admin"),
        "{screen}"
    );
}

#[test]
fn kill_9_loses_no_change() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start(home.path(), "kill");
    choose_cloud_engineer_and_recommend(&session);
    session.send(&["x"]);
    session.wait_for("Marked `acme/linux-admin` done");
    // Without warning: nothing gets to save on exit.
    session.kill_9();
    assert_eq!(session.wait_for_exit(), 128 + 9);
    let saved = session.plan_file();
    assert!(
        saved.contains("status: done"),
        "the last change was saved as it happened: {saved}"
    );
    session.restart();
    let screen = session.wait_for("Cloud Architect");
    assert!(
        screen.contains("✓"),
        "the done step is still done:\n{screen}"
    );
}

#[test]
fn resizing_to_1x1_and_back_keeps_the_app_running() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start(home.path(), "resize");
    session.wait_for("Catalog 8/8");
    for (width, height) in [
        ("1", "1"),
        ("20", "6"),
        ("12", "4"),
        ("200", "60"),
        ("100", "30"),
    ] {
        session.tmux(&["resize-window", "-t", "app", "-x", width, "-y", height]);
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(
            session.exit_status(),
            None,
            "still running at {width}x{height}:\n{}",
            session.screen()
        );
    }
    session.wait_for("Catalog 8/8");
    session.send(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);
}

#[test]
fn help_lists_the_keys_and_escape_closes_it() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start(home.path(), "help");
    session.wait_for("Catalog 8/8");
    session.send(&["?"]);
    session.wait_for("what they do (the name to rebind it by)");
    session.send(&["Escape"]);
    session.wait_for("/ search · a add");
    session.send(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);
}

#[test]
fn a_second_upskill_on_the_same_plan_opens_it_read_only() {
    let home = tempfile::tempdir().expect("temp");
    let first = Session::start(home.path(), "first");
    first.wait_for("Catalog 8/8");
    let second = Session::start(home.path(), "second");
    second.wait_for("is open in another upskill");
    second.send(&["Enter"]);
    second.wait_for(&format!(
        "read-only: another upskill (pid {}) has plan `default` open",
        first.pid()
    ));
    // The first is unaffected and saves as usual.
    first.send(&["r", "cloud", "Enter"]);
    first.wait_for("Target role: Cloud Engineer");
    second.send(&["q"]);
    assert_eq!(second.wait_for_exit(), 0);
    first.send(&["q"]);
    assert_eq!(first.wait_for_exit(), 0);
    assert!(
        first.plan_file().contains("role: cloud-engineer"),
        "the second did not clobber the first"
    );
}

/// A catalog file with an indentation slip: the app starts on the rest, shows the problem
/// with its line and the column marked, and `e` runs `$EDITOR +LINE FILE` in the terminal;
/// when the editor (here a script that fixes the file) ends, the catalog reloads.
#[test]
fn a_catalog_problem_opens_in_the_editor_at_its_line_and_reloads_after() {
    let home = tempfile::tempdir().expect("temp");
    let mut session = Session::prepare(home.path(), "editor");
    let broken = session.catalogs.join("gamma.yaml");
    let good = "provider: {id: gamma, name: Gamma}\ncredentials:\n  - id: g\n    title: Gamma Basics\n    kind: course\n    hours: 4\n    cost: 0\n    skills: [linux]\n";
    std::fs::write(&broken, good.replace("    hours: 4", "     hours: 4")).expect("write");
    let editor = session.home.join("editor.sh");
    let args = session.home.join("editor-args");
    let fixed = session.home.join("fixed.yaml");
    std::fs::write(&fixed, good).expect("write");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$@\" > '{}'\ncat '{}' > \"$2\"\n",
            args.display(),
            fixed.display()
        ),
    )
    .expect("write");
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    session.env = format!("EDITOR={}", editor.display());
    session.launch();
    let screen = session.wait_for("Catalog problems (1)");
    assert!(
        screen.contains("line 6 is indented 5 spaces")
            && screen.contains("6 │      hours: 4")
            && screen.contains("│      ^"),
        "the problem with its line and the column marked:\n{screen}"
    );
    session.send(&["e"]);
    session.wait_for("Catalogs reloaded");
    let said = std::fs::read_to_string(&args).expect("the editor ran");
    assert_eq!(said.trim(), format!("+6 {}", broken.display()));
    assert!(
        !session.screen().contains("Catalog problems"),
        "the problems are gone with the fix"
    );
    session.send(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);
}
