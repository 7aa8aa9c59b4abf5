//! `graph`, run as the real binary: DOT and Mermaid checked for structure, with and without
//! `--role`, on the bundled catalogs and on a hostile fixture.

mod common;

use common::graph::{parse_dot, parse_mermaid};
use common::{hostile, ok, upskill};

/// How many credentials the bundled catalogs hold now: counted, not written down, so adding
/// data does not break these tests.
fn bundled_credentials() -> usize {
    let loaded = upskill::catalog::load(&upskill::catalog::Sources {
        bundled: true,
        ..upskill::catalog::Sources::default()
    });
    assert!(!loaded.has_errors());
    loaded.catalog.credentials.len()
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

#[test]
fn the_dot_graph_is_well_formed_and_every_edge_joins_declared_nodes() {
    let text = ok(&["graph"]);
    assert!(text.contains("digraph upskill {"));
    let (nodes, edges) = parse_dot(&text);
    assert_eq!(
        nodes.len(),
        bundled_credentials(),
        "every bundled credential"
    );
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
    assert!(nodes.len() < bundled_credentials());
    for (from, to) in &edges {
        assert!(nodes.contains(from) && nodes.contains(to), "{from} -> {to}");
    }
}

#[test]
fn the_mermaid_graph_follows_the_flowchart_grammar() {
    let (nodes, edges) = parse_mermaid(&ok(&["graph", "--format", "mermaid"]));
    assert_eq!(nodes.len(), bundled_credentials());
    assert!(edges.contains(&("c_microsoft__az_104".into(), "c_microsoft__az_305".into())));
    let (role_nodes, _) = parse_mermaid(&ok(&[
        "graph",
        "--format",
        "mermaid",
        "--role",
        "data-analyst",
    ]));
    assert!(
        role_nodes.len() < bundled_credentials() && role_nodes.contains("c_google__data_analytics")
    );
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
