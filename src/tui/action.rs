//! What the user can ask for. Each action's `///` line is what the help overlay and the
//! status bar show, and its id is what a key config file names.

macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $name:ident = $id:literal, )*) => {
        /// An intent, named by what it does.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl Action {
            /// Every action, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$name),*];

            /// The one-line description from the doc comment.
            pub fn description(self) -> &'static str {
                match self {
                    $( Action::$name => concat!($($doc),+).trim_ascii(), )*
                }
            }

            /// The id used in the key config file.
            pub fn id(self) -> &'static str {
                match self {
                    $( Action::$name => $id, )*
                }
            }
        }
    };
}

actions! {
    /// Show or hide the help
    ToggleHelp = "help",
    /// Quit (the plan is saved first)
    Quit = "quit",
    /// Suspend upskill to the shell (fg brings it back)
    Suspend = "suspend",
    /// Focus the next pane
    NextPane = "next-pane",
    /// Focus the previous pane
    PreviousPane = "previous-pane",
    /// Move the selection up
    SelectPrevious = "up",
    /// Move the selection down
    SelectNext = "down",
    /// Move the selection up a page
    PageUp = "page-up",
    /// Move the selection down a page
    PageDown = "page-down",
    /// Select the first item
    SelectFirst = "first",
    /// Select the last item
    SelectLast = "last",
    /// Fuzzy search the catalog
    Search = "search",
    /// Clear the search and the filters
    ClearSearch = "clear-search",
    /// Filter the catalog by provider, level, kind or skill
    Filter = "filter",
    /// Sort the catalog by relevance, title, cost or hours
    CycleSort = "sort",
    /// Add the selected credential to the plan, with the missing prerequisites before it
    AddToPlan = "add",
    /// Remove the selected step
    RemoveStep = "remove",
    /// Move the selected step down
    MoveStepDown = "move-down",
    /// Move the selected step up
    MoveStepUp = "move-up",
    /// Mark the selected step done today, or not done
    ToggleDone = "done",
    /// Mark the selected step in progress, or planned
    ToggleInProgress = "in-progress",
    /// Mark the selected credential or skill as already held, or not
    ToggleHeld = "held",
    /// Choose the target role
    ChooseRole = "role",
    /// Replace the steps with the recommended plan
    Recommend = "recommend",
    /// Switch between cheapest and fastest for recommendations
    ToggleObjective = "objective",
    /// Compare the plan with the cheapest and fastest recommendations
    Compare = "compare",
    /// Undo the last change to the plan
    Undo = "undo",
    /// Redo what was undone
    Redo = "redo",
    /// Save the plan now (every change is saved anyway)
    Save = "save",
    /// Switch between saved plans, or start a new one
    Plans = "plans",
    /// Show the clients: each person, their plans, and who is behind or over budget
    People = "people",
    /// Export the plan for a client, a spreadsheet, a calendar or a printout
    Export = "export",
    /// Edit the plan's hours per week, start date, budget, value of time, experience and notes
    EditPlan = "edit-plan",
    /// Put the successor of a retired step's credential in its place
    SwapSuccessor = "swap-successor",
    /// Edit the selected step's note or completion date, or when a held credential was earned
    EditStep = "edit-step",
    /// Show the details of the selection
    ShowDetail = "detail",
    /// Show the role's skills gap
    ShowGap = "gap",
    /// Show the timeline
    ShowTimeline = "timeline",
    /// Show the timeline by week or by month
    ToggleTimelineScale = "timeline-scale",
    /// Scroll the timeline back in time
    TimelineEarlier = "timeline-earlier",
    /// Scroll the timeline on in time
    TimelineLater = "timeline-later",
    /// Show the errors that keep edited catalog files from reloading
    ShowProblems = "problems",
    /// Import a learner's badges (Open Badges, CLR) from a file or folder into what the plan holds
    ImportBadges = "import-badges",

    // In the help, the problems list, the comparison and notices.
    /// Scroll up, or choose the one above
    ViewUp = "view-up",
    /// Scroll down, or choose the one below
    ViewDown = "view-down",
    /// Scroll up a page
    ViewPageUp = "view-page-up",
    /// Scroll down a page
    ViewPageDown = "view-page-down",
    /// Go to the top
    ViewFirst = "view-first",
    /// Go to the bottom
    ViewLast = "view-last",
    /// Close (the key that opened it closes it too)
    Close = "close",
    /// Use the cheapest plan (in the comparison)
    UseCheapest = "use-cheapest",
    /// Use the fastest plan (in the comparison)
    UseFastest = "use-fastest",
    /// Open the chosen problem's file in your editor, at its line
    EditProblem = "edit-problem",
    /// Compare the plan with another saved plan (in the comparison)
    CompareWithPlan = "compare-plan",

    // Answers to a question.
    /// Yes
    Yes = "yes",
    /// No, or decide later
    No = "no",
    /// Load the plan as its file has it (after a change outside upskill)
    LoadTheirs = "load-theirs",
    /// Keep your plan and write it over the file (after a change outside upskill)
    KeepMine = "keep-mine",
    /// A new plan for a new person
    ForNewPerson = "for-new-person",
    /// A new plan for the open plan's person
    ForSamePerson = "for-same-person",
    /// A copy of the open plan, to try "what if"
    CopyPlan = "copy-plan",

    // In pickers, forms, the plans list and the search box.
    /// Choose, save, or keep what was typed
    Accept = "accept",
    /// Cancel (in the search box: clear it)
    Cancel = "cancel",
    /// Choose the one above, or the field above
    DialogUp = "dialog-up",
    /// Choose the one below, or the field below
    DialogDown = "dialog-down",
    /// Choose a page up
    DialogPageUp = "dialog-page-up",
    /// Choose a page down
    DialogPageDown = "dialog-page-down",
    /// Go to the next field of a form
    NextField = "next-field",
    /// Go to the previous field of a form
    PreviousField = "previous-field",

    // Editing text: the search, a picker's filter, a name, a form's field.
    /// Move the cursor left
    CursorLeft = "cursor-left",
    /// Move the cursor right
    CursorRight = "cursor-right",
    /// Move the cursor a word left
    WordLeft = "word-left",
    /// Move the cursor a word right
    WordRight = "word-right",
    /// Move the cursor to the start
    LineStart = "line-start",
    /// Move the cursor to the end
    LineEnd = "line-end",
    /// Delete the character before the cursor
    DeleteBack = "delete-back",
    /// Delete the character after the cursor
    DeleteForward = "delete-forward",
    /// Delete the word before the cursor
    DeleteWord = "delete-word",
    /// Clear the text
    ClearText = "clear-text",

    // In the plans and clients lists.
    /// Start a new plan, named by what was typed
    NewPlan = "new-plan",
    /// Rename the chosen plan
    RenamePlan = "rename-plan",
    /// Delete the chosen plan
    DeletePlan = "delete-plan",
    /// Sort the clients by name, status, finish or cost left
    SortPeople = "sort-people",
}

/// Where an action's keys work. Keys are unique within a context; a key may mean one
/// thing in the panes and another in an overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// The panes, with no overlay open.
    Main,
    /// An overlay to read: the help, the problems list, the comparison, a notice.
    View,
    /// A question: replace the steps, overwrite a file, delete a plan, which version.
    Answer,
    /// Pickers, forms, the plans list and the search box: a text input with keys around it.
    Dialog,
    /// Editing the text of any of those.
    Text,
    /// The plans and clients lists' own keys, which come before their filter's text keys.
    Plans,
}

impl Context {
    pub const ALL: [Context; 6] = [
        Context::Main,
        Context::View,
        Context::Answer,
        Context::Dialog,
        Context::Text,
        Context::Plans,
    ];

    /// The heading of the context's keys in the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Main => "In the panes",
            Context::View => "In the help, the problems list and the comparison",
            Context::Answer => "Answering a question",
            Context::Dialog => "In pickers, forms, the plans list and the search box",
            Context::Text => "Editing text",
            Context::Plans => "In the plans and clients lists",
        }
    }

    /// Whether two contexts are in force at once, so that a key may be in only one of them.
    /// The plans list's keys may be a text key too: there they come first.
    pub fn overlaps(self, other: Context) -> bool {
        use Context as C;
        self == other
            || matches!(
                (self, other),
                (C::Dialog, C::Text | C::Plans) | (C::Text | C::Plans, C::Dialog)
            )
    }

    /// Whether the context takes typed characters, so that no key of it may be one.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Dialog | Context::Text | Context::Plans)
    }
}

impl Action {
    /// Where the action's keys work.
    pub fn context(self) -> Context {
        use Action as A;
        match self {
            A::ViewUp
            | A::ViewDown
            | A::ViewPageUp
            | A::ViewPageDown
            | A::ViewFirst
            | A::ViewLast
            | A::Close
            | A::UseCheapest
            | A::UseFastest
            | A::EditProblem
            | A::CompareWithPlan => Context::View,
            A::Yes
            | A::No
            | A::LoadTheirs
            | A::KeepMine
            | A::ForNewPerson
            | A::ForSamePerson
            | A::CopyPlan => Context::Answer,
            A::Accept
            | A::Cancel
            | A::DialogUp
            | A::DialogDown
            | A::DialogPageUp
            | A::DialogPageDown
            | A::NextField
            | A::PreviousField => Context::Dialog,
            A::NewPlan | A::RenamePlan | A::DeletePlan | A::SortPeople => Context::Plans,
            A::CursorLeft
            | A::CursorRight
            | A::WordLeft
            | A::WordRight
            | A::LineStart
            | A::LineEnd
            | A::DeleteBack
            | A::DeleteForward
            | A::DeleteWord
            | A::ClearText => Context::Text,
            _ => Context::Main,
        }
    }

    /// Whether the action changes the plan, and so is refused while the plan is read-only.
    pub fn changes_plan(self) -> bool {
        use Action as A;
        matches!(
            self,
            A::AddToPlan
                | A::RemoveStep
                | A::MoveStepDown
                | A::MoveStepUp
                | A::ToggleDone
                | A::ToggleInProgress
                | A::ToggleHeld
                | A::Recommend
                | A::Undo
                | A::Redo
                | A::EditPlan
                | A::EditStep
                | A::SwapSuccessor
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_description_and_a_unique_id() {
        let mut ids: Vec<&str> = Action::ALL.iter().map(|action| action.id()).collect();
        assert!(
            Action::ALL
                .iter()
                .all(|action| !action.description().is_empty())
        );
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Action::ALL.len());
    }

    #[test]
    fn the_description_is_the_doc_line() {
        assert_eq!(
            Action::AddToPlan.description(),
            "Add the selected credential to the plan, with the missing prerequisites before it"
        );
    }
}
