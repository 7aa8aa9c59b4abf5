//! The app's update, scripted with keys on a real model: every action and every refusal.

mod common;

use common::app::{
    choose_role, ctrl, fixture_app, keys, press, saves, select_in_catalog, status, steps, today,
};
use crossterm::event::KeyCode;
use upskill::catalog::{self, Sources};
use upskill::plan::Status;
use upskill::tui::app::{InfoView, MetBy, Overlay, Pane, PlansMode, StatusKind};
use upskill::tui::update::{Effect, Msg, Quitting, update};

#[test]
fn choosing_a_role_sets_it_shows_the_gap_and_saves() {
    let mut app = fixture_app();
    let effects = choose_role(&mut app, "cloud");
    assert_eq!(app.plan.role.as_deref(), Some("cloud-engineer"));
    assert_eq!(app.info, InfoView::Gap);
    assert_eq!(app.derived.gap.len(), 4);
    assert!(app.derived.gap.iter().all(|(_, by)| *by == MetBy::Unmet));
    assert_eq!(saves(&effects), 1);
    assert!(
        status(&app).starts_with("Target role: Cloud Engineer. The plan meets 0 of its 4"),
        "{}",
        status(&app)
    );
}

#[test]
fn escape_cancels_the_role_picker() {
    let mut app = fixture_app();
    keys(&mut app, "r");
    assert!(matches!(app.overlay, Some(Overlay::Roles(_))));
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    assert_eq!(app.plan.role, None);
}

#[test]
fn recommending_without_a_role_says_why_and_opens_the_role_picker() {
    let mut app = fixture_app();
    keys(&mut app, "o");
    assert!(matches!(app.overlay, Some(Overlay::Roles(_))));
    assert_eq!(
        status(&app),
        "Choose a target role first (r): recommendations are for a role"
    );
}

#[test]
fn recommend_gives_the_cheapest_path_in_order_and_focuses_its_first_step() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    let effects = keys(&mut app, "o");
    assert_eq!(steps(&app), ["acme/linux-admin", "acme/cloud-architect"]);
    assert_eq!((app.focus, app.plan_selected), (Pane::Plan, 0));
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.derived.met(), 4);
    assert_eq!(
        status(&app),
        "Recommended the cheapest path: 2 new steps, 650 USD, 200 h, done by 2027-05-24"
    );
}

#[test]
fn recommending_what_the_plan_already_is_changes_nothing_and_asks_nothing() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "oj");
    press(&mut app, KeyCode::Tab);
    let effects = keys(&mut app, "o");
    assert!(app.overlay.is_none(), "no question");
    assert_eq!((app.focus, app.plan_selected), (Pane::Plan, 0));
    assert_eq!(saves(&effects), 0);
    assert_eq!(
        status(&app),
        "The plan already is the cheapest path: nothing to change"
    );
}

/// A budget too small for the role is named wherever it bites: in the question, in what
/// the recommendation leaves, and in the header once the plan costs more.
#[test]
fn a_budget_that_is_too_small_is_named() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "E");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "300");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.plan
            .budget
            .map(upskill::catalog::Amount::money)
            .as_deref(),
        Some("300")
    );
    keys(&mut app, "o");
    assert!(
        status(&app).contains("1 new step, 250 USD, 80 h, done by 2027-03-01; it leaves 2 requirements beyond the budget of 300 USD (g shows the gap)"),
        "{}",
        status(&app)
    );
    keys(&mut app, "o");
    assert_eq!(
        status(&app),
        "The plan already is the cheapest path, and it leaves 2 requirements beyond the budget of 300 USD (g shows the gap)"
    );
    let screen = common::app::text(&common::app::draw(&app, 100, 30));
    assert!(!screen.contains("over budget"), "{screen}");
    select_in_catalog(&mut app, "cloud architect");
    keys(&mut app, "a");
    let screen = common::app::text(&common::app::draw(&app, 100, 30));
    assert!(screen.contains("USD over budget"), "{screen}");
}

#[test]
fn the_fastest_path_is_one_key_away() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "Oo");
    assert_eq!(steps(&app), ["acme/fast-track"]);
}

#[test]
fn recommending_over_planned_steps_asks_first_and_keeps_done_steps() {
    let mut app = fixture_app();
    choose_role(&mut app, "network");
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "a");
    select_in_catalog(&mut app, "it basics");
    keys(&mut app, "ax");
    assert_eq!(steps(&app), ["acme/linux-admin", "acme/it-basics"]);
    keys(&mut app, "o");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    keys(&mut app, "n");
    assert_eq!(
        steps(&app),
        ["acme/linux-admin", "acme/it-basics"],
        "n keeps the plan"
    );
    keys(&mut app, "oy");
    assert_eq!(
        steps(&app),
        ["acme/it-basics", "acme/network-pro"],
        "the done step stays first"
    );
    assert_eq!(app.plan.steps[0].status, Status::Done);
}

#[test]
fn adding_a_credential_brings_its_missing_prerequisites_before_it() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "network pro");
    let effects = keys(&mut app, "a");
    assert_eq!(steps(&app), ["acme/it-basics", "acme/network-pro"]);
    assert_eq!(saves(&effects), 1);
    assert_eq!(
        status(&app),
        "Added Network Pro as step 2, with 1 prerequisite before it: acme/it-basics"
    );
    assert_eq!(app.plan_selected, 1);
}

#[test]
fn adding_from_the_plan_pane_is_refused_with_a_way_forward() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    let effects = keys(&mut app, "a");
    assert!(effects.is_empty());
    assert_eq!(
        status(&app),
        "Select a credential in the catalog, or an unmet requirement in the gap, to add it (Tab moves between panes)"
    );
    assert_eq!(app.status.as_ref().map(|s| s.kind), Some(StatusKind::Error));
}

#[test]
fn adding_a_retired_or_planned_credential_is_refused() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "old networking");
    keys(&mut app, "a");
    assert_eq!(
        status(&app),
        "`acme/old-cert` is retired: it is no longer offered; its successor is acme/network-pro"
    );
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "aa");
    assert_eq!(
        status(&app),
        "`acme/linux-admin` is already in the plan (step 1)"
    );
    assert_eq!(steps(&app), ["acme/linux-admin"]);
}

#[test]
fn removing_a_step_another_needs_is_refused_naming_it() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "network pro");
    keys(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "k");
    let effects = keys(&mut app, "d");
    assert!(effects.is_empty());
    assert_eq!(steps(&app).len(), 2);
    assert!(
        status(&app).starts_with("Cannot remove `acme/it-basics`: step 2 `acme/network-pro` needs"),
        "{}",
        status(&app)
    );
}

#[test]
fn removing_a_free_step_works_and_undo_brings_it_back() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "network pro");
    keys(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "d");
    assert_eq!(steps(&app), ["acme/it-basics"]);
    assert_eq!(status(&app), "Removed step 2 `acme/network-pro` (u undoes)");
    keys(&mut app, "u");
    assert_eq!(steps(&app), ["acme/it-basics", "acme/network-pro"]);
    assert_eq!(
        status(&app),
        "Undid removing Network Pro (Ctrl-r redoes it)"
    );
    ctrl(&mut app, 'r');
    assert_eq!(steps(&app), ["acme/it-basics"]);
    keys(&mut app, "u");
    ctrl(&mut app, 'r');
    assert_eq!(status(&app), "Redid removing Network Pro");
    ctrl(&mut app, 'r');
    assert_eq!(status(&app), "Nothing to redo");
}

#[test]
fn moving_a_step_above_its_prerequisite_is_refused_naming_it() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "network pro");
    keys(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.plan_selected, 1);
    let effects = keys(&mut app, "K");
    assert!(effects.is_empty());
    assert_eq!(steps(&app), ["acme/it-basics", "acme/network-pro"]);
    assert_eq!(
        status(&app),
        "Cannot move `acme/network-pro` past `acme/it-basics`: `acme/network-pro` needs acme/it-basics first"
    );
}

#[test]
fn moving_a_free_step_follows_the_selection() {
    let mut app = fixture_app();
    for query in ["linux admin", "it basics"] {
        select_in_catalog(&mut app, query);
        keys(&mut app, "a");
    }
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "K");
    assert_eq!(steps(&app), ["acme/it-basics", "acme/linux-admin"]);
    assert_eq!(app.plan_selected, 0);
    keys(&mut app, "J");
    assert_eq!(steps(&app), ["acme/linux-admin", "acme/it-basics"]);
    keys(&mut app, "J");
    assert!(
        status(&app).contains("already the last step"),
        "{}",
        status(&app)
    );
}

#[test]
fn moving_needs_the_plan_focused() {
    let mut app = fixture_app();
    keys(&mut app, "J");
    assert_eq!(
        status(&app),
        "Select a step in the plan to move it (Tab moves to the plan)"
    );
}

#[test]
fn x_marks_a_step_done_today_and_back() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "ax");
    assert_eq!(app.plan.steps[0].status, Status::Done);
    assert_eq!(app.plan.steps[0].completed, Some(today()));
    assert_eq!(status(&app), "Marked `acme/linux-admin` done on 2027-01-04");
    keys(&mut app, "x");
    assert_eq!(
        (app.plan.steps[0].status, app.plan.steps[0].completed),
        (Status::Planned, None)
    );
    keys(&mut app, "w");
    assert_eq!(app.plan.steps[0].status, Status::InProgress);
}

/// The detail pane shows the step it came from, so keys pressed there act on that step,
/// never on the catalog's selection hidden behind it.
#[test]
fn keys_in_the_detail_act_on_the_step_it_shows() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "o");
    select_in_catalog(&mut app, "fast track");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "j");
    assert_eq!((app.focus, app.plan_selected), (Pane::Plan, 1));
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "i");
    assert_eq!((app.focus, app.info), (Pane::Info, InfoView::Detail));
    keys(&mut app, "x");
    assert_eq!(
        status(&app),
        "Marked `acme/cloud-architect` done on 2027-01-04"
    );
    assert_eq!(app.plan.steps[1].status, Status::Done);
    keys(&mut app, "K");
    assert!(
        status(&app).starts_with("Cannot move `acme/cloud-architect` past `acme/linux-admin`"),
        "{}",
        status(&app)
    );
    // In the gap, they act on the step that meets the selected requirement.
    keys(&mut app, "gj");
    let second = app.derived.gap.get(app.gap_selected).map(|(_, met)| *met);
    assert_eq!(second, Some(MetBy::Step(0)), "{:?}", app.derived.gap);
    keys(&mut app, "x");
    assert_eq!(status(&app), "Marked `acme/linux-admin` done on 2027-01-04");
    // The timeline marks no step, so it acts on none.
    keys(&mut app, "tx");
    assert_eq!(
        status(&app),
        "To mark done, select a step in the plan (Tab moves between panes)"
    );
}

#[test]
fn marking_a_credential_outside_the_plan_is_refused() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "x");
    assert_eq!(
        status(&app),
        "`acme/linux-admin` is not in the plan, so there is nothing to mark done"
    );
}

#[test]
fn held_credentials_count_for_the_gap_and_cannot_also_be_steps() {
    let mut app = fixture_app();
    choose_role(&mut app, "network");
    select_in_catalog(&mut app, "it basics");
    keys(&mut app, "h");
    assert_eq!(app.plan.have.credentials, ["acme/it-basics"]);
    assert!(app.derived.gap.iter().any(|(_, by)| *by == MetBy::Held));
    keys(&mut app, "o");
    assert_eq!(
        steps(&app),
        ["acme/network-pro"],
        "a held credential is not recommended again"
    );
    select_in_catalog(&mut app, "network pro");
    keys(&mut app, "h");
    assert_eq!(
        status(&app),
        "`acme/network-pro` is step 1 of the plan: mark it done (x) instead, or remove it first (d)"
    );
}

#[test]
fn a_skill_in_the_gap_can_be_marked_held() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Info);
    keys(&mut app, "jh");
    assert_eq!(app.plan.have.skills, ["linux"]);
    assert_eq!(app.derived.gap[1].1, MetBy::Held);
}

#[test]
fn search_narrows_as_you_type_and_escape_clears() {
    let mut app = fixture_app();
    let all = app.browser.results.len();
    keys(&mut app, "/clod");
    assert!(app.browser.editing);
    assert!(app.browser.results.len() < all);
    assert_eq!(
        &*app.catalog.credential(app.browser.results[0]).id,
        "acme/cloud-architect"
    );
    keys(&mut app, "j");
    assert_eq!(
        app.browser.query.text(),
        "clodj",
        "letters type into the search box, not the keymap"
    );
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        (
            app.browser.query.text(),
            app.browser.editing,
            app.browser.results.len()
        ),
        ("", false, all)
    );
}

#[test]
fn a_huge_paste_into_search_is_cut_to_size() {
    let mut app = fixture_app();
    keys(&mut app, "/");
    update(&mut app, Msg::Paste("x".repeat(1_000_000)));
    assert_eq!(
        app.browser.query.chars().count(),
        upskill::tui::update::MAX_QUERY
    );
}

#[test]
fn filters_narrow_the_catalog_and_escape_clears_them() {
    let mut app = fixture_app();
    keys(&mut app, "f");
    keys(&mut app, "provider beta");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.browser.results.len(), 2);
    assert_eq!(status(&app), "2 credentials shown");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.browser.results.len(), app.catalog.credentials.len());
}

#[test]
fn sort_cycles_through_title_cost_and_hours() {
    let mut app = fixture_app();
    keys(&mut app, "SS");
    assert_eq!(status(&app), "Sorted by cost");
    let first = app.catalog.credential(app.browser.results[0]);
    assert_eq!(first.cost.hundredths(), 0);
    keys(&mut app, "S");
    let first = app.catalog.credential(app.browser.results[0]);
    assert_eq!(
        &*first.id, "beta/hostile",
        "the one-hour course comes first by hours"
    );
}

#[test]
fn panes_cycle_with_tab_and_back_tab() {
    let mut app = fixture_app();
    assert_eq!(app.focus, Pane::Catalog);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Plan);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Info);
}

#[test]
fn selection_moves_and_stays_in_the_list() {
    let mut app = fixture_app();
    keys(&mut app, "jjj");
    assert_eq!(app.browser.selected, 3);
    keys(&mut app, "kkkkkk");
    assert_eq!(app.browser.selected, 0);
    press(&mut app, KeyCode::End);
    assert_eq!(app.browser.selected, app.browser.results.len() - 1);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.browser.selected, app.browser.results.len() - 1);
}

#[test]
fn info_views_switch_with_i_g_t() {
    let mut app = fixture_app();
    keys(&mut app, "g");
    assert_eq!(app.info, InfoView::Gap);
    keys(&mut app, "t");
    assert_eq!(app.info, InfoView::Timeline);
    keys(&mut app, "T");
    assert_eq!(app.scale, upskill::tui::app::Scale::Week);
    keys(&mut app, "i");
    assert_eq!(app.info, InfoView::Detail);
}

/// Clicking a tab's name in the info pane's title shows that view, at any width.
#[test]
fn clicking_a_tab_name_shows_that_view() {
    for (width, height) in [(80, 24), (200, 60), (60, 20), (40, 10)] {
        let mut app = fixture_app();
        if width < 60 {
            // Small screens show only the focused pane, with its title and no border.
            press(&mut app, KeyCode::BackTab);
        }
        for (name, tab) in [
            ("Gap", InfoView::Gap),
            ("Timeline", InfoView::Timeline),
            ("Detail", InfoView::Detail),
        ] {
            let (buffer, view) = common::app::draw_with_view(&app, width, height);
            let screen = common::app::text(&buffer);
            let (row, line) = screen
                .lines()
                .enumerate()
                .find(|(_, line)| line.contains("Detail │ Gap │ Timeline"))
                .expect("the info pane's title is on screen");
            let byte = line.find(&format!(" {name} ")).expect("the tab's name") + 1;
            let column = u16::try_from(line[..byte].chars().count()).expect("fits");
            let row = u16::try_from(row).expect("fits");
            assert_eq!(
                view.tab_at(column, row),
                Some(tab),
                "{name} at {width}x{height}"
            );
            assert_eq!(view.tab_at(column, row + 1), None);
            update(&mut app, Msg::Tab(tab));
            assert_eq!((app.focus, app.info), (Pane::Info, tab));
        }
    }
    // Under the help, a click on a tab changes nothing.
    let mut app = fixture_app();
    keys(&mut app, "?");
    update(&mut app, Msg::Tab(InfoView::Gap));
    assert_eq!(app.info, InfoView::Detail);
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
}

#[test]
fn help_opens_and_any_close_key_closes_it() {
    let mut app = fixture_app();
    keys(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    keys(&mut app, "j");
    assert!(matches!(app.overlay, Some(Overlay::Help { scroll: 1 })));
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
}

#[test]
fn compare_shows_the_cheapest_and_fastest_and_can_adopt_one() {
    let mut app = fixture_app();
    keys(&mut app, "c");
    assert_eq!(
        status(&app),
        "Choose a target role first (r): recommendations are for a role"
    );
    choose_role(&mut app, "cloud");
    keys(&mut app, "c");
    let Some(Overlay::Compare(comparison)) = &app.overlay else {
        panic!("compare is open")
    };
    assert_eq!(comparison.cheapest.total_cost.to_string(), "650");
    assert_eq!(comparison.fastest.total_hours.to_string(), "40");
    keys(&mut app, "2");
    assert_eq!(steps(&app), ["acme/fast-track"]);
    assert!(
        status(&app).starts_with("Recommended the fastest path"),
        "the label follows the choice, not the O setting: {}",
        status(&app)
    );
}

#[test]
fn recommending_keeps_steps_in_progress() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    select_in_catalog(&mut app, "network pro");
    keys(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "w");
    assert_eq!(steps(&app), ["acme/it-basics", "acme/network-pro"]);
    keys(&mut app, "oy");
    assert_eq!(
        &steps(&app)[..2],
        ["acme/it-basics", "acme/network-pro"],
        "the step in progress stays, after its prerequisite"
    );
    assert_eq!(app.plan.steps[1].status, Status::InProgress);
    assert_eq!(app.derived.met(), 4);
    assert!(
        app.derived.violations.iter().all(|v| v.step.is_none()),
        "the order stays valid: {:?}",
        app.derived.violations
    );
}

#[test]
fn save_and_quit_are_effects() {
    let mut app = fixture_app();
    let effects = keys(&mut app, "s");
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlan { announce: true, .. }]
    ));
    let effects = keys(&mut app, "q");
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlan {
            announce: false,
            quitting: Quitting::Ask,
            ..
        }]
    ));
    assert!(!app.quit, "not before the plan is saved");
    update(
        &mut app,
        Msg::Saved {
            person: None,
            result: Ok("/x/test.yaml".into()),
            announce: false,
            quitting: Quitting::Ask,
        },
    );
    assert!(app.quit);
}

/// Disk full, a change made, then q: the change is not dropped. The app stays open and says
/// so; q again quits (the change is then printed on exit); another key first keeps it open.
#[test]
fn quitting_with_a_change_that_cannot_be_saved_asks_first() {
    let mut app = fixture_app();
    let failed = |app: &mut upskill::tui::app::App, quitting| {
        update(
            app,
            Msg::Saved {
                person: None,
                result: Err("No space left on device (os error 28)".into()),
                announce: false,
                quitting,
            },
        );
    };
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "a");
    failed(&mut app, Quitting::No);
    keys(&mut app, "q");
    failed(&mut app, Quitting::Ask);
    assert!(!app.quit);
    assert_eq!(
        status(&app),
        "Not saved: No space left on device (os error 28). Press q again to quit anyway: the unsaved plan is then kept in a recovery file, which `upskill import` brings back"
    );
    // Another key first: quitting asks again.
    press(&mut app, KeyCode::Down);
    let effects = keys(&mut app, "q");
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlan {
            quitting: Quitting::Ask,
            ..
        }]
    ));
    failed(&mut app, Quitting::Ask);
    assert!(!app.quit);
    // Straight away again: the save is tried once more, and then the app goes.
    let effects = keys(&mut app, "q");
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlan {
            quitting: Quitting::Anyway,
            ..
        }]
    ));
    failed(&mut app, Quitting::Anyway);
    assert!(app.quit);
    assert!(
        app.save_error.is_some(),
        "the app reports the unsaved plan on exit"
    );
}

#[test]
fn quitting_when_everything_is_saved_goes_even_if_the_last_save_fails() {
    let mut app = fixture_app();
    keys(&mut app, "q");
    update(
        &mut app,
        Msg::Saved {
            person: None,
            result: Err("Read-only file system (os error 30)".into()),
            announce: false,
            quitting: Quitting::Ask,
        },
    );
    assert!(app.quit);
    assert_eq!(app.save_error, None, "nothing was lost");
}

#[test]
fn ctrl_c_quits_from_anywhere_whatever_the_keys_say() {
    let mut app = fixture_app();
    app.keymap = upskill::tui::keymap::Keymap::with_overrides("quit: x\ndone: X\n").expect("valid");
    for open in ["?", "r", "/", "p"] {
        keys(&mut app, open);
        if open == "p" {
            update(&mut app, Msg::PlansListed(Vec::new()));
        }
        let effects = ctrl(&mut app, 'c');
        assert!(
            matches!(
                effects.as_slice(),
                [Effect::SavePlan {
                    quitting: Quitting::Ask,
                    ..
                }]
            ),
            "{open}: {effects:?}"
        );
        app.overlay = None;
        app.browser.editing = false;
    }
}

#[test]
fn a_signal_saves_and_quits_and_ctrl_z_suspends() {
    let mut app = fixture_app();
    let effects = update(&mut app, Msg::Terminate(15));
    assert!(matches!(
        effects.as_slice(),
        [Effect::SavePlan {
            quitting: Quitting::Anyway,
            ..
        }]
    ));
    assert_eq!(app.exit_signal, Some(15));
    assert_eq!(ctrl(&mut app, 'z'), [Effect::Suspend]);
}

#[test]
fn a_failed_save_is_shown_and_cleared_by_the_next_good_one() {
    let mut app = fixture_app();
    update(
        &mut app,
        Msg::Saved {
            person: None,
            result: Err("read-only file system".into()),
            announce: false,
            quitting: Quitting::No,
        },
    );
    assert_eq!(app.save_error.as_deref(), Some("read-only file system"));
    assert!(status(&app).starts_with("Changes are not being saved: read-only file system"));
    update(
        &mut app,
        Msg::Saved {
            person: None,
            result: Ok("/x/test.yaml".into()),
            announce: false,
            quitting: Quitting::No,
        },
    );
    assert_eq!(app.save_error, None);
    assert_eq!(status(&app), "Saved to /x/test.yaml");
}

#[test]
fn a_read_only_plan_refuses_changes() {
    let mut app = fixture_app();
    app.read_only = Some("another upskill has it open".into());
    select_in_catalog(&mut app, "linux admin");
    // Nothing is saved; the runtime is only asked whether the plan can be taken back.
    let effects = keys(&mut app, "a");
    assert_eq!(effects, [Effect::Reclaim("test".into())]);
    assert_eq!(
        status(&app),
        "This plan is read-only: another upskill has it open"
    );
    assert_eq!(keys(&mut app, "q"), [], "nothing to save");
    assert!(app.quit);
}

#[test]
fn every_action_that_changes_the_plan_is_refused_while_it_is_read_only() {
    use upskill::tui::action::Action;
    let mut app = fixture_app();
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "a");
    let before = app.plan.clone();
    app.read_only = Some("another upskill has it open".into());
    let changing: Vec<Action> = Action::ALL
        .iter()
        .copied()
        .filter(|action| action.changes_plan())
        .collect();
    assert!(changing.len() >= 10, "{changing:?}");
    for action in changing {
        app.status = None;
        let effects = update(&mut app, Msg::Action(action));
        assert_eq!(effects, [Effect::Reclaim("test".into())], "{action:?}");
        assert_eq!(app.plan, before, "{action:?}");
        assert!(app.overlay.is_none(), "{action:?} opened {:?}", app.overlay);
        assert_eq!(
            status(&app),
            "This plan is read-only: another upskill has it open",
            "{action:?}"
        );
    }
}

#[test]
fn choosing_a_role_for_a_read_only_plan_is_refused_and_asks_to_take_it_back() {
    let mut app = fixture_app();
    app.read_only = Some("another upskill has it open".into());
    let effects = choose_role(&mut app, "cloud");
    assert_eq!(app.plan.role, None);
    assert!(
        effects.contains(&Effect::Reclaim("test".into())),
        "{effects:?}"
    );
    assert_eq!(
        status(&app),
        "This plan is read-only: another upskill has it open"
    );
}

#[test]
fn the_plans_picker_opens_creates_renames_and_deletes() {
    let mut app = fixture_app();
    assert_eq!(keys(&mut app, "p"), [Effect::ListPlans]);
    let listed = vec![
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
            name: "test".into(),
            role: None,
            done: 0,
            steps: 0,
            broken: None,
        },
    ];
    update(&mut app, Msg::PlansListed(listed.clone()));
    let Some(Overlay::Plans { picker, .. }) = &app.overlay else {
        panic!("the picker is open")
    };
    assert_eq!(picker.items[0].detail, "Cloud Engineer · 1/3 done");
    keys(&mut app, "alex");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        [Effect::OpenPlan("alex".into())]
    );
    update(&mut app, Msg::PlansListed(listed.clone()));
    keys(&mut app, "alex");
    press(&mut app, KeyCode::Delete);
    assert!(
        matches!(&app.overlay, Some(Overlay::Plans { mode: PlansMode::ConfirmDelete { name }, .. }) if name == "alex")
    );
    assert_eq!(keys(&mut app, "y"), [Effect::DeletePlan("alex".into())]);
    update(&mut app, Msg::PlansListed(listed.clone()));
    keys(&mut app, "test");
    press(&mut app, KeyCode::F(2));
    ctrl(&mut app, 'u');
    keys(&mut app, "jo");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        [Effect::RenamePlan {
            from: "test".into(),
            to: "jo".into()
        }]
    );
    update(&mut app, Msg::PlansListed(listed));
    keys(&mut app, "sam");
    assert!(ctrl(&mut app, 'n').is_empty(), "asks who the plan is for");
    let effects = keys(&mut app, "p");
    let [Effect::CreatePlan(plan)] = effects.as_slice() else {
        panic!("a new plan is written first: {effects:?}")
    };
    assert_eq!(plan.name, "sam");
    assert_eq!(
        plan.person.as_ref().map(|person| person.name.as_str()),
        Some("sam"),
        "a new person"
    );
    assert_eq!(
        app.plan.name, "test",
        "not switched to before it is written"
    );
    let effects = update(
        &mut app,
        Msg::PlanCreated {
            plan: plan.clone(),
            result: Ok(()),
        },
    );
    assert_eq!(app.plan.name, "sam");
    assert_eq!(effects, [Effect::RememberLastPlan("sam".into())]);
}

/// A change that could not be saved stays with its plan: switching to another plan (which
/// would drop it) is refused until it is saved or exported.
#[test]
fn leaving_a_plan_with_an_unsaved_change_is_refused() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "a");
    update(
        &mut app,
        Msg::Saved {
            person: None,
            result: Err("No space left on device (os error 28)".into()),
            announce: false,
            quitting: Quitting::No,
        },
    );
    keys(&mut app, "p");
    let listed = vec![upskill::store::Saved {
        person: None,
        name: "alex".into(),
        role: None,
        done: 0,
        steps: 0,
        broken: None,
    }];
    update(&mut app, Msg::PlansListed(listed));
    keys(&mut app, "alex");
    assert_eq!(press(&mut app, KeyCode::Enter), []);
    assert!(
        status(&app).starts_with("Plan `test` has changes that could not be saved (No space left on device (os error 28)), and leaving it would lose them"),
        "{}",
        status(&app)
    );
    ctrl(&mut app, 'u');
    keys(&mut app, "new-one");
    assert_eq!(ctrl(&mut app, 'n'), [], "nor is a new plan started");
    assert_eq!(app.plan.name, "test");
    assert_eq!(app.plan.steps.len(), 1, "the change is still here");
}

#[test]
fn ctrl_z_without_a_shell_to_return_to_says_so() {
    let mut app = fixture_app();
    update(&mut app, Msg::CannotSuspend);
    assert!(status(&app).starts_with("No shell started upskill here"));
}

#[test]
fn renaming_a_plan_to_its_own_name_changes_nothing_and_says_so() {
    let mut app = fixture_app();
    keys(&mut app, "p");
    let listed = vec![upskill::store::Saved {
        person: None,
        name: "jordan".into(),
        role: None,
        done: 0,
        steps: 0,
        broken: None,
    }];
    update(&mut app, Msg::PlansListed(listed));
    keys(&mut app, "jordan");
    press(&mut app, KeyCode::F(2));
    // The name typed again the same, even with a space after it.
    ctrl(&mut app, 'u');
    keys(&mut app, "jordan ");
    assert_eq!(press(&mut app, KeyCode::Enter), []);
    assert_eq!(
        app.status.as_ref().map(|status| status.text.as_str()),
        Some("The plan is already named `jordan`: nothing changed")
    );
    assert!(matches!(
        &app.overlay,
        Some(Overlay::Plans {
            mode: PlansMode::Choosing,
            ..
        })
    ));
}

#[test]
fn a_plan_name_with_an_invisible_character_is_refused_by_name() {
    let mut app = fixture_app();
    keys(&mut app, "p");
    update(&mut app, Msg::PlansListed(Vec::new()));
    keys(&mut app, "ab");
    press(&mut app, KeyCode::Char('\u{202e}'));
    keys(&mut app, "c");
    ctrl(&mut app, 'n');
    assert_eq!(app.plan.name, "test", "no plan was started");
    let status = app
        .status
        .as_ref()
        .map(|status| status.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("it contains U+202E, an invisible formatting character"),
        "{status}"
    );
}

/// Switching plans keeps each one's undo history for when it is reopened as it was left;
/// one changed elsewhere meanwhile starts afresh, and a rename reaches the history too.
#[test]
fn undo_history_survives_switching_plans_and_renaming() {
    let opened = |app: &mut upskill::tui::app::App, plan: upskill::plan::Plan| {
        let name = plan.name.clone();
        update(
            app,
            Msg::PlanOpened {
                name,
                result: Ok(Box::new(plan)),
                read_only: None,
                note: None,
            },
        );
    };
    let mut app = fixture_app();
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "a");
    let left = app.plan.clone();
    opened(&mut app, upskill::plan::Plan::new("alex", today()));
    keys(&mut app, "u");
    assert_eq!(
        status(&app),
        "Nothing to undo",
        "alex has a history of its own"
    );
    opened(&mut app, left.clone());
    keys(&mut app, "u");
    assert_eq!(status(&app), "Undid adding Linux Admin (Ctrl-r redoes it)");
    assert!(app.plan.steps.is_empty());
    keys(&mut app, "a");
    // Changed on disk while away: its old history no longer fits it.
    opened(&mut app, upskill::plan::Plan::new("alex", today()));
    let mut changed = app.shelved["test"].0.clone();
    changed.notes = Some("edited elsewhere".into());
    opened(&mut app, changed);
    keys(&mut app, "u");
    assert_eq!(status(&app), "Nothing to undo");
    // Renamed: undo keeps the new name, so a save cannot bring back the old file.
    keys(&mut app, "x");
    assert_eq!(app.plan.steps[0].status, Status::Done);
    update(
        &mut app,
        Msg::PlanRenamed {
            from: "test".into(),
            to: "sam".into(),
            result: Ok(()),
        },
    );
    keys(&mut app, "u");
    assert_eq!(app.plan.name, "sam");
    assert_eq!(app.plan.steps[0].status, Status::Planned);
}

#[test]
fn a_plan_that_fails_to_open_leaves_the_current_one_and_says_why() {
    let mut app = fixture_app();
    update(
        &mut app,
        Msg::PlanOpened {
            name: "alex".into(),
            result: Err("alex.yaml:3:1: bad".into()),
            read_only: None,
            note: None,
        },
    );
    assert_eq!(app.plan.name, "test");
    assert!(
        matches!(&app.overlay, Some(Overlay::Notice { lines, .. }) if lines[0] == "alex.yaml:3:1: bad")
    );
}

#[test]
fn a_broken_catalog_reload_keeps_the_last_good_one_and_shows_the_problems() {
    let mut app = fixture_app();
    let before = app.catalog.credentials.len();
    let broken = catalog::load(&Sources::only(vec![
        "tests/fixtures/problems/cycle.yaml".into(),
    ]));
    update(&mut app, Msg::CatalogReloaded(Box::new(broken)));
    assert_eq!(app.catalog.credentials.len(), before);
    assert!(matches!(app.overlay, Some(Overlay::Problems { .. })));
    assert!(app.problems[0].to_string().contains("requirement cycle"));
    press(&mut app, KeyCode::Esc);
    let good = catalog::load(&Sources::only(vec!["tests/fixtures/app/acme.yaml".into()]));
    update(&mut app, Msg::CatalogReloaded(Box::new(good)));
    assert!(app.problems.is_empty());
    assert_eq!(app.catalog.credentials.len(), 6);
    assert_eq!(status(&app), "Catalogs reloaded: 6 credentials");
}

/// The problems overlay moves through the problems, shows the chosen one with its source,
/// and `e` asks for the user's editor on its file at its line; after the editor, a clean
/// reload closes the overlay, and an editor that did not run says why.
#[test]
fn a_problem_is_chosen_and_opened_in_the_editor_at_its_line() {
    let mut app = fixture_app();
    let broken = catalog::load(&Sources::only(vec![
        "tests/fixtures/problems/cycle.yaml".into(),
    ]));
    update(&mut app, Msg::CatalogReloaded(Box::new(broken)));
    assert_eq!(app.problems.len(), 2);
    assert!(
        app.problem_texts
            .get(&*app.problems[0].file)
            .is_some_and(|text| text.contains("selfish")),
        "the file's text is kept to show the problem's lines"
    );
    assert!(matches!(
        app.overlay,
        Some(Overlay::Problems { selected: 0 })
    ));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert!(
        matches!(app.overlay, Some(Overlay::Problems { selected: 1 })),
        "stops at the last"
    );
    let effects = keys(&mut app, "e");
    assert_eq!(
        effects,
        [Effect::EditCatalog {
            file: "tests/fixtures/problems/cycle.yaml".into(),
            place: upskill::tui::editor::Place {
                line: app.problems[1].position.line,
                column: app.problems[1].position.column,
                byte_column: app.problems[1].position.column,
            },
        }]
    );
    assert!(matches!(
        app.overlay,
        Some(Overlay::Problems { selected: 1 })
    ));
    update(
        &mut app,
        Msg::Edited {
            result: Err(
                "`nano` could not be started (No such file or directory (os error 2)); set $EDITOR"
                    .into(),
            ),
            reload: None,
        },
    );
    assert_eq!(
        status(&app),
        "The editor did not end well: `nano` could not be started (No such file or directory (os error 2)); set $EDITOR"
    );
    let screen = common::app::text(&common::app::draw(&app, 100, 30));
    assert!(
        screen.contains("The editor did not end well"),
        "said in the overlay, which covers the status bar:\n{screen}"
    );
    update(
        &mut app,
        Msg::Edited {
            result: Ok(()),
            reload: None,
        },
    );
    assert_eq!(status(&app), "The file is as it was: nothing to reload");
    let fixed = catalog::load(&Sources::only(vec!["tests/fixtures/app/acme.yaml".into()]));
    update(
        &mut app,
        Msg::Edited {
            result: Ok(()),
            reload: Some(Box::new(Msg::CatalogReloaded(Box::new(fixed)))),
        },
    );
    assert!(app.problems.is_empty() && app.problem_texts.is_empty());
    assert!(app.overlay.is_none());
    assert_eq!(status(&app), "Catalogs reloaded: 6 credentials");
}

/// Warnings keep nothing from loading, but the app does not hide them: the reload says how
/// many, `!` lists them, and the header's error count leaves them out.
#[test]
fn warnings_are_listed_though_they_keep_nothing_from_loading() {
    let mut app = fixture_app();
    let loaded = catalog::load(&Sources::only(vec![
        "tests/fixtures/app/acme.yaml".into(),
        "tests/fixtures/app-warnings/typo.yaml".into(),
    ]));
    assert_eq!((loaded.tally().errors, loaded.tally().warnings), (0, 1));
    update(&mut app, Msg::CatalogReloaded(Box::new(loaded)));
    assert_eq!(
        status(&app),
        "Catalogs reloaded: 7 credentials; 1 warning (! shows it)"
    );
    assert!(app.overlay.is_none(), "a warning does not interrupt");
    keys(&mut app, "!");
    assert!(matches!(
        app.overlay,
        Some(Overlay::Problems { selected: 0 })
    ));
    assert!(
        app.problems[0]
            .message
            .starts_with("recommends unknown credential `acme/nothing`")
    );
    let screen = common::app::text(&common::app::draw(&app, 100, 30));
    assert!(
        screen.contains("These warnings keep nothing from loading"),
        "{screen}"
    );
    assert!(!screen.contains("catalog error"), "{screen}");
}

/// A bundled catalog is part of the program: `e` on its problem says so, and asks for no
/// editor.
#[test]
fn a_problem_in_a_bundled_catalog_is_not_opened_in_an_editor() {
    let mut app = fixture_app();
    let mut loaded = catalog::load(&Sources::only(vec![
        "tests/fixtures/problems/cycle.yaml".into(),
    ]));
    for problem in &mut loaded.problems {
        problem.file = "<bundled>/cycle.yaml".into();
    }
    update(&mut app, Msg::CatalogReloaded(Box::new(loaded)));
    assert_eq!(keys(&mut app, "e"), []);
    assert!(
        status(&app).starts_with("Bundled catalogs are part of upskill and cannot be edited here")
    );
    assert!(matches!(app.overlay, Some(Overlay::Problems { .. })));
}

/// A reload of the test catalogs from these files of tests/fixtures/app, in this order.
fn reload_of(files: &[&str]) -> Msg {
    let paths = files
        .iter()
        .map(|file| format!("tests/fixtures/app/{file}").into())
        .collect();
    let loaded = catalog::load(&Sources::only(paths));
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    Msg::CatalogReloaded(Box::new(loaded))
}

fn shown(app: &upskill::tui::app::App) -> Vec<&str> {
    app.browser
        .results
        .iter()
        .map(|&idx| app.catalog.credential(idx).id.as_ref())
        .collect()
}

#[test]
fn a_reload_keeps_the_filters_whose_subject_is_still_there() {
    let mut app = fixture_app();
    keys(&mut app, "f");
    keys(&mut app, "provider acme");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "f");
    keys(&mut app, "level intermediate");
    press(&mut app, KeyCode::Enter);
    assert_eq!(shown(&app), ["acme/network-pro", "acme/linux-admin"]);
    // Beta first: every provider and skill moves to another index.
    update(&mut app, reload_of(&["beta.yaml", "acme.yaml"]));
    assert_eq!(shown(&app), ["acme/network-pro", "acme/linux-admin"]);
    assert_eq!(status(&app), "Catalogs reloaded: 8 credentials");
    let labels: Vec<String> = app
        .browser
        .filters
        .iter()
        .map(|filter| filter.label(&app.catalog))
        .collect();
    assert_eq!(labels, ["provider: Acme Academy", "level: intermediate"]);
    // Without Acme the provider filter names nothing: it goes, and says so; the level stays.
    update(&mut app, reload_of(&["beta.yaml"]));
    assert_eq!(app.browser.filters.len(), 1);
    assert_eq!(
        app.browser.filters[0].label(&app.catalog),
        "level: intermediate"
    );
    assert!(shown(&app).is_empty());
    assert_eq!(
        status(&app),
        "Catalogs reloaded: 2 credentials; no longer in the catalogs, so not filtered by: provider: Acme Academy"
    );
}

#[test]
fn a_reload_does_not_hide_a_failed_save_or_a_refusal() {
    let mut app = fixture_app();
    update(
        &mut app,
        Msg::Saved {
            person: None,
            result: Err("read-only file system".into()),
            announce: false,
            quitting: Quitting::No,
        },
    );
    let failure = status(&app);
    assert!(failure.starts_with("Changes are not being saved: read-only file system"));
    update(&mut app, reload_of(&["acme.yaml", "beta.yaml"]));
    assert_eq!(status(&app), failure);
    // Once a key has seen the failure off, the reload is news, but the plan is still unsaved.
    press(&mut app, KeyCode::Down);
    update(&mut app, reload_of(&["acme.yaml", "beta.yaml"]));
    let line = app.status.as_ref().expect("a message");
    assert_eq!(line.kind, StatusKind::Error);
    assert_eq!(
        line.text,
        "Changes are still not being saved: read-only file system. Catalogs reloaded: 8 credentials"
    );
    // A refusal stays until a key too.
    app.save_error = None;
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "x");
    let refusal = status(&app);
    assert!(
        refusal.ends_with("so there is nothing to mark done"),
        "{refusal}"
    );
    update(&mut app, reload_of(&["acme.yaml", "beta.yaml"]));
    assert_eq!(status(&app), refusal);
}

#[test]
fn a_good_reload_answers_the_warning_of_a_broken_one() {
    let mut app = fixture_app();
    let broken = catalog::load(&Sources::only(vec![
        "tests/fixtures/problems/cycle.yaml".into(),
    ]));
    update(&mut app, Msg::CatalogReloaded(Box::new(broken)));
    assert!(status(&app).starts_with("The catalogs changed but have 2 errors"));
    update(&mut app, reload_of(&["acme.yaml", "beta.yaml"]));
    assert_eq!(status(&app), "Catalogs reloaded: 8 credentials");
    assert!(app.overlay.is_none() && app.problems.is_empty());
}

#[test]
fn clicks_focus_and_select_and_the_wheel_scrolls() {
    let mut app = fixture_app();
    update(
        &mut app,
        Msg::Click {
            pane: Pane::Catalog,
            row: Some(3),
        },
    );
    assert_eq!((app.focus, app.browser.selected), (Pane::Catalog, 3));
    update(
        &mut app,
        Msg::Scroll {
            pane: Pane::Catalog,
            down: true,
        },
    );
    assert_eq!(app.browser.selected, 6);
    update(
        &mut app,
        Msg::Click {
            pane: Pane::Plan,
            row: None,
        },
    );
    assert_eq!(app.focus, Pane::Plan);
}

#[test]
fn e_offers_every_export_format_and_enter_exports_the_open_plan() {
    let mut app = fixture_app();
    keys(&mut app, "e");
    let Some(Overlay::Export(picker)) = &app.overlay else {
        panic!("the export picker is open")
    };
    let labels: Vec<&str> = picker
        .items
        .iter()
        .map(|item| item.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "test.md",
            "test.csv",
            "test.ics",
            "test.json",
            "test.html",
            "test.yaml"
        ]
    );
    keys(&mut app, "html");
    let effects = press(&mut app, KeyCode::Enter);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Export {
            format: upskill::export::ExportFormat::Html,
            replace: false,
            ..
        }]
    ));
    update(&mut app, Msg::Exported(Ok("/home/alex/test.html".into())));
    assert_eq!(status(&app), "Exported to /home/alex/test.html");
}

#[test]
fn an_export_asks_before_replacing_a_file() {
    use upskill::export::ExportFormat;
    use upskill::tui::update::ExportFailure;
    let mut app = fixture_app();
    let exists = || {
        Msg::Exported(Err(ExportFailure::Exists {
            path: "/home/alex/test.md".into(),
            format: ExportFormat::Markdown,
        }))
    };
    update(&mut app, exists());
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    let effects = keys(&mut app, "y");
    assert!(matches!(
        effects.as_slice(),
        [Effect::Export {
            format: ExportFormat::Markdown,
            replace: true,
            ..
        }]
    ));
    assert!(app.overlay.is_none());
    update(&mut app, exists());
    assert!(keys(&mut app, "n").is_empty(), "nothing is written");
    assert_eq!(
        status(&app),
        "Left /home/alex/test.md as it was; nothing exported"
    );
}

#[test]
fn credentials_expiring_within_six_months_are_counted() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "ax");
    assert_eq!(app.derived.expiring, 0, "earned today, it lasts 24 months");
    app.plan.steps[0].completed = Some("2025-03-01".parse().expect("a date"));
    app.refresh_plan();
    assert_eq!(
        app.derived.expiring, 1,
        "earned 2025-03-01 with 24 months: expires 2027-03-01"
    );
}

#[test]
fn f1_closes_the_help_it_opens() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::F(1));
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    press(&mut app, KeyCode::F(1));
    assert!(app.overlay.is_none());
}

#[test]
fn the_detail_follows_its_list_and_starts_at_the_top_for_each_selection() {
    let mut app = recommended_app();
    // From the plan to the info pane: the detail still shows the plan's step.
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.selected_credential()
            .map(|idx| app.catalog.credential(idx).id.clone())
            .as_deref(),
        Some("acme/linux-admin")
    );
    keys(&mut app, "i");
    app.info_max_scroll = 5;
    keys(&mut app, "jjjjjjjj");
    assert_eq!(
        app.info_scroll, 5,
        "scrolling stops at the end of the content"
    );
    press(&mut app, KeyCode::BackTab);
    keys(&mut app, "j");
    assert_eq!(
        app.info_scroll, 0,
        "another step's detail starts at the top"
    );
}

#[test]
fn a_message_lasts_until_the_next_key() {
    let mut app = fixture_app();
    keys(&mut app, "J");
    assert!(!status(&app).is_empty());
    keys(&mut app, "j");
    assert!(status(&app).is_empty());
}

fn recommended_app() -> upskill::tui::app::App {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "o");
    app
}

#[test]
fn choosing_an_active_filter_again_turns_it_off() {
    let mut app = fixture_app();
    keys(&mut app, "fprovider beta");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.browser.filters.len(), 1);
    keys(&mut app, "fprovider beta");
    press(&mut app, KeyCode::Enter);
    assert!(app.browser.filters.is_empty());
}

#[test]
fn a_skill_still_given_by_a_held_credential_says_so() {
    let mut app = fixture_app();
    choose_role(&mut app, "network");
    select_in_catalog(&mut app, "it basics");
    keys(&mut app, "h");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "jh");
    assert_eq!(status(&app), "Skill `it-fundamentals` is held");
    keys(&mut app, "h");
    assert_eq!(
        status(&app),
        "Skill `it-fundamentals` is no longer marked held, but a held credential still gives it"
    );
}

#[test]
fn the_plan_form_changes_hours_start_budget_and_notes() {
    let mut app = fixture_app();
    keys(&mut app, "E");
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    ctrl(&mut app, 'u');
    keys(&mut app, "8");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    keys(&mut app, "2027-02-01");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "1500");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "12.5");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "it-fundamentals=24, networking:since=2025-06-01");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "Prefers evening classes");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects), 1);
    assert!(app.overlay.is_none());
    assert_eq!(app.plan.hours_per_week.to_string(), "8");
    assert_eq!(app.plan.start.to_string(), "2027-02-01");
    assert_eq!(
        app.plan.budget.map(|b| b.to_string()).as_deref(),
        Some("1500")
    );
    assert_eq!(app.plan.notes.as_deref(), Some("Prefers evening classes"));
    assert_eq!(
        app.plan.time_value.map(|v| v.to_string()).as_deref(),
        Some("12.5")
    );
    let experience: Vec<String> = app
        .plan
        .have
        .experience
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        experience,
        ["it-fundamentals=24", "networking:since=2025-06-01"]
    );
    keys(&mut app, "u");
    assert_eq!(app.plan.notes, None, "the change undoes in one step");
    assert!(app.plan.have.experience.is_empty() && app.plan.time_value.is_none());
}

#[test]
fn experience_in_a_field_the_catalogs_lack_is_named_with_the_closest() {
    let mut app = fixture_app();
    keys(&mut app, "E");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    keys(&mut app, "networkin=12");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "Experience: no skill `networkin` to count experience in; did you mean `networking`?"
    );
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open")
    };
    assert_eq!(form.focused, 4, "on the field at fault");
    ctrl(&mut app, 'u');
    keys(&mut app, "networking=twelve");
    press(&mut app, KeyCode::Enter);
    assert!(
        status(&app).starts_with("Experience: `twelve` is not a whole number of months"),
        "{}",
        status(&app)
    );
}

#[test]
fn a_bad_field_is_named_and_the_form_stays_open() {
    let mut app = fixture_app();
    keys(&mut app, "E");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    keys(&mut app, "next week");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "Start date: `next week` is not a date: write it as YYYY-MM-DD, like 2027-01-04"
    );
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open")
    };
    assert_eq!(form.focused, 1, "on the field at fault");
    assert_eq!(
        form.error.as_deref(),
        Some("`next week` is not a date: write it as YYYY-MM-DD, like 2027-01-04"),
        "said in the form too, which covers the status line"
    );
    press(&mut app, KeyCode::Backspace);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open")
    };
    assert_eq!(form.error, None, "until the next key");
    // In the right shape but on no calendar: said so.
    ctrl(&mut app, 'u');
    keys(&mut app, "2027-02-30");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "Start date: `2027-02-30` is not a date: February 2027 has 28 days; check the day"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    assert_eq!(app.plan.start, today(), "nothing changed");
}

#[test]
fn a_step_can_be_done_on_a_past_date_with_a_note() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "n");
    keys(&mut app, "employer paid");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "2026-03-01");
    press(&mut app, KeyCode::Enter);
    let step = &app.plan.steps[0];
    assert_eq!(
        (step.status, step.completed.map(|d| d.to_string())),
        (Status::Done, Some("2026-03-01".to_owned()))
    );
    assert_eq!(step.note.as_deref(), Some("employer paid"));
    keys(&mut app, "n");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    keys(&mut app, "2030-01-01");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "Completed on: 2030-01-01 is in the future; a step is done on the day it was completed"
    );
    ctrl(&mut app, 'u');
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        (app.plan.steps[0].status, app.plan.steps[0].completed),
        (Status::Planned, None)
    );
}

#[test]
fn a_plan_open_elsewhere_opens_read_only_and_says_so() {
    let mut app = fixture_app();
    let plan = upskill::plan::Plan::new("alex", today());
    update(
        &mut app,
        Msg::PlanOpened {
            name: "alex".into(),
            result: Ok(Box::new(plan)),
            read_only: Some(
                "another upskill has plan `alex` open, so here it can only be read".into(),
            ),
            note: None,
        },
    );
    assert_eq!(app.plan.name, "alex");
    assert!(
        status(&app).starts_with("Opened plan `alex` read-only"),
        "{}",
        status(&app)
    );
    select_in_catalog(&mut app, "linux admin");
    assert_eq!(
        keys(&mut app, "a"),
        [Effect::Reclaim("alex".into())],
        "no change, no save"
    );
    assert!(app.plan.steps.is_empty());
    // Nor can its settings be edited, or anything undone: every edit says why not.
    for key in ["E", "u"] {
        assert_eq!(keys(&mut app, key), [Effect::Reclaim("alex".into())]);
        assert!(app.overlay.is_none(), "{key} opens nothing");
        assert_eq!(
            status(&app),
            "This plan is read-only: another upskill has plan `alex` open, so here it can only be read"
        );
    }
    // The header keeps the whole reason where it fits, and at 80 columns says it short
    // while still naming the role and plan.
    let header = |width| {
        let screen = common::app::text(&common::app::draw(&app, width, 30));
        screen.lines().next().unwrap_or_default().to_owned()
    };
    assert!(
        header(200).contains("read-only: another upskill has plan `alex` open"),
        "{}",
        header(200)
    );
    assert_eq!(
        header(80).trim_end(),
        " upskill no role yet (r) · plan alex · 0/0 done · 0 USD · 0 h · read-only"
    );
}

#[test]
fn escape_cancels_a_search_and_its_late_answer_is_dropped() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    let effects = update(
        &mut app,
        Msg::Key(crossterm::event::KeyEvent::new(
            KeyCode::Char('o'),
            crossterm::event::KeyModifiers::NONE,
        )),
    );
    let [Effect::Compute(job)] = effects.as_slice() else {
        panic!("a search starts: {effects:?}")
    };
    assert!(app.busy());
    assert_eq!(status(&app), "Finding the cheapest path… (Esc cancels)");
    press(&mut app, KeyCode::Esc);
    assert_eq!(status(&app), "Stopped looking for a recommendation");
    assert!(!app.busy());
    update(
        &mut app,
        Msg::Computed(Box::new(job.as_ref().clone().run())),
    );
    assert!(app.plan.steps.is_empty(), "the late answer changes nothing");
    assert!(app.overlay.is_none());
}

#[test]
fn a_on_an_unmet_gap_row_adds_the_cheapest_credential_that_meets_it() {
    let mut app = fixture_app();
    choose_role(&mut app, "network");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!((app.focus, app.info), (Pane::Info, InfoView::Gap));
    // The first requirement is networking: Network Pro (300) beats Cloud Architect (400)
    // and the bootcamp (900); the retired Old Networking Cert (50) is not offered.
    keys(&mut app, "a");
    assert_eq!(steps(&app), ["acme/it-basics", "acme/network-pro"]);
}

#[test]
fn the_arrows_scroll_the_timeline_in_time_within_the_plan() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Right);
    assert_eq!(app.info, InfoView::Timeline, "→ shows the timeline first");
    assert_eq!(app.timeline_shift, 0);
    // As the last frame measured it: eight more columns to the end of the plan.
    app.timeline_max_shift = 8;
    press(&mut app, KeyCode::Right);
    assert_eq!(app.timeline_shift, 6);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.timeline_shift, 8, "no further than the plan goes");
    press(&mut app, KeyCode::Left);
    assert_eq!(app.timeline_shift, 2);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.timeline_shift, 0);
    press(&mut app, KeyCode::Right);
    keys(&mut app, "T");
    assert_eq!(app.timeline_shift, 0, "a new scale starts at the start");
}

/// The focused form field's error line, if the form is open and shows one.
fn form_error(app: &upskill::tui::app::App) -> Option<String> {
    match &app.overlay {
        Some(Overlay::Form(form)) => form.error.clone(),
        _ => None,
    }
}

#[test]
fn a_paste_too_long_for_a_note_says_how_much_was_left_out_and_saving_says_it_again() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "on");
    update(&mut app, Msg::Paste("x".repeat(100_000)));
    assert_eq!(
        form_error(&app).as_deref(),
        Some("98,000 pasted characters were left out (a field holds at most 2,000 characters)")
    );
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects), 1);
    assert_eq!(
        app.plan.steps[0]
            .note
            .as_ref()
            .map(|note| note.chars().count()),
        Some(2000)
    );
    assert_eq!(
        status(&app),
        "Saved the changes (u undoes), but 98,000 characters did not fit in Note and were left out (a field holds at most 2,000 characters)"
    );
    assert_eq!(
        app.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Warning)
    );
}

#[test]
fn pasting_into_a_full_note_changes_nothing_and_enter_says_what_was_left_out() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "on");
    update(&mut app, Msg::Paste("x".repeat(2000)));
    assert_eq!(form_error(&app), None, "it all fits");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "n");
    update(&mut app, Msg::Paste("more".to_owned()));
    keys(&mut app, "!");
    assert_eq!(
        form_error(&app).as_deref(),
        Some("1 typed character was left out (a field holds at most 2,000 characters)")
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "Nothing changed: 5 characters did not fit in Note and were left out (a field holds at most 2,000 characters)"
    );
}

#[test]
fn clearing_a_field_forgets_what_did_not_fit_in_it() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "on");
    update(&mut app, Msg::Paste("x".repeat(3000)));
    ctrl(&mut app, 'u');
    keys(&mut app, "employer pays");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.steps[0].note.as_deref(), Some("employer pays"));
    assert_eq!(status(&app), "Saved the changes (u undoes)");
}

#[test]
fn a_retired_step_is_swapped_for_its_successor_in_one_undoable_edit() {
    let loaded = catalog::load(&common::app::fixture_sources());
    let mut plan = upskill::plan::Plan::new("test", common::app::today());
    plan.steps = vec![
        upskill::plan::Step::planned("acme/it-basics"),
        upskill::plan::Step::planned("acme/old-cert"),
    ];
    plan.steps[1].note = Some("booked".to_owned());
    let mut app = upskill::tui::app::App::new(
        std::sync::Arc::new(loaded.catalog),
        plan,
        common::app::today(),
    );
    select_in_catalog(&mut app, "old networking");
    let effects = keys(&mut app, "R");
    assert_eq!(saves(&effects), 1);
    assert_eq!(steps(&app), ["acme/it-basics", "acme/network-pro"]);
    assert_eq!(app.plan.steps[1].note.as_deref(), Some("booked"));
    assert_eq!(
        status(&app),
        "Step 2 is now `acme/network-pro`, the successor of retired `acme/old-cert`"
    );
    keys(&mut app, "u");
    assert_eq!(steps(&app), ["acme/it-basics", "acme/old-cert"]);
    // A step that is not retired has nothing to swap.
    select_in_catalog(&mut app, "it basics");
    keys(&mut app, "R");
    assert_eq!(
        status(&app),
        "`acme/it-basics` is not retired: there is nothing to swap it for"
    );
}

/// A recommendation says what the plan pane cannot: a step waiting for the learner's
/// experience, and a stack earned on the way.
#[test]
fn a_recommendation_names_the_wait_for_experience_and_the_stacks_it_earns() {
    let sources = Sources::only(vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rules"
    ))]);
    let loaded = catalog::load(&sources);
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    let catalog = std::sync::Arc::new(loaded.catalog);
    let mut plan = upskill::plan::Plan::new("test", common::app::today());
    plan.role = Some("security-architect".to_owned());
    plan.have.experience = vec!["security:since=2024-06-01".parse().expect("experience")];
    let mut app =
        upskill::tui::app::App::new(std::sync::Arc::clone(&catalog), plan, common::app::today());
    let effects = keys(&mut app, "o");
    common::app::finish_jobs(&mut app, effects);
    assert!(
        status(&app).contains("step 2 waits for the learner's experience until 2029-06-01"),
        "{}",
        status(&app)
    );
    let mut plan = upskill::plan::Plan::new("test", common::app::today());
    plan.role = Some("infra-specialist".to_owned());
    let mut app = upskill::tui::app::App::new(catalog, plan, common::app::today());
    let effects = keys(&mut app, "o");
    common::app::finish_jobs(&mut app, effects);
    assert!(
        status(&app).contains("awards Secure Infrastructure Specialist on the way"),
        "{}",
        status(&app)
    );
}

/// Presses a key and keeps the search it starts, unrun, as the event loop's worker would
/// still be running it.
fn press_and_keep_the_search(
    app: &mut upskill::tui::app::App,
    c: char,
) -> upskill::tui::update::Job {
    let effects = update(
        app,
        Msg::Key(crossterm::event::KeyEvent::new(
            KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        )),
    );
    effects
        .into_iter()
        .find_map(|effect| match effect {
            Effect::Compute(job) => Some(*job),
            _ => None,
        })
        .expect("a search starts")
}

#[test]
fn a_search_started_for_one_plan_never_lands_in_another() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    let job = press_and_keep_the_search(&mut app, 'o');
    let other = upskill::plan::Plan::new("other", today());
    update(
        &mut app,
        Msg::PlanOpened {
            name: "other".into(),
            result: Ok(Box::new(other.clone())),
            read_only: Some("another upskill has it open".into()),
            note: None,
        },
    );
    update(&mut app, Msg::Computed(Box::new(job.run())));
    assert_eq!(app.plan, other, "the answer for `test` is dropped");
}

#[test]
fn a_search_that_finishes_behind_an_open_form_leaves_the_form_alone() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    let job = press_and_keep_the_search(&mut app, 'c');
    keys(&mut app, "E123");
    update(&mut app, Msg::Computed(Box::new(job.run())));
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open: {:?}", app.overlay)
    };
    assert!(
        form.fields[0].value.text().ends_with("123"),
        "what was typed stays"
    );
    assert!(status(&app).contains("press c again"), "{}", status(&app));
}

#[test]
fn taking_a_plan_from_the_comparison_is_refused_while_read_only() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud");
    keys(&mut app, "c");
    assert!(matches!(app.overlay, Some(Overlay::Compare(_))));
    let before = app.plan.clone();
    app.read_only = Some("another upskill has it open".into());
    keys(&mut app, "2");
    assert_eq!(app.plan, before);
    assert_eq!(
        status(&app),
        "This plan is read-only: another upskill has it open"
    );
}

#[test]
fn a_reload_closes_the_lists_built_from_the_old_catalogs() {
    let mut app = fixture_app();
    keys(&mut app, "r");
    assert!(matches!(app.overlay, Some(Overlay::Roles(_))));
    let fewer = catalog::load(&Sources::only(vec!["tests/fixtures/app/beta.yaml".into()]));
    update(&mut app, Msg::CatalogReloaded(Box::new(fewer)));
    assert!(
        app.overlay.is_none(),
        "the role picker held the old catalog's roles"
    );
    assert!(
        status(&app).contains("what was open closed"),
        "{}",
        status(&app)
    );
    press(&mut app, KeyCode::Enter);
}

#[test]
fn saving_the_plan_settings_keeps_a_note_it_did_not_touch() {
    let mut app = fixture_app();
    app.plan.notes = Some(format!("line one\nline two {}", "x".repeat(2_500)));
    let notes = app.plan.notes.clone();
    keys(&mut app, "E");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.plan.notes, notes,
        "shown on one line and cut, saved as it was"
    );
}

#[test]
fn a_view_keeps_its_own_keys_when_the_key_that_opens_it_is_one_of_them() {
    let mut app = fixture_app();
    app.keymap = upskill::tui::keymap::Keymap::with_overrides("help: G\n").expect("valid");
    app.overlay_max_scroll = 30;
    keys(&mut app, "G");
    assert!(matches!(app.overlay, Some(Overlay::Help { scroll: 0 })));
    keys(&mut app, "G");
    assert!(
        matches!(app.overlay, Some(Overlay::Help { scroll: 30 })),
        "G goes to the end of the help: {:?}",
        app.overlay
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
}
