//! The real binary in a real terminal (tmux): start, choose a role, recommend, refuse a move,
//! undo, quit, restart and find the plan; `kill -9` and find the last change; resize to 1x1
//! and back. tmux is required: `.ci/run` installs it where it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// One tmux server with one session running upskill, removed when dropped.
struct Session {
    socket: String,
    home: PathBuf,
    catalogs: PathBuf,
}

impl Session {
    /// Starts upskill on a private copy of the test catalogs, with its own config and data
    /// folders under `home`.
    fn start(home: &Path, name: &str) -> Session {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.is_ok_and(|out| out.status.success()),
            "tmux is needed for these tests; .ci/run installs it"
        );
        let catalogs = home.join("catalogs");
        std::fs::create_dir_all(&catalogs).expect("catalog dir");
        for file in ["acme.yaml", "beta.yaml"] {
            let from = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/app")
                .join(file);
            std::fs::copy(from, catalogs.join(file)).expect("copy a catalog");
        }
        let session = Session {
            socket: format!("upskill-{name}-{}", std::process::id()),
            home: home.to_path_buf(),
            catalogs,
        };
        session.launch();
        session
    }

    fn launch(&self) {
        // upskill runs in the home folder, so an export lands there.
        let home = self.home.display().to_string();
        let started = self.tmux(&[
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            &home,
            &self.command(),
        ]);
        assert!(
            started.status.success(),
            "tmux starts: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        self.tmux(&["set-option", "-t", "app", "remain-on-exit", "on"]);
    }

    fn command(&self) -> String {
        // The wrapper shell writes upskill's exit code where the test can read it (tmux's own
        // record of it is not reliable when the pane closes fast).
        let _ = std::fs::remove_file(self.exit_file());
        format!(
            "env XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data HOME={home} TERM=xterm-256color {binary} --no-bundled --catalog {catalogs}; echo $? > {exit}",
            home = self.home.display(),
            binary = env!("CARGO_BIN_EXE_upskill"),
            catalogs = self.catalogs.display(),
            exit = self.exit_file().display(),
        )
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn send(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "app", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "app"]).stdout)
            .into_owned()
    }

    /// Waits up to 15 s for `text` to be on the screen.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {text:?}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn exit_file(&self) -> PathBuf {
        self.home.join(format!("exit-status-{}", self.socket))
    }

    /// upskill's exit code once it ended (128 + the signal when a signal ended it).
    fn exit_status(&self) -> Option<i32> {
        std::fs::read_to_string(self.exit_file())
            .ok()
            .and_then(|text| text.trim().parse().ok())
    }

    /// Kills upskill without warning: the pane's shell is its parent.
    fn kill_9(&self) {
        let out = self.tmux(&["display-message", "-p", "-t", "app", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let killed = Command::new("pkill")
            .args(["-9", "-P", &shell])
            .status()
            .expect("pkill runs");
        assert!(killed.success(), "pkill -9 -P {shell}");
    }

    fn wait_for_exit(&self) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = self.exit_status() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "upskill did not exit; the screen is:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts upskill again in the same pane and home, once the last run has ended.
    fn restart(&self) {
        let command = self.command();
        let restarted = self.tmux(&["respawn-pane", "-k", "-t", "app", &command]);
        assert!(
            restarted.status.success(),
            "tmux restarts upskill: {}",
            String::from_utf8_lossy(&restarted.stderr)
        );
    }

    fn plan_file(&self) -> String {
        std::fs::read_to_string(self.home.join("data/upskill/plans/default.yaml"))
            .unwrap_or_default()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

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
    second.wait_for("read-only: another upskill has plan `default` open");
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
