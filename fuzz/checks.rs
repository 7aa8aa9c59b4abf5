//! What the fuzz targets check, shared with `tests/fuzz_regressions.rs`, which replays every
//! saved input through the same functions on stable Rust. Each function takes any bytes and
//! panics only when upskill breaks one of its promises: never a panic of its own, every
//! problem at a real line and column, no control character on screen or in any output, a
//! plan written back reads back the same.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use upskill::catalog::source::Bytes;
use upskill::catalog::{Catalog, CredentialIdx, Loaded, SourceFile, load_files};
use upskill::export::graph::{self, Drawing};
use upskill::export::report::Report;
use upskill::export::{csv, html, ics, json, markdown};
use upskill::plan::{Plan, Step, file};
use upskill::tui::app::App;
use upskill::tui::keymap::Keymap;
use upskill::tui::update::{Effect, Msg, update};
use upskill::tui::view::{ViewState, render};

/// Separates catalog files inside one input, so merges across files get fuzzed too.
const FILE_BREAK: &[u8] = b"\n#%%\n";
const MAX_FILES: usize = 32;

fn today() -> Date {
    Date::constant(2027, 1, 4)
}

/// The catalog loader: any bytes, split into up to 32 files.
pub fn catalog(data: &[u8]) {
    let texts = split_files(data);
    let loaded = load(&texts);
    check_problems(&texts, &loaded);
    if loaded.has_errors() {
        return;
    }
    let catalog = &loaded.catalog;
    let all: Vec<CredentialIdx> = catalog.credential_indices().collect();
    let drawing = Drawing::of(catalog, &all);
    clean(&graph::dot(catalog, &drawing), "graph dot");
    clean(&graph::mermaid(catalog, &drawing), "graph mermaid");
    let mut plan = Plan::new("fuzz", today());
    plan.steps = all
        .iter()
        .map(|&idx| Step::planned(catalog.credential(idx).id.clone()))
        .collect();
    exports(catalog, &plan);
}

/// The plan file reader: any bytes; a plan that reads is written and read back unchanged,
/// and its reports render clean against the bundled catalogs.
pub fn plan(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        // The store reads plan files with `read_to_string`, which refuses these bytes.
        return;
    };
    let plan = match file::parse(text, today()) {
        Ok(plan) => plan,
        Err(errors) => {
            assert!(!errors.is_empty(), "a refused plan says why");
            for error in &errors {
                assert!(error.position.line >= 1 && error.position.column >= 1);
                clean_line(&error.message, "plan error");
            }
            return;
        }
    };
    let written = file::to_yaml(&plan).expect("a plan that was read can be written");
    let again = file::parse(&written, today()).unwrap_or_else(|errors| {
        panic!("the written plan does not read back: {errors:?}\n{written}")
    });
    assert_eq!(
        plan, again,
        "the plan changed on its way through the file:\n{written}"
    );
    exports(bundled(), &plan);
}

/// The key config reader: any bytes; a key map it accepts binds no key twice
/// in one context (or two in force at once) and names its keys in clean text.
pub fn keys(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Keymap::with_overrides(text) {
        Ok(keymap) => {
            // A key may mean one thing in the panes and another in an overlay, never two
            // things where both are in force.
            let mut seen: Vec<(upskill::tui::action::Action, _)> = Vec::new();
            for (action, keys) in keymap.bindings() {
                for key in keys {
                    if let Some((other, _)) = seen.iter().find(|(other, seen)| {
                        seen == key && other.context().overlaps(action.context())
                    }) {
                        panic!("{key} is bound to both {other:?} and {action:?}");
                    }
                    seen.push((*action, *key));
                    clean_line(&key.to_string(), "key name");
                }
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "a refused key file says why");
            for problem in &problems {
                assert!(problem.position.line >= 1 && problem.position.column >= 1);
                clean_line(&problem.message, "key problem");
            }
        }
    }
}

/// The app on a fuzzed catalog: the first line is keys to press, the rest one catalog file.
/// Whatever the catalog says and whatever is pressed, no control character reaches the
/// screen, at a roomy size and a cramped one.
pub fn screen(data: &[u8]) {
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let (presses, rest) = data.split_at(split.min(64));
    let loaded = load(&[rest.to_vec()]);
    if loaded.has_errors() || loaded.catalog.credentials.is_empty() {
        return;
    }
    let mut app = App::new(
        Arc::new(loaded.catalog),
        Plan::new("fuzz", today()),
        today(),
    );
    let sizes = [(100, 30), (24, 8)];
    for (i, &byte) in presses.iter().enumerate() {
        press(&mut app, key_for(byte));
        let (width, height) = sizes[i % sizes.len()];
        draw(&app, width, height);
    }
    draw(&app, 200, 60);
}

/// The proof that a document needs no event pre-scan (`yaml::is_proven_shallow`), held to
/// libyaml itself: whatever it passes, libyaml must read with no alias and no more than
/// `MAX_DEPTH` levels of nesting. A wrong "yes" would let an alias bomb or quadratic nesting
/// past the limits.
pub fn shallow(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if !upskill::yaml::is_proven_shallow(text) {
        return;
    }
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(value) => assert!(
            depth(&value) <= upskill::yaml::MAX_DEPTH,
            "proven shallow, but libyaml nests it deeper: {text:?}"
        ),
        Err(error) => assert!(
            !error.to_string().contains("recursion limit"),
            "proven shallow, but libyaml's recursion limit trips: {text:?}"
        ),
    }
    // Any alias, renamed so that no anchor can have its name, is one libyaml cannot resolve.
    if let Err(error) = serde_yaml::from_str::<serde_yaml::Value>(&text.replace('*', "*zq")) {
        assert!(
            !error.to_string().contains("unknown anchor"),
            "proven shallow, but libyaml reads an alias: {text:?}"
        );
    }
}

/// Levels of nesting in a parsed document: a scalar is 0, `[]` is 1.
fn depth(value: &serde_yaml::Value) -> usize {
    match value {
        serde_yaml::Value::Sequence(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        serde_yaml::Value::Mapping(entries) => {
            1 + entries
                .iter()
                .map(|(key, value)| depth(key).max(depth(value)))
                .max()
                .unwrap_or(0)
        }
        serde_yaml::Value::Tagged(tagged) => depth(&tagged.value),
        _ => 0,
    }
}

/// The bundled catalogs, loaded once.
fn bundled() -> &'static Catalog {
    static BUNDLED: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    BUNDLED.get_or_init(|| {
        let files: Vec<Vec<u8>> = upskill::catalog::source::bundled()
            .iter()
            .map(|(_, text)| text.as_bytes().to_vec())
            .collect();
        let loaded = load(&files);
        assert!(!loaded.has_errors(), "the bundled catalogs load");
        loaded.catalog
    })
}

fn split_files(data: &[u8]) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    let mut rest = data;
    while files.len() + 1 < MAX_FILES {
        let Some(at) = rest.windows(FILE_BREAK.len()).position(|w| w == FILE_BREAK) else {
            break;
        };
        files.push(rest[..at].to_vec());
        rest = &rest[at + FILE_BREAK.len()..];
    }
    files.push(rest.to_vec());
    files
}

fn load(texts: &[Vec<u8>]) -> Loaded {
    let files: Vec<SourceFile> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| SourceFile {
            name: Arc::from(format!("fuzz/{i}.yaml")),
            path: None,
            content: Ok(Bytes::Owned(text.clone())),
        })
        .collect();
    load_files(&files)
}

/// Every problem names a file that was read, at a line that file has, in clean words.
fn check_problems(texts: &[Vec<u8>], loaded: &Loaded) {
    for problem in &loaded.problems {
        let shown = problem.to_string();
        clean_line(&shown, "problem");
        let Some(i) = (0..texts.len()).find(|i| *problem.file == *format!("fuzz/{i}.yaml")) else {
            panic!("a problem names a file that was not read: {shown}");
        };
        // YAML's lines: a lone CR ends one too.
        let text = String::from_utf8_lossy(&texts[i]);
        let lines = upskill::yaml::line_breaks(&text).len() + 1;
        let position = problem.position;
        assert!(
            position.line >= 1 && position.line <= lines && position.column >= 1,
            "{shown}: the file has {lines} lines"
        );
    }
}

/// Every export of `plan` renders without a stray control character, and the CSV has no
/// cell a spreadsheet would run as a formula.
fn exports(catalog: &Catalog, plan: &Plan) {
    let now: jiff::ZonedDateTime = "2027-01-04T09:30:00+00:00[UTC]".parse().expect("a time");
    let report = Report::build(catalog, plan, &now);
    clean(&markdown::render(&report), "markdown");
    clean(&json::render(&report), "json");
    clean(&html::render(&report), "html");
    clean(&ics::render(&report).replace("\r\n", "\n"), "ics");
    let table = csv::render(&report);
    clean(&table.replace("\r\n", "\n"), "csv");
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(table.trim_start_matches('\u{feff}').as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("the CSV parses");
        assert_eq!(record.len(), 14, "every row has every column");
        for cell in &record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell: {cell:?}"
            );
        }
        rows += 1;
    }
    assert_eq!(rows, plan.steps.len() + 1, "a header and a row a step");
}

/// Keys that do things in the app, chosen by a byte.
fn key_for(byte: u8) -> KeyEvent {
    const CHARS: &[u8] = b"?jkJKadxwhgticSfoOrEn/u!Tp";
    let code = match byte {
        0 => KeyCode::Tab,
        1 => KeyCode::BackTab,
        2 => KeyCode::Enter,
        3 => KeyCode::Esc,
        4 => KeyCode::Down,
        5 => KeyCode::Up,
        6 => KeyCode::PageDown,
        7 => KeyCode::End,
        8 => KeyCode::Backspace,
        b' '..=b'~' if byte >= 0x60 => KeyCode::Char(char::from(byte)),
        _ => KeyCode::Char(char::from(CHARS[usize::from(byte) % CHARS.len()])),
    };
    let modifiers = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

/// One key, with any search it starts run to the end at once.
fn press(app: &mut App, key: KeyEvent) {
    let mut queue: std::collections::VecDeque<Effect> = update(app, Msg::Key(key)).into();
    while let Some(effect) = queue.pop_front() {
        if let Effect::Compute(job) = effect {
            let done = (*job).run();
            queue.extend(update(app, Msg::Computed(Box::new(done))));
        }
    }
    for _ in 0..4 {
        let _ = update(app, Msg::Tick);
    }
}

fn draw(app: &App, width: u16, height: u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let mut view = ViewState::default();
    terminal
        .draw(|frame| render(app, &mut view, frame))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    for y in 0..height {
        for x in 0..width {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(is_hazard),
                "{symbol:?} on screen at {x},{y} ({width}x{height})"
            );
        }
    }
}

/// A control character (other than a line break) or an invisible formatting character.
fn is_hazard(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
        )
}

fn clean(text: &str, what: &str) {
    let text = text.trim_start_matches('\u{feff}');
    if let Some(c) = text.chars().find(|&c| c != '\t' && is_hazard(c)) {
        panic!("{what} has {c:?}:\n{text}");
    }
}

fn clean_line(text: &str, what: &str) {
    assert!(!text.contains('\n'), "{what} spans lines: {text:?}");
    clean(text, what);
}
