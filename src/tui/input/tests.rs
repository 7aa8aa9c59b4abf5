use super::*;

fn input(text: &str) -> TextInput {
    TextInput::with_text(text, Limit::Chars(100))
}

fn shown(input: &TextInput, width: usize) -> String {
    input
        .spans(Style::default(), true, width)
        .iter()
        .map(|span| span.content.as_ref())
        .collect()
}

#[test]
fn typing_goes_in_at_the_cursor() {
    let mut field = input("clod");
    field.edit(Action::CursorLeft);
    field.insert("u");
    assert_eq!(field.text(), "cloud");
    assert_eq!(field.cursor(), 4);
    field.edit(Action::LineStart);
    field.insert("my ");
    assert_eq!(field.text(), "my cloud");
    field.edit(Action::LineEnd);
    field.insert("!");
    assert_eq!(field.text(), "my cloud!");
}

#[test]
fn deletes_go_back_forward_and_by_word() {
    let mut field = input("aws cloud practitioner");
    field.edit(Action::DeleteWord);
    assert_eq!(field.text(), "aws cloud ");
    field.edit(Action::DeleteWord);
    assert_eq!(field.text(), "aws ");
    field.edit(Action::DeleteBack);
    assert_eq!(field.text(), "aws");
    field.edit(Action::LineStart);
    field.edit(Action::DeleteForward);
    assert_eq!(field.text(), "ws");
    assert_eq!(field.cursor(), 0);
    field.edit(Action::DeleteBack);
    assert_eq!(field.text(), "ws", "nothing before the cursor");
    field.edit(Action::ClearText);
    assert!(field.is_empty());
    assert_eq!(field.cursor(), 0);
}

#[test]
fn word_moves_skip_spaces_and_punctuation() {
    let mut field = input("az-104, az-305  sc-900");
    field.edit(Action::WordLeft);
    assert_eq!(field.cursor(), 19, "before 900");
    field.edit(Action::WordLeft);
    assert_eq!(field.cursor(), 16, "before sc");
    field.edit(Action::LineStart);
    field.edit(Action::WordRight);
    assert_eq!(field.cursor(), 2, "after az");
    field.edit(Action::WordRight);
    assert_eq!(field.cursor(), 6, "after 104");
    field.edit(Action::LineEnd);
    field.edit(Action::WordRight);
    assert_eq!(field.cursor(), 22, "stays at the end");
}

#[test]
fn the_cursor_never_splits_a_character() {
    let mut field = input("zoë 日本");
    field.edit(Action::CursorLeft);
    field.edit(Action::DeleteBack);
    assert_eq!(field.text(), "zoë 本");
    field.edit(Action::WordLeft);
    field.edit(Action::CursorRight);
    field.edit(Action::CursorRight);
    field.edit(Action::DeleteForward);
    assert_eq!(field.text(), "zo 本");
}

#[test]
fn the_limit_is_kept_and_what_did_not_fit_is_counted() {
    let mut field = TextInput::new(Limit::Chars(5));
    assert_eq!(field.insert("abcdefg"), 2);
    assert_eq!(field.text(), "abcde");
    let mut name = TextInput::new(Limit::Bytes(4));
    assert_eq!(name.insert("zoëx"), 1, "ë is two bytes");
    assert_eq!(name.text(), "zoë");
    let mut pasted = input("");
    pasted.insert("two\nlines\u{1b}[31m");
    assert!(!pasted.text().contains(['\n', '\u{1b}']), "{pasted:?}");
}

#[test]
fn a_long_text_scrolls_to_keep_the_cursor_in_sight() {
    let mut field = input("the quick brown fox");
    assert_eq!(shown(&field, 10), "brown fox▏");
    field.edit(Action::LineStart);
    assert_eq!(shown(&field, 10), "▏the quick");
    assert_eq!(shown(&field, 0), "");
    let wide = input("日本語テキスト");
    assert_eq!(
        shown(&wide, 6),
        "スト▏",
        "a wide character is not cut in half"
    );
}

#[test]
fn a_flag_an_accent_or_an_emoji_moves_and_goes_as_one() {
    let mut field = input("cafe\u{301} 🇫🇷");
    field.edit(Action::DeleteBack);
    assert_eq!(field.text(), "cafe\u{301} ", "the whole flag");
    field.edit(Action::CursorLeft);
    field.edit(Action::DeleteBack);
    assert_eq!(field.text(), "caf ", "e with its accent");
    field.edit(Action::LineStart);
    field.edit(Action::WordRight);
    assert_eq!(field.cursor(), 3);
    let heart = input("ab❤\u{fe0f}");
    // The heart with its variation selector takes two columns, the bar one.
    assert_eq!(shown(&heart, 5), "ab❤\u{fe0f}▏");
    assert_eq!(shown(&heart, 4), "b❤\u{fe0f}▏");
}
