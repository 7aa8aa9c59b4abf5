//! The real binary in a real terminal: one tmux server a test, running upskill with its own
//! config and data folders, driven by `send-keys` and read by `capture-pane`. tmux is
//! required: `.ci/run` installs it where it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// One tmux server with one session running upskill, removed when dropped.
pub struct Session {
    pub socket: String,
    pub home: PathBuf,
    pub catalogs: PathBuf,
    /// More `NAME=value` settings for upskill's environment, after the standard ones.
    pub env: String,
}

impl Session {
    /// Starts upskill on a private copy of the test catalogs, with its own config and data
    /// folders under `home`.
    pub fn start(home: &Path, name: &str) -> Session {
        let session = Session::prepare(home, name);
        session.launch();
        session
    }

    /// [`Session::start`] with more environment settings, like `TERM=dumb`.
    pub fn start_with_env(home: &Path, name: &str, env: &str) -> Session {
        let mut session = Session::prepare(home, name);
        env.clone_into(&mut session.env);
        session.launch();
        session
    }

    /// An interactive shell in the pane (for job control: Ctrl-z, `fg`), with upskill's
    /// environment set; [`Session::type_command`] starts upskill in it.
    pub fn start_shell(home: &Path, name: &str) -> Session {
        let session = Session::prepare(home, name);
        let shell = format!(
            "env XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data XDG_CACHE_HOME={home}/cache HOME={home} TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i; echo SHELL-EXITED; exec sleep 86400",
            home = session.home.display()
        );
        session.new_session(&shell);
        session
    }

    /// Types the command that runs upskill into the pane's shell.
    pub fn type_command(&self) {
        let line = format!(
            "{} --no-bundled --catalog {}",
            env!("CARGO_BIN_EXE_upskill"),
            self.catalogs.display()
        );
        self.tmux(&["send-keys", "-t", "app", "-l", &line]);
        self.tmux(&["send-keys", "-t", "app", "Enter"]);
    }

    /// The session's folders and catalogs, with nothing running yet.
    pub fn prepare(home: &Path, name: &str) -> Session {
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
        Session {
            socket: format!("upskill-{name}-{}", std::process::id()),
            home: home.to_path_buf(),
            catalogs,
            env: String::new(),
        }
    }

    pub fn launch(&self) {
        self.new_session(&self.command());
        self.tmux(&["set-option", "-t", "app", "remain-on-exit", "on"]);
    }

    /// The session `app`, 100x30, running `command` in the home folder (so an export lands
    /// there).
    fn new_session(&self, command: &str) {
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
            command,
        ]);
        assert!(
            started.status.success(),
            "tmux starts: {}",
            String::from_utf8_lossy(&started.stderr)
        );
    }

    pub fn command(&self) -> String {
        // The wrapper shell writes upskill's exit code where the test can read it (tmux's own
        // record of it is not reliable when the pane closes fast), then keeps the pane alive,
        // so the terminal's state after upskill (cursor, screen, mouse) can be read: tmux
        // reports a dead pane's cursor as hidden.
        let _ = std::fs::remove_file(self.exit_file());
        format!(
            "env XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data XDG_CACHE_HOME={home}/cache HOME={home} TERM=xterm-256color {env} {binary} --no-bundled --catalog {catalogs}; echo $? > {exit}; exec sleep 86400",
            home = self.home.display(),
            env = self.env,
            binary = env!("CARGO_BIN_EXE_upskill"),
            catalogs = self.catalogs.display(),
            exit = self.exit_file().display(),
        )
    }

    pub fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn send(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "app", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "app"]).stdout)
            .into_owned()
    }

    /// Waits up to 15 s for `text` to be on the screen.
    pub fn wait_for(&self, text: &str) -> String {
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

    pub fn exit_file(&self) -> PathBuf {
        self.home.join(format!("exit-status-{}", self.socket))
    }

    /// upskill's exit code once it ended (128 + the signal when a signal ended it).
    pub fn exit_status(&self) -> Option<i32> {
        std::fs::read_to_string(self.exit_file())
            .ok()
            .and_then(|text| text.trim().parse().ok())
    }

    /// Kills upskill without warning: the pane's shell is its parent.
    pub fn kill_9(&self) {
        let out = self.tmux(&["display-message", "-p", "-t", "app", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let killed = Command::new("pkill")
            .args(["-9", "-P", &shell])
            .status()
            .expect("pkill runs");
        assert!(killed.success(), "pkill -9 -P {shell}");
    }

    pub fn wait_for_exit(&self) -> i32 {
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
    pub fn restart(&self) {
        let command = self.command();
        let restarted = self.tmux(&["respawn-pane", "-k", "-t", "app", &command]);
        assert!(
            restarted.status.success(),
            "tmux restarts upskill: {}",
            String::from_utf8_lossy(&restarted.stderr)
        );
    }

    pub fn plan_file(&self) -> String {
        std::fs::read_to_string(self.home.join("data/upskill/plans/default.yaml"))
            .unwrap_or_default()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

impl Session {
    /// upskill's process id: the `upskill` process under the pane's shell (its child, or its
    /// grandchild when an interactive shell runs inside the pane's).
    pub fn pid(&self) -> u32 {
        let out = self.tmux(&["display-message", "-p", "-t", "app", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let mut parents = vec![shell.clone()];
            for _ in 0..3 {
                let mut children = Vec::new();
                for parent in &parents {
                    let found = Command::new("pgrep")
                        .args(["-P", parent])
                        .output()
                        .expect("pgrep runs");
                    children.extend(
                        String::from_utf8_lossy(&found.stdout)
                            .lines()
                            .map(|line| line.trim().to_owned()),
                    );
                }
                let upskill = children.iter().find(|pid| {
                    std::fs::read_to_string(format!("/proc/{pid}/comm"))
                        .is_ok_and(|comm| comm.trim() == "upskill")
                });
                if let Some(pid) = upskill.and_then(|pid| pid.parse().ok()) {
                    return pid;
                }
                parents = children;
            }
            assert!(
                Instant::now() < deadline,
                "upskill is not running under {shell}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The screen with lines that were wrapped at the pane's edge joined again.
    pub fn screen_joined(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-J", "-t", "app"]).stdout)
            .into_owned()
    }

    /// A tmux format value of the pane, like `#{alternate_on}` or `#{cursor_flag}`.
    pub fn pane_format(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "app", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }
}

/// The CPU time a process has used so far (user + system), from `/proc/PID/stat`.
pub fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process runs");
    // The command name is in parentheses and may hold spaces: fields count from after it.
    let after = &stat[stat.rfind(')').expect("a stat line") + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 =
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    let per_second = Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| {
            String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse::<u64>()
                .ok()
        })
        .unwrap_or(100);
    Duration::from_millis(ticks * 1000 / per_second)
}
