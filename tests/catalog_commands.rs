//! `roles`, `show`, `graph` and `schema`, run as the real binary with an empty config dir,
//! on the bundled catalogs and on a hostile fixture.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `upskill` with `args` and a config and data dir of its own, so the developer's own
/// catalogs never leak in.
fn upskill(args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("a temporary folder");
    let output = Command::new(env!("CARGO_BIN_EXE_upskill"))
        .args(args)
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("HOME", home.path())
        .output()
        .expect("upskill runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

fn ok(args: &[&str]) -> String {
    let run = upskill(args);
    assert_eq!(run.code, 0, "upskill {args:?} failed:\n{}", run.stderr);
    run.stdout
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn hostile(args: &[&str]) -> String {
    let path = fixture("hostile.yaml");
    let path = path.to_str().expect("a UTF-8 path");
    let mut all = vec!["--no-bundled", "--catalog", path];
    all.extend_from_slice(args);
    ok(&all)
}

#[test]
fn roles_are_listed_as_an_aligned_table() {
    let text = ok(&["roles"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("ID ") && lines[0].contains("TITLE"),
        "{text}"
    );
    assert_eq!(
        lines.len(),
        15,
        "a header and the 14 bundled roles:\n{text}"
    );
    let row = lines
        .iter()
        .find(|line| line.starts_with("network-administrator "))
        .expect("the role is listed");
    assert!(row.contains("Network Administrator") && row.contains("networking"));
    let title_column = lines[0].find("TITLE").expect("a title column");
    assert!(lines[1..].iter().all(|line| line.chars().count() <= 100));
    assert_eq!(row.find("Network Administrator"), Some(title_column));
}

#[test]
fn roles_as_json_are_objects_with_id_title_and_skills() {
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["roles", "--format", "json"])).expect("valid JSON");
    let roles = json.as_array().expect("a list");
    assert_eq!(roles.len(), 14);
    let admin = roles
        .iter()
        .find(|role| role["id"] == "network-administrator")
        .expect("the role is there");
    assert_eq!(admin["title"], "Network Administrator");
    let skills = admin["skills"].as_array().expect("a skill list");
    assert!(skills.contains(&"networking".into()), "{admin}");
}

#[test]
fn show_gives_a_credential_in_full() {
    let text = ok(&["show", "microsoft/az-400"]);
    for expected in [
        "Microsoft Certified: DevOps Engineer Expert (AZ-400)",
        "  id           microsoft/az-400",
        "provider     Microsoft",
        "  hours        115 estimated learning hours",
        "  cost         165 USD",
        "CI/CD (ci-cd)",
        "  validity     expires 12 months after it is earned",
        "  verified     2026-06-01",
        "Requires\n  └─ one of\n     ├─ microsoft/az-104  ",
        "     └─ microsoft/az-204  Microsoft Certified: Azure Developer Associate (AZ-204) (retired)",
        "Helps with roles\n",
        "devops-engineer  DevOps Engineer: meets",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn show_says_what_requires_a_credential() {
    let text = ok(&["show", "microsoft/az-104"]);
    let required_by = text
        .split("Required by\n")
        .nth(1)
        .expect("a Required by section");
    assert!(required_by.contains("microsoft/az-305"), "{text}");
    assert!(
        required_by.contains(
            "microsoft/az-400  Microsoft Certified: DevOps Engineer Expert (AZ-400) (as one of"
        ),
        "{text}"
    );
}

#[test]
fn show_gives_a_role_with_the_cheapest_teachers_first() {
    let text = ok(&["show", "network-administrator"]);
    assert!(text.starts_with("Network Administrator\n  id           network-administrator\n"));
    let block = text
        .split("skill Routing and switching (routing-switching): 3 credentials\n")
        .nth(1)
        .expect("the routing skill's block");
    let rows: Vec<&str> = block.lines().take(3).collect();
    assert!(
        rows[0].contains("125 USD") && rows[0].contains("cisco/ccst-networking"),
        "{block}"
    );
    assert!(
        rows[1].contains("300 USD") && rows[1].contains("cisco/ccna"),
        "{block}"
    );
    assert!(
        rows[2].contains("358 USD") && rows[2].contains("comptia/network-plus"),
        "{block}"
    );
}

#[test]
fn show_accepts_a_skill_or_its_alias() {
    let text = ok(&["show", "help-desk"]);
    assert!(text.starts_with("Customer support (help desk)\n  id           customer-support\n"));
    assert!(text.contains("Taught by, cheapest first\n"));
    assert!(text.contains("it-support-specialist  IT Support Specialist"));
}

#[test]
fn show_accepts_a_bare_credential_id_that_one_provider_uses() {
    assert!(ok(&["show", "network-plus"]).starts_with("CompTIA Network+ (N10-009)\n"));
}

#[test]
fn an_unknown_id_is_a_usage_error_with_a_suggestion() {
    let run = upskill(&["show", "comptia/netwrok-plus"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "upskill: no credential, role or skill has the id `comptia/netwrok-plus`; did you mean `comptia/network-plus`?\n"
    );
    let run = upskill(&["show", "network-adminstrator"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `network-administrator`?"),
        "{}",
        run.stderr
    );
    let run = upskill(&["show", "evil\u{1b}[2J"]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
}

#[test]
fn an_unknown_graph_role_is_a_usage_error() {
    let run = upskill(&["graph", "--role", "cloud-enginer"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `cloud-engineer`?"),
        "{}",
        run.stderr
    );
}

/// The node ids a DOT graph declares and the edges it draws, checking on the way that
/// every statement is one line, every string is closed and braces balance.
fn parse_dot(text: &str) -> (HashSet<String>, Vec<(String, String)>) {
    let mut depth = 0_i32;
    let mut nodes = HashSet::new();
    let mut edges = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let mut strings: Vec<String> = Vec::new();
        let mut outside = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                outside.push(c);
                continue;
            }
            let mut string = String::new();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => string.push(chars.next().expect("an escape is complete")),
                    Some(c) => string.push(c),
                    None => panic!("an unclosed string in {line:?}"),
                }
            }
            outside.push_str("\"\"");
            strings.push(string);
        }
        depth += i32::try_from(outside.matches('{').count()).expect("few");
        depth -= i32::try_from(outside.matches('}').count()).expect("few");
        assert!(depth >= 0, "a brace closes too early at {line:?}");
        assert!(
            outside.ends_with(';') || outside.ends_with('{') || outside == "}",
            "{line:?} is not a whole statement"
        );
        if outside.starts_with("\"\" -> \"\"") {
            edges.push((strings[0].clone(), strings[1].clone()));
        } else if outside.starts_with("\"\" [") {
            nodes.insert(strings[0].clone());
        }
    }
    assert_eq!(depth, 0, "unbalanced braces");
    (nodes, edges)
}

#[test]
fn the_dot_graph_is_well_formed_and_every_edge_joins_declared_nodes() {
    let text = ok(&["graph"]);
    assert!(text.contains("digraph upskill {"));
    let (nodes, edges) = parse_dot(&text);
    assert_eq!(nodes.len(), 85, "every bundled credential");
    assert!(edges.contains(&("microsoft/az-104".into(), "microsoft/az-305".into())));
    for (from, to) in &edges {
        assert!(nodes.contains(from) && nodes.contains(to), "{from} -> {to}");
    }
    assert!(text.contains(
        "\"microsoft/az-204\" -> \"microsoft/az-400\" [style=dashed, label=\"one of\"];"
    ));
    assert!(text.contains("\"comptia/a-plus\" -> \"comptia/network-plus\" [style=dotted];"));
}

#[test]
fn a_role_graph_keeps_only_what_can_contribute() {
    let (nodes, edges) = parse_dot(&ok(&["graph", "--role", "cloud-engineer"]));
    assert!(nodes.contains("microsoft/az-104") && nodes.contains("microsoft/az-400"));
    // AZ-400 needs AZ-104 or AZ-204: the retired AZ-204 stays because it is named.
    assert!(nodes.contains("microsoft/az-204"));
    assert!(
        !nodes.contains("scrum-org/psm-1"),
        "Scrum teaches nothing a cloud engineer needs"
    );
    assert!(nodes.len() < 85);
    for (from, to) in &edges {
        assert!(nodes.contains(from) && nodes.contains(to), "{from} -> {to}");
    }
}

/// `id["label"]` (a credential) or `id(["label"])` (a skill).
fn node_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    if let Some((id, rest)) = line.split_once("([\"") {
        return Some((id, rest.strip_suffix("\"])")?));
    }
    let (id, rest) = line.split_once("[\"")?;
    Some((id, rest.strip_suffix("\"]")?))
}

/// Checks every line of a Mermaid flowchart against the grammar `graph` writes, and returns
/// the declared node ids and the edges.
fn parse_mermaid(text: &str) -> (HashSet<String>, Vec<(String, String)>) {
    fn is_id(id: &str) -> bool {
        !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    }
    /// Quoted label text: nothing that could end the label or the statement, once our
    /// `<br/>` breaks and `#name;` entity codes are taken out.
    fn is_label(label: &str) -> bool {
        let label = label.replace("<br/>", " ");
        let mut plain = String::new();
        let mut rest = label.as_str();
        while let Some(at) = rest.find('#') {
            plain.push_str(&rest[..at]);
            let entity = &rest[at + 1..];
            let Some(end) = entity.find(';') else {
                return false;
            };
            if !entity[..end].chars().all(|c| c.is_ascii_alphanumeric()) {
                return false;
            }
            rest = &entity[end + 1..];
        }
        plain.push_str(rest);
        !plain.contains(['"', ';', '<', '>', '&', '`', '#'])
    }
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut nodes = HashSet::new();
    let mut edges = Vec::new();
    let mut open = 0;
    for line in lines {
        if line.starts_with("  %% ") || line.starts_with("  classDef retired ") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("  subgraph ") {
            let (id, label) = rest.split_once(" [\"").expect("a subgraph title");
            assert!(
                is_id(id) && label.ends_with("\"]") && is_label(&label[..label.len() - 2]),
                "{line}"
            );
            open += 1;
        } else if line == "  end" {
            open -= 1;
        } else if let Some(rest) = line.strip_prefix("  class ") {
            let names = rest.strip_suffix(" retired").expect("the retired class");
            assert!(names.split(',').all(|name| nodes.contains(name)), "{line}");
        } else if let Some((id, label)) = node_line(line) {
            assert!(is_id(id) && is_label(label), "{line}");
            nodes.insert(id.to_owned());
        } else {
            let (from, rest) = line.trim().split_once(' ').expect("an edge");
            let (arrow, to) = rest.rsplit_once(' ').expect("an edge");
            assert!(
                ["-->", "-.->", "-.->|\"one of\"|", "-.->|\"teaches\"|"].contains(&arrow)
                    || arrow.starts_with("-.->|\"one of #"),
                "not a Mermaid line of ours: {line:?}"
            );
            edges.push((from.to_owned(), to.to_owned()));
        }
    }
    assert_eq!(open, 0, "every subgraph ends");
    for (from, to) in &edges {
        assert!(
            nodes.contains(from) && nodes.contains(to),
            "{from} --> {to}"
        );
    }
    (nodes, edges)
}

#[test]
fn the_mermaid_graph_follows_the_flowchart_grammar() {
    let (nodes, edges) = parse_mermaid(&ok(&["graph", "--format", "mermaid"]));
    assert_eq!(nodes.len(), 85);
    assert!(edges.contains(&("c_microsoft__az_104".into(), "c_microsoft__az_305".into())));
    let (role_nodes, _) = parse_mermaid(&ok(&[
        "graph",
        "--format",
        "mermaid",
        "--role",
        "data-analyst",
    ]));
    assert!(role_nodes.len() < 85 && role_nodes.contains("c_google__data_analytics"));
}

/// No control character but the line feed, and no direction override, in `text`.
fn assert_harmless(text: &str, what: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}:\n{text}");
}

#[test]
fn hostile_catalog_text_never_reaches_the_output_raw() {
    for args in [
        &["roles"][..],
        &["roles", "--format", "json"],
        &["show", "evil/base"],
        &["show", "evil/next"],
        &["show", "evil/either"],
        &["show", "hostile-role"],
        &["show", "hostile-skill"],
        &["show", "linux"],
        &["graph"],
        &["graph", "--role", "hostile-role"],
        &["graph", "--format", "mermaid"],
        &["graph", "--format", "mermaid", "--role", "hostile-role"],
        &["validate", "--strict"],
    ] {
        assert_harmless(&hostile(args), &format!("{args:?}"));
    }
}

#[test]
fn hostile_titles_cannot_break_the_graph_syntax() {
    let (nodes, edges) = parse_dot(&hostile(&["graph"]));
    assert_eq!(
        nodes.len(),
        6,
        "four credentials and two required skills: {nodes:?}"
    );
    assert!(edges.contains(&("evil/base".into(), "evil/next".into())));
    let (nodes, edges) = parse_mermaid(&hostile(&["graph", "--format", "mermaid"]));
    assert_eq!(nodes.len(), 6);
    assert!(edges.contains(&("s_linux".into(), "c_evil__either".into())));
}

#[test]
fn hostile_role_json_stays_valid_json() {
    let json: serde_json::Value =
        serde_json::from_str(&hostile(&["roles", "--format", "json"])).expect("valid JSON");
    assert_eq!(json[0]["id"], "hostile-role");
    assert_eq!(
        json[0]["skills"],
        serde_json::json!(["hostile-skill", "linux"])
    );
    assert_eq!(
        json[0]["requires"],
        serde_json::json!(["any of [evil/either, evil/next]"])
    );
}

#[test]
fn old_verification_dates_are_flagged() {
    assert!(
        hostile(&["show", "evil/base"])
            .contains("verified     2020-01-01: over a year ago, so possibly out of date")
    );
}

#[test]
fn the_schema_command_prints_the_shipped_schema_file() {
    let printed = ok(&["schema"]);
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs/schema.json"))
            .expect("catalogs/schema.json exists");
    assert!(
        printed == shipped,
        "catalogs/schema.json is out of date with the format types; regenerate it with\n    cargo run -- schema > catalogs/schema.json"
    );
}
