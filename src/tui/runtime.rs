//! The event loop: draw, wait for an event, update, perform the effects (the only I/O the
//! app does), repeat. Generic over the terminal backend and the event source, so a test
//! can drive the whole app with a script of keys on a `TestBackend`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use crossterm::event::{Event as TermEvent, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::app::App;
use super::signals;
use super::update::{Effect, ExportFailure, Msg, update};
use super::view::{ViewState, render};
use crate::catalog::{self, Fingerprint, Reload, Sources};
use crate::plan::Plan;
use crate::store::{PlanLock, PlanStore};

/// Something for the app to react to.
#[derive(Debug)]
pub enum Event {
    Terminal(TermEvent),
    /// A watched catalog file may have changed (debounced).
    CatalogChanged,
    /// The process got a signal (SIGTERM, SIGINT, SIGHUP or SIGTSTP, by number).
    Signal(i32),
}

/// Where events come from.
pub trait Events {
    /// The next event, or `None` when there will be no more (the end of a test script).
    fn next(&mut self) -> io::Result<Option<Event>>;

    /// An event if one is waiting, without waiting.
    fn ready(&mut self) -> io::Result<Option<Event>>;

    /// Hands the terminal back to the shell, stops the process until it is continued
    /// (`fg`), then takes the terminal again. A script has nothing to do.
    fn suspend(&mut self) -> io::Result<Suspended> {
        Ok(Suspended::Resumed)
    }

    /// Hands the terminal to the user's editor on `file` at `place`, waits for it to end,
    /// then takes the terminal back. A script has no terminal to give.
    fn edit(
        &mut self,
        file: &std::path::Path,
        place: super::editor::Place,
    ) -> io::Result<Result<(), String>> {
        let _ = (file, place);
        Ok(Err("there is no terminal to run an editor in".to_owned()))
    }
}

/// How a suspend ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspended {
    /// Back in the foreground, with the terminal: draw everything again.
    Resumed,
    /// No shell started upskill, so none can take the terminal: it was not suspended.
    NoShell,
    /// This signal to end came while suspended: the app saves and ends without taking the
    /// terminal back (or drawing on it).
    Ending(i32),
}

/// What the effects act on: the plan files, and the catalog sources for reloading.
pub struct Runtime {
    pub store: Option<PlanStore>,
    pub sources: Sources,
    /// The lock on the open plan, so a second upskill opens it read-only.
    pub lock: RefCell<Option<PlanLock>>,
    /// What work on other threads gives back: searches' answers, and the whole catalog
    /// after a first look.
    answers: (Sender<Msg>, Receiver<Msg>),
    /// The catalog files as last loaded: a change the watcher reports reloads only when the
    /// files differ from these.
    loaded: RefCell<Fingerprint>,
    /// Where a reload takes the parses of files that did not change from: without it, a
    /// reload parses every file.
    parse_store: Option<catalog::cache::Store>,
    /// Where `e` writes exports: the folder upskill was started in, unless a test says.
    pub exports: Option<std::path::PathBuf>,
    /// The open plan's name and what its file held when this upskill last read or wrote it:
    /// a save that finds something else there stops and asks, so a change made outside
    /// upskill is never written over unseen.
    pub(super) on_disk: RefCell<Option<(String, Option<u64>)>>,
}

impl Runtime {
    pub fn new(store: Option<PlanStore>, sources: Sources) -> Runtime {
        Runtime {
            store,
            sources,
            lock: RefCell::new(None),
            answers: channel(),
            loaded: RefCell::new(Fingerprint::default()),
            parse_store: None,
            exports: None,
            on_disk: RefCell::new(None),
        }
    }

    /// The runtime of an app whose catalogs were loaded from files with this fingerprint.
    /// Without it, the first change reported reloads whatever the files hold.
    #[must_use]
    pub fn with_fingerprint(self, loaded: Fingerprint) -> Runtime {
        Runtime {
            loaded: RefCell::new(loaded),
            ..self
        }
    }

    /// The runtime of an app whose reloads go through the parse store of the cache in
    /// `cache_dir` (`None` for `--no-cache`), so a change to one file parses that file only.
    #[must_use]
    pub fn with_parse_store(self, cache_dir: Option<&std::path::Path>) -> Runtime {
        Runtime {
            parse_store: cache_dir.map(catalog::cache::Store::new),
            ..self
        }
    }

    /// Loads the rest of the catalog after a first look on another thread, with its search
    /// index; it comes back as [`Msg::RestLoaded`].
    pub fn load_rest(&self, rest: catalog::cache::Rest) {
        let answers = self.answers.0.clone();
        std::thread::spawn(move || {
            let loaded = rest.load();
            let index = std::sync::Arc::new(super::browser::SearchIndex::build(&loaded.catalog));
            // The app may have quit; then nobody wants the catalog.
            let _ = answers.send(Msg::RestLoaded(Box::new(loaded), index));
        });
    }

    /// Reloads the catalogs if their files changed since the last load; `None` when they
    /// did not, so a read or a save of the same text leaves the app as it is.
    fn reload(&self) -> Option<Msg> {
        let outcome = catalog::reload(
            &self.sources,
            &self.loaded.borrow(),
            self.parse_store.as_ref(),
        );
        match outcome {
            Reload::Unchanged => None,
            Reload::Unsettled => Some(Msg::CatalogUnsettled),
            Reload::Changed(loaded, fingerprint) => {
                *self.loaded.borrow_mut() = fingerprint;
                Some(Msg::CatalogReloaded(loaded))
            }
        }
    }

    /// Performs one effect; its result comes back as a message.
    pub fn perform(&self, effect: Effect, app: &App) -> Option<Msg> {
        match effect {
            Effect::Export {
                plan,
                format,
                replace,
            } => Some(Msg::Exported(export(
                self.exports.as_deref(),
                app,
                &plan,
                format,
                replace,
            ))),
            Effect::Compute(job) => {
                let answers = self.answers.0.clone();
                std::thread::spawn(move || {
                    // The app may have quit; then nobody wants the answer.
                    let _ = answers.send(Msg::Computed(Box::new(job.run())));
                });
                None
            }
            // Bounded (see `wallet::gather`), so it is read here, between two frames.
            Effect::ReadBadges { path, shown } => Some(Msg::BadgesRead {
                result: crate::import::wallet::load(
                    &path,
                    &shown,
                    &crate::import::json::user_language(),
                ),
                shown,
            }),
            // The event loop suspends and runs the editor: it has the terminal.
            Effect::Suspend | Effect::EditCatalog { .. } => None,
            plans => self.perform_on_plans(plans, app),
        }
    }
}

/// Runs the app until it quits or the events run out.
pub fn run<B: Backend, E: Events>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    view: &mut ViewState,
    events: &mut E,
    runtime: &Runtime,
) -> io::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    loop {
        // Before drawing: after SIGHUP there may be no terminal left to draw on.
        if app.quit {
            return Ok(());
        }
        terminal
            .draw(|frame| render(app, view, frame))
            .map_err(io::Error::other)?;
        app.page_rows = view.page_rows(app.focus);
        app.info_max_scroll = view.info_max_scroll;
        app.timeline_max_shift = view.timeline_max_shift;
        app.overlay_max_scroll = view.overlay_max_scroll;
        if app.quit {
            return Ok(());
        }
        // While work is unfinished, keys come first: then a search tick, or a short wait for a
        // worker's answer.
        let msg = if let Ok(answer) = runtime.answers.1.try_recv() {
            Some(answer)
        } else if app.busy() {
            match events.ready()? {
                Some(event) => translate(event, view, runtime),
                None if app.browser.searching() => Some(Msg::Tick),
                None => match runtime.answers.1.recv_timeout(Duration::from_millis(20)) {
                    Ok(answer) => Some(answer),
                    Err(_) => continue,
                },
            }
        } else {
            let Some(event) = events.next()? else {
                return Ok(());
            };
            translate(event, view, runtime)
        };
        let Some(msg) = msg else { continue };
        if view.too_small
            && matches!(&msg, Msg::Key(key) if app.keymap.action(*key) != Some(super::action::Action::Quit))
        {
            continue;
        }
        let mut effects: VecDeque<Effect> = update(app, msg).into();
        while let Some(effect) = effects.pop_front() {
            if let Effect::EditCatalog { file, place } = &effect {
                let result = events.edit(file, *place)?;
                // The editor drew over the screen: the next frame draws it all.
                terminal.clear().map_err(io::Error::other)?;
                let reload = runtime.reload().map(Box::new);
                effects.extend(update(app, Msg::Edited { result, reload }));
                continue;
            }
            if effect == Effect::Suspend {
                match events.suspend()? {
                    // The shell drew over the screen meanwhile: the next frame draws it all.
                    Suspended::Resumed => terminal.clear().map_err(io::Error::other)?,
                    Suspended::NoShell => effects.extend(update(app, Msg::CannotSuspend)),
                    Suspended::Ending(signal) => {
                        effects.extend(update(app, Msg::Terminate(signal)));
                    }
                }
                continue;
            }
            if let Some(msg) = runtime.perform(effect, app) {
                effects.extend(update(app, msg));
            }
        }
    }
}

/// A terminal event as a message; mouse positions are matched against where the panes were
/// drawn. A catalog change is reloaded here, since reading files is I/O.
fn translate(event: Event, view: &ViewState, runtime: &Runtime) -> Option<Msg> {
    match event {
        Event::Signal(signal) if signal == signals::SUSPEND => {
            Some(Msg::Action(super::action::Action::Suspend))
        }
        Event::Signal(signal) => Some(Msg::Terminate(signal)),
        Event::CatalogChanged => runtime.reload(),
        Event::Terminal(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => {
            Some(Msg::Key(key))
        }
        Event::Terminal(TermEvent::Paste(text)) => Some(Msg::Paste(text)),
        Event::Terminal(TermEvent::Mouse(mouse)) => {
            if mouse.kind == MouseEventKind::Down(MouseButton::Left)
                && let Some(tab) = view.tab_at(mouse.column, mouse.row)
            {
                return Some(Msg::Tab(tab));
            }
            let (pane, row) = view.hit(mouse.column, mouse.row)?;
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { pane, row }),
                MouseEventKind::ScrollDown => Some(Msg::Scroll { pane, down: true }),
                MouseEventKind::ScrollUp => Some(Msg::Scroll { pane, down: false }),
                _ => None,
            }
        }
        Event::Terminal(_) => None,
    }
}

/// A fixed list of events, for tests and scripted runs.
pub struct Script(pub VecDeque<Event>);

impl Events for Script {
    fn next(&mut self) -> io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }

    fn ready(&mut self) -> io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }
}

/// Writes a report of `plan` into the working folder, named after the plan; a file already
/// there is replaced only when the user said so.
fn export(
    folder: Option<&std::path::Path>,
    app: &App,
    plan: &Plan,
    format: crate::export::ExportFormat,
    replace: bool,
) -> Result<std::path::PathBuf, ExportFailure> {
    let dir = match folder {
        Some(folder) => folder.to_path_buf(),
        None => std::env::current_dir().map_err(|error| ExportFailure::Io(error.to_string()))?,
    };
    let path = dir.join(format!("{}.{}", plan.name, format.extension()));
    let report = crate::export::Report::build(&app.catalog, plan, &crate::clock::now());
    let text = crate::export::render(&report, format);
    // A file made there meanwhile is asked about too, and a FIFO there is refused, never
    // waited on: the app must not hang on an export.
    let options = crate::files::WriteOptions {
        replace,
        create_folder: false,
        into_special: false,
    };
    match crate::files::write(&path, text.as_bytes(), options) {
        Ok(()) => Ok(path),
        Err(crate::files::WriteError::Exists) => Err(ExportFailure::Exists { path, format }),
        Err(error) => Err(ExportFailure::Io(error.to_string())),
    }
}
