//! `upskill roles import-esco`: one ESCO occupation to a role. The mapping is
//! `import::esco`; this loads the catalogs whose skills it maps to, writes the role (to -o,
//! atomically, or to standard output) and reports on standard error what was left out.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::catalog::is_id;
use crate::cli::{CatalogArgs, ImportEscoArgs};
use crate::files::{self, WriteError, WriteOptions};
use crate::import::esco::{self, EscoSkill, Files, Mapped};
use crate::import::slug;
use crate::text::{plural, sanitize_line};

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    args: &ImportEscoArgs,
) -> io::Result<ExitCode> {
    if let Some(refused) = refused(args) {
        return refused;
    }
    let loaded = match super::load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let files = Files {
        occupations: &args.occupations,
        relations: &args.relations,
        skills: &args.skills,
    };
    let imported = match esco::import(files, &args.uri, &loaded.catalog) {
        Ok(imported) => imported,
        Err(error) => return super::failure(&error.to_string()),
    };
    let mut err = io::stderr().lock();
    for warning in &imported.warnings {
        writeln!(err, "warning: {}", sanitize_line(warning))?;
    }
    let id = args.id.clone().unwrap_or_else(|| imported.role_id());
    let unmapped: Vec<&EscoSkill> = imported.unmapped_essential().collect();
    for skill in &unmapped {
        writeln!(err, "{}", unmapped_line(skill))?;
    }
    let skills = imported.role_skills();
    let essential = imported
        .skills
        .iter()
        .filter(|skill| skill.essential)
        .count();
    if skills.is_empty() {
        return super::failure(&format!(
            "none of the {} essential skills of `{}` matches a catalog skill, so no role is written; add `same_as: [URI]` to the catalog skills they are, or skills with their names, and import again",
            essential,
            sanitize_line(&imported.occupation.label)
        ));
    }
    if let Some(role) = loaded.catalog.find_role(&id) {
        writeln!(
            err,
            "warning: a role `{id}` is already in {}; loading both is an error: choose another id with --id, or replace that file",
            sanitize_line(&loaded.catalog.role(role).file)
        )?;
    }
    let yaml = esco::role_yaml(&imported, &id);
    let optional = imported.skills.len() - essential;
    let summary = format!(
        "role `{id}` from `{}`: {} of {} essential skills matched ({} catalog {}), {} recommended from {}",
        sanitize_line(&imported.occupation.label),
        essential - unmapped.len(),
        essential,
        skills.len(),
        if skills.len() == 1 { "skill" } else { "skills" },
        imported.recommended().len(),
        plural(optional, "optional skill"),
    );
    let Some(output) = &args.output else {
        out.write_all(yaml.as_bytes())?;
        writeln!(err, "{summary}")?;
        return Ok(ExitCode::SUCCESS);
    };
    let shown = sanitize_line(&output.display().to_string()).into_owned();
    let options = WriteOptions {
        replace: args.force,
        ..WriteOptions::OUTPUT
    };
    match files::write(output, yaml.as_bytes(), options) {
        Ok(()) => {}
        Err(WriteError::Exists) => {
            return super::failure(&format!(
                "{shown} already exists; give --force to replace it, or another -o"
            ));
        }
        Err(error) => return super::failure(&format!("cannot write {shown}: {error}")),
    }
    writeln!(out, "{summary}; written to {shown}")?;
    writeln!(out, "check it: upskill show {id} --catalog {shown}")?;
    Ok(ExitCode::SUCCESS)
}

/// One essential skill left out, with why and the fix.
fn unmapped_line(skill: &EscoSkill) -> String {
    let label = sanitize_line(&skill.label);
    let uri = sanitize_line(&skill.uri);
    match &skill.mapped {
        Mapped::Ambiguous(ids) => format!(
            "unmatched: essential skill `{label}` ({uri}) is the name of several catalog skills ({}); add `same_as: [{uri}]` to the one it is",
            ids.join(", ")
        ),
        _ => format!(
            "unmatched: essential skill `{label}` ({uri}); add `same_as: [{uri}]` to a skill in your catalog, or a skill named `{label}`"
        ),
    }
}

/// The options' mistakes, said before the files are read (which takes a while at ESCO's
/// size): an id that is not one, an -o that is a folder, or a file there without --force.
fn refused(args: &ImportEscoArgs) -> Option<io::Result<ExitCode>> {
    if let Some(id) = args.id.as_deref().filter(|id| !is_id(id)) {
        let fixed = slug(id);
        let hint = if is_id(&fixed) {
            format!(", like `{fixed}`")
        } else {
            String::new()
        };
        return Some(super::usage(&format!(
            "--id `{id}` is not a role id: write lowercase letters and digits joined by single hyphens{hint}"
        )));
    }
    if let Some(output) = &args.output {
        let shown = sanitize_line(&output.display().to_string()).into_owned();
        if output.is_dir() {
            return Some(super::usage(&format!(
                "{shown} is a folder; give -o a file in it, like {}",
                sanitize_line(&output.join("ROLE.yaml").display().to_string())
            )));
        }
        if !args.force && output.symlink_metadata().is_ok() {
            return Some(super::failure(&format!(
                "{shown} already exists; give --force to replace it, or another -o"
            )));
        }
    }
    None
}
