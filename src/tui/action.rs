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
    /// Export the plan for a client, a spreadsheet, a calendar or a printout
    Export = "export",
    /// Edit the plan's hours per week, start date, budget, value of time, experience and notes
    EditPlan = "edit-plan",
    /// Put the successor of a retired step's credential in its place
    SwapSuccessor = "swap-successor",
    /// Edit the selected step's note, or the date it was completed
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
}

impl Action {
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
