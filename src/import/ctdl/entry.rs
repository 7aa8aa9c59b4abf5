//! One resource's catalog entry: title, kind, hours, cost, skills, requirements, and the
//! notes that say what was estimated or kept only in words.

use serde_json::Value;

use super::json::get;
use super::map::{chosen_price, currency_code, duration_hours, prices};
use super::{Context, Resource, clip, renewal, requires, slug, write};
use crate::catalog::format::{MAX_COST, MAX_HOURS};
use crate::import::json::{child, ctid_in, items, text};

/// One credential entry of the output.
pub(super) fn entry(
    context: &mut Context,
    resource: &Resource,
    id: &str,
    currency: &str,
) -> write::Entry {
    let (file, path, node) = (resource.file, resource.path.as_str(), resource.node);
    let lang = context.lang;
    let mut notes = Vec::new();
    let title = context.text(file, path, node, "name").unwrap_or_else(|| {
        context.warn(file, path, "no `name`; the title is its id");
        id.to_owned()
    });
    match &resource.exam_for {
        Some(credential) => notes.push(format!(
            "Imported from a CTDL assessment: the exam of {credential}, the one credential that requires it."
        )),
        None if resource.assessment => notes.push(
            "Imported from a CTDL assessment: the exam or assessment on its own, as no one credential requires it.".to_owned(),
        ),
        None => {}
    }
    let hours = hours(context, resource, &mut notes);
    let cost = cost(context, resource, currency, &mut notes);
    let mut skills: Vec<String> = Vec::new();
    for key in ["teaches", "subject", "keyword"] {
        for value in items(get(node, key)) {
            let label = value
                .as_object()
                .and_then(|o| get(o, "targetNodeName"))
                .and_then(|v| text(v, lang))
                .or_else(|| text(value, lang));
            if let Some(skill) = label.map(|label| slug(&label)).filter(|s| !s.is_empty())
                && !skills.contains(&skill)
                && skills.len() < 20
            {
                skills.push(skill);
            }
        }
    }
    if skills.is_empty() {
        context.warn(file, path, "no `subject`, `teaches` or `keyword`: given the skill `unclassified`; list the skills it teaches");
        skills.push("unclassified".into());
    }
    let requires = requires::conditions(context, resource, "requires", &mut notes);
    let recommends = requires::conditions(context, resource, "recommends", &mut notes);
    let valid_for_months = renewal::valid_for_months(context, resource, currency, &mut notes);
    let ctid = get(node, "ctid")
        .and_then(Value::as_str)
        .and_then(ctid_in)
        .or_else(|| node.get("@id").and_then(Value::as_str).and_then(ctid_in));
    let url = context.text(file, path, node, "subjectWebpage");
    let occupations = super::occupations::occupations(context, resource);
    let mut description = context
        .text(file, path, node, "description")
        .into_iter()
        .collect::<Vec<_>>();
    description.extend(notes);
    write::Entry {
        id: id.to_owned(),
        title,
        kind: resource.kind,
        hours,
        cost,
        skills,
        requires,
        recommends,
        valid_for_months,
        url,
        same_as: ctid.into_iter().collect(),
        occupations,
        description: (!description.is_empty()).then(|| description.join("\n\n")),
    }
}

/// The hours, `None` (written `unknown`) when the Registry gives no usable duration.
fn hours(context: &mut Context, resource: &Resource, notes: &mut Vec<String>) -> Option<f64> {
    let (file, node) = (resource.file, resource.node);
    let key = child(&resource.path, "estimatedDuration");
    for (n, profile) in items(get(node, "estimatedDuration"))
        .into_iter()
        .enumerate()
    {
        let Some(profile) = profile.as_object() else {
            continue;
        };
        for field in ["exactDuration", "maximumDuration", "minimumDuration"] {
            let Some(written) = get(profile, field).and_then(|v| text(v, context.lang)) else {
                continue;
            };
            match duration_hours(&written) {
                Some((hours, estimated)) if hours > 0.0 => {
                    let hours = hours.clamp(0.01, f64::from(MAX_HOURS));
                    if estimated {
                        notes.push(format!("Hours estimated by upskill from the Registry's duration {written}, at full-time study (8 hours a day, 40 a week, 160 a month, 1,600 a year)."));
                    }
                    return Some(hours);
                }
                _ => context.warn(
                    file,
                    &format!("{key}[{n}].{field}"),
                    &format!(
                        "`{}` is not an ISO 8601 duration like PT40H or P5D; ignored",
                        clip(&written, 40)
                    ),
                ),
            }
        }
    }
    context.warn(
        file,
        &resource.path,
        "no usable `estimatedDuration`: hours written as `unknown`; give the real hours",
    );
    None
}

/// The price to earn it, `None` (written `unknown`) when the Registry gives none usable.
fn cost(
    context: &mut Context,
    resource: &Resource,
    currency: &str,
    notes: &mut Vec<String>,
) -> Option<f64> {
    let found = prices(get(resource.node, "estimatedCost"), context.lang);
    let key = child(&resource.path, "estimatedCost");
    // Read only to warn about placeholders: a cost's own description is not kept.
    for (n, profile) in items(get(resource.node, "estimatedCost"))
        .into_iter()
        .enumerate()
    {
        if let Some(object) = profile.as_object() {
            let _ = context.text(resource.file, &format!("{key}[{n}]"), object, "description");
        }
    }
    let price = chosen_price(&found)?;
    match currency_code(&price.currency) {
        Some(code) if code == currency => Some(price.amount.min(f64::from(MAX_COST))),
        Some(code) => {
            context.warn(
                resource.file,
                &format!("{key}[{}]", price.index),
                &format!(
                    "a cost in {code} while this import is in {currency}: written as `unknown`"
                ),
            );
            notes.push(format!(
                "Cost unknown in {currency}: the Registry gives {} {code}.",
                price.amount
            ));
            None
        }
        None => {
            context.warn(resource.file, &format!("{key}[{}].currency", price.index), &format!("unknown currency `{}`: cost written as `unknown`; write it as an ISO 4217 code like USD", clip(&price.currency, 40)));
            None
        }
    }
}
