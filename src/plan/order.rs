//! A valid order that reads naturally: of the steps whose requirements are satisfied, the
//! most foundational goes next (beginner before intermediate before advanced before
//! unlevelled, then fewer prerequisites, then title and id), so the same set always comes
//! out in the same order.

use crate::catalog::{Catalog, CredentialIdx, Level};

use super::Holdings;

/// `set` in a natural valid order after what `have` holds. When some credentials can never
/// be placed (their requirements are met by nothing before them), returns those instead.
pub fn natural_order(
    catalog: &Catalog,
    have: &Holdings,
    set: &[CredentialIdx],
) -> Result<Vec<CredentialIdx>, Vec<CredentialIdx>> {
    let mut had = have.clone();
    let mut left: Vec<CredentialIdx> = set.to_vec();
    left.sort_by(|&a, &b| priority(catalog, a).cmp(&priority(catalog, b)));
    left.dedup();
    let mut order = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let Some(next) = left.iter().position(|&c| had.can_take(catalog, c)) else {
            return Err(left);
        };
        let chosen = left.remove(next);
        had.add_credential(catalog, chosen);
        order.push(chosen);
    }
    Ok(order)
}

fn priority(catalog: &Catalog, idx: CredentialIdx) -> (u8, usize, &str, &str) {
    let credential = catalog.credential(idx);
    let level = match credential.level {
        Some(Level::Beginner) => 0,
        Some(Level::Intermediate) => 1,
        Some(Level::Advanced) => 2,
        None => 3,
    };
    (
        level,
        credential.requires.len(),
        credential.title.as_ref(),
        credential.id.as_ref(),
    )
}
