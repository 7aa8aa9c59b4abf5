//! `upskill have import FILE|DIR... --plan NAME [--apply]`: a learner's badge wallet (Open
//! Badges 2.0 and 3.0, CLR 2.0) matched to catalog credentials and, with `--apply`, added to
//! what a saved plan holds. Reading and matching are `import::wallet`; adding is
//! `Have::add_holdings`. Nothing is fetched and no signature is checked, and the output
//! says so.

mod report;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{failure, json_inputs, load_valid, saved, usage};
use crate::cli::{CatalogArgs, EXIT_INVALID, HaveImportArgs, ListFormat};
use crate::import::wallet::{self, Match};
use crate::plan::Holding;
use crate::store::{PlanLock, PlanName, PlanStore};
use crate::text::sanitize_line;
use jiff::civil::Date;

/// The largest badge file read: a CLR of a whole degree, with images inline, stays under it.
const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    args: &HaveImportArgs,
) -> io::Result<ExitCode> {
    let inputs = match json_inputs(&args.inputs, MAX_INPUT_BYTES, "badge files (JSON)") {
        Ok(inputs) => inputs,
        Err(code) => return Ok(code),
    };
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let name = match saved::find(&store, &args.plan) {
        Ok(name) => name,
        Err(message) => return usage(&message),
    };
    let loaded = match load_valid(catalogs) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let catalog = &loaded.catalog;
    let found = wallet::read(&inputs, &super::import_ctdl::language());
    for warning in &found.warnings {
        eprintln!("warning: {}", sanitize_line(warning));
    }
    if found.awards.is_empty() {
        eprintln!(
            "upskill: no badge found in the files given; give Open Badges 2.0 assertions, Open Badges 3.0 credentials or CLR 2.0 credentials as JSON"
        );
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let matches = wallet::match_awards(catalog, &found.awards);
    let holdings: Vec<Holding> = found
        .awards
        .iter()
        .zip(&matches)
        .filter_map(|(award, found)| match found {
            Match::Matched { credential, .. } => Some(Holding {
                id: catalog.credential(*credential).id.clone(),
                earned: award.earned,
                expires: award.expires,
            }),
            _ => None,
        })
        .collect();
    let today = crate::clock::today();
    // The lock is taken before the plan is read, so no save by another upskill falls
    // between reading and writing it.
    let mut lock = if args.apply {
        match store.lock(&name) {
            Ok(lock) => Some(lock),
            Err(error) => return failure(&error.to_string()),
        }
    } else {
        None
    };
    let result = hold(&store, &name, today, holdings, lock.as_mut());
    // A command holds the lock only while it writes: no lock file is left behind.
    if let Some(lock) = lock {
        lock.remove_file();
    }
    let Held {
        changed,
        written,
        steps,
    } = match result {
        Ok(held) => held,
        Err(code) => return Ok(code),
    };
    let outcome = report::Outcome {
        plan: name.as_str(),
        files: inputs.len(),
        applied: args.apply,
        changed: &changed,
        steps: &steps,
        written: written.as_deref(),
        today,
    };
    match args.format {
        ListFormat::Text => report::text(out, catalog, &found.awards, &matches, &outcome)?,
        ListFormat::Json => report::json(out, catalog, &found.awards, &matches, &outcome)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// What adding the holdings did to the plan.
struct Held {
    /// The credentials added or given new dates.
    changed: Vec<String>,
    /// The plan file, when it was written.
    written: Option<PathBuf>,
    /// The plan's steps, by credential id.
    steps: Vec<String>,
}

/// Reads the plan and adds the holdings to what it holds, leaving out the credentials that are
/// steps of the plan (a step earned is marked done, not held); with `lock`, saves it. On a
/// failure, says why and gives the exit code.
fn hold(
    store: &PlanStore,
    name: &PlanName,
    today: Date,
    mut holdings: Vec<Holding>,
    lock: Option<&mut PlanLock>,
) -> Result<Held, ExitCode> {
    let mut plan = saved::load(store, &saved::entry(store, name), today)?;
    let steps: Vec<String> = plan.steps.iter().map(|step| step.id.clone()).collect();
    holdings.retain(|holding| !steps.contains(&holding.id));
    let changed = plan.have.add_holdings(&holdings);
    let mut written = None;
    if let Some(lock) = lock
        && !changed.is_empty()
    {
        match store.save(&plan, lock) {
            Ok(saved) => written = Some(saved.path),
            Err(error) => {
                let _ = failure(&error.to_string());
                return Err(ExitCode::from(EXIT_INVALID));
            }
        }
    }
    Ok(Held {
        changed,
        written,
        steps,
    })
}
