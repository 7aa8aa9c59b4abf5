//! `upskill graph [--role ID] [--format dot|mermaid]`: the prerequisite graph.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::catalog::Catalog;
use crate::cli::{CatalogArgs, EXIT_USAGE, GraphFormat};
use crate::export::graph::{Drawing, dot, mermaid};
use crate::text::{did_you_mean, sanitize_line};

pub fn run(
    out: &mut impl Write,
    args: &CatalogArgs,
    role: Option<&str>,
    format: GraphFormat,
) -> io::Result<ExitCode> {
    let loaded = match super::load_valid(args) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let catalog = &loaded.catalog;
    let credentials = if let Some(id) = role {
        let Some(role) = catalog.find_role(id) else {
            writeln!(
                io::stderr().lock(),
                "upskill: {}",
                unknown_role(catalog, id)
            )?;
            return Ok(ExitCode::from(EXIT_USAGE));
        };
        catalog.contributors(role)
    } else {
        catalog.credential_indices().collect()
    };
    let drawing = Drawing::of(catalog, &credentials);
    let text = match format {
        GraphFormat::Dot => dot(catalog, &drawing),
        GraphFormat::Mermaid => mermaid(catalog, &drawing),
    };
    out.write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub fn unknown_role(catalog: &Catalog, id: &str) -> String {
    let hint = did_you_mean(id, catalog.roles.iter().map(|role| role.id.as_str()));
    let hint = if hint.is_empty() {
        "; `upskill roles` lists them".to_owned()
    } else {
        hint
    };
    format!("no role has the id `{}`{hint}", sanitize_line(id))
}
