use super::*;
use crate::export::fixture::{HOSTILE_TITLE, report};

const VOID: [&str; 4] = ["meta", "br", "link", "img"];

/// Checks that the page nests every element, quotes every attribute, and has no bare `<`,
/// `>` or `&` in its text; returns the element names in document order.
fn elements(page: &str) -> Vec<String> {
    let mut rest = page
        .strip_prefix("<!DOCTYPE html>\n")
        .expect("an HTML5 doctype");
    let mut open: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    while let Some(start) = rest.find('<') {
        check_text(&rest[..start]);
        let end = start + rest[start..].find('>').expect("a closed tag");
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        assert!(!tag.contains('<'), "{tag}");
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unquoted attribute in {tag}"
        );
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name), "misnested </{name}>");
            continue;
        }
        let name = tag
            .split_whitespace()
            .next()
            .expect("a name")
            .trim_end_matches('/');
        seen.push(name.to_owned());
        if name == "style" {
            let end = rest.find("</style>").expect("the style ends");
            rest = &rest[end + "</style>".len()..];
        } else if !tag.ends_with('/') && !VOID.contains(&name) {
            open.push(name.to_owned());
        }
    }
    check_text(rest);
    assert!(open.is_empty(), "unclosed: {open:?}");
    seen
}

fn check_text(text: &str) {
    assert!(!text.contains('>'), "a bare > in {text:?}");
    for (at, _) in text.match_indices('&') {
        let entity = &text[at..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "a bare & in {text:?}"
        );
    }
}

#[test]
fn the_page_is_well_formed_html_with_a_table_and_a_timeline() {
    let page = render(&report());
    let seen = elements(&page);
    assert!(page.contains("<meta charset=\"utf-8\">"));
    for element in ["html", "head", "title", "style", "body", "table", "svg"] {
        assert!(seen.iter().any(|e| e == element), "no <{element}>");
    }
    assert_eq!(seen.iter().filter(|e| *e == "tr").count(), 1 + 4);
    assert_eq!(seen.iter().filter(|e| *e == "rect").count(), 2);
    assert!(page.contains("<line class=\"today\""));
    assert!(page.contains("no dates: the catalogs lack this credential"));
    assert_eq!(page.matches("<path class=\"renew\"").count(), 2);
}

#[test]
fn catalog_and_plan_text_is_escaped_everywhere() {
    let page = render(&report());
    assert!(!page.to_lowercase().contains("<script"));
    assert!(page.contains(&escape(HOSTILE_TITLE)));
    assert!(page.contains(
        "Cloud, &quot;Pro&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Café ☁️ 👩\u{200d}💻"
    ));
    assert!(page.contains("<title>Learning plan: Data &amp; &lt;AI&gt; | &quot;Ops&quot;</title>"));
    assert!(page.contains("Prefers &lt;b&gt;self-paced&lt;/b&gt;"));
    assert!(!page.contains('\u{1b}'));
}

#[test]
fn nothing_is_loaded_from_elsewhere_and_only_web_addresses_are_linked() {
    let page = render(&report());
    for forbidden in [
        "src=",
        "url(",
        "@import",
        "<link",
        "<script",
        "javascript:",
        "<iframe",
    ] {
        assert!(!page.contains(forbidden), "{forbidden}");
    }
    assert!(page.contains("default-src 'none'"));
    assert!(page.contains("<a href=\"https://example.com/a?b=1&amp;c=%3C2%3E\">"));
    assert_eq!(page.matches("<a href=").count(), 1);
}

#[test]
fn printing_keeps_rows_and_the_timeline_whole() {
    let page = render(&report());
    assert!(page.contains("@media print"));
    assert!(page.contains("break-inside: avoid"));
}

#[test]
fn timeline_labels_stay_apart_and_inside_the_drawing() {
    let drawing = timeline::svg(&report());
    let mut xs: Vec<i64> = drawing
        .split("<text x=\"")
        .skip(1)
        .filter(|rest| rest.contains("\" y=\"12\""))
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    assert!(xs.len() >= 3, "{drawing}");
    xs.sort_unstable();
    for pair in xs.windows(2) {
        assert!(pair[1] - pair[0] >= 64, "{xs:?}");
    }
    assert!(xs.iter().all(|&x| x + 32 <= 900), "{xs:?}");
}

#[test]
fn a_wait_for_experience_an_award_and_a_successor_are_said_and_escaped() {
    let mut report = report();
    report.steps[0].eligible = Some("2029-06-01".parse().expect("date"));
    report.steps[0].awarded = vec![crate::export::report::Awarded {
        id: "t/stack".to_owned(),
        title: HOSTILE_TITLE.to_owned(),
    }];
    let page = render(&report);
    elements(&page);
    assert!(page.contains("Eligible from 2029-06-01"), "{page}");
    assert!(page.contains("Awarded after this step:"), "{page}");
    assert!(!page.contains(HOSTILE_TITLE), "escaped");
}
