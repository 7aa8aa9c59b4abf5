//! The app: a full-screen planner over the catalogs (SPEC §4).
//!
//! - [`app`]: the model, plain data. [`action`] and [`keymap`]: intents and the keys that
//!   ask for them. [`browser`]: search, filters and sort.
//! - [`update`]: the pure update, messages in, effects out.
//! - [`view`]: drawing. [`runtime`]: the event loop and its effects. [`watch`]: hot reload.

pub mod action;
pub mod app;
pub mod browser;
pub mod keymap;
pub mod runtime;
pub mod update;
pub mod view;
pub mod watch;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use jiff::civil::Date;

use crate::catalog::{self, Catalog, Sources};
use crate::cli::CatalogArgs;
use crate::plan::Plan;
use crate::store::PlanStore;
use app::{App, Overlay};
use keymap::Keymap;
use runtime::{Runtime, TerminalEvents};
use view::{Theme, ViewState};

/// Opens the app on the catalogs the options name.
pub fn run(args: &CatalogArgs) -> color_eyre::Result<ExitCode> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        let _ = writeln!(
            std::io::stderr(),
            "upskill: the app needs a terminal; for the command line, see `upskill --help`"
        );
        return Ok(ExitCode::from(crate::commands::EXIT_USAGE));
    }
    let sources = Sources::standard(args.no_bundled, args.catalog.clone());
    let today = crate::commands::today();
    // The files are read once: their fingerprint is taken from the same bytes as the catalog.
    let (loaded, fingerprint) = catalog::load_fingerprinted(&sources);
    let mut app = start_from(loaded, PlanStore::standard().as_ref(), today);
    let runtime =
        Runtime::new(PlanStore::standard(), sources.clone()).with_fingerprint(fingerprint);
    if let Some(why) = runtime.hold(&app.plan.name) {
        app.overlay = Some(app::Overlay::Notice {
            title: format!("Plan `{}` is open in another upskill", app.plan.name),
            lines: vec![
                format!("It is open here read-only: {why}."),
                "Quit the other one, or press p to open or start another plan.".to_owned(),
            ],
        });
        app.read_only = Some(why);
    }
    let mut watched: Vec<std::path::PathBuf> = sources.paths.clone();
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
    };
    let mut view = ViewState {
        theme: Some(Theme::from_env()),
        ..ViewState::default()
    };

    let mut terminal = ratatui::init();
    // ratatui's hook restores raw mode and the screen; this one also releases the mouse
    // and bracketed paste, before handing over to it (and then to color-eyre's report).
    let restore_terminal = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        restore_terminal(info);
    }));
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = runtime::run(&mut terminal, &mut app, &mut view, &mut events, &runtime);
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
    drop(watch_guard);
    result?;
    Ok(ExitCode::SUCCESS)
}

/// The app as it starts: the catalogs (or their problems), the user's keys, and the plan
/// used last (or a new one).
pub fn start(sources: &Sources, store: Option<&PlanStore>, today: Date) -> App {
    start_from(catalog::load(sources), store, today)
}

/// Like [`start`], on catalogs already loaded.
pub fn start_from(loaded: catalog::Loaded, store: Option<&PlanStore>, today: Date) -> App {
    let (catalog, problems) = if loaded.has_errors() {
        (
            Catalog::default(),
            loaded
                .problems
                .into_iter()
                .filter(catalog::Problem::is_error)
                .collect(),
        )
    } else {
        (loaded.catalog, Vec::new())
    };
    let mut notices: Vec<(String, Vec<String>)> = Vec::new();
    let plan = open_last_plan(store, today, &mut notices);
    let mut app = App::new(Arc::new(catalog), plan, today);
    app.problems = problems;
    match load_keymap() {
        Ok(keymap) => app.keymap = keymap,
        Err(lines) => notices.push(("Your key bindings were not used".to_owned(), lines)),
    }
    if !app.problems.is_empty() {
        app.overlay = Some(Overlay::Problems { scroll: 0 });
    } else if let Some((title, lines)) = notices.into_iter().next() {
        app.overlay = Some(Overlay::Notice { title, lines });
    }
    app
}

fn open_last_plan(
    store: Option<&PlanStore>,
    today: Date,
    notices: &mut Vec<(String, Vec<String>)>,
) -> Plan {
    let Some(store) = store else {
        return Plan::new("default", today);
    };
    let name = store.last_used().unwrap_or_else(|| "default".to_owned());
    if !store.exists(&name) {
        let _ = store.remember(&name);
        return Plan::new(name, today);
    }
    match store.load(&name, today) {
        Ok(plan) => plan,
        Err(why) => {
            // The broken file is never written over: the app opens a new plan beside it.
            let fresh = store.free_name(&name);
            notices.push((
                format!("Plan `{name}` could not be opened"),
                vec![why, format!("The file is left exactly as it is. This is a new plan, `{fresh}`; p switches plans.")],
            ));
            let _ = store.remember(&fresh);
            Plan::new(fresh, today)
        }
    }
}

/// The default keys with the user's `keys.yaml` applied, or why it could not be.
fn load_keymap() -> Result<Keymap, Vec<String>> {
    let Some(path) = crate::store::keys_file().filter(|path| path.exists()) else {
        return Ok(Keymap::default());
    };
    let shown = crate::text::sanitize_line(&path.display().to_string()).into_owned();
    let text =
        crate::store::read_plan_text(&path).map_err(|error| vec![format!("{shown}: {error}")])?;
    Keymap::with_overrides(&text).map_err(|problems| {
        let mut lines: Vec<String> = problems
            .into_iter()
            .map(|problem| format!("{shown}:{}: {}", problem.position, problem.message))
            .collect();
        lines.push("The default keys are in use; fix the file and restart upskill.".to_owned());
        lines
    })
}
