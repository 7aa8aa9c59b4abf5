//! The default key of every action.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{INTERRUPT, Key};
use crate::tui::action::Action;

/// The default keys of every action: the panes' (the documented table first, then
/// upskill's own), then those of overlays and text boxes.
pub(super) fn defaults() -> Vec<(Action, Vec<Key>)> {
    use Action as A;
    use KeyCode as K;
    let mut bindings = vec![
        (A::ToggleHelp, vec![Key::char('?'), Key::plain(K::F(1))]),
        (A::Quit, vec![Key::char('q'), INTERRUPT]),
        (A::Suspend, vec![Key::ctrl('z')]),
        (A::NextPane, vec![Key::plain(K::Tab)]),
        (A::PreviousPane, vec![Key::plain(K::BackTab)]),
        (A::SelectPrevious, vec![Key::char('k'), Key::plain(K::Up)]),
        (A::SelectNext, vec![Key::char('j'), Key::plain(K::Down)]),
        (A::PageUp, vec![Key::plain(K::PageUp), Key::ctrl('u')]),
        (A::PageDown, vec![Key::plain(K::PageDown), Key::ctrl('d')]),
        (A::SelectFirst, vec![Key::plain(K::Home)]),
        (A::SelectLast, vec![Key::plain(K::End)]),
        (A::Search, vec![Key::char('/')]),
        (A::ClearSearch, vec![Key::plain(K::Esc)]),
        (A::Filter, vec![Key::char('f')]),
        (A::CycleSort, vec![Key::char('S')]),
        (A::AddToPlan, vec![Key::char('a')]),
        (A::RemoveStep, vec![Key::char('d'), Key::plain(K::Delete)]),
        (A::MoveStepDown, vec![Key::char('J')]),
        (A::MoveStepUp, vec![Key::char('K')]),
        (A::ToggleDone, vec![Key::char('x')]),
        (A::ToggleInProgress, vec![Key::char('w')]),
        (A::ToggleHeld, vec![Key::char('h')]),
        (A::ChooseRole, vec![Key::char('r')]),
        (A::Recommend, vec![Key::char('o')]),
        (A::ToggleObjective, vec![Key::char('O')]),
        (A::Compare, vec![Key::char('c')]),
        (A::Undo, vec![Key::char('u')]),
        (A::Redo, vec![Key::ctrl('r')]),
        (A::Save, vec![Key::char('s')]),
        (A::Plans, vec![Key::char('p')]),
        (A::People, vec![Key::char('P')]),
        (A::Export, vec![Key::char('e')]),
        (A::EditPlan, vec![Key::char('E')]),
        (A::SwapSuccessor, vec![Key::char('R')]),
        (A::EditStep, vec![Key::char('n')]),
        (A::ShowDetail, vec![Key::char('i')]),
        (A::ShowGap, vec![Key::char('g')]),
        (A::ShowTimeline, vec![Key::char('t')]),
        (A::ToggleTimelineScale, vec![Key::char('T')]),
        (A::TimelineEarlier, vec![Key::plain(K::Left)]),
        (A::TimelineLater, vec![Key::plain(K::Right)]),
        (A::ShowProblems, vec![Key::char('!')]),
        (A::ImportBadges, vec![Key::char('I')]),
    ];
    bindings.extend(overlays());
    bindings
}

/// The keys of overlays, questions, dialogs and text boxes.
fn overlays() -> Vec<(Action, Vec<Key>)> {
    use Action as A;
    use KeyCode as K;
    vec![
        (A::ViewUp, vec![Key::char('k'), Key::plain(K::Up)]),
        (A::ViewDown, vec![Key::char('j'), Key::plain(K::Down)]),
        (A::ViewPageUp, vec![Key::plain(K::PageUp)]),
        (
            A::ViewPageDown,
            vec![Key::plain(K::PageDown), Key::char(' ')],
        ),
        (A::ViewFirst, vec![Key::plain(K::Home), Key::char('g')]),
        (A::ViewLast, vec![Key::plain(K::End), Key::char('G')]),
        (
            A::Close,
            vec![Key::plain(K::Esc), Key::plain(K::Enter), Key::char('q')],
        ),
        (A::UseCheapest, vec![Key::char('1')]),
        (A::UseFastest, vec![Key::char('2')]),
        (A::EditProblem, vec![Key::char('e')]),
        (A::CompareWithPlan, vec![Key::char('o')]),
        (A::Yes, vec![Key::char('y'), Key::char('Y')]),
        (
            A::No,
            vec![
                Key::char('n'),
                Key::char('N'),
                Key::plain(K::Esc),
                Key::char('q'),
            ],
        ),
        (A::LoadTheirs, vec![Key::char('l'), Key::char('L')]),
        (A::KeepMine, vec![Key::char('k'), Key::char('K')]),
        (A::ForNewPerson, vec![Key::char('p'), Key::char('P')]),
        (A::ForSamePerson, vec![Key::char('f'), Key::char('F')]),
        (A::CopyPlan, vec![Key::char('c'), Key::char('C')]),
        (A::Accept, vec![Key::plain(K::Enter)]),
        (A::Cancel, vec![Key::plain(K::Esc)]),
        (A::DialogUp, vec![Key::plain(K::Up)]),
        (A::DialogDown, vec![Key::plain(K::Down)]),
        (A::DialogPageUp, vec![Key::plain(K::PageUp)]),
        (A::DialogPageDown, vec![Key::plain(K::PageDown)]),
        (A::NextField, vec![Key::plain(K::Tab)]),
        (A::PreviousField, vec![Key::plain(K::BackTab)]),
        (A::NewPlan, vec![Key::ctrl('n')]),
        (A::RenamePlan, vec![Key::plain(K::F(2))]),
        (A::DeletePlan, vec![Key::plain(K::Delete)]),
        (A::SortPeople, vec![Key::ctrl('o')]),
        (A::CursorLeft, vec![Key::plain(K::Left)]),
        (A::CursorRight, vec![Key::plain(K::Right)]),
        (
            A::WordLeft,
            vec![Key::new(K::Left, KeyModifiers::CONTROL), Key::alt('b')],
        ),
        (
            A::WordRight,
            vec![Key::new(K::Right, KeyModifiers::CONTROL), Key::alt('f')],
        ),
        (A::LineStart, vec![Key::plain(K::Home), Key::ctrl('a')]),
        (A::LineEnd, vec![Key::plain(K::End), Key::ctrl('e')]),
        (A::DeleteBack, vec![Key::plain(K::Backspace)]),
        (
            A::DeleteForward,
            vec![Key::plain(K::Delete), Key::ctrl('d')],
        ),
        (
            A::DeleteWord,
            vec![Key::ctrl('w'), Key::new(K::Backspace, KeyModifiers::ALT)],
        ),
        (A::ClearText, vec![Key::ctrl('u')]),
    ]
}
