//! `upskill plan`: the recommended plan for a role, scheduled, as a table, JSON or
//! Markdown, and optionally saved.

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::plan_output;
use super::{failure, load_valid, usage};
use crate::catalog::{Amount, Catalog, CredentialIdx, RoleIdx, SkillIdx};
use crate::cli::{CatalogArgs, Optimize, PlanArgs, PlanFormat};
use crate::export::{self, ExportFormat, Report};
use crate::plan::{
    Have, Holdings, Objective, Options, Overrides, Person, Plan, Profile, Step, recommend,
};
use crate::store::{self, PlanName};
use crate::text::{did_you_mean, sanitize_line};

pub fn run(out: &mut impl Write, catalogs: &CatalogArgs, args: &PlanArgs) -> io::Result<ExitCode> {
    let save = match args.save.as_deref().map(PlanName::parse).transpose() {
        Ok(save) => save,
        Err(error) => return usage(&error.to_string()),
    };
    let person = match args.person.as_deref().map(PlanName::parse).transpose() {
        Ok(person) => person.or_else(|| save.clone()),
        Err(error) => return usage(&format!("--person: {error}")),
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let catalog = &loaded.catalog;
    let (role, held, skills, fields) = match resolve(catalog, args) {
        Ok(found) => found,
        Err(message) => return usage(&message),
    };
    let store = match &person {
        Some(_) => match super::saved::store() {
            Ok(store) => Some(store),
            Err(code) => return Ok(code),
        },
        None => None,
    };
    let start = args.start.unwrap_or_else(crate::clock::today);
    let mut plan = match new_plan(args, store.as_ref(), person.as_ref(), save.as_ref(), start) {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    plan.role = Some(catalog.role(role).id.clone());
    add_held(&mut plan.have, catalog, &held, &skills, &args.experience);
    let have = Holdings::of_have(catalog, &plan.have, start);
    let _ = fields;
    let objective = match args.optimize {
        Optimize::Cost => Objective::Cost,
        Optimize::Hours => Objective::Hours,
    };
    plan.max_hours = args.max_hours.map(Amount::from_f64);
    let options = Options {
        objective,
        budget: plan.budget,
        max_hours: plan.hours_limit(start),
        time_value: plan.time_value,
        deadline: Instant::now().checked_add(Duration::from_secs_f64(args.time_limit)),
        max_nodes: None,
    };
    let recommendation = recommend(catalog, role, &have, &options);
    plan.steps = recommendation
        .steps
        .iter()
        .map(|&c| Step::planned(catalog.credential(c).id.to_string()))
        .collect();
    let report = Report::recommended(
        catalog,
        &plan,
        &recommendation,
        &options,
        &crate::clock::now(),
    );
    let rendered = match args.format {
        PlanFormat::Text => {
            plan_output::text(out, &report)?;
            if let Some(pace) =
                pace_to_finish(catalog, role, &have, &plan, &recommendation, &options)
            {
                writeln!(out, "{pace}")?;
            }
            None
        }
        PlanFormat::Json => Some(export::render(&report, ExportFormat::Json)),
        PlanFormat::Markdown => Some(export::render(&report, ExportFormat::Markdown)),
    };
    if let Some(rendered) = rendered {
        out.write_all(rendered.as_bytes())?;
    }
    if let (Some(store), Some(_)) = (&store, &save) {
        match store.create(&plan, args.force) {
            Ok(store::Written { path, person }) => {
                // On stderr, so that `--format json --save x` still prints one JSON object.
                let _ = writeln!(
                    io::stderr(),
                    "saved the plan to {}{}",
                    sanitize_line(&path.display().to_string()),
                    person.map_or_else(String::new, |person| format!(
                        ", for person `{}`",
                        sanitize_line(&person.name)
                    ))
                );
            }
            Err(error @ store::StoreError::Exists { .. }) => return usage(&error.to_string()),
            Err(error) => return failure(&error.to_string()),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The plan before its steps: a person's plan takes what they hold and their settings (a
/// person not known yet is made from the options); the options' settings are the plan's own.
fn new_plan(
    args: &PlanArgs,
    store: Option<&store::PlanStore>,
    person: Option<&PlanName>,
    save: Option<&PlanName>,
    start: jiff::civil::Date,
) -> Result<Plan, ExitCode> {
    let profile = match (store, person) {
        (Some(store), Some(name)) => match store.people().load(name) {
            Ok(profile) => Some(profile),
            Err(store::LoadError::Read {
                source: crate::files::ReadError::NotFound,
                ..
            }) => None,
            Err(error) => {
                let _ = failure(&error.paragraph());
                return Err(ExitCode::from(crate::cli::EXIT_INVALID));
            }
        },
        _ => None,
    };
    let mut plan = Plan::new(save.map(PlanName::to_string).unwrap_or_default(), start);
    plan.finish_by = args.finish_by;
    if let Some(name) = person {
        let mut profile = profile.unwrap_or_else(|| Profile::new(name.to_string()));
        // A new person takes the settings given; a person known already keeps theirs, and
        // the settings given are this plan's own.
        let known = store.is_some_and(|store| store.people().exists(name));
        if !known {
            profile.hours_per_week = args
                .hours_per_week
                .map_or(profile.hours_per_week, Amount::from_f64);
            profile.budget = args.budget.map(Amount::from_f64);
            profile.time_value = args.time_value.map(Amount::from_f64);
        }
        let mut person = Person::named(name.to_string());
        person.overrides = Overrides {
            hours_per_week: known && args.hours_per_week.is_some(),
            budget: known && args.budget.is_some(),
            time_value: known && args.time_value.is_some(),
        };
        plan.person = Some(person);
        profile.apply_to(&mut plan);
        if !known {
            // Nothing of the person's is on disk yet: the profile is written with the plan.
            if let Some(person) = plan.person.as_mut() {
                person.base = None;
            }
        }
    }
    if args.hours_per_week.is_some() || person.is_none() {
        plan.hours_per_week = Amount::from_f64(args.hours_per_week.unwrap_or(10.0));
    }
    if args.budget.is_some() || person.is_none() {
        plan.budget = args.budget.map(Amount::from_f64);
    }
    if args.time_value.is_some() || person.is_none() {
        plan.time_value = args.time_value.map(Amount::from_f64);
    }
    Ok(plan)
}

/// Adds what the options name to what is held, each once.
fn add_held(
    have: &mut Have,
    catalog: &Catalog,
    held: &[CredentialIdx],
    skills: &[SkillIdx],
    experience: &[crate::plan::Experience],
) {
    for &idx in held {
        let id = &*catalog.credential(idx).id;
        if !have.credentials.iter().any(|held| held == id) {
            have.credentials.push(id.to_owned());
        }
    }
    for &idx in skills {
        let id = &catalog.skill(idx).id;
        if !have.skills.contains(id) {
            have.skills.push(id.clone());
        }
    }
    for entry in experience {
        have.experience.retain(|known| known.field != entry.field);
        have.experience.push(entry.clone());
    }
}

/// When the finish-by date leaves the plan short of requirements it could meet with more
/// time: the hours a week that would make the date.
fn pace_to_finish(
    catalog: &Catalog,
    role: RoleIdx,
    have: &Holdings,
    plan: &Plan,
    limited: &crate::plan::Recommendation,
    options: &Options,
) -> Option<String> {
    let by = plan.finish_by?;
    if limited.unmet.is_empty() {
        return None;
    }
    // The fewest hours that meet more: the slowest pace that makes the date.
    let free = Options {
        max_hours: None,
        objective: Objective::Hours,
        ..options.clone()
    };
    let unlimited = recommend(catalog, role, have, &free);
    if unlimited.met <= limited.met {
        return None;
    }
    let pace = crate::plan::deadline::pace_needed(plan.start, by, unlimited.total_hours)?;
    Some(format!(
        "To meet {} more requirement{} by {by}, the plan needs {} hours a week (it has {}): {} hours in all.",
        unlimited.met - limited.met,
        if unlimited.met - limited.met == 1 {
            ""
        } else {
            "s"
        },
        pace,
        plan.hours_per_week,
        unlimited.total_hours,
    ))
}

type Resolved = (RoleIdx, Vec<CredentialIdx>, Vec<SkillIdx>, Vec<SkillIdx>);

/// The role, held credentials, held skills and experience fields the options name, or a
/// message saying which one is unknown and what was probably meant.
fn resolve(catalog: &Catalog, args: &PlanArgs) -> Result<Resolved, String> {
    let role = catalog.find_role(&args.role).ok_or_else(|| {
        format!(
            "unknown role `{}`{} (see `upskill roles`)",
            args.role,
            did_you_mean(&args.role, catalog.roles.iter().map(|r| r.id.as_str()))
        )
    })?;
    let mut held = Vec::new();
    for id in &args.have {
        let idx = catalog.find_credential(id).ok_or_else(|| {
            format!(
                "unknown credential `{id}` in --have{}",
                did_you_mean(id, catalog.credential_id_strs())
            )
        })?;
        held.push(idx);
    }
    let mut skills = Vec::new();
    for id in &args.skill {
        let idx = catalog.find_skill(id).ok_or_else(|| {
            format!(
                "unknown skill `{id}` in --skill{}",
                did_you_mean(id, catalog.skills.iter().map(|s| s.id.as_str()))
            )
        })?;
        skills.push(idx);
    }
    let mut fields = Vec::new();
    for entry in &args.experience {
        let idx = catalog.find_skill(&entry.field).ok_or_else(|| {
            format!(
                "unknown field `{}` in --experience: a field is a skill id{}",
                entry.field,
                did_you_mean(&entry.field, catalog.skill_names())
            )
        })?;
        fields.push(idx);
    }
    Ok((role, held, skills, fields))
}
