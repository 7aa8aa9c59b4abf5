//! Renderers that turn the catalog and plans into other programs' formats. Pure: each takes
//! data and returns text, so the command line and the app export the same way.
//!
//! - [`graph`]: the prerequisite graph as DOT and Mermaid.
//! - [`report`]: the [`Report`] every plan renderer reads, built once from a plan.
//! - [`render`]: a report as Markdown, CSV, iCalendar, JSON or HTML ([`ExportFormat`]).

pub mod csv;
pub mod graph;
pub mod html;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod report;
mod written;

#[cfg(test)]
pub(crate) mod fixture;

use std::fmt::Write as _;

pub use report::Report;

/// The formats a plan exports to (`cli::ExportFormatArg` is how `--format` names them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A document for a client; renders on GitHub.
    Markdown,
    /// A spreadsheet: one row a step (RFC 4180).
    Csv,
    /// A calendar: an event a step and a renewal (RFC 5545).
    Ics,
    /// The plan with its schedule, status and notes.
    Json,
    /// One printable page with a timeline, no external files.
    Html,
    /// A plan file that stands alone, its person's holdings written in: `upskill import`
    /// reads it on another machine.
    Yaml,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Markdown,
        ExportFormat::Csv,
        ExportFormat::Ics,
        ExportFormat::Json,
        ExportFormat::Html,
        ExportFormat::Yaml,
    ];

    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
            ExportFormat::Json => "json",
            ExportFormat::Html => "html",
            ExportFormat::Yaml => "yaml",
        }
    }

    /// The format a file name's extension stands for.
    pub fn from_extension(extension: &str) -> Option<ExportFormat> {
        let extension = extension.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "htm" => Some(ExportFormat::Html),
            "yml" => Some(ExportFormat::Yaml),
            _ => ExportFormat::ALL
                .into_iter()
                .find(|format| format.extension() == extension),
        }
    }

    /// The name users type (`--format`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "markdown",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
            ExportFormat::Json => "json",
            ExportFormat::Html => "html",
            ExportFormat::Yaml => "yaml",
        }
    }
}

/// A plan report in one format, ready to write to a file as UTF-8.
pub fn render(report: &Report, format: ExportFormat) -> String {
    match format {
        ExportFormat::Markdown => markdown::render(report),
        ExportFormat::Csv => csv::render(report),
        ExportFormat::Ics => ics::render(report),
        ExportFormat::Json => json::render(report),
        ExportFormat::Html => html::render(report),
        ExportFormat::Yaml => report.plan_file.clone(),
    }
}

/// `20270104`: a date as iCalendar and file names write it.
pub fn ymd(date: jiff::civil::Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// A catalog address fit to link to: `http` or `https` only (never `javascript:` or
/// `file:`), with every character a URI may not hold percent-encoded, so it is one token
/// in any format. `None` for anything else.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0.to_ascii_lowercase();
    if !(scheme == "http" || scheme == "https") || !url[scheme.len()..].starts_with("://") {
        return None;
    }
    let mut safe = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() && !"\"<>\\^`{|}".contains(c) {
            safe.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(safe, "%{byte:02X}");
            }
        }
    }
    Some(safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_linked_and_odd_characters_are_encoded() {
        assert_eq!(
            safe_url("https://x.org/a b\"<é>").as_deref(),
            Some("https://x.org/a%20b%22%3C%C3%A9%3E")
        );
        assert_eq!(safe_url("HTTP://x.org").as_deref(), Some("HTTP://x.org"));
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "x",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_format_renders_the_same_report() {
        let report = fixture::report();
        for format in ExportFormat::ALL {
            let text = render(&report, format);
            assert!(
                text.contains("2027-01-04") || text.contains("20270104"),
                "{format:?}"
            );
            assert!(!text.contains('\u{1b}'), "{format:?}");
        }
        assert_eq!(ExportFormat::Markdown.extension(), "md");
    }
}
