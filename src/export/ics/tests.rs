use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

use super::*;
use crate::export::fixture::{HOSTILE_TITLE, report};

fn parse(text: &str) -> Calendar {
    text.parse::<Calendar>()
        .expect("a calendar the icalendar crate reads")
}

fn events(calendar: &Calendar) -> Vec<&icalendar::Event> {
    calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .collect()
}

fn day(value: Option<DatePerhapsTime>) -> String {
    match value {
        Some(DatePerhapsTime::Date(date)) => date.to_string(),
        other => panic!("an all-day date, not {other:?}"),
    }
}

#[test]
fn a_calendar_parser_reads_an_event_a_dated_step_and_a_renewal() {
    let calendar = parse(&render(&report()));
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    assert_eq!(calendar.property_value("CALSCALE"), Some("GREGORIAN"));
    let events = events(&calendar);
    let seen: Vec<(Option<&str>, String, String)> = events
        .iter()
        .map(|e| (e.get_summary(), day(e.get_start()), day(e.get_end())))
        .collect();
    let renew = format!("Renew: {HOSTILE_TITLE}");
    assert_eq!(
        seen,
        [
            (
                Some("Help desk (done)"),
                "2027-01-20".into(),
                "2027-01-21".into()
            ),
            (
                Some("Renew: Help desk"),
                "2029-01-20".into(),
                "2029-01-21".into()
            ),
            (
                Some(HOSTILE_TITLE),
                "2027-01-04".into(),
                "2027-02-01".into()
            ),
            (
                Some(renew.as_str()),
                "2028-02-01".into(),
                "2028-02-02".into()
            ),
            (
                Some("=cmd|' /C calc'!A0"),
                "2027-02-01".into(),
                "2027-02-08".into()
            ),
        ]
    );
}

#[test]
fn text_with_commas_semicolons_and_line_breaks_comes_back_whole() {
    let calendar = parse(&render(&report()));
    let events = events(&calendar);
    let description = events[2].get_description().expect("a description");
    assert!(
        description.contains("Note: line one\nline two, \"quoted\""),
        "{description:?}"
    );
    assert!(description.starts_with("Step 2 of 4 in the plan alex, \"the client\""));
    let rule = events[1].get_description().expect("a description");
    assert!(rule.ends_with("\n\nRenew every two years: 20 CEUs, or retake the exam."));
    assert_eq!(text("a\\b;c,d\ne\r"), "a\\\\b\\;c\\,d\\ne");
}

#[test]
fn lines_end_in_crlf_and_fold_at_75_octets_without_splitting_characters() {
    let rendered = render(&report());
    assert!(rendered.ends_with("END:VCALENDAR\r\n"));
    assert!(!rendered.replace("\r\n", "").contains(['\r', '\n']));
    for line in rendered.split("\r\n") {
        assert!(line.len() <= MAX_LINE, "{} octets: {line:?}", line.len());
    }
    let mut folded = String::new();
    fold_into(
        &mut folded,
        &format!("SUMMARY:{}", "👩\u{200d}💻é".repeat(20)),
    );
    let lines: Vec<&str> = folded.trim_end().split("\r\n").collect();
    assert!(lines.len() > 2);
    assert!(lines.iter().all(|l| l.len() <= MAX_LINE));
    assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
    assert_eq!(
        icalendar::parser::unfold(&folded).trim_end(),
        format!("SUMMARY:{}", "👩\u{200d}💻é".repeat(20))
    );
}

#[test]
fn uids_are_stable_between_exports_and_unique_within_one() {
    let first = report();
    let mut later = report();
    later.generated = "2028-06-01T00:00:00Z".parse().expect("a time");
    later.steps[1].start = later.steps[1].start.and_then(|d| d.tomorrow().ok());
    let uids = |report: &Report| -> Vec<String> {
        events(&parse(&render(report)))
            .iter()
            .map(|e| e.get_uid().expect("a UID").to_owned())
            .collect()
    };
    let ids = uids(&first);
    assert_eq!(ids, uids(&later));
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert!(ids.iter().all(|uid| uid.ends_with("@upskill")));
    let mut other_plan = report();
    other_plan.name = "sam".to_owned();
    assert!(uids(&other_plan).iter().all(|uid| !ids.contains(uid)));
}

#[test]
fn only_web_addresses_become_event_urls() {
    let rendered = render(&report());
    assert!(rendered.contains("URL:https://example.com/a?b=1&c=%3C2%3E\r\n"));
    assert!(!rendered.contains("javascript:"));
    assert!(rendered.contains("DTSTAMP:20270301T093000Z\r\n"));
}
