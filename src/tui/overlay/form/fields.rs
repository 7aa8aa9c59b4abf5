//! A form's fields read back into the plan: every field checked, a bad one named with how
//! to write it.

use jiff::civil::Date;

use super::Form;
use crate::catalog::{Amount, Catalog};
use crate::plan::{Experience, Plan, Status, time_value};
use crate::text::did_you_mean;

/// A field's problem: its index and what is wrong.
type FieldError = (usize, String);

pub(super) fn plan_from(catalog: &Catalog, plan: &Plan, form: &Form) -> Result<Plan, FieldError> {
    let value = |i: usize| form.fields[i].value.trim();
    let mut changed = plan.clone();
    changed.hours_per_week = match value(0).parse::<f64>() {
        Ok(hours) if hours > 0.0 && hours <= 168.0 => Amount::from_f64(hours),
        _ => {
            return Err((
                0,
                "write a number of hours more than 0 and at most 168 (a week has 168), like 8"
                    .to_owned(),
            ));
        }
    };
    changed.start = crate::dates::parse(value(1), "2027-01-04").map_err(|why| (1, why))?;
    changed.budget = match value(2) {
        "" => None,
        text => match text.parse::<f64>() {
            Ok(budget) if (0.0..1e12).contains(&budget) => Some(Amount::from_f64(budget)),
            _ => {
                return Err((
                    2,
                    "write an amount of 0 or more, like 1500, or leave it empty for no budget"
                        .to_owned(),
                ));
            }
        },
    };
    changed.time_value = match value(3) {
        "" => None,
        text => Some(
            text.parse::<f64>()
                .map_err(|_| {
                    "write an amount an hour, like 25, or leave it empty to count time as free"
                        .to_owned()
                })
                .and_then(time_value)
                .map_err(|why| (3, why))?,
        ),
    };
    changed.have.experience =
        experience_from(catalog, &plan.have.experience, value(4)).map_err(|why| (4, why))?;
    if form.fields[5].edited {
        changed.notes = Some(value(5).to_owned()).filter(|notes| !notes.is_empty());
    }
    changed.finish_by = match value(6) {
        "" => None,
        text => {
            let date = crate::dates::parse(text, "2027-06-30, or leave it empty")
                .map_err(|why| (6, why))?;
            if date <= changed.start {
                return Err((
                    6,
                    format!(
                        "{date} is not after the start, {}: a plan finishes after it starts",
                        changed.start
                    ),
                ));
            }
            Some(date)
        }
    };
    changed.max_hours = match value(7) {
        "" => None,
        text => match text.parse::<f64>() {
            Ok(hours) if (0.0..1e9).contains(&hours) => Some(Amount::from_f64(hours)),
            _ => {
                return Err((
                    7,
                    "write a number of hours, like 200, or leave it empty for no limit".to_owned(),
                ));
            }
        },
    };
    Ok(changed)
}

/// `security=24, networking:since=2021-06-01`: each new entry's field must be a skill the
/// catalogs know (one the plan had already is kept, as its file keeps it, even when the
/// catalogs loaded now lack it).
fn experience_from(
    catalog: &Catalog,
    before: &[Experience],
    text: &str,
) -> Result<Vec<Experience>, String> {
    let mut entries = Vec::new();
    for item in text
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
    {
        let entry: Experience = item.parse().map_err(|why: String| {
            if item.contains(';') {
                format!("{why}; separate entries with commas")
            } else {
                why
            }
        })?;
        if catalog.find_skill(&entry.field).is_none() && !before.contains(&entry) {
            return Err(format!(
                "no skill `{}` to count experience in{}",
                entry.field,
                did_you_mean(&entry.field, catalog.skill_names())
            ));
        }
        entries.push(entry);
    }
    Ok(entries)
}

pub(super) fn step_from(
    plan: &Plan,
    index: usize,
    form: &Form,
    today: Date,
) -> Result<Plan, FieldError> {
    let mut changed = plan.clone();
    let step = &mut changed.steps[index];
    if form.fields[0].edited {
        let note = form.fields[0].value.trim();
        step.note = Some(note.to_owned()).filter(|note| !note.is_empty());
    }
    match form.fields[1].value.trim() {
        "" => {
            if step.status == Status::Done {
                step.status = Status::Planned;
            }
            step.completed = None;
        }
        text => {
            let date = crate::dates::parse(text, "2026-03-01, or leave it empty")
                .map_err(|why| (1, why))?;
            if date > today {
                return Err((
                    1,
                    format!("{date} is in the future; a step is done on the day it was completed"),
                ));
            }
            step.status = Status::Done;
            step.completed = Some(date);
        }
    }
    Ok(changed)
}

/// The dates of held credential `index`: earned (not in the future) and expires (after it
/// was earned); an empty field removes the date.
pub(super) fn held_from(
    plan: &Plan,
    index: usize,
    form: &Form,
    today: Date,
) -> Result<Plan, FieldError> {
    let mut changed = plan.clone();
    let id = changed.have.credentials[index].clone();
    let read = |field: usize| -> Result<Option<Date>, FieldError> {
        match form.fields[field].value.trim() {
            "" => Ok(None),
            text => crate::dates::parse(text, "2025-03-01, or leave it empty")
                .map(Some)
                .map_err(|why| (field, why)),
        }
    };
    let earned = read(0)?;
    let expires = read(1)?;
    if let Some(date) = earned.filter(|&date| date > today) {
        return Err((
            0,
            format!("{date} is in the future; give the day it was earned"),
        ));
    }
    if let (Some(earned), Some(expires)) = (earned, expires)
        && expires <= earned
    {
        return Err((
            1,
            format!("{expires} is not after {earned}, the day it was earned"),
        ));
    }
    for (dates, date) in [
        (&mut changed.have.earned, earned),
        (&mut changed.have.expires, expires),
    ] {
        match date {
            Some(date) => dates.insert(id.clone(), date),
            None => dates.remove(&id),
        };
    }
    Ok(changed)
}
