//! The real binary in tmux, broken on purpose: signals, job control, a dumb terminal, a
//! disk that refuses the save, the plans folder removed under it, and special files where
//! upskill expects its own. Nothing typed is lost, the terminal always comes back, nothing
//! hangs.

mod common;

use std::process::Command;
use std::time::Duration;

use common::tmux::Session;

fn signal(pid: u32, name: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill -{name} {pid}");
}

fn choose_cloud_engineer(session: &Session) {
    session.wait_for("Catalog 8/8");
    session.send(&["r"]);
    session.wait_for("Target role");
    session.send(&["cloud", "Enter"]);
    session.wait_for("Target role: Cloud Engineer");
}

/// The terminal as upskill found it: main screen, cursor shown, no mouse reporting.
fn assert_terminal_restored(session: &Session) {
    assert_eq!(session.pane_format("#{alternate_on}"), "0", "main screen");
    assert_eq!(session.pane_format("#{cursor_flag}"), "1", "cursor shown");
    assert_eq!(
        session.pane_format("#{mouse_any_flag}"),
        "0",
        "mouse released"
    );
}

#[test]
fn term_int_and_hup_save_the_plan_restore_the_terminal_and_exit_128_plus_the_signal() {
    for (name, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let home = tempfile::tempdir().expect("temp");
        let session = Session::start(home.path(), &format!("signal-{name}"));
        choose_cloud_engineer(&session);
        assert_eq!(session.pane_format("#{alternate_on}"), "1");
        signal(session.pid(), name);
        assert_eq!(session.wait_for_exit(), code, "SIG{name}");
        assert_terminal_restored(&session);
        assert!(
            session.plan_file().contains("role: cloud-engineer"),
            "SIG{name}: {}",
            session.plan_file()
        );
    }
}

#[test]
fn ctrl_z_and_sigtstp_give_the_shell_back_and_fg_redraws_the_app() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start_shell(home.path(), "suspend");
    session.wait_for("$");
    session.type_command();
    choose_cloud_engineer(&session);
    let pid = session.pid();
    // Ctrl-z reaches upskill as a key (the terminal is raw): it suspends itself.
    session.send(&["C-z"]);
    session.wait_for("Stopped");
    assert_terminal_restored(&session);
    session.send(&["fg", "Enter"]);
    session.wait_for("upskill Cloud Engineer");
    session.wait_for("Catalog 8/8");
    assert_eq!(session.pane_format("#{alternate_on}"), "1");
    // Keys work again: the help opens.
    session.send(&["?"]);
    session.wait_for("Help · Esc closes");
    session.send(&["Escape"]);
    // SIGTSTP from elsewhere does the same.
    signal(pid, "TSTP");
    session.wait_for("Stopped");
    assert_terminal_restored(&session);
    session.send(&["fg", "Enter"]);
    session.wait_for("Catalog 8/8");
    session.send(&["q"]);
    wait_until(|| session.pane_format("#{alternate_on}") == "0");
    assert_terminal_restored(&session);
}

/// `kill %1` on a suspended upskill (SIGTERM, then SIGCONT from the shell) ends it at once,
/// saved, without taking the terminal back from the shell.
#[test]
fn a_suspended_upskill_killed_by_its_shell_saves_and_ends() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start_shell(home.path(), "suspend-kill");
    session.wait_for("$");
    session.type_command();
    choose_cloud_engineer(&session);
    let pid = session.pid();
    session.send(&["C-z"]);
    session.wait_for("Stopped");
    session.send(&["kill %1", "Enter"]);
    gone_within_3_seconds(pid);
    assert_terminal_restored(&session);
    assert!(session.plan_file().contains("role: cloud-engineer"));
}

/// The shell exits while upskill is suspended (SIGHUP, then SIGCONT): upskill ends quietly,
/// saved, with no error report over the terminal.
#[test]
fn a_suspended_upskill_whose_shell_exits_ends_quietly() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start_shell(home.path(), "suspend-exit");
    session.wait_for("$");
    session.type_command();
    choose_cloud_engineer(&session);
    let pid = session.pid();
    session.send(&["C-z"]);
    session.wait_for("Stopped");
    // bash warns of the stopped job once, then exits.
    session.send(&["exit", "Enter"]);
    session.wait_for("There are stopped jobs");
    session.send(&["exit", "Enter"]);
    session.wait_for("SHELL-EXITED");
    gone_within_3_seconds(pid);
    let screen = session.screen();
    assert!(!screen.contains("Error"), "{screen}");
    assert!(session.plan_file().contains("role: cloud-engineer"));
}

/// Waits for a process to end, well inside the 5 s after which a signal ends it regardless.
fn gone_within_3_seconds(pid: u32) {
    let proc = std::path::PathBuf::from(format!("/proc/{pid}"));
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    while proc.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!proc.exists(), "upskill {pid} still runs");
}

#[test]
fn a_dumb_terminal_is_refused_with_a_message() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start_with_env(home.path(), "dumb", "TERM=dumb");
    assert_eq!(session.wait_for_exit(), 2);
    let screen = session.screen();
    assert!(
        screen.contains("this terminal (TERM=dumb) cannot show the app"),
        "{screen}"
    );
    assert_terminal_restored(&session);
}

/// The plans folder becomes unwritable (here: a file where it was), a change is made, and q
/// is pressed: the app stays open and says why; q again quits and prints the plan.
#[test]
fn quitting_after_a_failed_save_keeps_the_app_open_then_prints_the_plan() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start(home.path(), "full");
    session.wait_for("Catalog 8/8");
    let plans = home.path().join("data/upskill/plans");
    std::fs::remove_dir_all(&plans).expect("plans folder");
    std::fs::write(&plans, "not a folder").expect("a file in its place");
    session.send(&["r"]);
    session.wait_for("Target role");
    session.send(&["cloud", "Enter"]);
    session.wait_for("Changes are not being saved");
    session.send(&["q"]);
    session.wait_for("Press q again to quit anyway");
    assert_eq!(session.exit_status(), None, "still open");
    session.send(&["q"]);
    assert_eq!(
        session.wait_for_exit(),
        1,
        "quitting with a change lost is no success"
    );
    session.wait_for("role: cloud-engineer");
    let screen = session.screen_joined();
    assert!(
        screen.contains("the last changes to plan `default` were not saved"),
        "{screen}"
    );
    // And kept in a file, for when the terminal is gone (SIGHUP) or scrolled away.
    let recovered: Vec<std::path::PathBuf> =
        std::fs::read_dir(home.path().join("data/upskill/recovered"))
            .expect("a recovery folder")
            .flatten()
            .map(|entry| entry.path())
            .collect();
    assert_eq!(recovered.len(), 1);
    assert!(
        screen.contains(&format!("They are kept in {}", recovered[0].display())),
        "{screen}"
    );
    assert!(
        std::fs::read_to_string(&recovered[0])
            .expect("read")
            .contains("role: cloud-engineer")
    );
    assert_terminal_restored(&session);
}

/// The plans folder is removed under a running app: its next save makes the folder again and
/// takes the plan's lock again first, so a second upskill still opens the plan read-only.
#[test]
fn a_plans_folder_removed_under_the_app_is_made_again_with_the_lock() {
    let home = tempfile::tempdir().expect("temp");
    let first = Session::start(home.path(), "removed-first");
    first.wait_for("Catalog 8/8");
    std::fs::remove_dir_all(home.path().join("data/upskill/plans")).expect("removed");
    choose_cloud_engineer(&first);
    assert!(first.plan_file().contains("role: cloud-engineer"));
    let second = Session::start(home.path(), "removed-second");
    second.wait_for(&format!(
        "It is open here read-only: another upskill (pid {}) has plan",
        first.pid()
    ));
}

/// FIFOs and a link to /dev/zero where upskill reads its own files: it starts at once, says
/// what it left alone, and lists the rest.
#[cfg(unix)]
#[test]
fn special_files_where_upskill_keeps_its_own_never_block_start_up() {
    let home = tempfile::tempdir().expect("temp");
    let config = home.path().join("config/upskill");
    let data = home.path().join("data/upskill");
    std::fs::create_dir_all(&config).expect("config");
    std::fs::create_dir_all(data.join("plans")).expect("plans");
    for fifo in [
        config.join("keys.yaml"),
        data.join("last-plan"),
        data.join("plans/x.yaml"),
    ] {
        let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
    }
    std::os::unix::fs::symlink("/dev/zero", data.join("plans/zero.yaml")).expect("link");
    let session = Session::start(home.path(), "fifos");
    session.wait_for("upskill left some of its files alone");
    let screen = session.screen_joined();
    assert!(
        screen.contains("Your key bindings were not used"),
        "{screen}"
    );
    assert!(
        screen.contains("The note of the plan used last was left alone"),
        "{screen}"
    );
    assert!(screen.contains("FIFO"), "{screen}");
    session.send(&["Escape"]);
    session.wait_for("Catalog 8/8");
    session.send(&["p"]);
    let screen = session.wait_for("zero");
    assert!(screen.contains("cannot be read"), "{screen}");
    // /dev/zero was never read: the app's peak memory is that of an app of its size (reading
    // it ate 1.8 GB in 7 s).
    let status = std::fs::read_to_string(format!("/proc/{}/status", session.pid()))
        .expect("the process status");
    let peak_kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    assert!(peak_kib < 256 * 1024, "peak memory {peak_kib} KiB");
    session.send(&["Escape", "q"]);
    assert_eq!(session.wait_for_exit(), 0);
}

/// Waits up to 15 s for `done`.
fn wait_until(done: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while !done() {
        assert!(std::time::Instant::now() < deadline, "waited 15 s");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The terminal window closes (tmux goes away): upskill sees the terminal hang up and ends
/// at once, never spinning on a terminal that is gone.
#[test]
fn closing_the_terminal_ends_upskill() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start(home.path(), "closed");
    choose_cloud_engineer(&session);
    let pid = session.pid();
    session.tmux(&["kill-server"]);
    gone_within_3_seconds(pid);
    assert!(session.plan_file().contains("role: cloud-engineer"));
}

/// A plans folder that cannot be written (a file in its place) is said for what it is at
/// start, not blamed on another upskill.
#[test]
fn a_plans_folder_that_cannot_be_written_is_named_at_start() {
    let home = tempfile::tempdir().expect("temp");
    let data = home.path().join("data/upskill");
    std::fs::create_dir_all(&data).expect("data");
    std::fs::write(data.join("plans"), "not a folder").expect("a file in its place");
    let session = Session::start(home.path(), "plans-file");
    let screen = session.wait_for("cannot be saved here");
    assert!(!screen.contains("open in another upskill"), "{screen}");
    session.send(&["Escape", "q"]);
    assert_eq!(session.wait_for_exit(), 0);
}

/// Ctrl-z in the editor that `e` opened on a catalog problem stops the editor, and with it
/// upskill (one job for the shell): the shell gets the terminal back, and `fg` continues
/// both; when the editor ends, the catalogs reload. (The editor here is a script that stops
/// its process group the way Vim does on Ctrl-z, then writes the fix.)
#[test]
fn ctrl_z_in_the_editor_stops_the_job_and_fg_goes_on() {
    let home = tempfile::tempdir().expect("temp");
    let session = Session::start_shell(home.path(), "editor-stop");
    let broken = session.catalogs.join("gamma.yaml");
    let good = "provider: {id: gamma, name: Gamma}\ncredentials:\n  - id: g\n    title: Gamma Basics\n    kind: course\n    hours: 4\n    cost: 0\n    skills: [linux]\n";
    std::fs::write(&broken, good.replace("    hours: 4", "     hours: 4")).expect("write");
    let fixed = session.home.join("fixed.yaml");
    std::fs::write(&fixed, good).expect("write");
    let editor = session.home.join("stopping-editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nkill -TSTP 0\ncat '{}' > \"$2\"\n",
            fixed.display()
        ),
    )
    .expect("write");
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    session.wait_for("$");
    session.send(&[&format!("export EDITOR={}", editor.display()), "Enter"]);
    session.type_command();
    session.wait_for("Catalog problems (1)");
    session.send(&["e"]);
    session.wait_for("Stopped");
    assert_terminal_restored(&session);
    session.send(&["fg", "Enter"]);
    session.wait_for("Catalogs reloaded");
    assert_eq!(session.pane_format("#{alternate_on}"), "1");
    session.send(&["q"]);
    wait_until(|| session.pane_format("#{alternate_on}") == "0");
    assert_terminal_restored(&session);
}
