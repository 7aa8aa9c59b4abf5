//! Every colour and emphasis the app uses. Colours are the terminal's own palette on its
//! own background, so they read on dark and light themes; with `NO_COLOR` only bold,
//! reverse, underline and dim remain.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub header: Style,
    pub dim: Style,
    pub good: Style,
    pub bad: Style,
    pub warn: Style,
    pub accent: Style,
    pub key: Style,
    pub retired: Style,
    pub today: Style,
    pub bar: Style,
    pub bar_done: Style,
    pub input: Style,
}

/// The colour theme.
pub const THEME: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
    header: Style::new().add_modifier(Modifier::BOLD),
    dim: Style::new().add_modifier(Modifier::DIM),
    good: Style::new().fg(Color::Green),
    bad: Style::new().fg(Color::Red),
    warn: Style::new().fg(Color::Yellow),
    accent: Style::new().fg(Color::Cyan),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    retired: Style::new()
        .add_modifier(Modifier::DIM)
        .add_modifier(Modifier::CROSSED_OUT),
    today: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
    bar: Style::new().fg(Color::Blue),
    bar_done: Style::new().fg(Color::Green),
    input: Style::new().add_modifier(Modifier::UNDERLINED),
};

/// The same emphasis without colour, for `NO_COLOR`.
pub const PLAIN: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    border: Style::new(),
    border_focused: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
    header: Style::new().add_modifier(Modifier::BOLD),
    dim: Style::new().add_modifier(Modifier::DIM),
    good: Style::new(),
    bad: Style::new().add_modifier(Modifier::BOLD),
    warn: Style::new().add_modifier(Modifier::BOLD),
    accent: Style::new(),
    key: Style::new().add_modifier(Modifier::BOLD),
    retired: Style::new()
        .add_modifier(Modifier::DIM)
        .add_modifier(Modifier::CROSSED_OUT),
    today: Style::new().add_modifier(Modifier::BOLD),
    bar: Style::new(),
    bar_done: Style::new().add_modifier(Modifier::DIM),
    input: Style::new().add_modifier(Modifier::UNDERLINED),
};

impl Theme {
    /// How the selected row looks: reversed in the pane with the keyboard, underlined in
    /// the others.
    pub fn highlight(&self, focused: bool) -> Style {
        if focused {
            self.selected
        } else {
            self.selected_unfocused
        }
    }

    /// [`THEME`], or [`PLAIN`] when `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => PLAIN,
            _ => THEME,
        }
    }
}
