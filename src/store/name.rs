//! A plan name is a file name in the plans folder: one value type that can only hold a name
//! that is safe there, normalised so that two names that look the same are the same.

use std::fmt;

use unicode_normalization::UnicodeNormalization as _;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory as _};

/// A valid plan name, in Unicode NFC.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanName(String);

/// Why some text is not a plan name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{shown}` is not a plan name: {why}")]
pub struct NameError {
    /// The text as typed, with invisible characters written as `\u{...}` escapes.
    pub shown: String,
    pub why: String,
}

impl PlanName {
    /// The longest name in bytes of UTF-8. A file name holds 255 bytes; upskill adds
    /// `.yaml` to a plan's file and keeps a hidden `.NAME.lock` beside it, and leaves room
    /// for a backup's suffix.
    pub const MAX_BYTES: usize = 240;

    /// Checks and normalises a name: NFC, so `zoë` typed with a combining accent is the
    /// same plan as `zoë` typed with one character.
    pub fn parse(text: &str) -> Result<PlanName, NameError> {
        let name: String = text.nfc().collect();
        match problem(&name) {
            None => Ok(PlanName(name)),
            Some(why) => Err(NameError {
                shown: visible(text),
                why,
            }),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The plan's file name: `NAME.yaml`.
    pub fn file_name(&self) -> String {
        format!("{}.yaml", self.0)
    }
}

impl fmt::Display for PlanName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for PlanName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

fn problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("it is empty".to_owned());
    }
    if name.len() > PlanName::MAX_BYTES {
        return Some(format!(
            "it is {} bytes long; a plan name is a file name, and can be at most {} bytes (a letter like é takes 2, an emoji 4)",
            name.len(),
            PlanName::MAX_BYTES
        ));
    }
    if name.contains(['/', '\\']) {
        return Some("it contains a path separator".to_owned());
    }
    if name.contains("..") {
        return Some("it contains `..`".to_owned());
    }
    if name.starts_with('.') {
        return Some("it starts with a dot".to_owned());
    }
    if name.contains(':') {
        return Some("it contains `:`".to_owned());
    }
    if name.starts_with(char::is_whitespace) || name.ends_with(char::is_whitespace) {
        return Some("it starts or ends with a space".to_owned());
    }
    let chars: Vec<char> = name.chars().collect();
    let emoji_joiner = |i: usize| {
        // A zero-width joiner inside an emoji sequence (👩‍💻) is part of what is seen.
        chars[i] == '\u{200d}'
            && i > 0
            && (matches!(
                chars[i - 1].general_category(),
                GeneralCategory::OtherSymbol | GeneralCategory::ModifierSymbol
            ) || chars[i - 1] == '\u{fe0f}')
            && chars
                .get(i + 1)
                .is_some_and(|&next| next.general_category() == GeneralCategory::OtherSymbol)
    };
    if let Some(c) = (0..chars.len())
        .find(|&i| invisible(chars[i]) && !emoji_joiner(i))
        .map(|i| chars[i])
    {
        let what = if c.is_control() {
            "a control character"
        } else if c.is_whitespace() {
            "a space other than the plain space, which would make two different names look the same"
        } else {
            "an invisible formatting character, which would make two different names look the same"
        };
        return Some(format!("it contains U+{:04X}, {what}", u32::from(c)));
    }
    None
}

/// Spaces other than U+0020, controls, format characters (direction overrides, zero-width spaces and joiners, the
/// soft hyphen...), line and paragraph separators, private-use and unassigned code points.
fn invisible(c: char) -> bool {
    c != ' '
        && (c.is_whitespace()
            || matches!(
                c.general_category(),
                GeneralCategory::Control
                    | GeneralCategory::Format
                    | GeneralCategory::LineSeparator
                    | GeneralCategory::ParagraphSeparator
                    | GeneralCategory::PrivateUse
                    | GeneralCategory::Unassigned
                    | GeneralCategory::Surrogate
            ))
}

/// The text with every invisible character written as an escape, so a message shows what
/// was really typed.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if invisible(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(text: &str) -> String {
        PlanName::parse(text).expect_err("refused").why
    }

    #[test]
    fn plan_names_that_could_escape_the_plans_folder_are_refused() {
        for name in [
            "",
            " ",
            "../x",
            "a/b",
            "a\\b",
            "..",
            ".hidden",
            "tab\there",
            "c:",
        ] {
            assert!(PlanName::parse(name).is_err(), "{name:?}");
        }
        for name in [
            "alex",
            "Alex Smith 2027",
            "client-42_b",
            "zoë",
            "李雷",
            "café ☕",
        ] {
            assert_eq!(PlanName::parse(name).expect("valid").as_str(), name);
        }
    }

    #[test]
    fn names_are_normalised_to_nfc() {
        let decomposed = PlanName::parse("zoe\u{308}").expect("valid");
        assert_eq!(decomposed, PlanName::parse("zo\u{eb}").expect("valid"));
        assert_eq!(decomposed.as_str(), "zo\u{eb}");
    }

    #[test]
    fn invisible_characters_are_refused_and_shown() {
        let refused = PlanName::parse("a\u{202e}b").expect_err("an override");
        assert_eq!(refused.shown, "a\\u{202e}b");
        assert!(refused.why.starts_with("it contains U+202E, an invisible"));
        for c in [
            '\u{200b}', '\u{200d}', '\u{2066}', '\u{feff}', '\u{ad}', '\u{2028}', '\u{85}',
            '\u{e000}',
        ] {
            assert!(
                PlanName::parse(&format!("a{c}b")).is_err(),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn an_emoji_sequence_keeps_its_joiner() {
        for name in [
            "team 👨\u{200d}👩\u{200d}👧",
            "dev 👩\u{200d}💻",
            "🏳\u{fe0f}\u{200d}🌈",
        ] {
            assert!(PlanName::parse(name).is_ok(), "{name:?}");
        }
        assert!(
            PlanName::parse("a\u{200d}b").is_err(),
            "between letters it hides"
        );
    }

    #[test]
    fn the_limit_is_bytes_not_characters() {
        let emoji = "😀".repeat(60);
        assert_eq!(emoji.len(), 240);
        assert!(PlanName::parse(&emoji).is_ok());
        let too_long = "😀".repeat(64);
        assert!(
            why(&too_long).starts_with("it is 256 bytes long"),
            "{}",
            why(&too_long)
        );
        assert!(PlanName::parse(&"x".repeat(240)).is_ok());
        assert!(PlanName::parse(&"x".repeat(241)).is_err());
    }

    #[test]
    fn leading_or_trailing_spaces_are_refused() {
        assert_eq!(why(" alex"), "it starts or ends with a space");
        assert_eq!(why("alex "), "it starts or ends with a space");
    }
}
