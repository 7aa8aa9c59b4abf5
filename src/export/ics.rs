//! A plan as an iCalendar file (RFC 5545) for a calendar app: an all-day event a step, from
//! its scheduled start to its end (a done step: its completion day), and an all-day event on
//! each date a credential must be renewed. UIDs come from the plan name, the credential and
//! the kind of event, so importing a newer export updates the events instead of adding
//! copies. Lines end in CRLF and fold at 75 octets, never inside a character; text is
//! escaped. Steps with no dates (missing from the catalogs, or done with no completion
//! date) have no event.

use std::collections::HashMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::report::{Report, StepView};
use super::{safe_url, ymd};

const PRODID: &str = concat!("-//upskill//upskill ", env!("CARGO_PKG_VERSION"), "//EN");

/// The most octets on one line, before its CRLF (RFC 5545 §3.1).
const MAX_LINE: usize = 75;

pub fn render(report: &Report) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", text(&calendar_name(report))),
    ];
    let stamp = report.generated.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, step) in report.steps.iter().enumerate() {
        // A duplicated step (a plan violation) still gets UIDs of its own.
        let occurrence = seen.entry(step.id.as_str()).or_default();
        let key = format!("{}\u{0}{}\u{0}{occurrence}", report.name, step.id);
        *occurrence += 1;
        let Some(end) = step.end else { continue };
        let (start, end) = match step.start {
            Some(start) if end > start => (start, end),
            _ => (end, next_day(end)),
        };
        let summary = if step.start.is_none() {
            format!("{} (done)", step.title())
        } else {
            step.title().to_owned()
        };
        let event = Event {
            uid: uid("step", &key),
            start,
            end,
            summary,
            description: step_description(report, i, step),
            url: step
                .credential
                .as_ref()
                .and_then(|c| safe_url(c.url.as_deref()?)),
        };
        event.push(&mut lines, &stamp);
        if let Some(renews) = step.renews {
            let rule = step
                .credential
                .as_ref()
                .and_then(|c| c.description.as_deref())
                .and_then(crate::plan::renewal_rule);
            let mut description = format!("{} ({}) expires on {renews}.", step.title(), step.id);
            if step.start.is_some() {
                description.push_str(" The date assumes the step ends as scheduled.");
            }
            if let Some(rule) = rule {
                let _ = write!(description, "\n\n{rule}");
            }
            Event {
                uid: uid("renew", &key),
                start: renews,
                end: next_day(renews),
                summary: format!("Renew: {}", step.title()),
                description,
                url: event.url.clone(),
            }
            .push(&mut lines, &stamp);
        }
    }
    // Held credentials with the date they were earned expire on a known day too.
    for held in &report.held {
        let Some(expires) = held.expires else {
            continue;
        };
        let title = held.title.as_deref().unwrap_or(&held.id);
        Event {
            uid: uid("renew-held", &held.id),
            start: expires,
            end: next_day(expires),
            summary: format!("Renew: {title}"),
            description: format!("{title} ({}), held, expires on {expires}.", held.id),
            url: None,
        }
        .push(&mut lines, &stamp);
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in &lines {
        fold_into(&mut out, line);
    }
    out
}

struct Event {
    uid: String,
    start: Date,
    /// The day after the last one (all-day `DTEND` is exclusive).
    end: Date,
    summary: String,
    description: String,
    url: Option<String>,
}

impl Event {
    fn push(&self, lines: &mut Vec<String>, stamp: &str) {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{}", self.uid));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", ymd(self.start)));
        lines.push(format!("DTEND;VALUE=DATE:{}", ymd(self.end)));
        lines.push(format!("SUMMARY:{}", text(&self.summary)));
        lines.push(format!("DESCRIPTION:{}", text(&self.description)));
        if let Some(url) = &self.url {
            // A URI value is not TEXT: nothing to escape once `safe_url` has encoded it.
            lines.push(format!("URL:{url}"));
        }
        // All-day study blocks should not mark the learner busy.
        lines.push("TRANSP:TRANSPARENT".to_owned());
        lines.push("END:VEVENT".to_owned());
    }
}

fn calendar_name(report: &Report) -> String {
    match (report.name.is_empty(), report.role_label()) {
        (false, _) => format!("upskill: {}", report.name),
        (true, Some(role)) => format!("upskill: {role}"),
        (true, None) => "upskill".to_owned(),
    }
}

fn step_description(report: &Report, i: usize, step: &StepView) -> String {
    let mut text = format!("Step {} of {}", i + 1, report.steps.len());
    if !report.name.is_empty() {
        let _ = write!(text, " in the plan {}", report.name);
    }
    if let Some(role) = report.role_label() {
        let _ = write!(text, " for {role}");
    }
    let _ = write!(text, ".\n{}", step.id);
    if let Some(c) = &step.credential {
        let _ = write!(
            text,
            " from {}: {} hours, {} {}.",
            c.provider_name, c.hours, c.cost, report.currency
        );
    }
    let _ = write!(text, "\nStatus: {}.", step.status);
    if let Some(note) = &step.note {
        let _ = write!(text, "\nNote: {note}");
    }
    text
}

fn next_day(date: Date) -> Date {
    date.tomorrow().unwrap_or(date)
}

/// `kind-<16 hex digits>@upskill`, from a 64-bit FNV-1a hash: stable across runs, versions
/// and machines, unlike the standard library's hasher.
fn uid(kind: &str, key: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = kind
        .bytes()
        .chain([0])
        .chain(key.bytes())
        .fold(OFFSET, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        });
    format!("{kind}-{hash:016x}@upskill")
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            // Other control characters are not allowed in TEXT; the report has none left
            // but a tab, which reads as a space.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line passes 75 octets: a continuation line
/// starts with a space, and a fold never splits a UTF-8 character.
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
