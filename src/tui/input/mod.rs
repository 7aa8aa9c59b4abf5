//! The one text input: the catalog search, every picker's filter, a plan's new name and
//! each field of a form. It keeps a cursor that moves by character and by word, takes
//! pastes, and holds at most its limit; the keys that edit it are the keymap's text actions.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::action::{Action, Context};
use super::keymap::Keymap;

/// The dialog keys of a text box above a list (the search, a picker's filter): accept,
/// cancel and move the choice; the others edit the text.
pub const LIST_KEYS: &[Action] = &[
    Action::Accept,
    Action::Cancel,
    Action::DialogUp,
    Action::DialogDown,
    Action::DialogPageUp,
    Action::DialogPageDown,
];

/// What a key did to a text input and the dialog around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// One of the dialog's own actions, for the dialog to carry out.
    Action(Action),
    /// The text or its cursor changed; `left_out` characters typed did not fit.
    Edited { left_out: usize },
    /// Nothing: the key means nothing here.
    Ignored,
}

/// A key in a text input: first the dialog's own actions (those in `takes`), then the
/// keymap's text actions, then a character typed.
pub fn type_key(keymap: &Keymap, input: &mut TextInput, key: KeyEvent, takes: &[Action]) -> Typed {
    if let Some(action) = keymap
        .action_in(Context::Dialog, key)
        .filter(|action| takes.contains(action))
    {
        return Typed::Action(action);
    }
    if let Some(action) = keymap.action_in(Context::Text, key) {
        input.edit(action);
        return Typed::Edited { left_out: 0 };
    }
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Typed::Edited {
                left_out: input.type_char(c),
            }
        }
        _ => Typed::Ignored,
    }
}

/// What a text input holds at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Chars(usize),
    /// For names that become file names, whose length the file system counts in bytes.
    Bytes(usize),
}

/// A line of text with a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// A byte offset at a character boundary.
    cursor: usize,
    limit: Limit,
}

/// The longest search or filter query kept; a huge paste is cut here.
pub const MAX_QUERY: usize = 200;

/// The cursor as drawn, a thin bar between characters.
pub const CURSOR: &str = "▏";

impl TextInput {
    pub fn new(limit: Limit) -> TextInput {
        TextInput {
            text: String::new(),
            cursor: 0,
            limit,
        }
    }

    /// An input holding `text` (cut to the limit), with the cursor at its end.
    pub fn with_text(text: &str, limit: Limit) -> TextInput {
        let mut input = TextInput::new(limit);
        input.insert(text);
        input
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's place, in characters from the start.
    /// The cursor's place, in characters as the reader sees them (grapheme clusters).
    pub fn cursor(&self) -> usize {
        self.text[..self.cursor].graphemes(true).count()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Replaces the text, with the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.clear();
        self.insert(text);
    }

    /// Inserts pasted text at the cursor, control and invisible characters left out (a
    /// paste of several lines joins them with spaces); returns how many characters did not
    /// fit.
    pub fn insert(&mut self, text: &str) -> usize {
        self.insert_raw(&crate::text::sanitize_line(text))
    }

    /// Inserts a character typed, as it is: what checks the text (a plan name) names an
    /// invisible one rather than have it vanish. Returns 1 when it does not fit.
    pub fn type_char(&mut self, c: char) -> usize {
        if c.is_control() {
            return 0;
        }
        self.insert_raw(c.encode_utf8(&mut [0; 4]))
    }

    fn insert_raw(&mut self, clean: &str) -> usize {
        let room = match self.limit {
            Limit::Chars(max) => max.saturating_sub(self.text.chars().count()),
            Limit::Bytes(max) => {
                let mut room = max.saturating_sub(self.text.len());
                clean
                    .chars()
                    .take_while(|c| {
                        let fits = c.len_utf8() <= room;
                        room = room.saturating_sub(c.len_utf8());
                        fits
                    })
                    .count()
            }
        };
        let added: String = clean.chars().take(room).collect();
        self.text.insert_str(self.cursor, &added);
        self.cursor += added.len();
        clean.chars().count().saturating_sub(room)
    }

    /// Carries out a text action; false for an action that is not one (it is the caller's).
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::CursorLeft => self.cursor = self.previous(self.cursor),
            Action::CursorRight => self.cursor = self.next(self.cursor),
            Action::WordLeft => self.cursor = self.word_start(),
            Action::WordRight => self.cursor = self.word_end(),
            Action::LineStart => self.cursor = 0,
            Action::LineEnd => self.cursor = self.text.len(),
            Action::DeleteBack => {
                let from = self.previous(self.cursor);
                self.text.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            Action::DeleteForward => {
                let to = self.next(self.cursor);
                self.text.replace_range(self.cursor..to, "");
            }
            Action::DeleteWord => {
                let from = self.word_start();
                self.text.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            Action::ClearText => self.clear(),
            _ => return false,
        }
        true
    }

    /// The start of the character before `at`: a flag, an accented letter or an emoji
    /// with its modifiers moves and goes as one.
    fn previous(&self, at: usize) -> usize {
        self.text[..at]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self, at: usize) -> usize {
        self.text[at..]
            .graphemes(true)
            .next()
            .map_or(at, |g| at + g.len())
    }

    /// The start of the word before the cursor (spaces before it skipped).
    fn word_start(&self) -> usize {
        let mut start = self.cursor;
        let mut in_word = false;
        for (i, g) in self.text[..self.cursor].grapheme_indices(true).rev() {
            match (is_word(g), in_word) {
                (true, _) => {
                    in_word = true;
                    start = i;
                }
                (false, true) => break,
                (false, false) => start = i,
            }
        }
        if in_word { start } else { 0 }
    }

    /// The end of the word after the cursor (spaces before it skipped).
    fn word_end(&self) -> usize {
        let mut end = self.cursor;
        let mut in_word = false;
        for (i, g) in self.text[self.cursor..].grapheme_indices(true) {
            match (is_word(g), in_word) {
                (true, _) => {
                    in_word = true;
                    end = self.cursor + i + g.len();
                }
                (false, true) => break,
                (false, false) => end = self.cursor + i + g.len(),
            }
        }
        end
    }

    /// The whole text with the cursor bar in its place, for a text shown wrapped.
    pub fn with_cursor(&self) -> String {
        let (before, after) = self.text.split_at(self.cursor);
        format!("{before}{CURSOR}{after}")
    }

    /// The text as drawn in `width` columns: with the cursor bar where it is when `focused`,
    /// scrolled so that the cursor is in sight.
    pub fn spans(&self, style: Style, focused: bool, width: usize) -> Vec<Span<'static>> {
        let (before, after) = self.text.split_at(self.cursor);
        if !focused {
            return vec![Span::styled(
                crate::text::truncate(&self.text, width).into_owned(),
                style,
            )];
        }
        // Keep the end of the text before the cursor that fits with the bar, then as much
        // of the rest as fits.
        let room = width.saturating_sub(1);
        let mut used = 0;
        let shown_before: String = {
            let mut kept: Vec<&str> = Vec::new();
            for g in before.graphemes(true).rev() {
                let w = g.width();
                if used + w > room {
                    break;
                }
                used += w;
                kept.push(g);
            }
            kept.into_iter().rev().collect()
        };
        let mut shown_after = String::new();
        for g in after.graphemes(true) {
            let w = g.width();
            if used + w > room {
                break;
            }
            used += w;
            shown_after.push_str(g);
        }
        let mut spans = vec![Span::styled(shown_before, style)];
        if width > 0 {
            spans.push(Span::styled(CURSOR, style));
        }
        spans.push(Span::styled(shown_after, style));
        spans
    }
}

/// An empty query: a search or a picker's filter.
impl Default for TextInput {
    fn default() -> TextInput {
        TextInput::new(Limit::Chars(MAX_QUERY))
    }
}

/// A query holding `text`.
impl From<&str> for TextInput {
    fn from(text: &str) -> TextInput {
        TextInput::with_text(text, Limit::Chars(MAX_QUERY))
    }
}

impl std::ops::Deref for TextInput {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests;

/// A character of a word: a letter or a digit, with whatever marks it carries.
fn is_word(grapheme: &str) -> bool {
    grapheme.chars().next().is_some_and(char::is_alphanumeric)
}
