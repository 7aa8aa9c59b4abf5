//! What the app does with a plan it could not save when it ends: kept in a recovery file and
//! printed, so nothing the user typed is lost.

use std::io::Write;

use super::app::App;

/// After the terminal is back: a plan with changes that could not be saved (the user chose
/// to quit anyway, or a signal ended the app) is kept in a recovery file where one can be
/// written (the terminal may be gone, after SIGHUP), and printed on stderr, so it can be
/// brought back with `upskill import`.
pub(super) fn report(app: &App) -> bool {
    let Some(why) = &app.save_error else {
        return false;
    };
    if app.read_only.is_some() {
        return false;
    }
    let mut err = std::io::stderr().lock();
    let text = match crate::plan::file::to_yaml(&app.plan) {
        Ok(text) => text,
        Err(error) => {
            let _ = writeln!(err, "upskill: the plan could not be written out: {error}");
            return true;
        }
    };
    let name = crate::text::sanitize_line(&app.plan.name);
    let why = crate::text::sanitize_line(why);
    let kept = keep(&text);
    let _ = match &kept {
        Some(path) => writeln!(
            err,
            "upskill: the last changes to plan `{name}` were not saved ({why}). They are kept in {}; bring them back with `upskill import {} --name {name} --force`. The plan as it was in the app:",
            path.display(),
            path.display()
        ),
        None => writeln!(
            err,
            "upskill: the last changes to plan `{name}` were not saved ({why}). Here is the plan as it was in the app; save it as a file and bring it back with `upskill import FILE --force`:"
        ),
    };
    let _ = err.write_all(crate::text::sanitize(&text).as_bytes());
    true
}

/// Writes an unsaved plan to `<data dir>/recovered/`, else the temporary folder: the first
/// place that takes it.
fn keep(text: &str) -> Option<std::path::PathBuf> {
    let stamp = crate::clock::now().strftime("%Y%m%d-%H%M%S").to_string();
    let file = format!("unsaved-{stamp}-{}.yaml", std::process::id());
    let folders = [
        crate::store::data_dir().map(|dir| dir.join("recovered")),
        Some(std::env::temp_dir().join("upskill-recovered")),
    ];
    folders.into_iter().flatten().find_map(|folder| {
        let path = folder.join(&file);
        let options = crate::files::WriteOptions {
            replace: false,
            ..crate::files::WriteOptions::OWN
        };
        crate::files::write(&path, text.as_bytes(), options)
            .ok()
            .map(|()| path)
    })
}
