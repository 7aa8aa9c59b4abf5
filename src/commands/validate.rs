//! `upskill validate [--strict] [--format text|json|github] [--max-age MONTHS]`: every
//! problem, then a summary; facts checked longer ago than the maximum age are warned about.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::catalog::{Problem, Report};
use crate::cli::{CatalogArgs, EXIT_INVALID, ProblemFormat};

pub fn run(
    out: &mut impl Write,
    args: &CatalogArgs,
    strict: bool,
    format: ProblemFormat,
    max_age_months: u32,
) -> io::Result<ExitCode> {
    let freshness = crate::catalog::freshness::Freshness {
        today: crate::clock::today(),
        max_age_months,
    };
    let loaded = crate::catalog::cache::load_checking(
        &args.sources(),
        freshness,
        args.cache_dir().as_deref(),
    );
    match format {
        ProblemFormat::Text => {
            for problem in &loaded.problems {
                writeln!(out, "{problem}")?;
            }
            writeln!(out, "{}", loaded.summary())?;
        }
        ProblemFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &as_json(&loaded))?;
            writeln!(out)?;
        }
        ProblemFormat::Github => {
            for problem in &loaded.problems {
                writeln!(out, "{}", annotation(problem))?;
            }
            writeln!(out, "{}", loaded.summary())?;
        }
    }
    let tally = loaded.tally();
    let failed = tally.errors > 0 || (strict && tally.warnings > 0);
    Ok(if failed {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    })
}

fn as_json(loaded: &Report) -> serde_json::Value {
    let problems: Vec<serde_json::Value> = loaded
        .problems
        .iter()
        .map(|problem| {
            let kind = problem.kind();
            serde_json::json!({
                "file": &*problem.file,
                "line": problem.position.line,
                "column": problem.position.column,
                "severity": problem.severity.to_string(),
                "code": kind.code,
                "message": problem.message,
                "suggestion": problem.suggestion(),
                "fix": kind.fix,
            })
        })
        .collect();
    let tally = loaded.tally();
    serde_json::json!({
        "problems": problems,
        "providers": loaded.counts.providers,
        "credentials": loaded.counts.credentials,
        "roles": loaded.counts.roles,
        "errors": tally.errors,
        "warnings": tally.warnings,
    })
}

/// A GitHub Actions workflow command: `::error file=F,line=L,col=C,title=T::message`.
fn annotation(problem: &Problem) -> String {
    let command = if problem.is_error() {
        "error"
    } else {
        "warning"
    };
    format!(
        "::{command} file={},line={},col={},title={}::{}",
        property(&problem.file),
        problem.position.line,
        problem.position.column,
        property(&format!("upskill {}", problem.kind().code)),
        data(&problem.message),
    )
}

/// Escapes a workflow command's message, as the runner unescapes it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value, where `:` and `,` separate too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_what_would_end_them() {
        assert_eq!(data("50% off\nnext"), "50%25 off%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
