//! A question in a box, with the keys that answer it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::view::ask;
use super::Confirm;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::view::{Theme, fit};

pub(in crate::tui::overlay) fn question(
    app: &App,
    theme: &Theme,
    buf: &mut Buffer,
    screen: Rect,
    confirm: &Confirm,
) {
    let (recommendation, objective) = match confirm {
        Confirm::ReplaceSteps {
            recommendation,
            objective,
        } => (recommendation, objective),
        Confirm::ReplaceFile { path, .. } => return replace_file(app, theme, buf, screen, path),
        Confirm::RemoveUnavailable { index, file } => {
            return remove_unavailable(app, theme, buf, screen, *index, file);
        }
        Confirm::OutsideChange { disk } => return outside_change(app, theme, buf, screen, disk),
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
        buf,
        screen,
        66,
        " Recommend ",
        lines,
        &app.keymap
            .hints(&[(Action::Yes, "replace"), (Action::No, "keep the plan")]),
    );
}

fn replace_file(app: &App, theme: &Theme, buf: &mut Buffer, screen: Rect, path: &std::path::Path) {
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
        buf,
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
    buf: &mut Buffer,
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
        buf,
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
    buf: &mut Buffer,
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
        buf,
        screen,
        66,
        " Remove a step ",
        lines,
        &app.keymap
            .hints(&[(Action::Yes, "remove it"), (Action::No, "keep it")]),
    );
}
