//! The modules of `src/` form layers, and a module uses only modules in its own layer or
//! below it, so the crate reads top-down and has no import cycles:
//!
//! 0. `text`, `files`, `dates`, `clock`: leaf utilities (sanitizing and measuring text, the
//!    bounded reader and atomic writer, dates as users write them, the clock) that any layer
//!    may use.
//! 1. `yaml`: the only module that calls a YAML library.
//! 2. `catalog` (and `synth`, which generates catalogs for benchmarks and tests).
//! 3. `plan`.
//! 4. `store` and `export`: plans on disk, plans in other formats.
//! 5. `cli`: the command line's types.
//! 6. `commands`: what each command does.
//! 7. `tui`: the app.
//!
//! `main.rs` sits above them all and dispatches to `commands` or `tui`.
//!
//! Test code is left out: files named `tests.rs`, files a `#[cfg(test)]` declaration brings
//! in (fixtures), and inline `#[cfg(test)] mod` blocks. A test may build a catalog or run
//! the planner to check a lower layer; that is no dependency of the program.
//!
//! The scan reads `crate::x` paths (grouped ones too) and `super::` paths that climb out of
//! a top-level module, in code and `use` lines; comments are skipped. It relies on rustfmt's
//! layout to see where an inline module ends, which `cargo fmt --check` guarantees.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

const LAYERS: &[&[&str]] = &[
    &["text", "files", "dates", "clock"],
    &["yaml"],
    &["catalog", "synth"],
    &["plan"],
    &["store", "export", "import"],
    &["cli"],
    &["commands"],
    &["tui"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// One import of a higher layer: where, and what.
#[derive(Debug, PartialEq, Eq)]
struct Violation {
    file: String,
    line: usize,
    from: String,
    to: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: `{}` (layer {}) uses `{}` (layer {}), which is above it",
            self.file,
            self.line,
            self.from,
            layer(&self.from).unwrap_or_default(),
            self.to,
            layer(&self.to).unwrap_or_default(),
        )
    }
}

/// The module path of a file under `src/`: `catalog/merge/mod.rs` is `catalog::merge`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.strip_suffix(".rs").unwrap_or(&last).to_owned();
        if !matches!(stem.as_str(), "mod" | "lib" | "main") {
            parts.push(stem);
        }
    }
    parts
}

/// The first identifier at the start of `text`.
fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first segment of each path a `{...}` group at the start of `text` names, or the
/// identifier there when it is no group.
fn first_segments(text: &str) -> Vec<String> {
    let Some(group) = text.strip_prefix('{') else {
        return vec![identifier(text).to_owned()];
    };
    let mut segments = Vec::new();
    let mut depth = 0;
    let mut item_start = true;
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => item_start = true,
            c if item_start && !c.is_whitespace() => {
                item_start = false;
                segments.push(identifier(&group[at..]).to_owned());
            }
            _ => {}
        }
    }
    segments
}

/// The top-level modules a statement names: `crate::x`, and `super::x` where the `super`s
/// climb out of `module` (the path of the code the statement is in).
fn targets(statement: &str, module: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in statement.match_indices("crate::") {
        let before = statement[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        found.extend(first_segments(&statement[at + "crate::".len()..]));
    }
    let mut rest = statement;
    while let Some(at) = rest.find("super::") {
        let before = rest[..at].chars().next_back();
        let mut after = &rest[at..];
        let mut climbs = 0;
        while let Some(next) = after.strip_prefix("super::") {
            climbs += 1;
            after = next;
        }
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        if climbs < module.len() {
            // Still inside the top-level module the code is in.
            found.push(module[0].clone());
        } else {
            // At the crate root: what follows names a top-level module.
            found.extend(first_segments(after));
        }
    }
    found
}

/// Files that only a `#[cfg(test)]` declaration brings in, relative to `src/`.
fn test_only_files(files: &[(PathBuf, String)]) -> HashSet<PathBuf> {
    let mut test_only = HashSet::new();
    for (relative, text) in files {
        let dir = match relative.file_name().and_then(|name| name.to_str()) {
            Some("mod.rs" | "lib.rs" | "main.rs") => relative.parent().map(Path::to_path_buf),
            _ => Some(relative.with_extension("")),
        }
        .unwrap_or_default();
        let mut in_test = false;
        let mut path_attribute = None;
        for line in text.lines().map(str::trim) {
            if line == "#[cfg(test)]" {
                in_test = true;
            } else if let Some(path) = line
                .strip_prefix("#[path = \"")
                .and_then(|rest| rest.strip_suffix("\"]"))
            {
                path_attribute = Some(path.to_owned());
            } else if line.starts_with("#[") {
            } else {
                let declared = line
                    .trim_start_matches("pub(crate) ")
                    .trim_start_matches("pub ")
                    .strip_prefix("mod ")
                    .and_then(|rest| rest.strip_suffix(';'));
                if let (true, Some(name)) = (in_test, declared) {
                    if let Some(path) = &path_attribute {
                        let parent = relative.parent().unwrap_or(Path::new(""));
                        test_only.insert(parent.join(path));
                    } else {
                        test_only.insert(dir.join(format!("{name}.rs")));
                        test_only.insert(dir.join(name).join("mod.rs"));
                    }
                }
                in_test = false;
                path_attribute = None;
            }
        }
    }
    test_only
}

/// Every import in `text` (the file at `relative` under `src/`) of a layer above its own.
fn violations(relative: &Path, text: &str) -> Vec<Violation> {
    let file_module = module_path(relative);
    let Some(own) = file_module.first() else {
        return Vec::new();
    };
    let Some(own_layer) = layer(own) else {
        panic!(
            "src/{}: `{own}` has no layer: add it to LAYERS",
            relative.display()
        );
    };
    let mut found = Vec::new();
    // Inline modules open here: their indent, name, and whether they are test code.
    let mut inline: Vec<(usize, String, bool)> = Vec::new();
    let mut cfg_test = false;
    let mut statement = String::new();
    let mut statement_line = 0;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if inline
            .last()
            .is_some_and(|(open, _, _)| *open == indent && trimmed == "}")
        {
            inline.pop();
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let declared = trimmed
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ")
            .strip_prefix("mod ")
            .and_then(|rest| rest.strip_suffix(" {"));
        if let Some(name) = declared {
            inline.push((indent, name.to_owned(), cfg_test));
            cfg_test = false;
            continue;
        }
        if trimmed.starts_with("#[") {
            cfg_test |= trimmed == "#[cfg(test)]";
            continue;
        }
        cfg_test = false;
        if inline.iter().any(|(_, _, test)| *test) {
            continue;
        }
        // A `use` statement can span lines (a long group); read it whole.
        if statement.is_empty() {
            statement_line = n + 1;
        }
        statement.push_str(trimmed);
        statement.push(' ');
        let is_use = ["use ", "pub use ", "pub(crate) use "]
            .iter()
            .any(|start| statement.starts_with(start));
        if is_use && !trimmed.ends_with(';') {
            continue;
        }
        let mut module = file_module.clone();
        module.extend(inline.iter().map(|(_, name, _)| name.clone()));
        for target in targets(&statement, &module) {
            if layer(&target).is_some_and(|target_layer| target_layer > own_layer) {
                found.push(Violation {
                    file: format!("src/{}", relative.display()),
                    line: statement_line,
                    from: own.clone(),
                    to: target,
                });
            }
        }
        statement.clear();
    }
    found
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    paths.sort();
    let files: Vec<(PathBuf, String)> = paths
        .iter()
        .map(|path| {
            let relative = path.strip_prefix(&src).expect("under src/").to_path_buf();
            let text = std::fs::read_to_string(path).expect("a UTF-8 source file");
            (relative, text)
        })
        .collect();
    let test_only = test_only_files(&files);
    assert!(
        test_only.contains(Path::new("plan/fixture.rs")),
        "the scan finds the test fixtures: {test_only:?}"
    );
    let mut found = Vec::new();
    for (relative, text) in &files {
        let name = relative.file_name().and_then(|name| name.to_str());
        // The build script and the binary's entry point sit outside the layers.
        if matches!(name, Some("build.rs" | "main.rs" | "lib.rs"))
            && relative.parent() == Some(Path::new(""))
            || name == Some("tests.rs")
            || relative.iter().any(|part| part == "tests")
            || test_only.contains(relative)
        {
            continue;
        }
        found.extend(violations(relative, text));
    }
    let report: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn an_import_of_a_higher_layer_is_named_with_its_file_and_line() {
    let text = "//! A catalog module.\n\
                \n\
                use crate::text::sanitize;\n\
                use crate::{\n    plan::Plan,\n    yaml,\n};\n\
                \n\
                fn f() {\n    crate::tui::run();\n}\n\
                \n\
                #[cfg(test)]\n\
                mod tests {\n    use crate::commands::run;\n}\n";
    let found = violations(Path::new("catalog/merge/hints.rs"), text);
    let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "src/catalog/merge/hints.rs:4: `catalog` (layer 2) uses `plan` (layer 3), which is above it",
            "src/catalog/merge/hints.rs:10: `catalog` (layer 2) uses `tui` (layer 7), which is above it",
        ]
    );
}

#[test]
fn super_paths_that_leave_a_top_level_module_are_checked() {
    // `src/store.rs`'s `super::` is the crate root; `src/store/plans.rs`'s is `store`.
    let found = violations(Path::new("store.rs"), "use super::tui::App;\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].to, "tui");
    assert!(violations(Path::new("store/plans.rs"), "use super::lock::Lock;\n").is_empty());
    assert!(
        violations(
            Path::new("store/plans/names.rs"),
            "use super::super::tui;\n"
        )
        .is_empty()
    );
    assert!(
        violations(
            Path::new("catalog/mod.rs"),
            "use crate::catalog::Catalog;\n"
        )
        .is_empty()
    );
}
