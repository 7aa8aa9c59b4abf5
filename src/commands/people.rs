//! `upskill people`: the clients list, one person with each of their plans under them, how
//! far along each is and where it stands; `upskill people show NAME`: one person's profile
//! and plans. A plan or profile file that cannot be read is listed with why, never touched,
//! and makes the command exit 1 after listing the rest.

use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

use super::table::{aligned, text_of};
use super::{load_valid, saved, usage};
use crate::catalog::Catalog;
use crate::cli::{CatalogArgs, EXIT_INVALID, ListFormat, PeopleSort};
use crate::plan::clients::{self, PersonRow, PlanRow, SortBy};
use crate::plan::{Plan, Profile, Tenure, at_least_short, not_before_short};
use crate::store::{LoadError, PlanName, PlanStore};
use crate::text::{did_you_mean, sanitize_line};

/// Every saved plan and person, read, with a line for each file that could not be.
struct Gathered {
    people: Vec<PersonRow>,
    plans: Vec<Plan>,
    problems: Vec<String>,
}

fn gather(store: &PlanStore, catalog: &Catalog) -> Result<Gathered, ExitCode> {
    let clients = store
        .clients(catalog, crate::clock::today())
        .map_err(|error| {
            let _ = super::failure(&format!(
                "cannot read the saved plans or people in {}: {error}",
                store.folder().display()
            ));
            ExitCode::from(EXIT_INVALID)
        })?;
    Ok(Gathered {
        problems: clients
            .unreadable
            .iter()
            .flat_map(|(_, error)| saved::describe(error))
            .collect(),
        people: clients.people,
        plans: clients.plans,
    })
}

pub fn list(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    format: ListFormat,
    sort: PeopleSort,
) -> io::Result<ExitCode> {
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let mut gathered = match gather(&store, &loaded.catalog) {
        Ok(gathered) => gathered,
        Err(code) => return Ok(code),
    };
    clients::sort_people(&mut gathered.people, sort_by(sort));
    let currency = &loaded.catalog.currency;
    let text = match format {
        ListFormat::Text => table(&gathered.people, &gathered.problems, currency),
        ListFormat::Json => {
            let items: Vec<Value> = gathered.people.iter().map(person_json).collect();
            format!("{:#}\n", Value::Array(items))
        }
    };
    out.write_all(text.as_bytes())?;
    if gathered.problems.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(EXIT_INVALID))
    }
}

fn sort_by(sort: PeopleSort) -> SortBy {
    match sort {
        PeopleSort::Name => SortBy::Name,
        PeopleSort::Status => SortBy::Status,
        PeopleSort::Finish => SortBy::Finish,
        PeopleSort::Cost => SortBy::CostLeft,
    }
}

fn table(people: &[PersonRow], problems: &[String], currency: &str) -> String {
    if people.is_empty() {
        return "No people yet: save a plan for one with `upskill plan --role ID --save NAME --person NAME`.\n".to_owned();
    }
    let dash = || "-".to_owned();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for person in people {
        let plans = match person.plans.len() + person.unreadable.len() {
            1 => "1 plan".to_owned(),
            n => format!("{n} plans"),
        };
        rows.push(vec![
            person.name.clone(),
            plans,
            dash(),
            at_least_short(
                &format!("{} {currency}", person.cost_left().money()),
                person.cost_left_unknown(),
            ),
            person.finish().map_or_else(dash, |date| {
                not_before_short(&date.to_string(), person.hours_left_unknown())
            }),
            person.describe(),
        ]);
        for plan in &person.plans {
            rows.push(plan_cells(plan, currency));
        }
        for (plan, _) in &person.unreadable {
            rows.push(vec![
                format!("  {plan}"),
                dash(),
                dash(),
                dash(),
                dash(),
                "unreadable (see below)".to_owned(),
            ]);
        }
    }
    let header = [
        "PERSON / PLAN",
        "ROLE",
        "DONE",
        "COST LEFT",
        "FINISH",
        "STATUS",
    ];
    let mut lines = aligned(&header, &rows, &[2, 3]);
    if !problems.is_empty() {
        lines.push(String::new());
        lines.extend(problems.iter().cloned());
    }
    text_of(&lines)
}

fn plan_cells(plan: &PlanRow, currency: &str) -> Vec<String> {
    vec![
        format!("  {}", plan.name),
        plan.role.clone().unwrap_or_else(|| "-".to_owned()),
        format!("{}/{}", plan.done, plan.total),
        at_least_short(
            &format!("{} {currency}", plan.cost_left.money()),
            plan.cost_left_unknown,
        ),
        plan.finish.map_or_else(
            || "-".to_owned(),
            |date| not_before_short(&date.to_string(), plan.hours_left_unknown),
        ),
        plan.standing.describe(),
    ]
}

fn person_json(person: &PersonRow) -> Value {
    json!({
        "name": person.name,
        "status": person.describe(),
        "needs_attention": person.needs_attention(),
        "cost_left": person.cost_left().as_f64(),
        "cost_left_unknown_steps": person.cost_left_unknown(),
        "finish": person.finish().map(|date| date.to_string()),
        "plans": person.plans.iter().map(plan_json).collect::<Vec<_>>(),
        "unreadable": person
            .unreadable
            .iter()
            .map(|(name, why)| json!({"name": name, "error": sanitize_line(why)}))
            .collect::<Vec<_>>(),
    })
}

fn plan_json(plan: &PlanRow) -> Value {
    json!({
        "name": plan.name,
        "role": plan.role,
        "done": plan.done,
        "total": plan.total,
        "cost_left": plan.cost_left.as_f64(),
        "cost_left_unknown_steps": plan.cost_left_unknown,
        "finish": plan.finish.map(|date| date.to_string()),
        "finish_by": plan.finish_by.map(|date| date.to_string()),
        "status": plan.standing.describe(),
        "behind_days": plan.standing.behind,
        "over_budget": plan.standing.over_budget.map(crate::catalog::Amount::as_f64),
    })
}

/// `upskill people show NAME`.
pub fn show(out: &mut impl Write, catalogs: &CatalogArgs, name: &str) -> io::Result<ExitCode> {
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let person = match PlanName::parse(name) {
        Ok(person) => person,
        Err(error) => return usage(&error.to_string()),
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let gathered = match gather(&store, &loaded.catalog) {
        Ok(gathered) => gathered,
        Err(code) => return Ok(code),
    };
    let profile = match store.people().load(&person) {
        Ok(profile) => Some(profile),
        Err(LoadError::Read {
            source: crate::files::ReadError::NotFound,
            ..
        }) => None,
        Err(error) => {
            saved::print_error(&error);
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let Some(row) = gathered
        .people
        .iter()
        .find(|row| row.name == person.as_str())
    else {
        let names = gathered.people.iter().map(|row| row.name.as_str());
        return usage(&format!(
            "no person is named `{}`{} (see `upskill people`)",
            sanitize_line(person.as_str()),
            did_you_mean(person.as_str(), names)
        ));
    };
    // A person known only from a plan of their own holdings (not moved yet): its holdings.
    let profile = profile.or_else(|| {
        let plan = gathered.plans.iter().find(|plan| plan.name == row.name)?;
        Some(Profile {
            name: row.name.clone(),
            have: plan.have.clone(),
            hours_per_week: plan.hours_per_week,
            budget: plan.budget,
            time_value: plan.time_value,
            notes: None,
        })
    });
    let currency = &loaded.catalog.currency;
    let mut lines = vec![format!("Person: {}", sanitize_line(&row.name))];
    if let Some(profile) = &profile {
        lines.extend(profile_lines(profile, &loaded.catalog, currency));
    }
    lines.push(String::new());
    let header = ["PLAN", "ROLE", "DONE", "COST LEFT", "FINISH", "STATUS"];
    let cells: Vec<Vec<String>> = row
        .plans
        .iter()
        .map(|plan| {
            let mut cells = plan_cells(plan, currency);
            cells[0].clone_from(&plan.name);
            cells
        })
        .collect();
    if cells.is_empty() {
        lines.push("No plans yet.".to_owned());
    } else {
        lines.extend(aligned(&header, &cells, &[2, 3]));
    }
    for (plan, why) in &row.unreadable {
        lines.push(format!(
            "{}: unreadable: {}",
            sanitize_line(plan),
            sanitize_line(why)
        ));
    }
    out.write_all(text_of(&lines).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn profile_lines(profile: &Profile, catalog: &Catalog, currency: &str) -> Vec<String> {
    let mut lines = vec![format!("Hours a week: {}", profile.hours_per_week)];
    if let Some(budget) = profile.budget {
        lines.push(format!("Budget: {} {currency}", budget.money()));
    }
    if let Some(value) = profile.time_value {
        lines.push(format!(
            "An hour of study is worth: {} {currency}",
            value.money()
        ));
    }
    let have = &profile.have;
    if have.credentials.is_empty() {
        lines.push("Holds: no credentials".to_owned());
    } else {
        lines.push("Holds:".to_owned());
        for id in &have.credentials {
            let title = catalog
                .find_credential(id)
                .map_or("not in the catalogs", |idx| {
                    catalog.credential(idx).title.as_ref()
                });
            let earned = have
                .earned
                .get(id)
                .map_or_else(String::new, |date| format!(", earned {date}"));
            lines.push(format!(
                "  {} ({}{earned})",
                sanitize_line(id),
                sanitize_line(title)
            ));
        }
    }
    if !have.skills.is_empty() {
        lines.push(format!(
            "Skills: {}",
            sanitize_line(&have.skills.join(", "))
        ));
    }
    for entry in &have.experience {
        let tenure = match entry.tenure {
            Tenure::Months(months) => format!("{months} months"),
            Tenure::Since(date) => format!("since {date}"),
        };
        lines.push(format!(
            "Experience: {} {tenure}",
            sanitize_line(&entry.field)
        ));
    }
    if let Some(notes) = &profile.notes {
        lines.push(format!("Notes: {}", sanitize_line(notes)));
    }
    lines
}

/// `upskill people move PLAN PERSON`.
pub fn move_plan(out: &mut impl Write, plan: &str, person: &str) -> io::Result<ExitCode> {
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let plan = match saved::find(&store, plan) {
        Ok(plan) => plan,
        Err(message) => return usage(&message),
    };
    let person = match PlanName::parse(person) {
        Ok(person) => person,
        Err(error) => return usage(&error.to_string()),
    };
    let known = store.people().exists(&person);
    match store.move_to_person(&plan, &person, crate::clock::today()) {
        Ok(profile) => {
            writeln!(
                out,
                "plan `{}` is {}'s now{}; they hold {}",
                sanitize_line(plan.as_str()),
                sanitize_line(person.as_str()),
                if known { "" } else { " (a new person)" },
                crate::text::plural(profile.have.credentials.len(), "credential")
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => super::failure(&error.to_string()),
    }
}
