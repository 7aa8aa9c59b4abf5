//! The app's screens rendered on `TestBackend`, as text snapshots at 80x24 and 20x6 (and the
//! main screen at 200x60), with the styles that carry meaning checked on the cells.

mod common;

use common::app::{choose_role, draw, fixture_app, keys, press, select_in_catalog, text};
use crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use upskill::catalog::{self, Sources};
use upskill::tui::app::App;
use upskill::tui::update::{Msg, update};

/// Snapshots one state at the two sizes every screen must handle.
fn snapshot(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), text(&draw(app, 80, 24)));
    insta::assert_snapshot!(format!("{name}_20x6"), text(&draw(app, 20, 6)));
}

fn recommended() -> App {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "o");
    app
}

#[test]
fn start() {
    snapshot("start", &fixture_app());
}

#[test]
fn start_wide() {
    insta::assert_snapshot!("start_200x60", text(&draw(&recommended(), 200, 60)));
}

#[test]
fn role_picker() {
    let mut app = fixture_app();
    keys(&mut app, "rnet");
    snapshot("role_picker", &app);
}

#[test]
fn gap_after_choosing_a_role() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    snapshot("gap", &app);
}

#[test]
fn plan_after_recommending() {
    snapshot("recommended", &recommended());
}

#[test]
fn detail_of_a_step() {
    let mut app = recommended();
    keys(&mut app, "ji");
    snapshot("detail_of_step", &app);
}

#[test]
fn timeline() {
    let mut app = recommended();
    keys(&mut app, "t");
    snapshot("timeline", &app);
}

#[test]
fn timeline_scrolled_on_by_week() {
    let mut app = recommended();
    // Two hours a week: the plan runs for about two years, far past the right edge.
    app.plan.hours_per_week = upskill::catalog::Amount::from_f64(2.0);
    app.refresh_plan();
    keys(&mut app, "tT");
    snapshot("timeline_by_week", &app);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    snapshot("timeline_scrolled", &app);
}

#[test]
fn compare() {
    let mut app = recommended();
    keys(&mut app, "c");
    snapshot("compare", &app);
}

#[test]
fn help() {
    let mut app = fixture_app();
    keys(&mut app, "?");
    snapshot("help", &app);
}

#[test]
fn search() {
    let mut app = fixture_app();
    keys(&mut app, "/cloud");
    snapshot("search", &app);
}

#[test]
fn filters() {
    let mut app = fixture_app();
    keys(&mut app, "f");
    snapshot("filters", &app);
}

#[test]
fn confirm_replacing_an_export() {
    let mut app = fixture_app();
    update(
        &mut app,
        Msg::Exported(Err(upskill::tui::update::ExportFailure::Exists {
            path: "/home/alex/plans/test.md".into(),
            format: upskill::export::ExportFormat::Markdown,
        })),
    );
    snapshot("confirm_export", &app);
}

#[test]
fn confirm_replacing_steps() {
    let mut app = recommended();
    keys(&mut app, "Oo");
    snapshot("confirm", &app);
}

#[test]
fn plans_picker() {
    let mut app = fixture_app();
    update(
        &mut app,
        Msg::PlansListed(vec![
            upskill::store::Saved {
                person: None,
                name: "alex".into(),
                role: Some("cloud-engineer".into()),
                done: 1,
                steps: 3,
                broken: None,
            },
            upskill::store::Saved {
                person: None,
                name: "broken".into(),
                role: None,
                done: 0,
                steps: 0,
                broken: Some("broken.yaml:2:1: did not find expected key".into()),
            },
        ]),
    );
    snapshot("plans", &app);
}

#[test]
fn catalog_problems() {
    let mut app = fixture_app();
    let broken = catalog::load(&Sources::only(vec![
        "tests/fixtures/problems/cycle.yaml".into(),
    ]));
    update(&mut app, Msg::CatalogReloaded(Box::new(broken)));
    snapshot("problems", &app);
}

#[test]
fn a_refused_move_is_explained_in_red() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "network pro");
    keys(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "K");
    snapshot("refused_move", &app);
    let buffer = draw(&app, 80, 24);
    let status = buffer[(0, 23)].style();
    assert_eq!(status.fg, Some(Color::Red), "a refusal is red: {status:?}");
}

#[test]
fn the_selected_row_of_the_focused_pane_is_reversed() {
    let app = fixture_app();
    let buffer = draw(&app, 80, 24);
    let first_row = (0..80)
        .find(|&y| {
            text(&buffer)
                .lines()
                .nth(y)
                .is_some_and(|line| line.contains("IT Basics"))
        })
        .expect("IT Basics is listed");
    let cell = &buffer[(4, u16::try_from(first_row).expect("small"))];
    assert!(
        cell.style().add_modifier.contains(Modifier::REVERSED),
        "{:?}",
        cell.style()
    );
}

#[test]
fn hostile_and_wide_titles_stay_in_their_cells() {
    let mut app = fixture_app();
    keys(&mut app, "/beta");
    let screen = text(&draw(&app, 80, 24));
    assert!(!screen.contains('\u{1b}'), "no escape reaches a cell");
    // A wide character takes two cells: its own and a blank one after it.
    assert!(screen.contains("数 据  Analytics 101"), "{screen}");
    assert!(
        screen.contains("Hostile \\u{1b}[31m"),
        "the escape is shown, harmless: {screen}"
    );
}

#[test]
fn every_size_down_to_1x1_draws_without_panicking() {
    let app = recommended();
    for width in [1, 2, 5, 19, 20, 21, 40, 59, 60, 79, 149, 150] {
        for height in [1, 2, 5, 6, 7, 13, 14, 19, 20, 24] {
            let _ = draw(&app, width, height);
        }
    }
    insta::assert_snapshot!("too_small_12x4", text(&draw(&app, 12, 4)));
}

#[test]
fn plan_form() {
    let mut app = fixture_app();
    keys(&mut app, "E");
    snapshot("plan_form", &app);
}

#[test]
fn a_paste_cut_to_fit_a_note_is_said_on_screen() {
    let mut app = recommended();
    keys(&mut app, "n");
    update(&mut app, Msg::Paste("word ".repeat(20_000)));
    // The note fills the form's box and pushes the line under it out of sight, so the
    // bottom line has to say it.
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("98,000 pasted characters were left out"),
        "{screen}"
    );
    insta::assert_snapshot!("note_paste_cut_80x24", screen);
}

/// The cloud role recommended and compared on the test catalog with costs that have cents
/// and four digits: the plan (and the cheapest path) cost 665.50, the fast track 1259.
fn compared_with_wide_costs() -> App {
    let mut loaded = catalog::load(&common::app::fixture_sources());
    for credential in &mut loaded.catalog.credentials {
        match credential.id.as_ref() {
            "acme/linux-admin" => credential.cost = catalog::Amount::from_f64(265.5),
            "acme/fast-track" => credential.cost = catalog::Amount::from_f64(1259.0),
            _ => {}
        }
    }
    let today = common::app::today();
    let mut app = App::new(
        std::sync::Arc::new(loaded.catalog),
        upskill::plan::Plan::new("test", today),
        today,
    );
    choose_role(&mut app, "cloud");
    keys(&mut app, "oc");
    assert!(
        matches!(app.overlay, Some(upskill::tui::app::Overlay::Compare(_))),
        "the comparison is open"
    );
    app
}

/// The comparison's header row and its five rows of totals, without the box's sides.
fn totals_table(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let title = lines
        .iter()
        .position(|line| line.contains("╭ Compare"))
        .expect("the comparison's box");
    lines[title + 1..title + 7]
        .iter()
        .map(|line| line.replace('│', " "))
        .collect()
}

#[test]
fn compare_shows_every_number_whole_or_leaves_its_column_out() {
    let app = compared_with_wide_costs();
    // Each column's numbers, by the header that names it.
    let plan = ["665.50", "200", "2027-05-24", "2", "4"];
    let columns = [
        ("as it is", plan),
        ("cheapest", plan),
        ("fastest", ["1259", "40", "2027-02-01", "1", "4"]),
    ];
    let whole: Vec<&str> = columns.iter().flat_map(|(_, numbers)| *numbers).collect();
    for width in [80, 50, 40, 30, 20] {
        let screen = text(&draw(&app, width, 24));
        let table = totals_table(&screen);
        let cells: Vec<&str> = table
            .iter()
            .flat_map(|row| row.split_whitespace())
            .collect();
        for cell in cells
            .iter()
            .filter(|cell| cell.contains(|c: char| c.is_ascii_digit()))
        {
            assert!(
                whole.contains(cell),
                "at {width} columns `{cell}` is a cut number:\n{screen}"
            );
        }
        let shown: Vec<&(&str, [&str; 5])> = columns
            .iter()
            .filter(|(name, _)| table[0].contains(name))
            .collect();
        assert!(
            !shown.is_empty(),
            "at {width} columns no column is shown:\n{screen}"
        );
        for (name, numbers) in shown {
            for number in numbers {
                assert!(
                    cells.contains(number),
                    "at {width} columns `{name}` shows no whole {number}:\n{screen}"
                );
            }
        }
        insta::assert_snapshot!(format!("compare_wide_costs_{width}x24"), screen);
    }
    insta::assert_snapshot!("compare_wide_costs_20x6", text(&draw(&app, 20, 6)));
    for width in [1, 2, 10, 19, 21, 25, 35, 45, 60, 90, 120] {
        for height in [1, 3, 6, 10] {
            let _ = draw(&app, width, height);
        }
    }
}

/// Panes and overlays are widgets: each draws alone into a buffer of its own, as it does
/// on the whole screen.
#[test]
fn a_pane_and_an_overlay_render_alone() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::StatefulWidget;
    use upskill::tui::app::Pane;
    use upskill::tui::overlay::OverlayView;
    use upskill::tui::view::theme::THEME;
    use upskill::tui::view::{PaneView, ViewState};

    let mut app = recommended();
    let area = Rect::new(0, 0, 60, 12);
    let mut pane = Buffer::empty(area);
    let mut view = ViewState {
        theme: Some(THEME),
        ..ViewState::default()
    };
    PaneView {
        app: &app,
        pane: Pane::Plan,
    }
    .render(area, &mut pane, &mut view);
    let drawn = text(&pane);
    assert!(drawn.starts_with("╭ Plan · test"), "{drawn}");
    assert!(
        drawn.contains("Cloud"),
        "the plan's steps are listed:\n{drawn}"
    );

    keys(&mut app, "?");
    let mut overlay = Buffer::empty(Rect::new(0, 0, 100, 30));
    let mut max_scroll = 0;
    OverlayView {
        app: &app,
        theme: &THEME,
    }
    .render(overlay.area, &mut overlay, &mut max_scroll);
    let drawn = text(&overlay);
    assert!(drawn.contains("Help · Esc closes"), "{drawn}");
    assert!(max_scroll > 0, "the help is longer than 30 rows");
}

/// The detail names the occupations a credential prepares for, as the catalog gives them.
#[test]
fn the_detail_lists_a_credentials_occupations() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "Linux Admin");
    let before = text(&draw(&app, 100, 30));
    assert!(!before.contains("Occupations:"), "{before}");
    let catalog = std::sync::Arc::make_mut(&mut app.catalog);
    let idx = catalog
        .find_credential("acme/linux-admin")
        .expect("the fixture credential");
    catalog.credentials[idx.index()].edit_rare(|rare| {
        rare.occupations = vec![upskill::catalog::Occupation {
            code: Some("15-1244.00".into()),
            framework: Some("O*NET-SOC".into()),
            name: Some("Network and Computer Systems Administrators".into()),
        }];
    });
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains(
            "Occupations: 15-1244.00 Network and Computer Systems Administrators (O*NET-SOC)"
        ),
        "{screen}"
    );
}
