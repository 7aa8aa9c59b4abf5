//! The badge import dialog (`I`): a path typed (a badge file or a folder of them), read by the
//! runtime through [`wallet::gather`], matched to the catalog as `upskill have import` does,
//! and shown as a table; `y` adds the matched credentials to what the plan's person holds
//! (the plan's own `have` when it has no person), as one undoable change of the plan.

pub(super) mod view;

use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;

use crate::import::wallet::{self, Loaded, Row};
use crate::plan::Holding;
use crate::text::{plural, sanitize_line};
use crate::tui::action::{Action, Context};
use crate::tui::app::{App, Overlay};
use crate::tui::input::{Limit, TextInput, Typed, type_key};
use crate::tui::update::{Effect, edits};

/// The longest path kept in the prompt.
const MAX_PATH_CHARS: usize = 4096;

/// The dialog: the path as typed, then what it found.
#[derive(Debug, Clone)]
pub struct BadgeImport {
    pub path: TextInput,
    pub stage: Stage,
}

/// Where the dialog is.
#[derive(Debug, Clone)]
pub enum Stage {
    /// Typing the path; `error` is why the last one typed could not be imported.
    Prompt { error: Option<String> },
    /// The path was given to the runtime to read.
    Reading,
    /// The badges found, and what `y` would do.
    Found(Box<Found>),
}

/// What the badges of a path are to the plan.
#[derive(Debug, Clone)]
pub struct Found {
    /// The path as typed.
    pub shown: String,
    pub rows: Vec<Row>,
    /// The counts, what the import cannot check, and the reader's warnings.
    pub notes: Vec<String>,
    pub holdings: Vec<Holding>,
    /// How many credentials `y` adds or gives new dates.
    pub adds: usize,
    pub scroll: u16,
}

/// Opens the prompt, with the path typed last time.
pub(crate) fn open(app: &mut App) {
    let path = TextInput::with_text(&app.badges_path, Limit::Chars(MAX_PATH_CHARS));
    app.overlay = Some(Overlay::Badges(Box::new(BadgeImport {
        path,
        stage: Stage::Prompt { error: None },
    })));
}

/// Whose holdings the plan's badges join, as the dialog says it: `Sam's` or `this plan's`.
pub(crate) fn whose(app: &App) -> String {
    app.plan.person.as_ref().map_or_else(
        || "this plan's".to_owned(),
        |person| format!("{}'s", sanitize_line(&person.name)),
    )
}

/// The path typed, `~` for the home folder, a relative path from the working folder (the
/// runtime reads it from there).
pub fn expand(typed: &str) -> PathBuf {
    let typed = typed.trim();
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    if typed == "~" {
        return home().unwrap_or_else(|| PathBuf::from(typed));
    }
    if let Some(rest) = typed.strip_prefix("~/")
        && let Some(home) = home()
    {
        return home.join(rest);
    }
    Path::new(typed).to_path_buf()
}

pub(super) fn key(app: &mut App, mut dialog: BadgeImport, key: KeyEvent) -> Vec<Effect> {
    match dialog.stage {
        Stage::Prompt { .. } => {
            match type_key(
                &app.keymap,
                &mut dialog.path,
                key,
                &[Action::Accept, Action::Cancel],
            ) {
                Typed::Action(Action::Cancel) => return Vec::new(),
                Typed::Action(Action::Accept) => return read(app, dialog),
                _ => {}
            }
        }
        Stage::Reading => {
            if app.keymap.action_in(Context::Answer, key) == Some(Action::No) {
                return Vec::new();
            }
        }
        Stage::Found(mut found) => match app.keymap.action_in(Context::Answer, key) {
            Some(Action::Yes) => return apply(app, &found),
            Some(Action::No) => return Vec::new(),
            _ => {
                let last = usize::from(app.overlay_max_scroll);
                if let Some(to) = app
                    .keymap
                    .action_in(Context::View, key)
                    .and_then(|action| super::scroll(action, usize::from(found.scroll), last))
                {
                    found.scroll = u16::try_from(to).unwrap_or(u16::MAX);
                }
                dialog.stage = Stage::Found(found);
            }
        },
    }
    app.overlay = Some(Overlay::Badges(Box::new(dialog)));
    Vec::new()
}

/// Asks the runtime to read the path typed; an empty one is refused here.
fn read(app: &mut App, mut dialog: BadgeImport) -> Vec<Effect> {
    let typed = dialog.path.text().trim().to_owned();
    if typed.is_empty() {
        dialog.stage = Stage::Prompt {
            error: Some("Type the path of a badge file (JSON), or of a folder of them".to_owned()),
        };
        app.overlay = Some(Overlay::Badges(Box::new(dialog)));
        return Vec::new();
    }
    app.badges_path.clone_from(&typed);
    dialog.stage = Stage::Reading;
    app.overlay = Some(Overlay::Badges(Box::new(dialog)));
    vec![Effect::ReadBadges {
        path: expand(&typed),
        shown: typed,
    }]
}

/// What the runtime read: the badges matched and shown, or why not, in the prompt with the
/// path still typed.
pub(crate) fn badges_read(app: &mut App, shown: &str, result: Result<Loaded, String>) {
    let Some(Overlay::Badges(mut dialog)) = app.overlay.take() else {
        // Cancelled while it was read.
        return;
    };
    if !matches!(dialog.stage, Stage::Reading) || dialog.path.text().trim() != shown {
        app.overlay = Some(Overlay::Badges(dialog));
        return;
    }
    let found = result.and_then(|found| {
        if found.wallet.awards.is_empty() {
            let mut why = format!(
                "{shown}: no badge found; give Open Badges 2.0 assertions, Open Badges 3.0 credentials or CLR 2.0 credentials as JSON"
            );
            for warning in &found.wallet.warnings {
                why.push('\n');
                why.push_str(warning);
            }
            return Err(why);
        }
        Ok(found)
    });
    dialog.stage = match found {
        Ok(found) => Stage::Found(Box::new(matched(app, shown, &found))),
        Err(why) => Stage::Prompt { error: Some(why) },
    };
    app.overlay = Some(Overlay::Badges(dialog));
}

/// The wallet's badges matched to the catalog, and what they would add to the plan.
fn matched(app: &App, shown: &str, loaded: &Loaded) -> Found {
    let found = &loaded.wallet;
    let matches = wallet::match_awards(&app.catalog, &found.awards);
    let holdings = wallet::holdings(&app.catalog, &found.awards, &matches);
    let mut trial = app.plan.clone();
    let changed = wallet::hold(&mut trial, &holdings);
    let steps: Vec<String> = app.plan.steps.iter().map(|step| step.id.clone()).collect();
    let against = wallet::Against {
        steps: &steps,
        changed: &changed,
        today: app.today,
    };
    let mut notes = wallet::summary(&found.awards, &matches, loaded.files);
    notes.extend(
        found
            .warnings
            .iter()
            .map(|warning| format!("warning: {warning}")),
    );
    Found {
        shown: shown.to_owned(),
        rows: wallet::rows(&app.catalog, &found.awards, &matches, against),
        notes,
        holdings,
        adds: changed.len(),
        scroll: 0,
    }
}

/// `y`: the matched credentials added to what the plan holds, as one change (undo takes it
/// back); refused, with the reason, while the plan is read-only.
fn apply(app: &mut App, found: &Found) -> Vec<Effect> {
    if edits::read_only(app) {
        return Vec::new();
    }
    let mut plan = app.plan.clone();
    let changed = wallet::hold(&mut plan, &found.holdings);
    let whose = whose(app);
    if changed.is_empty() {
        app.info(format!(
            "Nothing new to add: {whose} holdings have every matched credential already"
        ));
        return Vec::new();
    }
    let effects = edits::commit(app, plan);
    let undo = app.keymap.name(Action::Undo);
    app.info(format!(
        "Added {} to {whose} holdings from {} ({undo} undoes)",
        plural(changed.len(), "credential"),
        sanitize_line(&found.shown)
    ));
    effects
}
