//! Editing what is not a step: the plan's hours per week, start date, budget, value of an
//! hour of study, the learner's work experience and notes (`E`), and a step's note and completion date (`n`). A form holds text until `Enter`;
//! then every field is checked, and a bad one is named with how to write it.

mod fields;
pub(super) mod view;

use fields::{plan_from, step_from};

use crossterm::event::KeyEvent;

use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, StatusKind};
use crate::tui::input::{Limit, TextInput};
use crate::tui::input::{Typed, type_key};
use crate::tui::update::Effect;
use crate::tui::update::edits::{self, commit};

/// A few labelled text fields, one with the keyboard.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub target: FormTarget,
    pub fields: Vec<FormField>,
    pub focused: usize,
    /// Why the last Enter was refused, or what the last paste or key could not fit, shown
    /// under the field at fault until the next key.
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FormField {
    pub label: &'static str,
    pub value: TextInput,
    /// How to fill it in, shown under it when it has the keyboard.
    pub hint: &'static str,
    /// Characters typed or pasted that did not fit since the form opened, told again on
    /// `Enter` so that a cut text is not saved in silence.
    pub left_out: usize,
    /// The user changed its text: an untouched field keeps the plan's value exactly as it
    /// was (a note with line breaks, or longer than a field holds, is shown on one line and
    /// cut, but never saved so).
    pub edited: bool,
}

/// What a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormTarget {
    Plan,
    Step(usize),
    /// A held credential, by its place in the plan's `have`: the dates it was earned and
    /// expires.
    Held(usize),
}
/// The longest text a field takes (a note can be a paragraph).
const MAX_FIELD: usize = 2000;

pub(crate) fn open_plan_form(app: &mut App) {
    let plan = &app.plan;
    app.overlay = Some(Overlay::Form(Form {
        error: None,
        title: format!(" Plan `{}` ", plan.name),
        target: FormTarget::Plan,
        focused: 0,
        fields: vec![
            FormField {
                label: "Hours per week",
                value: field(&plan.hours_per_week.to_string()),
                hint: "learning hours a week, more than 0, like 8",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Start date",
                value: field(&plan.start.to_string()),
                hint: "when the first step starts: YYYY-MM-DD",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Budget",
                value: field(
                    &plan
                        .budget
                        .map(|budget| budget.to_string())
                        .unwrap_or_default(),
                ),
                hint: "the most the plan may cost; empty for none",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Time value",
                value: field(
                    &plan
                        .time_value
                        .map(|value| value.to_string())
                        .unwrap_or_default(),
                ),
                hint: "what an hour of study is worth, counted in the cheapest plan; empty for none",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Experience",
                value: field(
                    &plan
                        .have
                        .experience
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                hint: "work experience: security=24 (months), networking:since=2021-06-01 (still going on)",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Notes",
                value: field(plan.notes.as_deref().unwrap_or_default()),
                hint: "anything worth remembering about the learner",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Finish by",
                value: field(
                    &plan
                        .finish_by
                        .map(|date| date.to_string())
                        .unwrap_or_default(),
                ),
                hint: "the date to finish by: recommendations fit the hours a week until then; YYYY-MM-DD, empty for none",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Max hours",
                value: field(
                    &plan
                        .max_hours
                        .map(|hours| hours.to_string())
                        .unwrap_or_default(),
                ),
                hint: "the most hours the steps left may take, like 200; empty for no limit",
                left_out: 0,
                edited: false,
            },
        ],
    }));
}

pub(crate) fn open_step_form(app: &mut App, index: usize) {
    let step = &app.plan.steps[index];
    app.overlay = Some(Overlay::Form(Form {
        error: None,
        title: format!(" Step {} `{}` ", index + 1, step.id),
        target: FormTarget::Step(index),
        focused: 0,
        fields: vec![
            FormField {
                label: "Note",
                value: field(step.note.as_deref().unwrap_or_default()),
                hint: "e.g. employer pays; booked for March",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Completed on",
                value: field(
                    &step
                        .completed
                        .map(|date| date.to_string())
                        .unwrap_or_default(),
                ),
                hint: "YYYY-MM-DD marks it done on that day; empty means not done",
                left_out: 0,
                edited: false,
            },
        ],
    }));
}

/// The dates of held credential `index` of the plan's `have`: when it was earned (its
/// validity runs from then, and renewals count from it) and, when its issuer says, when it
/// expires.
pub(crate) fn open_held_form(app: &mut App, index: usize) {
    let have = &app.plan.have;
    let id = &have.credentials[index];
    let date = |dates: &std::collections::BTreeMap<String, jiff::civil::Date>| {
        dates.get(id).map(ToString::to_string).unwrap_or_default()
    };
    app.overlay = Some(Overlay::Form(Form {
        error: None,
        title: format!(" Held `{id}` "),
        target: FormTarget::Held(index),
        focused: 0,
        fields: vec![
            FormField {
                label: "Earned on",
                value: field(&date(&have.earned)),
                hint: "YYYY-MM-DD: its validity and renewal count from then; empty if not known",
                left_out: 0,
                edited: false,
            },
            FormField {
                label: "Expires on",
                value: field(&date(&have.expires)),
                hint: "YYYY-MM-DD, when the issuer gives a date; empty to count from when it was earned",
                left_out: 0,
                edited: false,
            },
        ],
    }));
}

/// A field's input, holding `text`.
fn field(text: &str) -> TextInput {
    TextInput::with_text(text, Limit::Chars(MAX_FIELD))
}

/// The dialog keys a form takes; the others edit the focused field.
const FORM_KEYS: &[Action] = &[
    Action::Accept,
    Action::Cancel,
    Action::DialogUp,
    Action::DialogDown,
    Action::NextField,
    Action::PreviousField,
];

/// Keys while a form is open.
pub(crate) fn key(app: &mut App, mut form: Form, key: KeyEvent) -> Vec<Effect> {
    let last = form.fields.len().saturating_sub(1);
    form.error = None;
    let field = &mut form.fields[form.focused];
    let before = field.value.text().to_owned();
    let typed = type_key(&app.keymap, &mut field.value, key, FORM_KEYS);
    field.edited |= field.value.text() != before;
    match typed {
        Typed::Action(Action::Cancel) => {
            app.info("Nothing changed");
            return Vec::new();
        }
        Typed::Action(Action::Accept) => return save(app, form),
        Typed::Action(Action::NextField | Action::DialogDown) => {
            form.focused = (form.focused + 1).min(last);
        }
        Typed::Action(_) => form.focused = form.focused.saturating_sub(1),
        Typed::Edited { left_out } => {
            // What was cut from a text the user has now thrown away no longer matters.
            if field.value.is_empty() {
                field.left_out = 0;
            }
            tell_left_out(&mut form, left_out, "typed");
        }
        Typed::Ignored => {}
    }
    app.overlay = Some(Overlay::Form(form));
    Vec::new()
}

/// Adds pasted text to the focused field, within its limit.
pub(crate) fn type_into(form: &mut Form, text: &str) {
    let field = &mut form.fields[form.focused];
    field.edited = true;
    let left_out = field.value.insert(text);
    tell_left_out(form, left_out, "pasted");
}

/// Counts what did not fit in the focused field and says so under it (`how` says where it
/// came from: "typed", "pasted").
fn tell_left_out(form: &mut Form, left_out: usize, how: &str) {
    if left_out > 0 {
        form.fields[form.focused].left_out += left_out;
        let what = if left_out == 1 {
            "character was"
        } else {
            "characters were"
        };
        form.error = Some(format!(
            "{} {how} {what} left out ({})",
            crate::text::thousands(left_out),
            limit()
        ));
    }
}

/// What the fields lost to their limit, for the message on `Enter`: the end of a long text
/// is out of sight, so "Saved" alone would hide the cut.
fn lost(form: &Form) -> Option<String> {
    let cut: Vec<&FormField> = form
        .fields
        .iter()
        .filter(|field| field.left_out > 0)
        .collect();
    if cut.is_empty() {
        return None;
    }
    let labels: Vec<&str> = cut.iter().map(|field| field.label).collect();
    let total = cut.iter().map(|field| field.left_out).sum();
    Some(format!(
        "{} did not fit in {} and {} left out ({})",
        characters(total),
        labels.join(" and "),
        if total == 1 { "was" } else { "were" },
        limit()
    ))
}

fn limit() -> String {
    format!("a field holds at most {}", characters(MAX_FIELD))
}

/// `1 character`, `98,000 characters`.
fn characters(count: usize) -> String {
    let noun = if count == 1 {
        "character"
    } else {
        "characters"
    };
    format!("{} {noun}", crate::text::thousands(count))
}

/// Checks the fields and applies them; a bad field keeps the form open and says why.
fn save(app: &mut App, form: Form) -> Vec<Effect> {
    // The plan may have become read-only while the form was open: what was typed stays.
    if edits::read_only(app) {
        app.overlay = Some(Overlay::Form(form));
        return Vec::new();
    }
    let result = match form.target {
        FormTarget::Plan => plan_from(&app.catalog, &app.plan, &form),
        FormTarget::Step(index) => step_from(&app.plan, index, &form, app.today),
        FormTarget::Held(index) => fields::held_from(&app.plan, index, &form, app.today),
    };
    match result {
        Ok(plan) => {
            let (effects, done, but) = if plan == app.plan {
                (Vec::new(), "Nothing changed".to_owned(), ":")
            } else {
                let undo = app.keymap.name(Action::Undo);
                (
                    commit(app, plan),
                    format!("Saved the changes ({undo} undoes)"),
                    ", but",
                )
            };
            match lost(&form) {
                Some(lost) => app.set_status(StatusKind::Warning, format!("{done}{but} {lost}")),
                None => app.info(done),
            }
            effects
        }
        Err((field, why)) => {
            app.refuse(format!("{}: {why}", form.fields[field].label));
            let mut form = form;
            form.focused = field;
            form.error = Some(why);
            app.overlay = Some(Overlay::Form(form));
            Vec::new()
        }
    }
}
