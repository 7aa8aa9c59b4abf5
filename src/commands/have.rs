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

pub fn run(
    out: &mut impl Write,
    catalogs: &CatalogArgs,
    args: &HaveImportArgs,
) -> io::Result<ExitCode> {
    let inputs = match json_inputs(&args.inputs, wallet::MAX_FILE_BYTES, "badge files (JSON)") {
        Ok(inputs) => inputs,
        Err(code) => return Ok(code),
    };
    let store = match saved::store() {
        Ok(store) => store,
        Err(code) => return Ok(code),
    };
    let (name, whose) = match (&args.plan, &args.person) {
        (Some(plan), _) => match saved::find(&store, plan) {
            Ok(name) => (name, "plan"),
            Err(message) => return usage(&message),
        },
        (None, Some(person)) => match find_person(&store, person) {
            Ok(name) => (name, "person"),
            Err(message) => return usage(&message),
        },
        (None, None) => return usage("give --plan NAME or --person NAME"),
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
    let holdings = wallet::holdings(catalog, &found.awards, &matches);
    let today = crate::clock::today();
    let result = if whose == "person" {
        to_person(&store, &name, &holdings, args.apply)
    } else {
        to_plan(&store, &name, today, &holdings, args.apply)
    };
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
        whose,
        files: inputs.len(),
        applied: args.apply,
        changed: &changed,
        steps: &steps,
        written: written.as_deref(),
        today,
    };
    print(out, catalog, &found, &matches, args, &outcome)
}

/// The table of badges and matches, or its JSON, and what was written.
fn print(
    out: &mut impl Write,
    catalog: &crate::catalog::Catalog,
    found: &wallet::Wallet,
    matches: &[Match],
    args: &HaveImportArgs,
    outcome: &report::Outcome,
) -> io::Result<ExitCode> {
    match args.format {
        ListFormat::Text => report::text(out, catalog, &found.awards, matches, outcome)?,
        ListFormat::Json => report::json(out, catalog, &found.awards, matches, outcome)?,
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

/// Reads the plan and adds the holdings to what it holds, as [`wallet::hold`] does (the app's
/// import dialog too); with `lock`, saves it. On a
/// failure, says why and gives the exit code.
fn hold(
    store: &PlanStore,
    name: &PlanName,
    today: Date,
    holdings: &[Holding],
    lock: Option<&mut PlanLock>,
) -> Result<Held, ExitCode> {
    let mut plan = saved::load(store, &saved::entry(store, name), today)?;
    let steps: Vec<String> = plan.steps.iter().map(|step| step.id.clone()).collect();
    let changed = wallet::hold(&mut plan, holdings);
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

/// The person `name`, or a usage message with the closest person's name.
fn find_person(store: &PlanStore, name: &str) -> Result<PlanName, String> {
    let name = PlanName::parse(name).map_err(|error| error.to_string())?;
    if store.people().exists(&name) {
        return Ok(name);
    }
    let people = store.people().names().unwrap_or_default();
    Err(format!(
        "no person is named `{}`{} (see `upskill people`)",
        sanitize_line(name.as_str()),
        crate::text::did_you_mean(name.as_str(), people.iter().map(String::as_str))
    ))
}

/// Adds the holdings to saved plan `name` (and so to its person's profile, for a person's
/// plan); written only when `apply`, under the plan's lock, taken before the plan is read so
/// that no save by another upskill falls between reading and writing it.
fn to_plan(
    store: &PlanStore,
    name: &PlanName,
    today: Date,
    holdings: &[Holding],
    apply: bool,
) -> Result<Held, ExitCode> {
    let mut lock = if apply {
        Some(store.lock(name).map_err(|error| {
            let _ = failure(&error.to_string());
            ExitCode::from(EXIT_INVALID)
        })?)
    } else {
        None
    };
    let result = hold(store, name, today, holdings, lock.as_mut());
    // A command holds the lock only while it writes: no lock file is left behind.
    if let Some(lock) = lock {
        lock.remove_file();
    }
    result
}

/// Adds the holdings to person `name`'s profile, merged with what it holds on disk then;
/// written only when `apply`.
fn to_person(
    store: &PlanStore,
    name: &PlanName,
    holdings: &[Holding],
    apply: bool,
) -> Result<Held, ExitCode> {
    let base = store.people().load(name).map_err(|error| {
        saved::print_error(&error);
        ExitCode::from(EXIT_INVALID)
    })?;
    let mut profile = base.clone();
    let changed = profile.have.add_holdings(holdings);
    let mut written = None;
    if apply && !changed.is_empty() {
        store
            .people()
            .save(&profile, Some(&base))
            .map_err(|error| {
                let _ = failure(&error.to_string());
                ExitCode::from(EXIT_INVALID)
            })?;
        written = Some(store.people().path(name));
    }
    Ok(Held {
        changed,
        written,
        steps: Vec::new(),
    })
}
