//! Keys are data: the default bindings, a user's overrides from `<config dir>/keys.yaml`,
//! and the one table that dispatches keys, lists them in the help and hints them in the
//! status bar, so the three can never disagree.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent};

use super::action::{Action, Context};
use crate::yaml::Position;

mod config;
mod defaults;
mod key;

use defaults::defaults;
pub use key::Key;

/// Ctrl-c: it quits whatever the key config says, from anywhere, so no binding can leave the
/// user without a way out.
pub const INTERRUPT: Key = Key::ctrl('c');

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Every action with its keys, in help order.
    bindings: Vec<(Action, Vec<Key>)>,
    by_key: HashMap<(Context, Key), Action>,
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
    /// The bindings, or the first key two actions of one context share.
    fn from_bindings(bindings: Vec<(Action, Vec<Key>)>) -> Result<Keymap, (Key, Action, Action)> {
        let mut by_key: HashMap<(Context, Key), Action> = HashMap::new();
        for (action, keys) in &bindings {
            for key in keys {
                let taken = Context::ALL.iter().find_map(|&context| {
                    let other = by_key.get(&(context, *key))?;
                    (context.overlaps(action.context()) && other != action).then_some(*other)
                });
                if let Some(other) = taken {
                    return Err((*key, other, *action));
                }
                by_key.insert((action.context(), *key), *action);
            }
        }
        Ok(Keymap { bindings, by_key })
    }

    /// The action a key asks for in the panes.
    pub fn action(&self, key: KeyEvent) -> Option<Action> {
        self.action_in(Context::Main, key)
    }

    /// The action a key asks for in `context`.
    pub fn action_in(&self, context: Context, key: KeyEvent) -> Option<Action> {
        self.by_key.get(&(context, Key::from_event(key))).copied()
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

    /// The key of `action` as a message names it: `o`, `Ctrl-r`; when the user left it
    /// without a key, its name in the key config, `(recommend)`.
    pub fn name(&self, action: Action) -> String {
        self.first_key(action)
            .map_or_else(|| format!("({})", action.id()), |key| key.to_string())
    }

    /// ` (t)`, after a phrase that says what the key does; nothing when it has no key.
    pub fn after(&self, action: Action) -> String {
        self.first_key(action)
            .map_or_else(String::new, |key| format!(" ({key})"))
    }

    /// Key hints for a footer: each action's first key with what it does there; an action
    /// left without a key is left out.
    pub fn hints<'a>(&self, pairs: &[(Action, &'a str)]) -> Vec<(String, &'a str)> {
        pairs
            .iter()
            .filter_map(|&(action, label)| Some((self.first_key(action)?.to_string(), label)))
            .collect()
    }

    /// The keys of a pair of moves as one hint: `↑↓` when both have arrow keys, else their
    /// first keys, `k/j`.
    pub fn arrows(&self, up: Action, down: Action) -> String {
        let arrow = |action: Action, code: KeyCode| self.keys(action).contains(&Key::plain(code));
        if arrow(up, KeyCode::Up) && arrow(down, KeyCode::Down) {
            return "↑↓".to_owned();
        }
        format!("{}/{}", self.name(up), self.name(down))
    }

    /// Every binding, in help order.
    pub fn bindings(&self) -> &[(Action, Vec<Key>)] {
        &self.bindings
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
