//! The pure update: a message in, the model changed, effects out for the event loop to
//! perform (saving, reading plan files). No I/O happens here; a refusal becomes a status
//! message, never a panic.

mod browse;
mod compute;
pub(crate) mod edits;
pub(crate) mod first_look;
mod keys;
mod messages;
pub(crate) mod recommendation;
mod reload;
pub(crate) mod saving;

use super::action::Action;
use super::app::{App, Confirm, InfoView, Overlay, Pane, Scale, StatusKind};
use super::browser::{Listing, SortOrder};
use super::overlay;
use crate::plan::Objective;

pub use compute::{Answer, Done, Job, JobKind, with_recommendation};
pub use messages::{Effect, ExportFailure, Msg};
pub use recommendation::{path_name, shortfall};
pub use saving::Quitting;
use saving::{save, save_and_quit, saved};

pub use crate::tui::input::MAX_QUERY;

/// Applies one message.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let subject = (app.detail_subject(), app.info);
    let mut effects = dispatch(app, msg);
    if std::mem::take(&mut app.reclaim) && app.read_only.is_some() {
        effects.push(Effect::Reclaim(app.plan.name.clone()));
    }
    // Something else is shown in the info pane: it starts at the top.
    if (app.detail_subject(), app.info) != subject {
        app.info_scroll = 0;
    }
    effects
}

fn dispatch(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => keys::key_pressed(app, key),
        Msg::Paste(text) => {
            keys::paste(app, &text);
            Vec::new()
        }
        Msg::Action(action) => act(app, action),
        Msg::Click { pane, row } => {
            click(app, pane, row);
            Vec::new()
        }
        Msg::Tab(_) if app.overlay.is_some() => Vec::new(),
        Msg::Tab(tab) => {
            focus(app, Pane::Info);
            show(app, tab);
            Vec::new()
        }
        Msg::Scroll { pane, down } => {
            app.focus_on(pane);
            let step = if down { 3 } else { -3 };
            move_selection(app, step);
            Vec::new()
        }
        Msg::Edited { result, reload } => edited(app, result, reload),
        Msg::Tick => {
            if app.browser.searching() {
                let listing = Listing::of(&app.catalog, app.first_look.as_ref());
                app.browser.work(listing, &app.index);
            }
            Vec::new()
        }
        Msg::Saved {
            result,
            person,
            announce,
            quitting,
        } => {
            if let Some(person) = person {
                saving::person_saved(app, &person);
            }
            saved(app, result, announce, quitting);
            Vec::new()
        }
        Msg::SaveConflict { disk, quitting } => {
            saving::conflict(app, disk, quitting);
            Vec::new()
        }
        Msg::CannotSuspend => {
            let quit = app.keymap.name(Action::Quit);
            app.set_status(
                StatusKind::Warning,
                format!("No shell started upskill here, so there is none to suspend it to; quit with {quit} instead"),
            );
            Vec::new()
        }
        Msg::Terminate(signal) => {
            app.exit_signal = Some(signal);
            save_and_quit(app, Quitting::Anyway)
        }
        msg @ (Msg::PlansListed(_)
        | Msg::ToCompare(_)
        | Msg::PeopleListed(_)
        | Msg::PlanOpened { .. }
        | Msg::PlanDeleted { .. }
        | Msg::PlanCreated { .. }
        | Msg::PlanRenamed { .. }) => plans_message(app, msg),
        Msg::Exported(result) => {
            match result {
                Ok(path) => app.info(format!("Exported to {}", path.display())),
                Err(ExportFailure::Exists { path, format }) => {
                    app.overlay = Some(Overlay::Confirm(Confirm::ReplaceFile { path, format }));
                }
                Err(ExportFailure::Io(why)) => app.refuse(format!("Could not export: {why}")),
            }
            Vec::new()
        }
        Msg::Computed(done) => recommendation::job_done(app, *done),
        Msg::BadgesRead { shown, result } => {
            overlay::badges::badges_read(app, &shown, result);
            Vec::new()
        }
        Msg::CatalogUnsettled => {
            app.set_status(
                StatusKind::Warning,
                format!("{}: they reload when they stop changing", reload::UNSETTLED),
            );
            Vec::new()
        }
        Msg::CatalogReloaded(loaded) => {
            reload::catalog_reloaded(app, *loaded);
            Vec::new()
        }
        Msg::RestLoaded(loaded, index) => {
            first_look::rest_loaded(app, *loaded, index);
            Vec::new()
        }
    }
}

/// What came back from listing, opening, making, deleting or renaming plans.
fn plans_message(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::PlansListed(plans) => {
            overlay::plans::open(app, plans);
            Vec::new()
        }
        Msg::ToCompare(Ok(other)) => {
            let compared = crate::plan::compare_plans(&app.catalog, &app.plan, &other, app.today);
            app.overlay = Some(Overlay::Notice {
                title: format!("`{}` beside `{}`", app.plan.name, other.name),
                lines: compared.lines(&app.catalog),
                scroll: 0,
            });
            Vec::new()
        }
        Msg::ToCompare(Err(why)) => {
            app.refuse(format!("That plan could not be read to compare: {why}"));
            Vec::new()
        }
        Msg::PeopleListed(Ok(people)) => {
            overlay::clients::open(app, people);
            Vec::new()
        }
        Msg::PeopleListed(Err(why)) => {
            app.refuse(format!("The clients could not be listed: {why}"));
            Vec::new()
        }
        Msg::PlanOpened {
            name,
            result,
            read_only,
            note,
        } => overlay::plans::plan_opened(app, &name, result.map(|plan| *plan), read_only, note),
        Msg::PlanDeleted { name, result } => overlay::plans::plan_deleted(app, &name, result),
        Msg::PlanCreated { plan, result } => overlay::plans::plan_created(app, *plan, result),
        Msg::PlanRenamed { from, to, result } => {
            overlay::plans::plan_renamed(app, &from, &to, result)
        }
        _ => Vec::new(),
    }
}

pub(crate) fn refresh_browser(app: &mut App) {
    if first_look::search_waits(app) {
        return;
    }
    let listing = Listing::of(&app.catalog, app.first_look.as_ref());
    app.browser.refresh(listing, &app.index);
}

/// Carries out an action the keymap (or a test) asked for.
pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    use Action as A;
    // The one read-only gate: an action that would change the plan is refused here, with
    // the reason, before it looks at anything.
    if (action.changes_plan() && edits::read_only(app)) || first_look::waits(app, action) {
        return Vec::new();
    }
    match action {
        A::ToggleHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
        A::Quit => return save_and_quit(app, Quitting::Ask),
        A::Suspend => return vec![Effect::Suspend],
        A::NextPane => focus(app, app.focus.next()),
        A::PreviousPane => focus(app, app.focus.previous()),
        A::SelectPrevious => move_selection(app, -1),
        A::SelectNext => move_selection(app, 1),
        A::PageUp => move_selection(app, -page(app)),
        A::PageDown => move_selection(app, page(app)),
        A::SelectFirst => move_selection(app, isize::MIN / 2),
        A::SelectLast => move_selection(app, isize::MAX / 2),
        A::Search => {
            focus(app, Pane::Catalog);
            app.browser.editing = true;
        }
        A::ClearSearch => browse::clear_search(app),
        A::Filter => overlay::picker::open_filters(app),
        A::CycleSort => {
            app.browser.sort = app.browser.sort.next();
            refresh_browser(app);
            let label = app.browser.sort.label();
            app.info(if app.browser.sort == SortOrder::Relevance {
                "Sorted by relevance (catalog order without a search)".to_owned()
            } else {
                format!("Sorted by {label}")
            });
        }
        A::AddToPlan => return edits::add(app),
        A::RemoveStep => return edits::remove(app),
        A::MoveStepDown => return edits::move_step(app, 1),
        A::MoveStepUp => return edits::move_step(app, -1),
        A::ToggleDone => return edits::toggle_done(app),
        A::ToggleInProgress => return edits::toggle_in_progress(app),
        A::ToggleHeld => return edits::toggle_held(app),
        A::ChooseRole => overlay::picker::open_roles(app),
        A::Recommend => return recommendation::recommend(app),
        A::ToggleObjective => {
            app.objective = match app.objective {
                Objective::Cost => Objective::Hours,
                Objective::Hours => Objective::Cost,
            };
            let what = match (app.objective, app.plan.time_value) {
                (Objective::Cost, Some(value)) if value.hundredths() > 0 => format!(
                    "cheapest (least cost with each hour worth {} {}, then hours)",
                    value.money(),
                    app.catalog.currency
                ),
                (Objective::Cost, _) => "cheapest (least cost, then hours)".to_owned(),
                (Objective::Hours, _) => "fastest (least hours, then cost)".to_owned(),
            };
            let recommend = app.keymap.name(Action::Recommend);
            app.info(format!(
                "Recommendations are now the {what}; press {recommend} to recommend"
            ));
        }
        A::Compare => return recommendation::compare(app),
        A::Undo => return edits::undo(app),
        A::Redo => return edits::redo(app),
        A::Save => return save(app, true),
        A::Plans => return vec![Effect::ListPlans],
        A::People => return vec![Effect::ListPeople],
        A::Export => overlay::picker::open_export(app),
        A::EditPlan => overlay::form::open_plan_form(app),
        A::EditStep => {
            if let Some(held) = edits::held_selected(app) {
                overlay::form::open_held_form(app, held);
            } else if let Some(index) = edits::target_step(app, "edit") {
                overlay::form::open_step_form(app, index);
            }
        }
        A::SwapSuccessor => return edits::swap_successor(app),
        A::ShowDetail => show(app, InfoView::Detail),
        A::ShowGap => show(app, InfoView::Gap),
        A::ShowTimeline => show(app, InfoView::Timeline),
        A::ToggleTimelineScale => {
            app.scale = match app.scale {
                Scale::Month => Scale::Week,
                Scale::Week => Scale::Month,
            };
            app.timeline_shift = 0;
            show(app, InfoView::Timeline);
        }
        A::TimelineEarlier => browse::shift_timeline(app, false),
        A::TimelineLater => browse::shift_timeline(app, true),
        A::ImportBadges => overlay::badges::open(app),
        A::ShowProblems => {
            if app.problems.is_empty() {
                app.info("The catalogs have no problems");
            } else {
                app.overlay = Some(Overlay::Problems { selected: 0 });
            }
        }
        // The keys of overlays and text boxes, carried out where those are open.
        _ => {}
    }
    Vec::new()
}

/// The editor ended: what reloading the catalogs found (the file may have been saved even
/// if the editor then failed), and how the editor ended when it failed.
fn edited(app: &mut App, result: Result<(), String>, reload: Option<Box<Msg>>) -> Vec<Effect> {
    let effects = if let Some(msg) = reload {
        dispatch(app, *msg)
    } else {
        if result.is_ok() {
            app.info("The file is as it was: nothing to reload");
        }
        Vec::new()
    };
    if let Err(why) = result {
        app.refuse(format!("The editor did not end well: {why}"));
    }
    effects
}

fn focus(app: &mut App, pane: Pane) {
    app.browser.editing = false;
    app.focus_on(pane);
}

fn show(app: &mut App, view: InfoView) {
    app.info = view;
    app.info_scroll = 0;
}

fn page(app: &App) -> isize {
    isize::try_from(app.page_rows.max(1)).unwrap_or(1)
}

/// Moves the focused pane's selection by `delta`, clamped to the list.
pub(crate) fn move_selection(app: &mut App, delta: isize) {
    fn clamp(current: usize, delta: isize, len: usize) -> usize {
        if len == 0 {
            return 0;
        }
        current.saturating_add_signed(delta).min(len - 1)
    }
    match app.focus {
        Pane::Catalog => {
            app.browser.selected = clamp(app.browser.selected, delta, app.browser.results.len());
        }
        Pane::Plan => app.plan_selected = clamp(app.plan_selected, delta, app.plan.steps.len()),
        Pane::Info if app.info == InfoView::Gap => {
            app.gap_selected = clamp(app.gap_selected, delta, app.derived.gap.len());
        }
        Pane::Info => {
            let scroll = usize::from(app.info_scroll).saturating_add_signed(delta);
            app.info_scroll = u16::try_from(scroll)
                .unwrap_or(u16::MAX)
                .min(app.info_max_scroll);
        }
    }
}

fn click(app: &mut App, pane: Pane, row: Option<usize>) {
    focus(app, pane);
    let Some(row) = row else { return };
    match pane {
        Pane::Catalog if row < app.browser.results.len() => app.browser.selected = row,
        Pane::Plan if row < app.plan.steps.len() => app.plan_selected = row,
        Pane::Info if app.info == InfoView::Gap && row < app.derived.gap.len() => {
            app.gap_selected = row;
        }
        _ => {}
    }
}
