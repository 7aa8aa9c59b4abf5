//! Renewal rules: `renewalFrequency` becomes `valid_for_months`; what a `renewal` profile
//! says, and what renewing costs, become a note. A renewal cost never becomes `cost`.

use serde_json::Value;

use super::json::get;
use super::map::{currency_code, duration_months, prices};
use super::{Context, Resource, clip};
use crate::catalog::format::MAX_MONTHS;
use crate::import::json::{child, items, text};

/// The months the credential stays valid, from `renewalFrequency` on it or on one of its
/// `renewal` profiles; the note about renewing goes to `notes`.
pub(super) fn valid_for_months(
    context: &mut Context,
    resource: &Resource,
    currency: &str,
    notes: &mut Vec<String>,
) -> Option<u32> {
    let (file, path, node) = (resource.file, resource.path.as_str(), resource.node);
    let mut frequencies = vec![(child(path, "renewalFrequency"), node)];
    let mut words = Vec::new();
    let mut costs = prices(get(node, "estimatedCost"), context.lang)
        .into_iter()
        .filter(|price| price.renewal)
        .collect::<Vec<_>>();
    let profiles: Vec<(usize, serde_json::Map<String, Value>)> = items(get(node, "renewal"))
        .into_iter()
        .enumerate()
        .filter_map(|(n, value)| Some((n, context.follow(resource.graph, value)?.clone())))
        .collect();
    for (n, profile) in &profiles {
        let at = child(path, &format!("renewal[{n}]"));
        for field in ["name", "description"] {
            if let Some(said) = context.text(file, &at, profile, field) {
                words.push(said.trim_end_matches('.').to_owned());
            }
        }
        costs.extend(prices(get(profile, "estimatedCost"), context.lang));
        frequencies.push((child(&at, "renewalFrequency"), profile));
    }
    let mut months = None;
    for (at, holder) in frequencies {
        let Some(written) = get(holder, "renewalFrequency").and_then(|v| text(v, context.lang))
        else {
            continue;
        };
        match duration_months(&written).filter(|&m| m <= MAX_MONTHS) {
            Some(found) if months.is_none() => months = Some(found),
            Some(_) => {}
            None => context.warn(
                file,
                &at,
                &format!(
                    "`{}` is not a renewal period like P3Y (at most 100 years); ignored",
                    clip(&written, 40)
                ),
            ),
        }
    }
    let cost = costs
        .iter()
        .filter(|price| currency_code(&price.currency) == Some(currency))
        .map(|price| price.amount)
        .max_by(f64::total_cmp);
    let mut said = Vec::new();
    if let Some(months) = months {
        said.push(format!("every {months} months"));
    }
    said.extend(words);
    if let Some(cost) = cost {
        said.push(format!(
            "renewing costs {} {currency}, not counted in `cost`",
            super::write::number(cost)
        ));
    }
    if !said.is_empty() {
        notes.push(format!("Renewal (from the Registry): {}.", said.join("; ")));
    }
    months
}
