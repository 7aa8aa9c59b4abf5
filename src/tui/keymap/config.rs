//! A user's key config, `<config dir>/keys.yaml`: each action id with the keys that replace
//! its defaults, checked so that no key is taken twice in one context, no text box loses a
//! character to a key, and Ctrl-c always quits.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::{INTERRUPT, Key, KeyProblem, Keymap, defaults};
use crate::tui::action::Action;
use crate::yaml::{self, Position, Segment, Tree};

impl Keymap {
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
        problems.extend(keyless(&spec, &tree));
        problems.extend(refused_keys(&bindings, &user_keys));
        // Ctrl-c stays a quit key, listed in the help, even when `quit` names others.
        if let Some((_, keys)) = bindings
            .iter_mut()
            .find(|(action, _)| *action == Action::Quit)
            && !keys.contains(&INTERRUPT)
        {
            keys.push(INTERRUPT);
        }
        // A key taken twice is said with the other problems, so one edit fixes them all.
        match Keymap::from_bindings(bindings) {
            Ok(keymap) if problems.is_empty() => Ok(keymap),
            Ok(_) => Err(problems),
            Err((key, first, second)) => {
                problems.push(KeyProblem {
                    position: user_keys.get(&key).copied().unwrap_or(Position::START),
                    message: format!(
                        "`{key}` is bound to both `{}` ({}) and `{}` ({}); give one of them another key",
                        first.id(),
                        first.description(),
                        second.id(),
                        second.description()
                    ),
                });
                problems.sort_by_key(|problem| problem.position);
                Err(problems)
            }
        }
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

/// Keys a config may not give: a typed character to an action of a text box (it would
/// stop that character being typed), Ctrl-c to anything but quitting.
fn refused_keys(
    bindings: &[(Action, Vec<Key>)],
    user_keys: &HashMap<Key, Position>,
) -> Vec<KeyProblem> {
    let mut found = Vec::new();
    for (action, keys) in bindings {
        if !action.context().takes_text() {
            continue;
        }
        if let Some(key) = keys.iter().find(|key| key.is_typed()) {
            found.push(KeyProblem {
                position: user_keys.get(key).copied().unwrap_or(Position::START),
                message: format!(
                    "`{}` works while text is typed, so `{key}` would stop you typing it; give it a key with ctrl- or alt-, or a named key like `f5`",
                    action.id()
                ),
            });
        }
    }
    if let Some((action, _)) = bindings
        .iter()
        .find(|(action, keys)| *action != Action::Quit && keys.contains(&INTERRUPT))
    {
        found.push(KeyProblem {
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
    found
}

/// Actions a config leaves without a key that must keep one: `quit`, and the ways out of
/// an overlay.
fn keyless(spec: &BTreeMap<String, Keys>, tree: &Tree) -> Vec<KeyProblem> {
    let mut found = Vec::new();
    if let Some(Keys(keys)) = spec.get(Action::Quit.id())
        && keys.is_empty()
    {
        found.push(KeyProblem {
            position: tree.value_at(&[Segment::Key(Action::Quit.id())]),
            message: "`quit` needs a key of its own (Ctrl-c quits too, but a key shown in the help is what people look for); write one, like `quit: q`".to_owned(),
        });
    }
    // Without these, an overlay could be left only by quitting.
    for (action, example) in [
        (Action::Close, "close: esc"),
        (Action::Cancel, "cancel: esc"),
        (Action::No, "no: n"),
        (Action::Accept, "accept: enter"),
        (Action::Yes, "yes: y"),
        (Action::KeepMine, "keep-mine: k"),
        (Action::NextField, "next-field: tab"),
    ] {
        if let Some(Keys(keys)) = spec.get(action.id())
            && keys.is_empty()
        {
            found.push(KeyProblem {
                position: tree.value_at(&[Segment::Key(action.id())]),
                message: format!(
                    "`{}` needs a key: without one, {}; write one, like `{example}`",
                    action.id(),
                    match action {
                        Action::Close => "the help or a notice could be left only by quitting",
                        Action::Cancel => "a picker or a form could be left only by quitting",
                        Action::No => "a question could be left only by quitting",
                        Action::Accept => "no picker could choose and no form could save",
                        Action::Yes => "no question could be answered yes",
                        Action::KeepMine =>
                            "a plan changed outside upskill could never be saved as you have it",
                        _ => "a form's fields after the first could not be reached",
                    }
                ),
            });
        }
    }
    found
}
