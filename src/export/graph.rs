//! The prerequisite graph as Graphviz DOT or a Mermaid flowchart. Both renderers draw the
//! same [`Drawing`], so they show the same nodes and edges; all catalog text is sanitized
//! and escaped for its syntax, so a hostile title cannot break out of its label.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;

use crate::catalog::{Atom, Catalog, CredentialIdx, ProviderIdx, Requirement, SkillIdx};
use crate::text::{sanitize_line, wrap};

/// Node labels wrap at this many characters.
const LABEL_WIDTH: usize = 32;

/// What a graph shows: credentials grouped by provider, the skills their `requires` name,
/// and the edges between them.
#[derive(Debug, Clone, Default)]
pub struct Drawing {
    pub providers: BTreeMap<ProviderIdx, Vec<CredentialIdx>>,
    pub skills: BTreeSet<SkillIdx>,
    pub edges: Vec<Link>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Credential(CredentialIdx),
    Skill(SkillIdx),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// A plain `requires` item.
    Requires,
    /// An alternative of an `any` group: `group` counts the groups of its credential from
    /// 1, and is 0 when it has only one.
    OneOf { group: usize },
    /// A `recommends` item.
    Recommends,
    /// A credential teaches a skill that some credential requires.
    Teaches,
}

/// An edge, from what comes first to what builds on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Link {
    pub from: Node,
    pub to: Node,
    pub style: Style,
}

impl Drawing {
    /// The drawing of `credentials` (in any order; duplicates ignored) and the edges among
    /// them.
    pub fn of(catalog: &Catalog, credentials: &[CredentialIdx]) -> Drawing {
        let kept: BTreeSet<CredentialIdx> = credentials.iter().copied().collect();
        let mut drawing = Drawing::default();
        let mut edges = Edges::default();
        for &idx in &kept {
            let credential = catalog.credential(idx);
            drawing
                .providers
                .entry(credential.provider)
                .or_default()
                .push(idx);
            let groups = credential
                .requires
                .iter()
                .filter(|requirement| matches!(requirement, Requirement::Any(_)))
                .count();
            let mut group = 0;
            for requirement in &credential.requires {
                let style = match requirement {
                    Requirement::One(_) | Requirement::All(_) => Style::Requires,
                    Requirement::Any(_) => {
                        group += 1;
                        Style::OneOf {
                            group: if groups > 1 { group } else { 0 },
                        }
                    }
                };
                for &atom in requirement.atoms() {
                    let from = match atom {
                        Atom::Credential(other) if kept.contains(&other) => Node::Credential(other),
                        Atom::Credential(_) | Atom::Experience(_) => continue,
                        Atom::Skill(skill) => {
                            drawing.skills.insert(skill);
                            Node::Skill(skill)
                        }
                    };
                    edges.link(from, Node::Credential(idx), style);
                }
            }
            for atom in credential.recommends().iter().flat_map(Requirement::atoms) {
                if let Atom::Credential(other) = *atom
                    && kept.contains(&other)
                {
                    edges.link(
                        Node::Credential(other),
                        Node::Credential(idx),
                        Style::Recommends,
                    );
                }
            }
        }
        for &skill in &drawing.skills.clone() {
            for &teacher in catalog.teachers(skill) {
                if kept.contains(&teacher) {
                    edges.link(
                        Node::Credential(teacher),
                        Node::Skill(skill),
                        Style::Teaches,
                    );
                }
            }
        }
        drawing.edges = edges.drawn;
        drawing
    }
}

/// The edges in the order they are first drawn, each once. The set answers "drawn already?"
/// in constant time (searching the list made a large graph quadratic); the list keeps the
/// output in a fixed order.
#[derive(Default)]
struct Edges {
    drawn: Vec<Link>,
    seen: HashSet<Link>,
}

impl Edges {
    fn link(&mut self, from: Node, to: Node, style: Style) {
        let link = Link { from, to, style };
        if self.seen.insert(link) {
            self.drawn.push(link);
        }
    }
}

/// The label lines of a node: its title wrapped, then its id.
fn label_lines(catalog: &Catalog, node: Node) -> Vec<String> {
    let (title, id) = match node {
        Node::Credential(idx) => {
            let credential = catalog.credential(idx);
            let mut id = credential.id.to_string();
            if credential.retired {
                id.push_str(" (retired)");
            }
            (credential.title.as_ref(), id)
        }
        Node::Skill(idx) => {
            let skill = catalog.skill(idx);
            (skill.label(), format!("skill {}", skill.id))
        }
    };
    let mut lines = wrap(&sanitize_line(title), LABEL_WIDTH);
    lines.push(sanitize_line(&id).into_owned());
    lines
}

fn is_retired(catalog: &Catalog, node: Node) -> bool {
    matches!(node, Node::Credential(idx) if catalog.credential(idx).retired)
}

fn group_label(group: usize) -> String {
    if group == 0 {
        "one of".to_owned()
    } else {
        format!("one of #{group}")
    }
}

/// Graphviz DOT: `dot -Tsvg`.
pub fn dot(catalog: &Catalog, drawing: &Drawing) -> String {
    let mut out = String::from(
        "// upskill prerequisite graph. Solid: requires; dashed: one of an `any` group;\n\
         // dotted: recommended; grey: teaches a skill that is required.\n\
         digraph upskill {\n  graph [rankdir=LR, fontname=\"Helvetica\"];\n  \
         node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  \
         edge [fontname=\"Helvetica\", fontsize=10];\n",
    );
    for (&provider, credentials) in &drawing.providers {
        let provider = catalog.provider(provider);
        let _ = writeln!(
            out,
            "  subgraph {} {{\n    label={};",
            dot_string(&format!("cluster_{}", provider.id)),
            dot_string(&sanitize_line(&provider.name)),
        );
        for &idx in credentials {
            out.push_str("    ");
            dot_node(&mut out, catalog, Node::Credential(idx));
        }
        out.push_str("  }\n");
    }
    for &skill in &drawing.skills {
        out.push_str("  ");
        dot_node(&mut out, catalog, Node::Skill(skill));
    }
    for link in &drawing.edges {
        let attributes = match link.style {
            Style::Requires => String::new(),
            Style::OneOf { group } => {
                format!(" [style=dashed, label={}]", dot_string(&group_label(group)))
            }
            Style::Recommends => " [style=dotted]".to_owned(),
            Style::Teaches => " [style=dotted, color=gray60, arrowhead=empty]".to_owned(),
        };
        let _ = writeln!(
            out,
            "  {} -> {}{attributes};",
            dot_id(catalog, link.from),
            dot_id(catalog, link.to)
        );
    }
    out.push_str("}\n");
    out
}

fn dot_node(out: &mut String, catalog: &Catalog, node: Node) {
    let label = dot_string(&label_lines(catalog, node).join("\n"));
    let shape = match node {
        Node::Credential(_) if is_retired(catalog, node) => {
            ", style=\"rounded,dashed\", color=gray50, fontcolor=gray50"
        }
        Node::Credential(_) => "",
        Node::Skill(_) => ", shape=ellipse",
    };
    let _ = writeln!(out, "{} [label={label}{shape}];", dot_id(catalog, node));
}

fn dot_id(catalog: &Catalog, node: Node) -> String {
    match node {
        Node::Credential(idx) => dot_string(&catalog.credential(idx).id),
        Node::Skill(idx) => dot_string(&format!("skill:{}", catalog.skill(idx).id)),
    }
}

/// A DOT quoted string. A backslash would start an escape (`\N`, `\G`, `\l`) and a quote
/// would end the string, so both are escaped; line breaks become DOT's `\n`.
pub fn dot_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            c if c.is_control() => {}
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// A Mermaid flowchart, which GitHub renders in Markdown.
pub fn mermaid(catalog: &Catalog, drawing: &Drawing) -> String {
    let mut out = String::from(
        "flowchart LR\n  %% upskill prerequisite graph. Solid: requires; dotted \"one of\": an `any` group;\n  \
         %% dotted: recommended; dotted \"teaches\": teaches a skill that is required.\n",
    );
    let mut retired = Vec::new();
    for (&provider, credentials) in &drawing.providers {
        let provider = catalog.provider(provider);
        let _ = writeln!(
            out,
            "  subgraph p_{} [\"{}\"]",
            mermaid_id(&provider.id),
            mermaid_text(&sanitize_line(&provider.name))
        );
        for &idx in credentials {
            let node = Node::Credential(idx);
            let _ = writeln!(
                out,
                "    {}[\"{}\"]",
                mermaid_node(catalog, node),
                mermaid_label(catalog, node)
            );
            if is_retired(catalog, node) {
                retired.push(mermaid_node(catalog, node));
            }
        }
        out.push_str("  end\n");
    }
    for &skill in &drawing.skills {
        let node = Node::Skill(skill);
        let _ = writeln!(
            out,
            "  {}([\"{}\"])",
            mermaid_node(catalog, node),
            mermaid_label(catalog, node)
        );
    }
    for link in &drawing.edges {
        let arrow = match link.style {
            Style::Requires => "-->".to_owned(),
            Style::OneOf { group } => format!("-.->|\"{}\"|", group_label(group)),
            Style::Recommends => "-.->".to_owned(),
            Style::Teaches => "-.->|\"teaches\"|".to_owned(),
        };
        let _ = writeln!(
            out,
            "  {} {arrow} {}",
            mermaid_node(catalog, link.from),
            mermaid_node(catalog, link.to)
        );
    }
    if !retired.is_empty() {
        out.push_str("  classDef retired stroke-dasharray:5 5,color:#888\n");
        let _ = writeln!(out, "  class {} retired", retired.join(","));
    }
    out
}

fn mermaid_label(catalog: &Catalog, node: Node) -> String {
    label_lines(catalog, node)
        .iter()
        .map(|line| mermaid_text(line))
        .collect::<Vec<_>>()
        .join("<br/>")
}

/// `c_comptia__a_plus` for `comptia/a-plus`, `s_linux` for skill `linux`. Ids are kebab-case
/// with at most one `/`, so the mapping cannot make two ids equal, and the prefixes keep
/// node names clear of Mermaid's keywords (`end`) and edge shapes (`o`, `x`).
fn mermaid_node(catalog: &Catalog, node: Node) -> String {
    match node {
        Node::Credential(idx) => format!("c_{}", mermaid_id(&catalog.credential(idx).id)),
        Node::Skill(idx) => format!("s_{}", mermaid_id(&catalog.skill(idx).id)),
    }
}

/// An id with everything outside `[A-Za-z0-9_]` replaced: `-` by `_`, `/` by `__`.
pub fn mermaid_id(id: &str) -> String {
    let mut clean = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => clean.push(c),
            '/' => clean.push_str("__"),
            _ => clean.push('_'),
        }
    }
    clean
}

/// Text for inside a quoted Mermaid label: `"` would end it, `#` starts an entity, `<`, `>`
/// and `&` would be HTML, a backtick starts Markdown and `;` ends a statement, so each
/// becomes an entity code.
pub fn mermaid_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => escaped.push_str("#quot;"),
            '#' => escaped.push_str("#35;"),
            '<' => escaped.push_str("#lt;"),
            '>' => escaped.push_str("#gt;"),
            '&' => escaped.push_str("#amp;"),
            '`' => escaped.push_str("#96;"),
            ';' => escaped.push_str("#59;"),
            '\n' => escaped.push(' '),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_strings_escape_quotes_backslashes_and_line_breaks() {
        assert_eq!(dot_string(r#"a "b" \N"#), r#""a \"b\" \\N""#);
        assert_eq!(dot_string("two\nlines"), r#""two\nlines""#);
        assert_eq!(dot_string("\"]; evil"), r#""\"]; evil""#);
    }

    #[test]
    fn mermaid_text_turns_syntax_into_entity_codes() {
        assert_eq!(
            mermaid_text(r#""]; <b> & `x` #1"#),
            "#quot;]#59; #lt;b#gt; #amp; #96;x#96; #35;1"
        );
    }

    #[test]
    fn mermaid_ids_keep_distinct_ids_distinct() {
        assert_eq!(mermaid_id("comptia/a-plus"), "comptia__a_plus");
        assert_ne!(mermaid_id("a-b/c"), mermaid_id("a/b-c"));
    }
}
