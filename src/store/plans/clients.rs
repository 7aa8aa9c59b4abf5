//! Every saved plan and person read at once, for the clients list (`upskill people` and
//! the app's clients view).

use jiff::civil::Date;

use super::PlanStore;
use crate::catalog::Catalog;
use crate::plan::Plan;
use crate::plan::clients::{self, PersonRow};
use crate::store::{LoadError, PlanName};

/// The plans and people read, and the plan files that could not be.
#[derive(Debug)]
pub struct Clients {
    /// Sorted by name.
    pub people: Vec<PersonRow>,
    pub plans: Vec<Plan>,
    /// Each plan file that could not be read: its name and why.
    pub unreadable: Vec<(String, LoadError)>,
}

impl PlanStore {
    /// Reads every plan and person; a plan that cannot be read is listed under the person
    /// its file names, when that much can be read, else under its own name. An error only
    /// when a folder cannot be listed.
    pub fn clients(&self, catalog: &Catalog, today: Date) -> std::io::Result<Clients> {
        let mut plans = Vec::new();
        let mut unreadable = Vec::new();
        for entry in self.entries()? {
            match self.load_entry(&entry, today) {
                Ok(opened) => plans.push(opened.plan),
                Err(error) => unreadable.push((entry.stem, error)),
            }
        }
        let names = self.people().names()?;
        let mut people = clients::people(catalog, &plans, &names, today);
        for (plan, error) in &unreadable {
            let person = self.person_of_unreadable(plan);
            let why = error.paragraph();
            match people.iter_mut().find(|row| row.name == person) {
                Some(row) => row.unreadable.push((plan.clone(), why)),
                None => people.push(PersonRow {
                    name: person,
                    plans: Vec::new(),
                    unreadable: vec![(plan.clone(), why)],
                }),
            }
        }
        clients::sort_people(&mut people, clients::SortBy::Name);
        Ok(Clients {
            people,
            plans,
            unreadable,
        })
    }

    /// The person a plan file that cannot be read names, when a `person:` line can be
    /// found in it; else the plan's own name.
    fn person_of_unreadable(&self, stem: &str) -> String {
        let named = PlanName::parse(stem).ok().and_then(|name| {
            let text =
                crate::files::read_text(&self.path(&name), crate::yaml::MAX_FILE_BYTES).ok()?;
            text.lines().find_map(|line| {
                let person = line.strip_prefix("person:")?.trim();
                PlanName::parse(person.trim_matches(['"', '\''])).ok()
            })
        });
        named.map_or_else(|| stem.to_owned(), |name| name.to_string())
    }
}
