//! A catalog reload as the app takes it: the new catalog with the user's filters and
//! selection carried over, or the problems that keep the last good one in use.

use std::fmt::Write as _;
use std::sync::Arc;

use super::refresh_browser;
use crate::catalog::Loaded;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, StatusKind};
use crate::tui::browser::SearchIndex;

pub(crate) fn catalog_reloaded(app: &mut App, loaded: Loaded) {
    // Warnings are kept too: `!` lists them, though they keep nothing from loading.
    let tally = loaded.tally();
    if tally.errors > 0 {
        let count = tally.errors;
        app.problems = loaded.problems;
        app.problem_texts = loaded.texts;
        app.problem_paths = loaded.paths;
        app.set_status(
            StatusKind::Warning,
            format!(
                "{BROKEN} {}: still using the last good catalog ({} shows the problems)",
                crate::text::plural(count, "error"),
                app.keymap.name(Action::ShowProblems)
            ),
        );
        match &mut app.overlay {
            None => app.overlay = Some(Overlay::Problems { selected: 0 }),
            // Open already (an edit that did not fix everything): the choice stays in range.
            Some(Overlay::Problems { selected }) => {
                *selected = (*selected).min(app.problems.len().saturating_sub(1));
            }
            Some(_) => {}
        }
        return;
    }
    app.problems = loaded.problems;
    app.problem_texts = loaded.texts;
    app.problem_paths = loaded.paths;
    // Every file loads now, those left out at start too.
    app.left_out.clear();
    if let Some(Overlay::Problems { selected }) = &mut app.overlay {
        if app.problems.is_empty() {
            app.overlay = None;
        } else {
            *selected = (*selected).min(app.problems.len() - 1);
        }
    }
    let keep = app
        .browser
        .selection()
        .map(|idx| app.listing().id(idx).to_owned());
    let catalog = Arc::new(loaded.catalog);
    // Filters hold indices into the old catalog: each is found again in the new one by what
    // it names, and dropped only when that is gone.
    let mut dropped = Vec::new();
    let filters = std::mem::take(&mut app.browser.filters);
    for filter in filters {
        match filter.carried(&app.catalog, &catalog) {
            Some(carried) => app.browser.filters.push(carried),
            None => dropped.push(filter.label(&app.catalog)),
        }
    }
    app.catalog = catalog;
    app.index = Arc::new(SearchIndex::build(&app.catalog));
    // Whole: a first look the app started on is answered by this, newer than its rest.
    app.first_look = None;
    let closed = forget_old_indices(app);
    app.browser.reset_cache();
    refresh_browser(app);
    if let Some(idx) = keep.and_then(|id| app.catalog.find_credential(&id))
        && let Some(row) = app.browser.results.iter().position(|&shown| shown == idx)
    {
        app.browser.selected = row;
    }
    app.refresh_plan();
    let count = app.catalog.credentials.len();
    let mut news = format!("Catalogs reloaded: {count} credentials");
    if tally.warnings > 0 {
        let _ = write!(
            news,
            "; {} ({} shows {})",
            crate::text::plural(tally.warnings, "warning"),
            app.keymap.name(Action::ShowProblems),
            if tally.warnings == 1 { "it" } else { "them" }
        );
    }
    if closed {
        news.push_str("; what was open closed, as it was built from the old catalogs");
    }
    if !dropped.is_empty() {
        let _ = write!(
            news,
            "; no longer in the catalogs, so not filtered by: {}",
            dropped.join(", ")
        );
    }
    announce_reload(app, news);
}

/// How the warnings about the catalogs themselves begin; a good reload answers them.
pub(crate) const BROKEN: &str = "The catalogs changed but have";
pub(crate) const UNSETTLED: &str = "The catalog files are still being written";

/// Says the catalogs reloaded, unless the status bar holds a warning or refusal the user has
/// not yet seen off with a key (other than an earlier reload's, which this one answers). A
/// plan that is not being saved stays said, with the news after it.
fn announce_reload(app: &mut App, news: String) {
    let pending = app.status.as_ref().is_some_and(|status| {
        status.kind != StatusKind::Info
            && !status.text.starts_with(BROKEN)
            && !status.text.starts_with(UNSETTLED)
    });
    if pending {
        return;
    }
    match &app.save_error {
        Some(why) => {
            let why = why.clone();
            app.refuse(format!("Changes are still not being saved: {why}. {news}"));
        }
        None => app.info(news),
    }
}

/// What holds indices into the catalog just replaced, and would pick the wrong credential or
/// role (or none) in the new one: a search running on it, and the overlays built from it,
/// which close; the user opens them again on the new catalog.
fn forget_old_indices(app: &mut App) -> bool {
    app.computing = None;
    let stale = matches!(
        app.overlay,
        Some(
            Overlay::Roles(_)
                | Overlay::Filters(_)
                | Overlay::Compare(_)
                | Overlay::Confirm(crate::tui::app::Confirm::ReplaceSteps { .. })
        )
    );
    if stale {
        app.overlay = None;
    }
    stale
}
