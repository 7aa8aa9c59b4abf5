//! The files a path names, read for a wallet import in the app: one file, or the `.json` and
//! `.jsonld` files in a folder. Bounded, so that a path typed by mistake (a FIFO, a device,
//! a home folder) costs little: each file through the bounded reader, a folder walked to a
//! limited depth and number of entries.

use std::path::Path;

use crate::files;
use crate::import::Input;

/// The largest badge file read: a CLR of a whole degree, with images inline, stays under it.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most a folder's files may hold together.
const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries of a folder looked at, and the most files read from it.
const MAX_ENTRIES: usize = 20_000;
const MAX_FILES: usize = 2_000;
const MAX_DEPTH: usize = 8;

/// Whether `path` is a file a folder's import reads.
pub fn is_badge_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "json" || ext == "jsonld")
}

/// The file at `path`, or the badge files in the folder at `path`, read as text. `shown` is
/// how a message names `path` (as the user typed it). An error names the file and what to
/// do, and completes no sentence: it is shown as it is.
pub fn gather(path: &Path, shown: &str) -> Result<Vec<Input>, String> {
    let name = |path: &Path| crate::text::sanitize_line(&path.display().to_string()).into_owned();
    let meta = std::fs::metadata(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => {
            format!("{shown}: no such file or folder; give a badge file (JSON) or a folder of them")
        }
        _ => format!("{shown}: cannot be read: {error}"),
    })?;
    if !meta.is_dir() {
        let text = files::read_text(path, MAX_FILE_BYTES)
            .map_err(|error| format!("{shown}: cannot be read: {error}"))?;
        return Ok(vec![Input {
            name: shown.to_owned(),
            text,
        }]);
    }
    let mut found = Vec::new();
    let walk = walkdir::WalkDir::new(path)
        .follow_links(true)
        .max_depth(MAX_DEPTH)
        .into_iter()
        .take(MAX_ENTRIES)
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file() && is_badge_file(entry.path()));
    for entry in walk {
        if found.len() == MAX_FILES {
            return Err(format!(
                "{shown}: more than {MAX_FILES} badge files in this folder; give a folder of one learner's badges"
            ));
        }
        found.push(entry.into_path());
    }
    if found.is_empty() {
        return Err(format!(
            "{shown}: no .json or .jsonld files in this folder; give Open Badges or CLR credentials as JSON"
        ));
    }
    found.sort();
    let mut inputs = Vec::new();
    let mut total = 0u64;
    for file in &found {
        let text = files::read_text(file, MAX_FILE_BYTES)
            .map_err(|error| format!("{}: cannot be read: {error}", name(file)))?;
        total += text.len() as u64;
        if total > MAX_TOTAL_BYTES {
            return Err(format!(
                "{shown}: its badge files hold more than {}; give a folder of one learner's badges",
                files::bytes(MAX_TOTAL_BYTES)
            ));
        }
        inputs.push(Input {
            name: name(file),
            text,
        });
    }
    Ok(inputs)
}

/// A path's badges, read.
#[derive(Debug)]
pub struct Loaded {
    pub wallet: super::Wallet,
    /// How many files were read.
    pub files: usize,
}

/// [`gather`] then [`super::read`], in the language `lang`: the app's import dialog reads a
/// path through this.
pub fn load(path: &Path, shown: &str, lang: &str) -> Result<Loaded, String> {
    let inputs = gather(path, shown)?;
    Ok(Loaded {
        wallet: super::read(&inputs, lang),
        files: inputs.len(),
    })
}
