//! The app on a first look at a large catalog, while the rest loads: what waits for the
//! whole catalog, and the whole catalog taking the first look's place.

use std::sync::Arc;

use super::refresh_browser;
use crate::catalog::Loaded;
use crate::tui::action::Action;
use crate::tui::app::{App, StatusKind};
use crate::tui::browser::SearchIndex;

/// What the status bar says while the rest of the catalog loads.
pub(crate) const LOADING: &str = "Loading the rest of the catalog";

/// Whether `action` must wait for the whole catalog; if so, says so. Moving around the list,
/// typing a search, sorting, help, problems, saving, suspending and quitting work on a
/// first look; anything that plans, filters or shows a credential's detail needs the rest.
pub(super) fn waits(app: &mut App, action: Action) -> bool {
    use Action as A;
    if !app.on_first_look() {
        return false;
    }
    let works = matches!(
        action,
        A::ToggleHelp
            | A::Quit
            | A::Suspend
            | A::NextPane
            | A::PreviousPane
            | A::SelectPrevious
            | A::SelectNext
            | A::PageUp
            | A::PageDown
            | A::SelectFirst
            | A::SelectLast
            | A::Search
            | A::ClearSearch
            | A::CycleSort
            | A::ShowDetail
            | A::ShowGap
            | A::ShowTimeline
            | A::ShowProblems
            | A::Save
    );
    if !works {
        app.set_status(
            StatusKind::Warning,
            format!(
                "{LOADING}: \"{}\" waits until it has loaded",
                action.description()
            ),
        );
    }
    !works
}

/// Whether a search must wait for the whole catalog (it has no search index yet): the
/// query is kept as typed, and runs when the rest arrives.
pub(super) fn search_waits(app: &mut App) -> bool {
    if !app.on_first_look() || app.browser.query.trim().is_empty() {
        return false;
    }
    app.set_status(
        StatusKind::Info,
        format!("{LOADING}: the search runs when it has loaded"),
    );
    true
}

/// The whole catalog replaces the first look: the same credentials in the same order, so
/// the selection, the sort and the search typed meanwhile carry over as they are.
pub(super) fn rest_loaded(app: &mut App, loaded: Loaded, index: Arc<SearchIndex>) {
    if !app.on_first_look() {
        // A reload already gave the whole catalog, newer than this.
        return;
    }
    let selected = app.browser.selected;
    app.first_look = None;
    app.catalog = Arc::new(loaded.catalog);
    app.index = index;
    app.problems = loaded.problems;
    app.problem_texts = loaded.texts;
    app.problem_paths = loaded.paths;
    app.left_out = loaded.left_out;
    app.browser.reset_cache();
    refresh_browser(app);
    if app.browser.query.trim().is_empty() {
        app.browser.selected = selected.min(app.browser.results.len().saturating_sub(1));
    }
    app.refresh_plan();
    if app
        .status
        .as_ref()
        .is_some_and(|status| status.text.starts_with(LOADING))
    {
        app.status = None;
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::catalog::cache::{Rest, Start, start_app_from};
    use crate::catalog::{CredentialIdx, Sources};
    use crate::tui::update::{Msg, update};
    use crate::tui::view::{ViewState, render};

    fn today() -> jiff::civil::Date {
        jiff::civil::date(2027, 1, 4)
    }

    /// Generated catalogs in `dir`, started on twice through a cache beside them: the second
    /// start is a first look.
    fn first_look(dir: &Path) -> (App, Rest) {
        let catalogs = dir.join("catalogs");
        crate::synth::generate(400, 3)
            .write_to(&catalogs)
            .expect("written");
        let sources = Sources::only(vec![catalogs]);
        let cache = dir.join("cache");
        let (start, _) = start_app_from(&sources, Some(&cache), 1);
        assert!(matches!(start, Start::Whole(_)), "nothing was cached yet");
        let (start, _) = start_app_from(&sources, Some(&cache), 1);
        let (app, rest) = crate::tui::start_with(start, None, today());
        (app, rest.expect("a first look leaves the rest to load"))
    }

    /// What the runtime sends when the rest has loaded.
    fn arrived(rest: Rest) -> Msg {
        let loaded = rest.load();
        let index = Arc::new(SearchIndex::build(&loaded.catalog));
        Msg::RestLoaded(Box::new(loaded), index)
    }

    fn key(c: char) -> Msg {
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn screen(app: &App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(160, 30)).expect("terminal");
        terminal
            .draw(|frame| render(app, &mut ViewState::default(), frame))
            .expect("draws");
        let buffer = terminal.backend().buffer();
        buffer
            .content()
            .chunks(usize::from(buffer.area.width))
            .map(|row| {
                row.iter()
                    .map(ratatui::buffer::Cell::symbol)
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_first_look_lists_every_credential_and_says_the_rest_is_loading() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (app, _rest) = first_look(dir.path());
        assert!(app.on_first_look() && app.busy());
        assert_eq!(app.browser.results.len(), 400);
        let shown = screen(&app);
        assert!(shown.contains(LOADING), "{shown}");
        let first = app.listing().title(CredentialIdx(0));
        assert!(shown.contains(first), "{shown}");
        assert!(
            app.catalog.credentials.is_empty(),
            "no credential is made for a first look"
        );
        let status = app.status.as_ref().expect("a status");
        assert!(status.text.starts_with(LOADING), "{}", status.text);
    }

    #[test]
    fn a_plan_with_steps_is_not_shown_over_a_first_look_at_any_size() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (mut app, _rest) = first_look(dir.path());
        let id = app.listing().id(CredentialIdx(3)).to_owned();
        app.plan.steps.push(crate::plan::Step::planned(id));
        update(&mut app, Msg::Action(Action::NextPane));
        for (width, height) in [(200, 60), (120, 30), (80, 20), (50, 12)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            terminal
                .draw(|frame| render(&app, &mut ViewState::default(), frame))
                .expect("draws");
        }
        let shown = screen(&app);
        assert!(shown.contains(LOADING), "{shown}");
        assert!(
            !shown.contains("No steps yet"),
            "the plan pane says it is loading"
        );
    }

    #[test]
    fn moving_works_but_planning_waits_for_the_rest() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (mut app, _rest) = first_look(dir.path());
        update(&mut app, Msg::Action(Action::SelectNext));
        update(&mut app, Msg::Action(Action::SelectNext));
        assert_eq!(app.browser.selected, 2);
        for action in [
            Action::AddToPlan,
            Action::Recommend,
            Action::ChooseRole,
            Action::Filter,
        ] {
            let steps = app.plan.steps.len();
            let effects = update(&mut app, Msg::Action(action));
            assert!(effects.is_empty(), "{action:?}");
            assert_eq!(app.plan.steps.len(), steps);
            assert!(app.overlay.is_none(), "{action:?}");
            let status = app.status.as_ref().expect("a status");
            assert!(
                status.text.starts_with(LOADING) && status.text.contains(action.description()),
                "{}",
                status.text
            );
        }
    }

    #[test]
    fn a_search_typed_on_a_first_look_runs_when_the_rest_arrives() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (mut app, rest) = first_look(dir.path());
        update(&mut app, Msg::Action(Action::Search));
        for c in "cred-1".chars() {
            update(&mut app, key(c));
        }
        assert_eq!(app.browser.query.trim(), "cred-1");
        assert_eq!(app.browser.results.len(), 400, "nothing is searched yet");
        update(&mut app, arrived(rest));
        while app.browser.searching() {
            update(&mut app, Msg::Tick);
        }
        assert!(!app.on_first_look());
        assert_eq!(
            app.browser.query.trim(),
            "cred-1",
            "the keys typed are kept"
        );
        let results = app.browser.results.len();
        assert!(results > 0 && results < 400, "{results} results");
    }

    #[test]
    fn the_whole_catalog_replaces_the_first_look() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (mut app, rest) = first_look(dir.path());
        update(&mut app, Msg::Action(Action::SelectNext));
        let selected = app.browser.selection().expect("a selection");
        let id = app.listing().id(selected).to_owned();
        update(&mut app, arrived(rest));
        assert!(!app.on_first_look() && !app.busy());
        assert_eq!(&*app.catalog.credential(selected).id, id);
        assert_eq!(app.browser.selection(), Some(selected));
        assert!(
            !app.catalog.skills.is_empty(),
            "the whole catalog has skills"
        );
        assert_eq!(app.catalog.find_credential(&id), Some(selected));
        assert!(!screen(&app).contains(LOADING));
        assert!(app.status.is_none(), "the loading status is gone");
        // Planning works now.
        update(&mut app, Msg::Action(Action::AddToPlan));
        assert!(!app.plan.steps.is_empty());
    }

    #[test]
    fn a_rest_arriving_after_a_reload_is_left_alone() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (mut app, rest) = first_look(dir.path());
        let mut reloaded =
            crate::catalog::load_files(&crate::synth::generate(50, 9).source_files());
        reloaded.problems.clear();
        update(&mut app, Msg::CatalogReloaded(Box::new(reloaded)));
        assert!(!app.on_first_look());
        assert_eq!(app.catalog.credentials.len(), 50);
        update(&mut app, arrived(rest));
        assert_eq!(app.catalog.credentials.len(), 50, "the newer catalog stays");
    }

    #[test]
    fn a_start_without_a_first_look_is_whole() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let catalogs = dir.path().join("catalogs");
        crate::synth::generate(50, 3)
            .write_to(&catalogs)
            .expect("written");
        let sources = Sources::only(vec![catalogs]);
        let (start, _) = start_app_from(&sources, Some(&dir.path().join("cache")), 1_000);
        let (app, rest) = crate::tui::start_with(start, None, today());
        assert!(rest.is_none() && !app.on_first_look());
        assert!(!screen(&app).contains(LOADING));
    }
}
