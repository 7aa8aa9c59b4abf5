//! Where the keyboard is and what the screen shows: the panes, the info pane's view, the
//! timeline's unit and the status line.

/// The panes that take the keyboard, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Catalog,
    Plan,
    Info,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Catalog, Pane::Plan, Pane::Info];

    #[must_use]
    pub fn next(self) -> Pane {
        match self {
            Pane::Catalog => Pane::Plan,
            Pane::Plan => Pane::Info,
            Pane::Info => Pane::Catalog,
        }
    }

    #[must_use]
    pub fn previous(self) -> Pane {
        match self {
            Pane::Catalog => Pane::Info,
            Pane::Plan => Pane::Catalog,
            Pane::Info => Pane::Plan,
        }
    }
}

/// What the info pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InfoView {
    #[default]
    Detail,
    Gap,
    Timeline,
}

/// The timeline's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    Month,
    Week,
}

/// A message in the status bar; errors explain a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub kind: StatusKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Warning,
    Error,
}
