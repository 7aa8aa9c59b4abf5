//! People in the app, at the level of `update` and of drawn screens: Ctrl-n's three kinds of
//! new plan, the clients view (P), comparing with another saved plan, what still counts
//! after a switch of role, the finish-by date in the plan form, and "behind" in the header.

mod common;

use common::app::*;
use crossterm::event::KeyCode;
use upskill::plan::clients::{PersonRow, people};
use upskill::plan::{Person, Plan, Status, Step};
use upskill::tui::app::{App, ClientLine, Overlay, PlansMode};
use upskill::tui::update::{Effect, Msg, update};

fn plan_of(name: &str, person: &str, start: &str, steps: &[&str]) -> Plan {
    let mut plan = Plan::new(name, start.parse().expect("a date"));
    plan.person = Some(Person::named(person));
    plan.role = Some("cloud-engineer".into());
    plan.steps = steps.iter().copied().map(Step::planned).collect();
    plan
}

/// Alex with a plan far behind and one on track; Sam with one on track.
fn three_plans(app: &App) -> Vec<PersonRow> {
    let plans = [
        plan_of(
            "alex",
            "alex",
            "2026-01-05",
            &["acme/it-basics", "acme/network-pro"],
        ),
        plan_of("alex-2028", "alex", "2028-01-03", &["acme/linux-admin"]),
        plan_of("sam", "sam", "2027-01-04", &["acme/fast-track"]),
    ];
    people(&app.catalog, &plans, &[], today())
}

fn opened_clients(app: &mut App) {
    assert_eq!(keys(app, "P"), [Effect::ListPeople]);
    let rows = three_plans(app);
    update(app, Msg::PeopleListed(Ok(rows)));
    assert!(matches!(app.overlay, Some(Overlay::Clients(_))));
}

fn chosen_line(app: &App) -> ClientLine {
    let Some(Overlay::Clients(clients)) = &app.overlay else {
        panic!("the clients view is open")
    };
    clients.picker.chosen().expect("a line").value.clone()
}

#[test]
fn ctrl_n_asks_who_the_new_plan_is_for() {
    let mut app = fixture_app();
    app.plan = plan_of("alex", "alex", "2027-01-04", &["acme/it-basics"]);
    app.plan.have.credentials.push("acme/linux-admin".into());
    app.plan.steps[0].status = Status::Done;
    app.plan.steps[0].completed = Some(today());
    update(&mut app, Msg::PlansListed(Vec::new()));
    keys(&mut app, "alex-what-if");
    assert!(ctrl(&mut app, 'n').is_empty());
    assert!(matches!(
        app.overlay,
        Some(Overlay::Plans {
            mode: PlansMode::NewFor { .. },
            ..
        })
    ));
    // Esc goes back to the list, the name still typed.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Plans {
            mode: PlansMode::Choosing,
            ..
        })
    ));
    ctrl(&mut app, 'n');
    let effects = keys(&mut app, "c");
    let [Effect::CreatePlan(copy)] = effects.as_slice() else {
        panic!("a copy is written: {effects:?}")
    };
    assert_eq!(copy.name, "alex-what-if");
    assert_eq!(copy.steps, app.plan.steps, "steps and statuses kept");
    assert_eq!(copy.person.as_ref().map(|p| p.name.as_str()), Some("alex"));
    // For the same person: their holdings, no steps.
    update(&mut app, Msg::PlansListed(Vec::new()));
    keys(&mut app, "alex-2029");
    ctrl(&mut app, 'n');
    let effects = keys(&mut app, "f");
    let [Effect::CreatePlan(same)] = effects.as_slice() else {
        panic!("a plan for alex: {effects:?}")
    };
    assert!(same.steps.is_empty() && same.role.is_none());
    assert_eq!(same.have.credentials, ["acme/linux-admin"]);
    assert_eq!(same.person.as_ref().map(|p| p.name.as_str()), Some("alex"));
    let created = update(
        &mut app,
        Msg::PlanCreated {
            plan: same.clone(),
            result: Ok(()),
        },
    );
    assert_eq!(created, [Effect::RememberLastPlan("alex-2029".into())]);
    assert!(status(&app).contains("for alex"), "{}", status(&app));
}

#[test]
fn the_clients_view_lists_people_sorts_them_and_opens_their_plans() {
    let mut app = fixture_app();
    opened_clients(&mut app);
    assert_eq!(chosen_line(&app), ClientLine::Person("alex".into()));
    // Ctrl-o: by status, then finish, then cost left, then name.
    ctrl(&mut app, 'o');
    assert!(status(&app).contains("by status"), "{}", status(&app));
    assert_eq!(app.people_sort, upskill::plan::clients::SortBy::Status);
    // Typing filters; Enter on a plan opens it.
    keys(&mut app, "2028");
    assert_eq!(chosen_line(&app), ClientLine::Plan("alex-2028".into()));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        [Effect::OpenPlan("alex-2028".into())]
    );
    // Enter on a person lists their plans alone.
    opened_clients(&mut app);
    keys(&mut app, "sam");
    assert_eq!(chosen_line(&app), ClientLine::Person("sam".into()));
    assert_eq!(press(&mut app, KeyCode::Enter), [Effect::ListPlans]);
    let saved = |name: &str, person: &str| upskill::store::Saved {
        name: name.into(),
        person: Some(person.into()),
        role: None,
        done: 0,
        steps: 0,
        broken: None,
    };
    update(
        &mut app,
        Msg::PlansListed(vec![saved("alex", "alex"), saved("sam", "sam")]),
    );
    let Some(Overlay::Plans { picker, .. }) = &app.overlay else {
        panic!("the plans list")
    };
    let names: Vec<&str> = picker
        .items
        .iter()
        .map(|item| item.value.as_str())
        .collect();
    assert_eq!(names, ["sam"]);
}

#[test]
fn the_clients_view_at_three_sizes_shows_who_is_behind() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = fixture_app();
        opened_clients(&mut app);
        let screen = text(&draw(&app, width, height));
        assert!(screen.contains("behind by"), "{width}x{height}:\n{screen}");
        insta::assert_snapshot!(format!("clients_{width}x{height}"), screen);
    }
}

#[test]
fn a_behind_plan_says_so_in_the_header_in_the_warning_style() {
    let mut app = fixture_app();
    app.plan = plan_of(
        "alex",
        "alex",
        "2026-01-05",
        &["acme/it-basics", "acme/network-pro"],
    );
    app.refresh_plan();
    let buffer = draw(&app, 120, 30);
    let screen = text(&buffer);
    let first = screen.lines().next().expect("a header");
    assert!(first.contains("behind by"), "{first}");
    let at = first.find("behind by").expect("there");
    let column = u16::try_from(first[..at].chars().count()).expect("narrow");
    let theme = upskill::tui::view::theme::THEME;
    assert_eq!(buffer[(column, 0)].fg, theme.warn.fg.expect("a colour"));
    insta::assert_snapshot!("header_behind_120x30", screen);
}

#[test]
fn the_comparison_compares_with_another_saved_plan() {
    let mut app = fixture_app();
    app.plan = plan_of(
        "alex",
        "alex",
        "2027-01-04",
        &["acme/it-basics", "acme/network-pro"],
    );
    app.refresh_plan();
    app.plans_next = upskill::tui::app::PlansNext::Compare;
    let saved = |name: &str| upskill::store::Saved {
        name: name.into(),
        person: Some("alex".into()),
        role: None,
        done: 0,
        steps: 0,
        broken: None,
    };
    update(
        &mut app,
        Msg::PlansListed(vec![saved("alex"), saved("alex-2028")]),
    );
    let Some(Overlay::Plans { picker, mode }) = &app.overlay else {
        panic!("the plans list")
    };
    assert_eq!(*mode, PlansMode::Comparing);
    assert_eq!(picker.items.len(), 1, "not the open plan itself");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        [Effect::LoadToCompare("alex-2028".into())]
    );
    let other = plan_of(
        "alex-2028",
        "alex",
        "2028-01-03",
        &["acme/linux-admin", "acme/it-basics"],
    );
    update(&mut app, Msg::ToCompare(Ok(Box::new(other))));
    let Some(Overlay::Notice { lines, .. }) = &app.overlay else {
        panic!("the comparison")
    };
    let all = lines.join("\n");
    assert!(all.contains("Only in alex:\n- acme/network-pro"), "{all}");
    assert!(
        all.contains("Only in alex-2028:\n- acme/linux-admin"),
        "{all}"
    );
    assert!(all.contains("In both:\n- acme/it-basics"), "{all}");
}

#[test]
fn switching_role_says_which_holdings_no_longer_count() {
    let mut app = fixture_app();
    choose_role(&mut app, "network administrator");
    assert_eq!(
        app.plan.role.as_deref(),
        Some("network-admin"),
        "{}",
        status(&app)
    );
    app.plan.have.credentials.push("acme/linux-admin".into());
    app.plan.have.credentials.push("acme/it-basics".into());
    app.refresh_plan();
    choose_role(&mut app, "cloud engineer");
    let Some(Overlay::Notice { lines, .. }) = &app.overlay else {
        panic!(
            "a notice of what still counts: {:?} {:?} {}",
            app.plan.role,
            app.overlay,
            status(&app)
        )
    };
    let all = lines.join("\n");
    assert!(
        all.contains("Still count toward Cloud Engineer: Linux Admin"),
        "{all}"
    );
    assert!(
        all.contains("No longer count") && all.contains("IT Basics"),
        "{all}"
    );
}

#[test]
fn the_plan_form_sets_a_finish_by_date_and_an_hour_limit() {
    let mut app = fixture_app();
    keys(&mut app, "E");
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    keys(&mut app, "2027-01-01");
    press(&mut app, KeyCode::Enter);
    assert!(
        status(&app).starts_with("Finish by: 2027-01-01 is not after the start"),
        "{}",
        status(&app)
    );
    ctrl(&mut app, 'u');
    keys(&mut app, "2027-06-30");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "120");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects), 1);
    assert_eq!(
        app.plan.finish_by,
        Some("2027-06-30".parse().expect("a date"))
    );
    assert_eq!(
        app.plan.max_hours.map(|h| h.to_string()).as_deref(),
        Some("120")
    );
    // 25 weeks and 6 days at 10 hours a week, within 120.
    assert_eq!(
        app.plan
            .hours_limit(today())
            .map(|h| h.to_string())
            .as_deref(),
        Some("120")
    );
}

#[test]
fn a_held_credential_gets_the_dates_it_was_earned_and_expires() {
    let mut app = fixture_app();
    select_in_catalog(&mut app, "linux admin");
    keys(&mut app, "h");
    assert_eq!(app.plan.have.credentials, ["acme/linux-admin"]);
    let detail = text(&draw(&app, 120, 40));
    assert!(
        detail.contains("when was it earned? n sets the date"),
        "{detail}"
    );
    keys(&mut app, "n");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the dates of the held credential")
    };
    assert_eq!(form.fields[0].label, "Earned on");
    keys(&mut app, "2030-01-01");
    press(&mut app, KeyCode::Enter);
    assert!(
        status(&app).contains("is in the future"),
        "{}",
        status(&app)
    );
    ctrl(&mut app, 'u');
    keys(&mut app, "2025-03-01");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "2025-01-01");
    press(&mut app, KeyCode::Enter);
    assert!(
        status(&app).contains("is not after 2025-03-01"),
        "{}",
        status(&app)
    );
    ctrl(&mut app, 'u');
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects), 1);
    let earned = app
        .plan
        .have
        .earned
        .get("acme/linux-admin")
        .map(ToString::to_string);
    assert_eq!(earned.as_deref(), Some("2025-03-01"));
    assert!(app.plan.have.expires.is_empty());
    let detail = text(&draw(&app, 120, 40));
    assert!(
        detail.contains("Already held, earned 2025-03-01"),
        "{detail}"
    );
}

#[test]
fn a_finish_by_date_too_close_says_which_hours_it_leaves() {
    let mut app = fixture_app();
    choose_role(&mut app, "cloud engineer");
    app.plan.hours_per_week = upskill::catalog::Amount(700);
    app.plan.finish_by = Some("2027-02-01".parse().expect("a date"));
    app.refresh_plan();
    keys(&mut app, "o");
    let said = status(&app);
    assert!(
        said.contains("beyond the 28 hours until 2027-02-01 at 7 a week (E changes them)"),
        "{said}"
    );
    assert!(!said.contains("nothing in the catalogs can meet"), "{said}");
}

/// A notice taller than the screen (a long comparison at 80x24) scrolls with the view keys,
/// and says so; its last line can be read.
#[test]
fn a_notice_taller_than_the_screen_scrolls() {
    let mut app = fixture_app();
    let mut lines: Vec<String> = (1..=40)
        .map(|n| format!("line {n} of the notice"))
        .collect();
    lines.push("the last line".to_owned());
    app.overlay = Some(Overlay::Notice {
        title: "A long notice".into(),
        lines,
        scroll: 0,
    });
    let (buffer, view) = draw_with_view(&app, 80, 24);
    let first = text(&buffer);
    assert!(first.contains("line 1 of the notice"), "{first}");
    assert!(!first.contains("the last line"), "{first}");
    assert!(
        first.contains("scroll"),
        "the hint says it scrolls: {first}"
    );
    app.overlay_max_scroll = view.overlay_max_scroll;
    press(&mut app, KeyCode::Char('j'));
    let Some(Overlay::Notice { scroll, .. }) = &app.overlay else {
        panic!("still open: {:?}", app.overlay)
    };
    assert_eq!(*scroll, 1);
    press(&mut app, KeyCode::Char('G'));
    let last = text(&draw(&app, 80, 24));
    assert!(last.contains("the last line"), "{last}");
    assert!(!last.contains("line 1 of the notice"), "{last}");
    // A short notice has nothing to scroll and no such hint.
    app.overlay = Some(Overlay::Notice {
        title: "A short notice".into(),
        lines: vec!["Just this.".into()],
        scroll: 0,
    });
    let short = text(&draw(&app, 80, 24));
    assert!(!short.contains("scroll"), "{short}");
}
