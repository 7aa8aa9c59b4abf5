//! A temporary home for command-line tests of saved plans: the data and config folders
//! in a temp dir, the binary run on one fixture catalog only.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::Value;
use tempfile::TempDir;

pub const CATALOG: &str = "tests/fixtures/exports/hostile.yaml";

/// The title of `t/basics` in the catalog: commas, quotes, a script tag, accents, emoji.
pub const BASICS: &str = "Basics, \"Part 1\" <script>alert('x')</script> — Café ☕ 👩\u{200d}💻";

pub struct Home {
    pub dir: TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }

    /// Runs on the hostile catalog only.
    pub fn run(&self, args: &[&str]) -> super::Run {
        let mut all = vec!["--no-bundled", "--catalog", CATALOG];
        all.extend_from_slice(args);
        super::run(
            super::command(self.dir.path(), Path::new(env!("CARGO_MANIFEST_DIR"))),
            &all,
        )
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run.stdout
    }

    pub fn plans(&self) -> PathBuf {
        self.dir.path().join("data/upskill/plans")
    }

    /// Saves the recommended plan for the analyst role as `name`, starting on `start`.
    pub fn save(&self, name: &str, start: &str) {
        self.ok(&[
            "plan", "--role", "analyst", "--start", start, "--save", name,
        ]);
    }

    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write a file");
        path
    }
}

pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

pub fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}
