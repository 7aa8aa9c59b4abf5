//! Keys are data: the default bindings, a user's overrides from `<config dir>/keys.yaml`,
//! and the one table that dispatches keys, lists them in the help and hints them in the
//! status bar, so the three can never disagree.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::yaml::{self, Position, Segment, Tree};

/// A key with its modifiers, normalised so that `J` and Shift-j are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key { code, modifiers }
    }

    pub const fn plain(code: KeyCode) -> Key {
        Key::new(code, KeyModifiers::NONE)
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// A terminal's key event as a binding key. Shift is part of a character's case, and of
    /// Back-Tab, so it is dropped there; other modifiers stay.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                // Ctrl-letter arrives lowercase or uppercase depending on the terminal.
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// Parses `a`, `J`, `?`, `ctrl-r`, `alt-x`, `shift-tab`, `enter`, `pagedown`, `f5`, `space`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(after) = lower
                .strip_prefix("ctrl-")
                .filter(|after| !after.is_empty())
            {
                modifiers |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - after.len()..];
            } else if let Some(after) = lower.strip_prefix("alt-").filter(|after| !after.is_empty())
            {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[rest.len() - after.len()..];
            } else if let Some(after) = lower
                .strip_prefix("shift-")
                .filter(|after| !after.is_empty())
            {
                modifiers |= KeyModifiers::SHIFT;
                rest = &rest[rest.len() - after.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                name => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=12) => KeyCode::F(n),
                    _ => {
                        return Err(format!(
                            "`{}` is not a key: write a character like `a` or `?`, or a name like `enter`, `pagedown`, `f5`, with `ctrl-`, `alt-` or `shift-` in front if needed",
                            crate::text::sanitize_line(text)
                        ));
                    }
                },
            },
        };
        // A terminal sends these the same way as another key: bound, they would never come.
        if modifiers == KeyModifiers::CONTROL
            && let KeyCode::Char(c) = code
            && matches!(c.to_ascii_lowercase(), 'i' | 'm' | '[')
        {
            let same = match c.to_ascii_lowercase() {
                'i' => "Tab",
                'm' => "Enter",
                _ => "Esc",
            };
            return Err(format!(
                "`{}` reaches upskill as {same}: a terminal sends the two the same way; bind `{}` or another key",
                crate::text::sanitize_line(text),
                same.to_ascii_lowercase()
            ));
        }
        if code == KeyCode::Tab && modifiers.contains(KeyModifiers::SHIFT) {
            return Ok(Key::new(KeyCode::BackTab, modifiers - KeyModifiers::SHIFT));
        }
        let event = KeyEvent::new(code, modifiers);
        Ok(Key::from_event(event))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Ctrl-c: it quits whatever the key config says, from anywhere, so no binding can leave the
/// user without a way out.
pub const INTERRUPT: Key = Key::ctrl('c');

/// The default keys of every action: SPEC §4's table, then upskill's own.
fn defaults() -> Vec<(Action, Vec<Key>)> {
    use Action as A;
    use KeyCode as K;
    vec![
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
    ]
}

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Every action with its keys, in help order.
    bindings: Vec<(Action, Vec<Key>)>,
    by_key: HashMap<Key, Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::from_bindings(defaults()).expect("the default bindings have no conflicts")
    }
}

/// A problem in the key config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    pub position: Position,
    pub message: String,
}

impl Keymap {
    fn from_bindings(bindings: Vec<(Action, Vec<Key>)>) -> Result<Keymap, (Key, Action, Action)> {
        let mut by_key = HashMap::new();
        for (action, keys) in &bindings {
            for key in keys {
                if let Some(other) = by_key.insert(*key, *action)
                    && other != *action
                {
                    return Err((*key, other, *action));
                }
            }
        }
        Ok(Keymap { bindings, by_key })
    }

    /// The defaults with a user's overrides: a YAML mapping of action id to a key or a list of
    /// keys, each replacing that action's default keys.
    pub fn with_overrides(text: &str) -> Result<Keymap, Vec<KeyProblem>> {
        let spec: BTreeMap<String, Keys> = yaml::from_str(text).map_err(|failure| {
            failure
                .errors
                .into_iter()
                .map(|error| KeyProblem {
                    position: error.position,
                    message: error.message,
                })
                .collect::<Vec<_>>()
        })?;
        let tree = Tree::parse(text);
        let mut problems = Vec::new();
        let mut bindings = defaults();
        let ids: Vec<&str> = Action::ALL.iter().map(|action| action.id()).collect();
        // Which user key came from where, to point at it in a conflict.
        let mut user_keys: HashMap<Key, Position> = HashMap::new();
        for (id, Keys(keys)) in &spec {
            let Some(action) = Action::ALL.iter().copied().find(|action| action.id() == id) else {
                let position = tree.key_at(&[Segment::Key(id)]);
                let hint = crate::text::did_you_mean(id, ids.iter().copied());
                problems.push(KeyProblem {
                    position,
                    message: format!(
                        "unknown action `{}`{hint} (the help, ?, lists every action's name)",
                        crate::text::sanitize_line(id)
                    ),
                });
                continue;
            };
            let mut parsed = Vec::new();
            for (n, key) in keys.iter().enumerate() {
                let path = if keys.len() == 1 && !tree_is_sequence(&tree, id) {
                    vec![Segment::Key(id)]
                } else {
                    vec![Segment::Key(id), Segment::Index(n)]
                };
                match Key::parse(key) {
                    Ok(parsed_key) => {
                        user_keys.insert(parsed_key, tree.value_at(&path));
                        parsed.push(parsed_key);
                    }
                    Err(message) => problems.push(KeyProblem {
                        position: tree.value_at(&path),
                        message,
                    }),
                }
            }
            if let Some(slot) = bindings.iter_mut().find(|(bound, _)| *bound == action) {
                slot.1 = parsed;
            }
        }
        if let Some(Keys(keys)) = spec.get(Action::Quit.id())
            && keys.is_empty()
        {
            problems.push(KeyProblem {
                position: tree.value_at(&[Segment::Key(Action::Quit.id())]),
                message: "`quit` needs a key of its own (Ctrl-c quits too, but a key shown in the help is what people look for); write one, like `quit: q`".to_owned(),
            });
        }
        if let Some((action, _)) = bindings
            .iter()
            .find(|(action, keys)| *action != Action::Quit && keys.contains(&INTERRUPT))
        {
            problems.push(KeyProblem {
                position: user_keys
                    .get(&INTERRUPT)
                    .copied()
                    .unwrap_or(Position::START),
                message: format!(
                    "Ctrl-c always quits, so it cannot be `{}`; give that action another key",
                    action.id()
                ),
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // Ctrl-c stays a quit key, listed in the help, even when `quit` names others.
        if let Some((_, keys)) = bindings
            .iter_mut()
            .find(|(action, _)| *action == Action::Quit)
            && !keys.contains(&INTERRUPT)
        {
            keys.push(INTERRUPT);
        }
        Keymap::from_bindings(bindings).map_err(|(key, first, second)| {
            let position = user_keys.get(&key).copied().unwrap_or(Position::START);
            vec![KeyProblem {
                position,
                message: format!(
                    "`{key}` is bound to both `{}` ({}) and `{}` ({}); give one of them another key",
                    first.id(),
                    first.description(),
                    second.id(),
                    second.description()
                ),
            }]
        })
    }

    /// The action a key asks for.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        self.by_key.get(&Key::from_event(key)).copied()
    }

    /// The keys of an action, as shown to the user: `J`, `a`, `Ctrl-r`.
    pub fn keys(&self, action: Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|(bound, _)| *bound == action)
            .map_or(&[], |(_, keys)| keys)
    }

    /// The first key of an action, for hints; `None` when the user unbound it.
    pub fn first_key(&self, action: Action) -> Option<Key> {
        self.keys(action).first().copied()
    }

    /// Every binding, in help order.
    pub fn bindings(&self) -> &[(Action, Vec<Key>)] {
        &self.bindings
    }
}

fn tree_is_sequence(tree: &Tree, id: &str) -> bool {
    // A one-item list and a plain string both give one key; only a list has an index.
    tree.value_at(&[Segment::Key(id), Segment::Index(0)]) != tree.value_at(&[Segment::Key(id)])
}

/// One key or a list of keys, as written in the config file.
struct Keys(Vec<String>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> serde::de::Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key like `a` or `ctrl-r`, or a list of keys")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Keys, E> {
                Ok(Keys(vec![value.to_owned()]))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Keys, E> {
                Ok(Keys(vec![value.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element::<String>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_any(KeysVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_defaults_follow_the_spec_table() {
        let keymap = Keymap::default();
        let expect = [
            (
                press(KeyCode::Char('?'), KeyModifiers::NONE),
                Action::ToggleHelp,
            ),
            (press(KeyCode::Char('q'), KeyModifiers::NONE), Action::Quit),
            (press(KeyCode::Tab, KeyModifiers::NONE), Action::NextPane),
            (
                press(KeyCode::BackTab, KeyModifiers::SHIFT),
                Action::PreviousPane,
            ),
            (
                press(KeyCode::Char('j'), KeyModifiers::NONE),
                Action::SelectNext,
            ),
            (
                press(KeyCode::Up, KeyModifiers::NONE),
                Action::SelectPrevious,
            ),
            (
                press(KeyCode::Char('/'), KeyModifiers::NONE),
                Action::Search,
            ),
            (
                press(KeyCode::Char('a'), KeyModifiers::NONE),
                Action::AddToPlan,
            ),
            (
                press(KeyCode::Char('d'), KeyModifiers::NONE),
                Action::RemoveStep,
            ),
            (
                press(KeyCode::Char('J'), KeyModifiers::SHIFT),
                Action::MoveStepDown,
            ),
            (
                press(KeyCode::Char('K'), KeyModifiers::NONE),
                Action::MoveStepUp,
            ),
            (
                press(KeyCode::Char('x'), KeyModifiers::NONE),
                Action::ToggleDone,
            ),
            (
                press(KeyCode::Char('r'), KeyModifiers::NONE),
                Action::ChooseRole,
            ),
            (
                press(KeyCode::Char('o'), KeyModifiers::NONE),
                Action::Recommend,
            ),
            (press(KeyCode::Char('u'), KeyModifiers::NONE), Action::Undo),
            (
                press(KeyCode::Char('r'), KeyModifiers::CONTROL),
                Action::Redo,
            ),
            (
                press(
                    KeyCode::Char('R'),
                    KeyModifiers::CONTROL | KeyModifiers::SHIFT,
                ),
                Action::Redo,
            ),
            (
                press(KeyCode::Char('c'), KeyModifiers::NONE),
                Action::Compare,
            ),
            (press(KeyCode::Char('s'), KeyModifiers::NONE), Action::Save),
            (press(KeyCode::Char('p'), KeyModifiers::NONE), Action::Plans),
        ];
        for (event, action) in expect {
            assert_eq!(keymap.action(event), Some(action), "{event:?}");
        }
    }

    #[test]
    fn keys_parse_and_print_back() {
        for (text, shown) in [
            ("a", "a"),
            ("J", "J"),
            ("ctrl-r", "Ctrl-r"),
            ("shift-tab", "Shift-Tab"),
            ("pagedown", "PgDn"),
            ("f5", "F5"),
            ("space", "Space"),
            ("?", "?"),
        ] {
            assert_eq!(
                Key::parse(text).map(|key| key.to_string()),
                Ok(shown.to_owned()),
                "{text}"
            );
        }
        assert_eq!(
            Key::parse("ctrl--").map(|key| key.to_string()),
            Ok("Ctrl--".to_owned())
        );
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-x").is_err());
        for (text, same) in [("ctrl-i", "Tab"), ("ctrl-M", "Enter"), ("ctrl-[", "Esc")] {
            let refused = Key::parse(text).expect_err("a key a terminal cannot send");
            assert!(
                refused.contains(&format!("reaches upskill as {same}")),
                "{refused}"
            );
        }
    }

    #[test]
    fn an_override_replaces_the_default_keys_of_its_action() {
        let keymap = Keymap::with_overrides("add: [A, insert]\n").expect("valid");
        assert_eq!(
            keymap.action(press(KeyCode::Char('A'), KeyModifiers::SHIFT)),
            Some(Action::AddToPlan)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Insert, KeyModifiers::NONE)),
            Some(Action::AddToPlan)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Char('a'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn a_conflicting_binding_names_both_actions() {
        let problems = Keymap::with_overrides("# mine\nremove: x\n").expect_err("conflict");
        assert_eq!(
            problems,
            [KeyProblem {
                position: Position { line: 2, column: 9 },
                message: "`x` is bound to both `remove` (Remove the selected step) and `done` (Mark the selected step done today, or not done); give one of them another key".to_owned(),
            }]
        );
    }

    #[test]
    fn a_config_that_leaves_no_quit_key_is_refused_at_its_line() {
        let problems = Keymap::with_overrides("add: a\nquit: []\n").expect_err("no quit key");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position, Position { line: 2, column: 7 });
        assert!(
            problems[0]
                .message
                .starts_with("`quit` needs a key of its own"),
            "{}",
            problems[0].message
        );
        let problems = Keymap::with_overrides("help: ctrl-c\n").expect_err("ctrl-c taken");
        assert_eq!(problems[0].position, Position { line: 1, column: 7 });
        assert_eq!(
            problems[0].message,
            "Ctrl-c always quits, so it cannot be `help`; give that action another key"
        );
    }

    #[test]
    fn ctrl_c_quits_whatever_quit_is_bound_to() {
        let keymap = Keymap::with_overrides("quit: x\ndone: X\n").expect("valid");
        assert_eq!(
            keymap.action(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(keymap.keys(Action::Quit), [Key::char('x'), INTERRUPT]);
    }

    #[test]
    fn an_unknown_action_or_key_is_located() {
        let problems =
            Keymap::with_overrides("ad: a\nremove: [d, hyper-d]\n").expect_err("invalid");
        assert_eq!(problems[0].position, Position { line: 1, column: 1 });
        assert!(
            problems[0]
                .message
                .starts_with("unknown action `ad`; did you mean `add`?"),
            "{}",
            problems[0].message
        );
        assert_eq!(
            problems[1].position,
            Position {
                line: 2,
                column: 13
            }
        );
    }
}
