//! A person's profile: what they hold and how they study, shared by all of their plans. A
//! plan belonging to a person plans with the profile's holdings and settings (except those
//! the plan overrides), and its edits to them are the person's, merged into the profile so
//! that an edit made meanwhile in another of their plans is kept too.

use std::collections::BTreeMap;

use super::model::{DEFAULT_HOURS_PER_WEEK, Have, Plan};
use crate::catalog::Amount;

/// A person, as their file holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub have: Have,
    pub hours_per_week: Amount,
    pub budget: Option<Amount>,
    /// The value of an hour of their study (`None`: counted as free).
    pub time_value: Option<Amount>,
    pub notes: Option<String>,
}

impl Profile {
    /// A person who holds nothing yet, with the default settings.
    pub fn new(name: impl Into<String>) -> Profile {
        Profile {
            name: name.into(),
            have: Have::default(),
            hours_per_week: DEFAULT_HOURS_PER_WEEK,
            budget: None,
            time_value: None,
            notes: None,
        }
    }

    /// The person as plan `plan` has them now: its holdings, and its settings where the plan
    /// does not override them (the profile's own there). `None` for a plan of no person.
    pub fn of(plan: &Plan) -> Option<Profile> {
        let person = plan.person.as_ref()?;
        let base = person
            .base
            .clone()
            .unwrap_or_else(|| Profile::new(&person.name));
        let over = person.overrides;
        Some(Profile {
            name: person.name.clone(),
            have: plan.have.clone(),
            hours_per_week: if over.hours_per_week {
                base.hours_per_week
            } else {
                plan.hours_per_week
            },
            budget: if over.budget {
                base.budget
            } else {
                plan.budget
            },
            time_value: if over.time_value {
                base.time_value
            } else {
                plan.time_value
            },
            notes: base.notes,
        })
    }

    /// Makes `plan` one of this person's: it plans with their holdings, and with their
    /// settings where it does not override them. The profile becomes the plan's base.
    pub fn apply_to(&self, plan: &mut Plan) {
        let person = plan
            .person
            .get_or_insert_with(|| super::Person::named(&self.name));
        self.name.clone_into(&mut person.name);
        let over = person.overrides;
        person.base = Some(self.clone());
        plan.have = self.have.clone();
        if !over.hours_per_week {
            plan.hours_per_week = self.hours_per_week;
        }
        if !over.budget {
            plan.budget = self.budget;
        }
        if !over.time_value {
            plan.time_value = self.time_value;
        }
    }

    /// Three-way merge: `ours` is `base` with this process's changes, `theirs` is what the
    /// file holds now (changed meanwhile by another plan of the person's). A setting or list
    /// entry this process did not change is taken from `theirs`; one it changed is its own.
    /// Lists merge entry by entry, so a credential added in each is kept in both.
    pub fn merge(base: &Profile, ours: &Profile, theirs: &Profile) -> Profile {
        fn pick<T: Clone + PartialEq>(base: &T, ours: &T, theirs: &T) -> T {
            if ours == base {
                theirs.clone()
            } else {
                ours.clone()
            }
        }
        Profile {
            name: ours.name.clone(),
            have: Have {
                credentials: merge_list(
                    &base.have.credentials,
                    &ours.have.credentials,
                    &theirs.have.credentials,
                ),
                earned: merge_map(&base.have.earned, &ours.have.earned, &theirs.have.earned),
                expires: merge_map(&base.have.expires, &ours.have.expires, &theirs.have.expires),
                skills: merge_list(&base.have.skills, &ours.have.skills, &theirs.have.skills),
                experience: merge_list(
                    &base.have.experience,
                    &ours.have.experience,
                    &theirs.have.experience,
                ),
            },
            hours_per_week: pick(
                &base.hours_per_week,
                &ours.hours_per_week,
                &theirs.hours_per_week,
            ),
            budget: pick(&base.budget, &ours.budget, &theirs.budget),
            time_value: pick(&base.time_value, &ours.time_value, &theirs.time_value),
            notes: pick(&base.notes, &ours.notes, &theirs.notes),
        }
    }
}

/// `theirs` in its order, without what `ours` removed from `base`, then what `ours` added.
fn merge_list<T: Clone + PartialEq>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let removed = |item: &T| base.contains(item) && !ours.contains(item);
    let mut merged: Vec<T> = theirs
        .iter()
        .filter(|item| !removed(item))
        .cloned()
        .collect();
    for item in ours {
        if !base.contains(item) && !merged.contains(item) {
            merged.push(item.clone());
        }
    }
    merged
}

/// Key by key: a key this process changed, added or removed is its own; others are theirs.
fn merge_map<K: Ord + Clone, V: Clone + PartialEq>(
    base: &BTreeMap<K, V>,
    ours: &BTreeMap<K, V>,
    theirs: &BTreeMap<K, V>,
) -> BTreeMap<K, V> {
    let mut merged = theirs.clone();
    for key in base.keys().chain(ours.keys()) {
        let (was, now) = (base.get(key), ours.get(key));
        if was != now {
            match now {
                Some(value) => merged.insert(key.clone(), value.clone()),
                None => merged.remove(key),
            };
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(credentials: &[&str], hours: i64) -> Profile {
        let mut profile = Profile::new("alex");
        profile.have.credentials = credentials.iter().map(|id| (*id).to_owned()).collect();
        profile.hours_per_week = Amount(hours * 100);
        profile
    }

    #[test]
    fn a_merge_keeps_what_each_side_changed() {
        let base = with(&["a/x", "a/y"], 10);
        // This plan added a/z and removed a/x; another plan meanwhile added a/w and set 12 h.
        let ours = with(&["a/y", "a/z"], 10);
        let theirs = with(&["a/x", "a/y", "a/w"], 12);
        let merged = Profile::merge(&base, &ours, &theirs);
        assert_eq!(merged.have.credentials, ["a/y", "a/w", "a/z"]);
        assert_eq!(merged.hours_per_week, Amount(1200));
    }

    #[test]
    fn a_setting_changed_on_both_sides_is_this_plans() {
        let base = with(&[], 10);
        let merged = Profile::merge(&base, &with(&[], 8), &with(&[], 12));
        assert_eq!(merged.hours_per_week, Amount(800));
    }

    #[test]
    fn earned_dates_merge_by_credential() {
        let date = |text: &str| text.parse::<jiff::civil::Date>().expect("date");
        let base = with(&["a/x", "a/y"], 10);
        let mut ours = base.clone();
        ours.have.earned.insert("a/x".into(), date("2025-01-01"));
        let mut theirs = base.clone();
        theirs.have.earned.insert("a/y".into(), date("2024-06-01"));
        let merged = Profile::merge(&base, &ours, &theirs);
        assert_eq!(merged.have.earned.len(), 2);
        assert_eq!(merged.have.earned["a/x"], date("2025-01-01"));
    }

    #[test]
    fn a_plan_of_a_person_plans_with_their_holdings_but_keeps_its_overrides() {
        let mut plan = Plan::new("alex-2028", "2027-01-04".parse().expect("date"));
        let mut person = super::super::Person::named("alex");
        person.overrides.hours_per_week = true;
        plan.person = Some(person);
        plan.hours_per_week = Amount(2000);
        let profile = with(&["a/x"], 8);
        profile.apply_to(&mut plan);
        assert_eq!(plan.have.credentials, ["a/x"]);
        assert_eq!(plan.hours_per_week, Amount(2000), "the plan's own setting");
        let back = Profile::of(&plan).expect("a person's plan");
        assert_eq!(back, profile, "the override never leaks into the profile");
    }
}
