//! `upskill export`, run as the real binary with the data and config folders in a
//! temporary home, on a catalog of hostile titles. Every format is parsed back by a reader of
//! its kind, and checked for its content.

mod common;

use common::home::{BASICS, Home, json};

#[test]
fn csv_opens_in_a_csv_reader_with_a_row_a_step() {
    let home = Home::new();
    home.save("alex", "2027-01-04");
    let text = home.ok(&["export", "alex", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[..4], ["step", "id", "title", "provider"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][2], BASICS);
    assert_eq!(&rows[0][6], "49.99");
    assert_eq!(&rows[1][2], "Red \\u{1b}[31m title");
    assert_eq!(&rows[2][2], "'=cmd|' /C calc'!A0");
    assert!(text.contains("\r\n") && !text.contains('\u{1b}'));
}

#[test]
fn ics_is_a_calendar_with_an_event_a_step_and_a_renewal() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let home = Home::new();
    home.save("alex", "2027-01-04");
    let text = home.ok(&["export", "alex", "--format", "ics"]);
    let calendar: Calendar = text.parse().expect("a calendar");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .collect();
    let summaries: Vec<&str> = events.iter().filter_map(|e| e.get_summary()).collect();
    let renew = format!("Renew: {BASICS}");
    assert_eq!(
        summaries,
        [
            BASICS,
            &renew,
            "Red \\u{1b}[31m title",
            "=cmd|' /C calc'!A0"
        ]
    );
    assert!(text.split("\r\n").all(|line| line.len() <= 75));
    // Exporting again gives the same UIDs, so a calendar updates its events.
    let again = home.ok(&["export", "alex", "--format", "ics"]);
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&text), uids(&again));
    assert_eq!(uids(&text).len(), 4);
}

#[test]
fn json_markdown_and_html_carry_the_plan_and_its_text_safely() {
    let home = Home::new();
    home.save("alex", "2027-01-04");
    let plan = json(&home.ok(&["export", "alex", "--format", "json"]));
    assert_eq!(plan["name"], "alex");
    assert_eq!(plan["steps"][0]["title"], BASICS);
    assert_eq!(plan["steps"][0]["status"], "planned");
    assert_eq!(plan["steps"][0]["renew_by"], "2030-01-25");
    assert_eq!(plan["finish"], "2027-02-15");
    let markdown = home.ok(&["export", "alex", "--format", "markdown"]);
    assert!(markdown.starts_with("# Learning plan: Analyst \\& \\<Reporter\\>\n"));
    assert!(markdown.contains(
        "| 1 | t/basics | Basics, \"Part 1\" \\<script\\>alert('x')\\</script\\> — Café ☕ 👩\u{200d}💻 | 30 | 49.99 |"
    ));
    let html = home.ok(&["export", "alex", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; — Café ☕"));
    assert!(html.contains("<svg "));
    assert!(html.contains("<a href=\"https://example.com/basics?a=1&amp;b=2\">"));
}

#[test]
fn export_to_a_file_writes_what_stdout_shows_in_the_format_of_its_extension() {
    let home = Home::new();
    home.save("alex", "2027-01-04");
    for (format, extension) in [
        ("markdown", "md"),
        ("csv", "csv"),
        ("json", "json"),
        ("html", "html"),
    ] {
        let path = home.dir.path().join(format!("out.{extension}"));
        let shown = path.to_str().expect("UTF-8");
        let run = home.run(&["export", "alex", "-o", shown]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.is_empty());
        let written = std::fs::read_to_string(&path).expect("the file");
        assert_eq!(written, home.ok(&["export", "alex", "--format", format]));
    }
    let ics = home.dir.path().join("plan.txt");
    home.ok(&[
        "export",
        "alex",
        "--format",
        "ics",
        "-o",
        ics.to_str().expect("UTF-8"),
    ]);
    assert!(
        std::fs::read_to_string(ics)
            .expect("the file")
            .starts_with("BEGIN:VCALENDAR\r\n")
    );
}

#[test]
fn exporting_a_plan_that_is_not_saved_is_a_usage_error_with_a_suggestion() {
    let home = Home::new();
    home.save("alex", "2027-01-04");
    let run = home.run(&["export", "alx", "--format", "csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `alex`?"),
        "{}",
        run.stderr
    );
    let run = home.run(&["export", "../../etc/passwd"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not a plan name"), "{}", run.stderr);
}

#[test]
fn a_step_no_catalog_has_is_exported_and_shown_missing() {
    let home = Home::new();
    let file = home.file(
        "kim.yaml",
        "name: kim\nrole: analyst\nstart: 2027-01-04\nsteps:\n  - {id: t/basics}\n  - {id: gone/never-was, note: keep me}\n",
    );
    home.ok(&["import", file.to_str().expect("UTF-8")]);
    let plan = json(&home.ok(&["export", "kim", "--format", "json"]));
    assert_eq!(plan["steps"][1]["id"], "gone/never-was");
    assert_eq!(plan["steps"][1]["missing"], true);
    assert_eq!(plan["steps"][1]["note"], "keep me");
    let csv = home.ok(&["export", "kim", "--format", "csv"]);
    assert!(
        csv.contains("gone/never-was,gone/never-was,,planned,"),
        "{csv}"
    );
}

#[test]
fn a_note_starting_with_a_tab_or_cr_then_a_formula_is_exported_as_text() {
    let home = Home::new();
    std::fs::create_dir_all(home.plans()).expect("a plans folder");
    // Escapes in double quotes: the file holds a real tab and a real carriage return, as a
    // plan written by hand or by another tool could.
    std::fs::write(
        home.plans().join("kim.yaml"),
        "format: 1\nname: kim\nrole: analyst\nstart: 2027-01-04\nsteps:\n  - {id: t/basics, note: \"\\t=1+1\"}\n  - {id: t/escape, note: \"\\r=1+1\"}\n",
    )
    .expect("a plan file");
    let text = home.ok(&["export", "kim", "--format", "csv"]);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|row| row.expect("a row"))
        .collect();
    // The plan file is read sanitized: the tab arrives as a space and the carriage return
    // is dropped, so a spreadsheet that trims the space would see a formula.
    assert_eq!(&rows[0][13], "' =1+1");
    assert_eq!(&rows[1][13], "'=1+1");
}
