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
use crate::plan::{Have, Holdings, Objective, Options, Plan, Step, recommend};
use crate::store::{self, PlanName};
use crate::text::{did_you_mean, sanitize_line};

pub fn run(out: &mut impl Write, catalogs: &CatalogArgs, args: &PlanArgs) -> io::Result<ExitCode> {
    let save = match args.save.as_deref().map(PlanName::parse).transpose() {
        Ok(save) => save,
        Err(error) => return usage(&error.to_string()),
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
    let mut have = Holdings::new(catalog);
    for &idx in &held {
        have.add_credential(catalog, idx);
    }
    for &idx in &skills {
        have.add_skill(catalog, idx);
    }
    for (&field, entry) in fields.iter().zip(&args.experience) {
        have.add_experience(catalog, field, entry.tenure);
    }
    let objective = match args.optimize {
        Optimize::Cost => Objective::Cost,
        Optimize::Hours => Objective::Hours,
    };
    let options = Options {
        objective,
        budget: args.budget.map(Amount::from_f64),
        max_hours: args.max_hours.map(Amount::from_f64),
        time_value: args.time_value.map(Amount::from_f64),
        deadline: Instant::now().checked_add(Duration::from_secs_f64(args.time_limit)),
        max_nodes: None,
    };
    let recommendation = recommend(catalog, role, &have, &options);
    let plan = Plan {
        name: save.as_ref().map(PlanName::to_string).unwrap_or_default(),
        role: Some(catalog.role(role).id.clone()),
        have: Have {
            earned: std::collections::BTreeMap::new(),
            expires: std::collections::BTreeMap::new(),
            credentials: held
                .iter()
                .map(|&c| catalog.credential(c).id.clone())
                .collect(),
            skills: skills
                .iter()
                .map(|&s| catalog.skill(s).id.clone())
                .collect(),
            experience: args.experience.clone(),
        },
        hours_per_week: Amount::from_f64(args.hours_per_week),
        start: args.start.unwrap_or_else(crate::clock::today),
        budget: options.budget,
        time_value: options.time_value,
        steps: recommendation
            .steps
            .iter()
            .map(|&c| Step::planned(catalog.credential(c).id.clone()))
            .collect(),
        notes: None,
    };
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
            None
        }
        PlanFormat::Json => Some(export::render(&report, ExportFormat::Json)),
        PlanFormat::Markdown => Some(export::render(&report, ExportFormat::Markdown)),
    };
    if let Some(rendered) = rendered {
        out.write_all(rendered.as_bytes())?;
    }
    if save.is_some() {
        let store = match super::saved::store() {
            Ok(store) => store,
            Err(code) => return Ok(code),
        };
        match store.create(&plan, args.force) {
            Ok(path) => {
                // On stderr, so that `--format json --save x` still prints one JSON object.
                let _ = writeln!(
                    io::stderr(),
                    "saved the plan to {}",
                    sanitize_line(&path.display().to_string())
                );
            }
            Err(error @ store::StoreError::Exists { .. }) => return usage(&error.to_string()),
            Err(error) => return failure(&error.to_string()),
        }
    }
    Ok(ExitCode::SUCCESS)
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
