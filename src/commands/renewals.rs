//! `upskill renewals [NAME] [--months N]`: credentials held or done, in one saved plan or
//! all of them, that have expired or expire within N months of today, with the date, the
//! renewal rule (the catalog's description) and what earning the credential again costs.
//! Those whose expiry the plan cannot date are listed apart.

use std::io::{self, Write};
use std::process::ExitCode;

use jiff::civil::Date;
use serde_json::{Value, json};

use super::table::{aligned, text_of};
use super::{load_valid, output_width, saved, usage};
use crate::catalog::Catalog;
use crate::cli::{CatalogArgs, EXIT_INVALID, ListFormat};
use crate::plan::{Basis, Renewal, due_within, horizon, renewals};
use crate::text::{sanitize_line, wrap};

/// A renewal of one saved plan.
struct Found {
    plan: String,
    renewal: Renewal,
}

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    name: Option<&str>,
    months: u32,
    format: ListFormat,
) -> io::Result<ExitCode> {
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let entries = match name {
        Some(name) => match saved::find(&store, name) {
            Ok(name) => vec![saved::entry(&store, &name)],
            Err(message) => return usage(&message),
        },
        None => match saved::entries(&store) {
            Ok(entries) => entries,
            Err(code) => return Ok(code),
        },
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let catalog = &loaded.catalog;
    let today = crate::clock::today();
    let mut code = ExitCode::SUCCESS;
    let mut found = Vec::new();
    for entry in entries {
        // `load` says why a file cannot be read; the other plans are still covered.
        let Ok(plan) = saved::load(&store, &entry, today) else {
            code = ExitCode::from(EXIT_INVALID);
            continue;
        };
        found.extend(renewals(catalog, &plan).into_iter().map(|renewal| Found {
            plan: entry.stem.clone(),
            renewal,
        }));
    }
    // The first expiry past the window, so an empty answer can say how far to look.
    let later = found
        .iter()
        .filter(|f| f.renewal.expires.is_some() && !due_within(&f.renewal, today, months))
        .min_by_key(|f| f.renewal.expires)
        .and_then(|f| {
            let needed = (months + 1..=1200).find(|&m| due_within(&f.renewal, today, m))?;
            Some(format!(
                "The next to expire is {} on {}: `--months {needed}` lists it.",
                sanitize_line(&catalog.credential(f.renewal.credential).id),
                f.renewal.expires?
            ))
        });
    found.retain(|f| f.renewal.expires.is_none() || due_within(&f.renewal, today, months));
    let text = match format {
        ListFormat::Text => {
            let mut text = text(catalog, &found, today, months, output_width());
            if let Some(later) = later.filter(|_| found.iter().all(|f| f.renewal.expires.is_none()))
            {
                text.push_str(&later);
                text.push('\n');
            }
            text
        }
        ListFormat::Json => json(catalog, &found, today, months),
    };
    out.write_all(text.as_bytes())?;
    Ok(code)
}

/// `in 12 days`, `today`, `expired 3 days ago`.
fn when(expires: Date, today: Date) -> String {
    let days: i64 = (expires - today).get_days().into();
    match days {
        0 => "today".to_owned(),
        1 => "in 1 day".to_owned(),
        -1 => "expired 1 day ago".to_owned(),
        d if d > 0 => format!("in {d} days"),
        d => format!("expired {} days ago", -d),
    }
}

fn text(catalog: &Catalog, found: &[Found], today: Date, months: u32, width: usize) -> String {
    let until = horizon(today, months);
    let months = match months {
        1 => "1 month".to_owned(),
        n => format!("{n} months"),
    };
    let (dated, undated): (Vec<&Found>, Vec<&Found>) =
        found.iter().partition(|f| f.renewal.expires.is_some());
    let mut lines = Vec::new();
    if dated.is_empty() {
        lines.push(format!(
            "Nothing held or done expires by {until} (within {months} of {today})."
        ));
    } else {
        lines.push(format!(
            "Expired or expiring by {until} (within {months} of {today}):"
        ));
        lines.push(String::new());
        let rows: Vec<Vec<String>> = dated
            .iter()
            .map(|f| {
                let credential = catalog.credential(f.renewal.credential);
                let expires = f.renewal.expires.unwrap_or(Date::MAX);
                vec![
                    f.plan.clone(),
                    credential.id.to_string(),
                    credential.title.to_string(),
                    expires.to_string(),
                    when(expires, today),
                    format!("{} {}", credential.cost.money(), catalog.currency),
                ]
            })
            .collect();
        let header = [
            "PLAN",
            "CREDENTIAL",
            "TITLE",
            "EXPIRES",
            "WHEN",
            "RE-EXAM COST",
        ];
        let table = aligned(&header, &rows, &[5]);
        lines.push(table[0].clone());
        for (row, f) in table[1..].iter().zip(&dated) {
            lines.push(row.clone());
            let rule = catalog
                .credential(f.renewal.credential)
                .description
                .as_deref()
                .and_then(crate::plan::renewal_rule);
            let rule = rule
                .as_deref()
                .unwrap_or("the catalog states no renewal rule");
            let wrapped = wrap(
                &sanitize_line(&format!("renewal: {rule}")),
                width.saturating_sub(4).max(20),
            );
            lines.extend(wrapped.into_iter().map(|line| format!("    {line}")));
        }
    }
    if !undated.is_empty() {
        lines.push(String::new());
        lines.push(
            "Expiring, on a date the plan cannot tell (no completion date to count from):"
                .to_owned(),
        );
        for f in undated {
            let credential = catalog.credential(f.renewal.credential);
            let why = match f.renewal.basis {
                Basis::Held => "held",
                Basis::Done { .. } => "done, no completion date",
            };
            lines.push(
                sanitize_line(&format!(
                    "  {}: {} ({}), {why}, valid for {} months",
                    f.plan,
                    credential.id,
                    credential.title,
                    credential.valid_for_months.unwrap_or_default()
                ))
                .into_owned(),
            );
        }
    }
    text_of(&lines)
}

fn json(catalog: &Catalog, found: &[Found], today: Date, months: u32) -> String {
    let items: Vec<Value> = found
        .iter()
        .map(|f| {
            let credential = catalog.credential(f.renewal.credential);
            let (basis, completed) = match f.renewal.basis {
                Basis::Held => ("held", None),
                Basis::Done { completed, .. } => ("done", completed),
            };
            json!({
                "plan": f.plan,
                "id": credential.id,
                "title": sanitize_line(&credential.title),
                "basis": basis,
                "completed": completed.map(|d| d.to_string()),
                "expires": f.renewal.expires.map(|d| d.to_string()),
                "days_left": f.renewal.expires.map(|d| i64::from((d - today).get_days())),
                "valid_for_months": credential.valid_for_months,
                "rule": credential
                    .description
                    .as_deref()
                    .and_then(crate::plan::renewal_rule)
                    .map(|rule| crate::text::sanitize(&rule).into_owned()),
                "cost": credential.cost,
                "currency": catalog.currency,
            })
        })
        .collect();
    let object = json!({
        "today": today.to_string(),
        "until": horizon(today, months).to_string(),
        "renewals": items,
    });
    let mut text = serde_json::to_string_pretty(&object).expect("JSON values always serialize");
    text.push('\n');
    text
}
