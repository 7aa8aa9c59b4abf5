//! The app: a full-screen planner over the catalogs (SPEC §4).
//!
//! - [`app`]: the model, plain data. [`action`] and [`keymap`]: intents and the keys that
//!   ask for them. [`browser`]: search, filters and sort.
//! - [`update`]: the pure update, messages in, effects out.
//! - [`view`]: drawing. [`runtime`]: the event loop and its effects. [`watch`]: hot reload.
//!   `terminal` and `signals`: the full-screen mode, and SIGTERM, SIGHUP and SIGTSTP.

pub mod action;
pub mod app;
pub mod browser;
pub mod editor;
pub mod input;
pub mod keymap;
pub mod overlay;
mod plan_files;
pub mod runtime;
mod signals;
pub mod terminal;
mod unsaved;
pub mod update;
pub mod view;
pub mod watch;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use jiff::civil::Date;

use crate::catalog::{self, Sources};
use crate::cli::CatalogArgs;
use crate::plan::Plan;
use crate::store::{PlanName, PlanStore};
use app::{App, Overlay};
use keymap::Keymap;
use runtime::Runtime;
use terminal::TerminalEvents;
use view::{Theme, ViewState};

/// Opens the app on the catalogs the options name.
pub fn run(args: &CatalogArgs) -> color_eyre::Result<ExitCode> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        let _ = writeln!(
            std::io::stderr(),
            "upskill: the app needs a terminal; for the command line, see `upskill --help`"
        );
        return Ok(ExitCode::from(crate::cli::EXIT_USAGE));
    }
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        let _ = writeln!(
            std::io::stderr(),
            "upskill: this terminal (TERM=dumb) cannot show the app, which needs to move the cursor; run it in a terminal such as xterm, or use the command line (`upskill --help`)"
        );
        return Ok(ExitCode::from(crate::cli::EXIT_USAGE));
    }
    let sources = args.sources();
    let today = crate::clock::today();
    let store = PlanStore::standard().ok();
    // The files are read once: their fingerprint is taken from the same bytes as the catalog.
    let (start, fingerprint) = catalog::cache::start_app(&sources, args.cache_dir().as_deref());
    let (mut app, rest) = start_with(start, store.as_ref(), today);
    // A folder refused whole (more files than a catalog folder holds) is not watched: every
    // change in it would walk it again for nothing.
    let refused = |root: &std::path::Path| {
        root.is_dir()
            && fingerprint.files().iter().any(|file| {
                file.path.as_deref() == Some(root)
                    && matches!(file.content, catalog::fingerprint::Content::Unreadable(_))
            })
    };
    let mut watched: Vec<std::path::PathBuf> = sources
        .paths
        .iter()
        .filter(|root| !refused(root))
        .cloned()
        .collect();
    let runtime = Runtime::new(store, sources.clone())
        .with_fingerprint(fingerprint)
        .with_parse_store(args.cache_dir().as_deref());
    if let Some(rest) = rest {
        runtime.load_rest(rest);
    }
    if let Some(why) = runtime.hold(&app.plan.name) {
        open_read_only(&mut app, why);
    } else {
        let mut plan = app.plan.clone();
        if let Some(note) = runtime.move_into_person(&mut plan, today) {
            app.switch_plan(plan);
            app.info(note);
        }
    }
    // What the plan's file holds now: a change made to it outside upskill is asked about.
    runtime.note_on_disk(&app.plan.name);
    if let Some(dir) = &sources.user_dir {
        // Made now if missing, so a catalog put there later is seen by hot reload (and the
        // folder is easy to find).
        let _ = std::fs::create_dir_all(dir);
        watched.push(dir.clone());
    }
    let (watch_guard, catalog_changes) = watch::start(&watched)
        .map_or((None, None), |(watching, changes)| {
            (Some(watching), Some(changes))
        });
    let mut events = TerminalEvents {
        changes: catalog_changes,
        signals: signals::forward(),
        hung_up: false,
        replay: Vec::new(),
    };
    let mut view = ViewState {
        theme: Some(Theme::from_env()),
        ..ViewState::default()
    };

    let mut terminal = ratatui::init();
    // ratatui's hook restores raw mode and the screen; this one also releases the mouse and
    // bracketed paste, before handing over to it (and then to color-eyre's report).
    let restore_terminal = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        terminal::leave();
        restore_terminal(info);
    }));
    terminal::enter()?;
    let result = runtime::run(&mut terminal, &mut app, &mut view, &mut events, &runtime);
    terminal::leave();
    drop(watch_guard);
    let lost = unsaved::report(&app);
    if let Err(error) = result {
        // The terminal failed under the app (it went away, or stopped taking output): a
        // message, not a program's error report.
        let _ = writeln!(
            std::io::stderr(),
            "upskill: the terminal stopped working ({}), so the app ended",
            crate::text::sanitize_line(&error.to_string())
        );
        return Ok(ExitCode::from(crate::cli::EXIT_INVALID));
    }
    Ok(match app.exit_signal {
        Some(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        // Quitting anyway with changes unsaved is not a success, whoever asked for it.
        None if lost => ExitCode::from(crate::cli::EXIT_INVALID),
        None => ExitCode::SUCCESS,
    })
}

/// The app as it starts: the catalogs (or their problems), the user's keys, and the plan
/// used last (or a new one).
pub fn start(sources: &Sources, store: Option<&PlanStore>, today: Date) -> App {
    start_from(
        catalog::load_usable(&catalog::source::gather(sources)),
        store,
        today,
    )
}

/// The app on what [`catalog::cache::start_app`] gave: the whole catalog, or a first look at
/// a large one with the rest still to load (given back, for the caller to load on another
/// thread: see [`runtime::Runtime::load_rest`]).
pub fn start_with(
    start: catalog::cache::Start,
    store: Option<&PlanStore>,
    today: Date,
) -> (App, Option<catalog::cache::Rest>) {
    match start {
        catalog::cache::Start::Whole(loaded) => (start_from(loaded, store, today), None),
        catalog::cache::Start::FirstLook(loaded, look, rest) => {
            (begin(loaded, store, today, Some(look)), Some(rest))
        }
    }
}

/// Like [`start`], on catalogs already loaded. Files with errors were left out of them (see
/// [`catalog::load_usable`]): the app starts on the rest and shows the problems.
pub fn start_from(loaded: catalog::Loaded, store: Option<&PlanStore>, today: Date) -> App {
    begin(loaded, store, today, None)
}

/// [`start_from`], on a first look at the catalog when there is one.
fn begin(
    loaded: catalog::Loaded,
    store: Option<&PlanStore>,
    today: Date,
    first_look: Option<catalog::cache::FirstLook>,
) -> App {
    let errors = loaded.has_errors();
    let mut notices: Vec<(String, Vec<String>)> = Vec::new();
    let plan = open_last_plan(store, today, &mut notices);
    let catalog = Arc::new(loaded.catalog);
    let whole = first_look.is_none();
    let mut app = if let Some(look) = first_look {
        let mut app = App::first_look(catalog, look, plan, today);
        app.info(format!(
            "{}: {} credentials listed; search, plans and details follow when it has loaded",
            update::first_look::LOADING,
            crate::text::thousands(app.listing().len())
        ));
        app
    } else {
        App::new(catalog, plan, today)
    };
    app.left_out = loaded.left_out;
    if whole {
        app.refresh_plan();
    }
    // Warnings are kept too: `!` lists them, though they keep nothing from loading.
    app.problems = loaded.problems;
    app.problem_texts = loaded.texts;
    app.problem_paths = loaded.paths;
    match load_keymap() {
        Ok(keymap) => app.keymap = keymap,
        Err(lines) => notices.push(("Your key bindings were not used".to_owned(), lines)),
    }
    if errors {
        app.overlay = Some(Overlay::Problems { selected: 0 });
    } else if let Some((title, lines)) = one_notice(notices) {
        app.overlay = Some(Overlay::Notice {
            title,
            lines,
            scroll: 0,
        });
    }
    app
}

/// The start's notices as one: each one's title becomes a line of its own, so none is
/// lost behind another.
fn one_notice(notices: Vec<(String, Vec<String>)>) -> Option<(String, Vec<String>)> {
    if notices.len() < 2 {
        return notices.into_iter().next();
    }
    let mut lines = Vec::new();
    for (title, more) in notices {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("{title}:"));
        lines.extend(more);
    }
    Some(("upskill left some of its files alone".to_owned(), lines))
}

fn open_last_plan(
    store: Option<&PlanStore>,
    today: Date,
    notices: &mut Vec<(String, Vec<String>)>,
) -> Plan {
    let Some(store) = store else {
        return Plan::new("default", today);
    };
    let noted = store.last_used().unwrap_or_else(|why| {
        notices.push((
            "The note of the plan used last was left alone".to_owned(),
            vec![
                why,
                "upskill opens plan `default` instead; p switches plans.".to_owned(),
            ],
        ));
        None
    });
    let name =
        noted.unwrap_or_else(|| PlanName::parse("default").expect("`default` is a plan name"));
    if !store.exists(&name) {
        let _ = store.remember(&name);
        return fresh_plan(name.as_str(), today);
    }
    match store.load(&name, today) {
        Ok(opened) => {
            if let Some(note) = opened.name_note() {
                notices.push((
                    format!("Plan `{name}` was saved under another name"),
                    vec![note],
                ));
            }
            opened.plan
        }
        Err(error) => {
            // The broken file is never written over: the app opens a new plan beside it.
            let fresh = store.free_name(&name);
            notices.push((
                format!("Plan `{name}` could not be opened"),
                vec![error.paragraph(), format!("The file is left exactly as it is. This is a new plan, `{fresh}`; p switches plans.")],
            ));
            let _ = store.remember(&fresh);
            fresh_plan(fresh.as_str(), today)
        }
    }
}

/// A new plan at start, for a person of its name (made on its first save, or joined when
/// they exist).
fn fresh_plan(name: &str, today: Date) -> Plan {
    let mut plan = Plan::new(name, today);
    plan.person = Some(crate::plan::Person::named(name));
    plan
}

/// The default keys with the user's `keys.yaml` applied, or why it could not be.
fn load_keymap() -> Result<Keymap, Vec<String>> {
    let Some(path) = crate::store::keys_file().filter(|path| path.symlink_metadata().is_ok())
    else {
        return Ok(Keymap::default());
    };
    let shown = crate::text::sanitize_line(&path.display().to_string()).into_owned();
    let text = crate::store::read_settings(&path).map_err(|error| {
        vec![
            error,
            "The default keys are in use; fix the file and restart upskill.".to_owned(),
        ]
    })?;
    Keymap::with_overrides(&text).map_err(|problems| {
        let mut lines: Vec<String> = problems
            .into_iter()
            .map(|problem| format!("{shown}:{}: {}", problem.position, problem.message))
            .collect();
        lines.push("The default keys are in use; fix the file and restart upskill.".to_owned());
        lines
    })
}

/// The plan opened at start is held by another upskill, or cannot be saved here: it opens
/// read-only, with a notice that says why and what to do.
fn open_read_only(app: &mut App, why: String) {
    let plans = app.keymap.name(action::Action::Plans);
    let (title, advice) = if plan_files::held_elsewhere(&why) {
        (
            format!("Plan `{}` is open in another upskill", app.plan.name),
            format!(
                "Quit the other one (the next change here then takes the plan back), or press {plans} to open or start another plan."
            ),
        )
    } else {
        (
            format!("Plan `{}` cannot be saved here", app.plan.name),
            format!(
                "Fix that and restart upskill, or press {plans} to open or start another plan."
            ),
        )
    };
    app.overlay = Some(app::Overlay::Notice {
        title,
        lines: vec![format!("It is open here read-only: {why}."), advice],
        scroll: 0,
    });
    app.read_only = Some(why);
}
