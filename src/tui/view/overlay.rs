//! Whatever covers the panes: help, pickers, the comparison, a question, the catalog's
//! problems, a notice.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap,
};

use super::{Theme, centered, fit, hint_spans};
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Overlay, Picker};

mod compare;
mod help;
mod plans;
pub mod problems;

/// Draws the overlay, if any, and returns how far it can scroll (the help).
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, screen: Rect) -> u16 {
    let Some(overlay) = &app.overlay else {
        return 0;
    };
    match overlay {
        Overlay::Help { scroll } => return help::help(app, theme, frame, screen, *scroll),
        Overlay::Problems { selected } => problems::render(app, theme, frame, screen, *selected),
        Overlay::Roles(picker) => picker_box(
            theme,
            frame,
            screen,
            " Target role ",
            picker,
            &app.keymap
                .hints(&[(Action::Accept, "choose"), (Action::Cancel, "cancel")]),
            "Nothing matches",
        ),
        Overlay::Filters(picker) => picker_box(
            theme,
            frame,
            screen,
            " Filter the catalog ",
            picker,
            &app.keymap
                .hints(&[(Action::Accept, "apply"), (Action::Cancel, "cancel")]),
            "Nothing matches",
        ),
        Overlay::Export(picker) => picker_box(
            theme,
            frame,
            screen,
            " Export the plan to the current folder ",
            picker,
            &app.keymap
                .hints(&[(Action::Accept, "export"), (Action::Cancel, "cancel")]),
            "Nothing matches",
        ),
        Overlay::Form(form) => plans::form_box(&app.keymap, theme, frame, screen, form),
        Overlay::Plans { picker, mode } => {
            plans::plans(&app.keymap, theme, frame, screen, picker, mode);
        }
        Overlay::Compare(comparison) => compare::render(app, theme, frame, screen, comparison),
        Overlay::Confirm(confirm) => question(app, theme, frame, screen, confirm),
        Overlay::Notice { title, lines } => {
            let text = lines.iter().map(|line| Line::raw(line.clone())).collect();
            let title = format!(" {title} ");
            ask(
                theme,
                frame,
                screen,
                70,
                &title,
                text,
                &app.keymap.hints(&[(Action::Close, "close")]),
            );
        }
    }
    0
}

fn block(theme: &Theme, title: &str) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Span::styled(title.to_owned(), theme.title))
}

fn boxed(theme: &Theme, frame: &mut Frame, area: Rect, title: &str, body: Paragraph<'static>) {
    frame.render_widget(Clear, area);
    frame.render_widget(body.block(block(theme, title)), area);
}

/// A box that asks something: the body wraps in the rows above, and the keys that answer stay
/// pinned to the last row, so even a tiny terminal shows how to answer.
fn ask(
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    width: u16,
    title: &str,
    body: Vec<Line<'static>>,
    hints: &[(String, &str)],
) {
    let inner_width = usize::from(width.min(screen.width).saturating_sub(2)).max(1);
    let rows: usize = body
        .iter()
        .map(|line| line.width().div_ceil(inner_width).max(1))
        .sum();
    // Borders, the body, a blank row, the keys.
    let height = u16::try_from(rows)
        .unwrap_or(u16::MAX / 2)
        .saturating_add(4);
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let outer = block(theme, title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [text, keys] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    frame.render_widget(Paragraph::new(body).wrap(Wrap { trim: true }), text);
    frame.render_widget(Paragraph::new(footer(theme, hints)), keys);
}

fn footer(theme: &Theme, hints: &[(String, &str)]) -> Line<'static> {
    Line::from(hint_spans(theme, hints))
}

fn picker_box<T: Clone>(
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    title: &str,
    picker: &Picker<T>,
    hints: &[(String, &str)],
    empty: &str,
) {
    let area = centered(screen, 72, 22);
    frame.render_widget(Clear, area);
    let outer = block(theme, title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [input, list, keys] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let mut spans = vec![Span::styled("> ", theme.key)];
    spans.extend(picker.query.spans(
        theme.input,
        true,
        usize::from(input.width.saturating_sub(2)),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), input);
    picker_list(theme, frame, list, picker, empty);
    frame.render_widget(Paragraph::new(footer(theme, hints)), keys);
}

fn picker_list<T: Clone>(
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    picker: &Picker<T>,
    empty: &str,
) {
    if picker.shown.is_empty() {
        frame.render_widget(Paragraph::new(empty.to_owned()).style(theme.dim), area);
        return;
    }
    let width = usize::from(area.width);
    let items: Vec<ListItem<'static>> = picker
        .shown
        .iter()
        .map(|&i| {
            let item = &picker.items[i];
            let label = fit(&item.label, width.saturating_sub(2));
            let room =
                width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()) + 4);
            let detail = fit(&item.detail, room);
            ListItem::new(Line::from(vec![
                Span::raw(label),
                Span::raw("  "),
                Span::styled(detail, theme.dim),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(picker.selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected),
        area,
        &mut state,
    );
}

fn question(app: &App, theme: &Theme, frame: &mut Frame, screen: Rect, confirm: &Confirm) {
    let (recommendation, objective) = match confirm {
        Confirm::ReplaceSteps {
            recommendation,
            objective,
        } => (recommendation, objective),
        Confirm::ReplaceFile { path, .. } => return replace_file(app, theme, frame, screen, path),
        Confirm::RemoveUnavailable { index, file } => {
            return remove_unavailable(app, theme, frame, screen, *index, file);
        }
        Confirm::OutsideChange { disk } => return outside_change(app, theme, frame, screen, disk),
    };
    let planned = app
        .plan
        .steps
        .iter()
        .filter(|step| step.status == crate::plan::Status::Planned)
        .count();
    let mut lines = vec![
        Line::raw(format!(
            "Replace the {} with the {}: {}, {} {}, {} h?",
            crate::text::plural(planned, "planned step"),
            crate::tui::update::path_name(*objective),
            crate::text::plural(recommendation.steps.len(), "step"),
            recommendation.total_cost.money(),
            app.catalog.currency,
            recommendation.total_hours
        )),
        Line::styled(
            match app.keymap.first_key(crate::tui::action::Action::Undo) {
                Some(undo) => format!("Steps done or in progress stay. {undo} undoes the change."),
                None => "Steps done or in progress stay.".to_owned(),
            },
            theme.dim,
        ),
    ];
    if let Some(shortfall) = crate::tui::update::shortfall(app, recommendation) {
        lines.insert(
            1,
            Line::styled(format!("It leaves {shortfall}."), theme.warn),
        );
    }
    ask(
        theme,
        frame,
        screen,
        66,
        " Recommend ",
        lines,
        &app.keymap
            .hints(&[(Action::Yes, "replace"), (Action::No, "keep the plan")]),
    );
}

fn replace_file(app: &App, theme: &Theme, frame: &mut Frame, screen: Rect, path: &std::path::Path) {
    let clean = |text: &str| crate::text::sanitize_line(text).into_owned();
    let name = path
        .file_name()
        .map_or_else(String::new, |name| clean(&name.to_string_lossy()));
    let folder = path
        .parent()
        .map_or_else(String::new, |dir| clean(&dir.display().to_string()));
    let lines = vec![
        Line::raw(format!(
            "{} is already in {folder}. Replace it?",
            fit(&name, 40)
        )),
        Line::styled("The file there now would be lost.", theme.dim),
    ];
    ask(
        theme,
        frame,
        screen,
        66,
        " Export ",
        lines,
        &app.keymap
            .hints(&[(Action::Yes, "replace it"), (Action::No, "leave it")]),
    );
}

fn outside_change(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    disk: &Result<Box<crate::plan::Plan>, String>,
) {
    let name = crate::text::sanitize_line(&app.plan.name).into_owned();
    let mut lines = vec![Line::raw(format!(
        "The file of plan `{name}` was changed outside upskill (an editor, a sync) since upskill last read or wrote it."
    ))];
    let answers: &[(Action, &str)] = match disk {
        Ok(_) => {
            lines.push(Line::styled(
                "Load the file's version (your last changes stay in undo), or keep yours and write it over the file.",
                theme.dim,
            ));
            &[
                (Action::LoadTheirs, "load the file's"),
                (Action::KeepMine, "keep mine"),
                (Action::No, "decide later"),
            ]
        }
        Err(why) => {
            lines.push(Line::styled(
                format!(
                    "It cannot be read as it is now: {}",
                    crate::text::sanitize_line(why)
                ),
                theme.warn,
            ));
            &[
                (Action::KeepMine, "keep mine"),
                (Action::No, "decide later"),
            ]
        }
    };
    ask(
        theme,
        frame,
        screen,
        76,
        " Changed outside upskill ",
        lines,
        &app.keymap.hints(answers),
    );
}

fn remove_unavailable(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
    index: usize,
    file: &str,
) {
    let id = app
        .plan
        .steps
        .get(index)
        .map_or("", |step| step.id.as_str());
    let lines = vec![
        Line::raw(format!(
            "Remove step {} `{}`?",
            index + 1,
            crate::text::sanitize_line(id)
        )),
        Line::styled(
            format!(
                "Its credential is in {}, which has errors and was left out. Fixed, the file brings the step back as it was.",
                crate::text::sanitize_line(file)
            ),
            theme.dim,
        ),
    ];
    ask(
        theme,
        frame,
        screen,
        66,
        " Remove a step ",
        lines,
        &app.keymap
            .hints(&[(Action::Yes, "remove it"), (Action::No, "keep it")]),
    );
}
