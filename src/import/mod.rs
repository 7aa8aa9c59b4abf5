//! Importers of other standards' data: the Credential Registry's CTDL and ESCO's occupations
//! and skills into catalog files, and a learner's badge wallet (Open Badges, CLR) into what
//! they hold.

pub mod ctdl;
pub mod esco;
pub mod json;
pub mod wallet;

/// One input file: the name warnings give, and its text.
pub struct Input {
    pub name: String,
    pub text: String,
}

/// The longest text an importer writes, in characters (the catalog format allows 64 KiB).
const MAX_TEXT_CHARS: usize = 16_000;

/// A YAML double-quoted string holding `text`, made safe and bounded.
pub fn quoted(text: &str) -> String {
    let clean: String = crate::text::sanitize(text)
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .take(MAX_TEXT_CHARS)
        .collect();
    serde_json::to_string(&clean).unwrap_or_else(|_| "\"\"".to_owned())
}

/// Lowercase kebab-case of `text`, at most 48 characters; empty when it has no letter or digit.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}
