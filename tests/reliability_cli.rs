//! What the command line never does: block on a special file, write a plan another upskill
//! has open, replace what is not a regular file, make folders it was not asked to, write a
//! plan it could not read back, or guess a format from an extension it does not know.

mod common;

use std::fmt::Write as _;

use common::home::Home;

fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn check_and_import_of_a_fifo_are_refused_without_blocking() {
    let home = Home::new();
    let fifo = home.dir.path().join("plan.yaml");
    mkfifo(&fifo);
    let path = fifo.to_string_lossy().into_owned();
    for command in ["check", "import"] {
        let run = home.run(&[command, &path]);
        assert_eq!(run.code, 2, "{command}: {}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "upskill: cannot read {path}: it is a FIFO (a named pipe), not a regular file\n"
            ),
            "{command}"
        );
    }
}

#[test]
fn a_command_never_writes_a_plan_open_in_the_app() {
    let home = Home::new();
    home.save("hand2", "2027-01-04");
    let before = std::fs::read_to_string(home.plans().join("hand2.yaml")).expect("saved");
    // This test process plays the app: it holds the plan's lock, as the app does.
    let store = upskill::store::PlanStore::in_data_dir(&home.dir.path().join("data/upskill"));
    let _app = store
        .lock(&upskill::store::PlanName::parse("hand2").expect("a name"))
        .expect("locked");
    let refusal = format!(
        "upskill: `hand2` is open in another upskill (pid {}); close it first\n",
        std::process::id()
    );
    let plan = home.run(&["plan", "--role", "analyst", "--save", "hand2", "--force"]);
    assert_eq!(plan.code, 1);
    assert!(plan.stderr.ends_with(&refusal), "{}", plan.stderr);
    let file = home.file("colleague.yaml", "format: 1\nname: x\n");
    let import = home.run(&[
        "import",
        &file.to_string_lossy(),
        "--name",
        "hand2",
        "--force",
    ]);
    assert_eq!(import.code, 1);
    assert_eq!(import.stderr, refusal);
    assert_eq!(
        std::fs::read_to_string(home.plans().join("hand2.yaml")).expect("read"),
        before,
        "the app's plan is untouched"
    );
}

#[cfg(unix)]
#[test]
fn export_writes_into_special_files_and_never_replaces_them() {
    use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
    let home = Home::new();
    home.save("alex", "2027-01-04");
    // A link to /dev/null stays a link, and /dev/null a device.
    let null = home.dir.path().join("null.md");
    std::os::unix::fs::symlink("/dev/null", &null).expect("link");
    home.ok(&["export", "alex", "-o", &null.to_string_lossy()]);
    assert!(
        std::fs::symlink_metadata(&null)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::metadata("/dev/null")
            .expect("meta")
            .file_type()
            .is_char_device()
    );
    // A FIFO nobody reads is an error at once, and stays a FIFO.
    let fifo = home.dir.path().join("pipe.md");
    mkfifo(&fifo);
    let run = home.run(&["export", "alex", "-o", &fifo.to_string_lossy()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("it is a FIFO (a named pipe) that no program is reading"),
        "{}",
        run.stderr
    );
    assert!(
        std::fs::metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
    // A replaced file keeps its permissions.
    let private = home.file("alex.md", "old");
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    home.ok(&["export", "alex", "-o", &private.to_string_lossy()]);
    let mode = std::fs::metadata(&private)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_ne!(std::fs::read_to_string(&private).expect("read"), "old");
    // A missing folder is named, not made.
    let nowhere = home.dir.path().join("no/such/alex.md");
    let run = home.run(&["export", "alex", "-o", &nowhere.to_string_lossy()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&format!(
            "the folder {} does not exist",
            home.dir.path().join("no/such").display()
        )),
        "{}",
        run.stderr
    );
    assert!(!home.dir.path().join("no").exists());
}

#[cfg(unix)]
#[test]
fn a_saved_plan_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let home = Home::new();
    home.save("alex", "2027-01-04");
    let path = home.plans().join("alex.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    home.ok(&["plan", "--role", "analyst", "--save", "alex", "--force"]);
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// `-o /dev/stdout` goes through stdout itself: `>> log.md` appends to the log, which stays
/// the same file.
#[cfg(unix)]
#[test]
fn export_to_dev_stdout_keeps_the_shells_redirection() {
    use std::os::unix::fs::MetadataExt as _;
    let home = Home::new();
    home.save("alex", "2027-01-04");
    let log = home.file("log.md", "earlier lines\n");
    let before = std::fs::metadata(&log).expect("meta").ino();
    let appending = std::fs::OpenOptions::new()
        .append(true)
        .open(&log)
        .expect("open");
    let mut command = common::command(
        home.dir.path(),
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    let status = command
        .args([
            "--no-bundled",
            "--catalog",
            common::home::CATALOG,
            "export",
            "alex",
            "-o",
            "/dev/stdout",
        ])
        .stdout(appending)
        .status()
        .expect("runs");
    assert!(status.success());
    let text = std::fs::read_to_string(&log).expect("read");
    assert!(text.starts_with("earlier lines\n# "), "{text}");
    assert_eq!(std::fs::metadata(&log).expect("meta").ino(), before);
}

/// Standard output that cannot take the output (a full disk) gets a one-line message.
#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_a_message_not_an_error_report() {
    let home = Home::new();
    home.save("alex", "2027-01-04");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = common::command(
        home.dir.path(),
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
    )
    .args([
        "--no-bundled",
        "--catalog",
        common::home::CATALOG,
        "export",
        "alex",
    ])
    .stdout(full)
    .output()
    .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "upskill: cannot write the output: No space left on device (os error 28)\n"
    );
}

#[test]
fn export_to_an_unknown_extension_is_a_usage_error_naming_the_formats() {
    let home = Home::new();
    home.save("priya", "2027-01-04");
    let out = home.dir.path().join("priya.pdf");
    let run = home.run(&["export", "priya", "-o", &out.to_string_lossy()]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "upskill: `.pdf` is not a format upskill writes; the formats are markdown, csv, ics, json, html, yaml (--format markdown|csv|ics|json|html|yaml), chosen by --format or by the file's extension (.md, .csv, .ics, .json, .html, .yaml)\n"
    );
    assert!(!out.exists());
    // --format says what to write, whatever the name.
    home.ok(&[
        "export",
        "priya",
        "--format",
        "html",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn import_never_writes_a_plan_it_could_not_read_back() {
    let home = Home::new();
    // YAML's `\N` is U+0085, which is kept as the visible escape `\u{85}`: six bytes for
    // two. The file is under the 8 MiB limit; written back, it would be far over.
    let note = "\\N".repeat(1_000);
    let mut text = String::from("format: 1\nname: nel\nsteps:\n");
    for i in 0..2_000 {
        let _ = write!(text, "  - id: t/x{i}\n    note: \"{note}\"\n");
    }
    assert!(text.len() < 8 * 1024 * 1024);
    let file = home.file("nel.yaml", &text);
    let run = home.run(&["import", &file.to_string_lossy()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("more than the 8 MiB a plan file can hold; shorten its notes"),
        "{}",
        run.stderr
    );
    assert!(!home.plans().join("nel.yaml").exists());
}

#[test]
fn plan_names_are_normalised_and_look_alikes_refused() {
    let home = Home::new();
    // Saved with a combining accent, found with the composed letter, and listed once.
    home.save("zoe\u{308}", "2027-01-04");
    assert!(home.plans().join("zo\u{eb}.yaml").is_file());
    home.ok(&["export", "zo\u{eb}", "--format", "json"]);
    home.ok(&["export", "zoe\u{308}", "--format", "json"]);
    let run = home.run(&["plan", "--role", "analyst", "--save", "a\u{202e}b"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "upskill: `a\\u{202e}b` is not a plan name: it contains U+202E, an invisible formatting character, which would make two different names look the same\n"
    );
    let emoji = "😀".repeat(64);
    let run = home.run(&["plan", "--role", "analyst", "--save", &emoji]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "it is 256 bytes long; a plan name is a file name, and can be at most 240 bytes"
        ),
        "{}",
        run.stderr
    );
    let names: Vec<_> = std::fs::read_dir(home.plans())
        .expect("plans")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["zo\u{eb}.yaml"]);
}

#[test]
fn help_points_to_the_docs_that_come_with_upskill() {
    for command in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["import", "--help"],
        vec!["plan", "--help"],
    ] {
        let run = common::upskill(&command);
        assert_eq!(run.code, 0);
        assert!(!run.stdout.contains("SPEC"), "{command:?}: {}", run.stdout);
    }
    let check = common::upskill(&["check", "--help"]);
    assert!(check.stdout.contains("docs/plans.md"), "{}", check.stdout);
    assert!(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/plans.md")
            .is_file()
    );
}

/// docs/reliability.md names the test that holds each guarantee: every test it names is a
/// function of the source or the tests, so the page cannot promise what nothing checks.
#[test]
fn every_test_the_reliability_page_names_exists() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/reliability.md")).expect("the page");
    let mut sources = String::new();
    let mut stack = vec![root.join("src"), root.join("tests")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                sources.push_str(&std::fs::read_to_string(&path).expect("source"));
            }
        }
    }
    let named: Vec<&str> = page
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|code| code.contains("::") && !code.ends_with('*'))
        .filter(|code| {
            code.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':')
        })
        .collect();
    assert!(named.len() > 40, "the page names its tests: {named:?}");
    for name in named {
        let function = name.rsplit("::").next().expect("a name");
        assert!(
            sources.contains(&format!("fn {function}(")),
            "docs/reliability.md names `{name}`, which is not a test"
        );
    }
}
