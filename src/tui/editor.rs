//! The user's editor, run on a catalog file at a problem's place, the way `git` and
//! `crontab` run it: `$VISUAL`, else `$EDITOR`, else `vi`, split on spaces (so `code --wait`
//! works). Editors known to take a column get the line and the column; any other gets
//! `+LINE` before the file, which nearly every terminal editor reads as "start at this line".

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

/// Where to start the editor: a line, and a column counted in characters and in bytes (Vim
/// counts bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub byte_column: usize,
}

/// The editor command from the environment's values of `VISUAL` and `EDITOR`.
pub fn command(
    visual: Option<OsString>,
    editor: Option<OsString>,
    file: &Path,
    place: Place,
) -> Result<Command, String> {
    let Place {
        line,
        column,
        byte_column,
    } = place;
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .find(|value| !value.to_string_lossy().trim().is_empty())
        .unwrap_or_else(|| OsString::from("vi"));
    let chosen = chosen
        .into_string()
        .map_err(|_| "$VISUAL or $EDITOR is not valid UTF-8".to_owned())?;
    let mut words = chosen.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let mut command = Command::new(program);
    command.args(words);
    let name = Path::new(program)
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let column = column.max(1);
    match name.as_str() {
        "vi" | "vim" | "nvim" | "gvim" | "view" => {
            let byte_column = byte_column.max(1);
            command
                .arg(format!("+call cursor({line}, {byte_column})"))
                .arg(file);
        }
        "nano" | "pico" => {
            command.arg(format!("+{line},{column}")).arg(file);
        }
        "emacs" | "emacsclient" | "micro" | "kak" => {
            command.arg(format!("+{line}:{column}")).arg(file);
        }
        "hx" | "helix" => {
            let mut place = file.as_os_str().to_owned();
            place.push(format!(":{line}:{column}"));
            command.arg(place);
        }
        "code" | "codium" | "subl" | "zed" => {
            let mut place = file.as_os_str().to_owned();
            place.push(format!(":{line}:{column}"));
            if matches!(name.as_str(), "code" | "codium") {
                command.arg("--goto");
            }
            command.arg(place);
        }
        _ => {
            command.arg(format!("+{line}")).arg(file);
        }
    }
    Ok(command)
}

/// Starts the editor on `file` at `place`; the caller has given it the
/// terminal, and waits for it with [`outcome`].
pub fn start(file: &Path, place: Place) -> Result<(std::process::Child, String), String> {
    let mut command = command(
        std::env::var_os("VISUAL"),
        std::env::var_os("EDITOR"),
        file,
        place,
    )?;
    let program = command.get_program().to_string_lossy().into_owned();
    let child = command
        .spawn()
        .map_err(|error| format!("`{program}` could not be started ({error}); set $EDITOR"))?;
    Ok((child, program))
}

/// How the editor ended, in words when it failed.
pub fn outcome(program: &str, status: std::process::ExitStatus) -> Result<(), String> {
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program}` ended with {status}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(visual: Option<&str>, editor: Option<&str>) -> Vec<String> {
        let file = Path::new("cat alogs/acme.yaml");
        let place = Place {
            line: 14,
            column: 6,
            byte_column: 8,
        };
        let command = command(visual.map(Into::into), editor.map(Into::into), file, place)
            .expect("a command");
        std::iter::once(command.get_program())
            .chain(command.get_args())
            .map(|word| word.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn visual_then_editor_then_vi_at_the_line_and_column_where_the_editor_can() {
        assert_eq!(
            words(Some("code --wait"), Some("nano")),
            ["code", "--wait", "--goto", "cat alogs/acme.yaml:14:6"]
        );
        assert_eq!(
            words(None, Some("nano")),
            ["nano", "+14,6", "cat alogs/acme.yaml"]
        );
        assert_eq!(
            words(Some("  "), None),
            ["vi", "+call cursor(14, 8)", "cat alogs/acme.yaml"]
        );
        assert_eq!(
            words(None, Some("/usr/bin/emacsclient -t")),
            ["/usr/bin/emacsclient", "-t", "+14:6", "cat alogs/acme.yaml"]
        );
        assert_eq!(words(None, Some("hx")), ["hx", "cat alogs/acme.yaml:14:6"]);
        assert_eq!(
            words(None, Some("ed")),
            ["ed", "+14", "cat alogs/acme.yaml"]
        );
    }
}
