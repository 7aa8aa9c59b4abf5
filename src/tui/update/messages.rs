//! What the update takes in ([`Msg`]: keys, clicks, and what effects gave back) and what it
//! gives out ([`Effect`]: the I/O the event loop performs).

use std::path::PathBuf;

use crossterm::event::KeyEvent;

use super::{Done, Job, Quitting};
use crate::catalog::Loaded;
use crate::plan::Plan;
use crate::store::Saved;
use crate::tui::action::Action;
use crate::tui::app::{InfoView, Pane};

/// Something that happened: a key, a click, or the result of an effect.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Action(Action),
    /// A click in a pane, on a row of its list when `row` is set.
    Click {
        pane: Pane,
        row: Option<usize>,
    },
    Scroll {
        pane: Pane,
        down: bool,
    },
    /// A click on one of the info pane's tab names.
    Tab(InfoView),
    /// Time for the next slice of unfinished work (a large search).
    Tick,
    Saved {
        result: Result<PathBuf, String>,
        /// The plan's person as their profile holds them now, changes made meanwhile by
        /// their other plans merged in.
        person: Option<Box<crate::plan::Profile>>,
        announce: bool,
        quitting: Quitting,
    },
    /// The plan's file was changed outside upskill since upskill last read or wrote it, so
    /// the save did not happen: what the file holds now, or why it cannot be read.
    SaveConflict {
        disk: Result<Box<Plan>, String>,
        quitting: Quitting,
    },
    /// A signal asked upskill to end (SIGTERM, SIGINT or SIGHUP, by number): save and go.
    Terminate(i32),
    /// Ctrl-z with no shell to go back to (upskill leads its terminal session).
    CannotSuspend,
    PlansListed(Vec<Saved>),
    /// A saved plan read to compare the open one with, or why it could not be.
    ToCompare(Result<Box<Plan>, String>),
    /// The people and their plans, for the clients view.
    PeopleListed(Result<Vec<crate::plan::clients::PersonRow>, String>),
    PlanOpened {
        name: String,
        result: Result<Box<Plan>, String>,
        /// Why the plan is read-only here (another upskill has it), if it is.
        read_only: Option<String>,
        /// Something to tell about the file, such as a `name:` that differs from its name.
        note: Option<String>,
    },
    PlanDeleted {
        name: String,
        result: Result<(), String>,
    },
    PlanCreated {
        plan: Box<Plan>,
        result: Result<(), String>,
    },
    PlanRenamed {
        from: String,
        to: String,
        result: Result<(), String>,
    },
    Exported(Result<PathBuf, ExportFailure>),
    CatalogReloaded(Box<Loaded>),
    /// The catalog files kept changing while they were read: nothing was reloaded.
    CatalogUnsettled,
    /// The whole catalog after a first look, with its search index, both made off the
    /// event loop.
    RestLoaded(
        Box<Loaded>,
        std::sync::Arc<crate::tui::browser::SearchIndex>,
    ),
    /// A search finished off the event loop.
    Computed(Box<Done>),
    /// The badges of the path typed in the import dialog (`shown`, as typed), or why they
    /// could not be read.
    BadgesRead {
        shown: String,
        result: Result<crate::import::wallet::Loaded, String>,
    },
    /// The editor opened on a catalog file ended: how, and what reloading then found.
    Edited {
        result: Result<(), String>,
        reload: Option<Box<Msg>>,
    },
}

/// Why an export was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFailure {
    /// A file of that name is there already: the user decides whether to replace it.
    Exists {
        path: PathBuf,
        format: crate::export::ExportFormat,
    },
    Io(String),
}

/// Work for the event loop; its outcome comes back as a [`Msg`].
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the plan atomically; `announce` says so in the status bar.
    SavePlan {
        plan: Box<Plan>,
        announce: bool,
        quitting: Quitting,
    },
    ListPlans,
    /// Read a saved plan to compare the open one with.
    LoadToCompare(String),
    /// Read every plan and person for the clients view.
    ListPeople,
    OpenPlan(String),
    /// Write a plan started in the app, never over a file already there.
    CreatePlan(Box<Plan>),
    DeletePlan(String),
    RenamePlan {
        from: String,
        to: String,
    },
    RememberLastPlan(String),
    /// Run a search on a worker thread; its answer comes back as [`Msg::Computed`].
    Compute(Box<Job>),
    /// Render the plan in a format and write it to the current folder.
    /// Write a report of the plan into the working folder; over a file already there only
    /// when `replace`.
    Export {
        plan: Box<Plan>,
        format: crate::export::ExportFormat,
        replace: bool,
    },
    /// Take what the plan's file holds now as seen: the next save writes over it.
    AcceptOnDisk,
    /// Take the read-only plan back if no other upskill has it open any more: it is then
    /// opened again, as its file has it, and can be edited.
    Reclaim(String),
    /// Give the terminal back to the shell and stop until continued (Ctrl-z, SIGTSTP).
    Suspend,
    /// Read the badges of a file or folder for the import dialog; `shown` is the path as
    /// typed, `path` as found (`~` expanded).
    ReadBadges {
        path: PathBuf,
        shown: String,
    },
    /// Hand the terminal to the user's editor on a catalog file at a line, then reload.
    EditCatalog {
        file: PathBuf,
        place: crate::tui::editor::Place,
    },
}
