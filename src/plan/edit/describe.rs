//! What changed between two versions of a plan, in a few words, so undo and redo can say what
//! they undid: worked out from the plans themselves, so no edit has to remember to label
//! itself.

use crate::catalog::Catalog;

use super::super::{Plan, Step};

/// The change from `before` to `after`, as a phrase: "adding Network+", "the move of CCNA",
/// "marking Linux done", "4 changes to the steps", "the plan's settings".
pub fn describe(catalog: &Catalog, before: &Plan, after: &Plan) -> String {
    let title = |step: &Step| {
        catalog.find_credential(&step.id).map_or_else(
            || step.id.clone(),
            |idx| catalog.credential(idx).title.to_string(),
        )
    };
    let (old, new) = (&before.steps, &after.steps);
    if old == new {
        return if before.have == after.have {
            "the plan's settings".to_owned()
        } else {
            held_change(catalog, before, after)
        };
    }
    let (old_ids, new_ids) = (ids(old), ids(new));
    let added: Vec<&Step> = new
        .iter()
        .filter(|s| !old_ids.contains(&s.id.as_str()))
        .collect();
    let removed: Vec<&Step> = old
        .iter()
        .filter(|s| !new_ids.contains(&s.id.as_str()))
        .collect();
    match (added.as_slice(), removed.as_slice()) {
        ([one], []) => return format!("adding {}", title(one)),
        ([], [one]) => return format!("removing {}", title(one)),
        ([], []) => {}
        ([new], [old]) => return format!("replacing {} with {}", title(old), title(new)),
        _ => return changes(added.len() + removed.len()),
    }
    if old_ids != new_ids {
        // The same steps in another order: two that traded places, or the one that moved
        // furthest.
        let differ: Vec<usize> = (0..old.len())
            .filter(|&i| old_ids[i] != new_ids[i])
            .collect();
        if let [a, b] = differ[..] {
            return format!("swapping {} and {}", title(&old[a]), title(&old[b]));
        }
        let moved = new
            .iter()
            .enumerate()
            .max_by_key(|(at, step)| {
                let was = old_ids.iter().position(|id| *id == step.id).unwrap_or(*at);
                was.abs_diff(*at)
            })
            .map(|(_, step)| step);
        return moved.map_or_else(
            || "the order of the steps".to_owned(),
            |step| format!("the move of {}", title(step)),
        );
    }
    let changed: Vec<(&Step, &Step)> = old.iter().zip(new).filter(|(a, b)| a != b).collect();
    match changed.as_slice() {
        [(was, now)] if was.status != now.status => {
            format!("marking {} {}", title(now), now.status.as_str())
        }
        [(was, now)] if was.note != now.note => format!("the note on {}", title(now)),
        [(_, now)] => format!("the change to {}", title(now)),
        _ => changes(changed.len()),
    }
}

fn changes(count: usize) -> String {
    format!("{count} changes to the steps")
}

fn ids(steps: &[Step]) -> Vec<&str> {
    steps.iter().map(|step| step.id.as_str()).collect()
}

/// "marking Linux held", "unmarking Network+ held", or a count when more changed.
fn held_change(catalog: &Catalog, before: &Plan, after: &Plan) -> String {
    let credential = |id: &str| {
        catalog.find_credential(id).map_or_else(
            || id.to_owned(),
            |idx| catalog.credential(idx).title.to_string(),
        )
    };
    let skill = |id: &str| {
        catalog.find_skill(id).map_or_else(
            || id.to_owned(),
            |idx| catalog.skill(idx).label().to_owned(),
        )
    };
    let mut marked = Vec::new();
    let mut unmarked = Vec::new();
    for (old, new, name) in [
        (
            &before.have.credentials,
            &after.have.credentials,
            &credential as &dyn Fn(&str) -> String,
        ),
        (&before.have.skills, &after.have.skills, &skill),
    ] {
        marked.extend(new.iter().filter(|id| !old.contains(id)).map(|id| name(id)));
        unmarked.extend(old.iter().filter(|id| !new.contains(id)).map(|id| name(id)));
    }
    match (marked.as_slice(), unmarked.as_slice()) {
        ([one], []) => format!("marking {one} held"),
        ([], [one]) => format!("unmarking {one} held"),
        _ => "the credentials and skills held".to_owned(),
    }
}
