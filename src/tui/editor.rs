//! The user's editor, run on a catalog file at a line, the way `git` and `crontab` run it:
//! `$VISUAL`, else `$EDITOR`, else `vi`, split on spaces (so `code --wait` works), with
//! `+LINE` before the file, which vi, Vim, Neovim, Emacs, nano, micro, Helix and Kakoune all
//! read as "start at this line".

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

/// The editor command from the environment's values of `VISUAL` and `EDITOR`.
pub fn command(
    visual: Option<OsString>,
    editor: Option<OsString>,
    file: &Path,
    line: usize,
) -> Result<Command, String> {
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
    command.args(words).arg(format!("+{line}")).arg(file);
    Ok(command)
}

/// Runs the editor on `file` at `line` and waits for it; the caller has given it the
/// terminal.
pub fn run(file: &Path, line: usize) -> Result<(), String> {
    let mut command = command(
        std::env::var_os("VISUAL"),
        std::env::var_os("EDITOR"),
        file,
        line,
    )?;
    let program = command.get_program().to_string_lossy().into_owned();
    let status = command
        .status()
        .map_err(|error| format!("`{program}` could not be started ({error}); set $EDITOR"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program}` ended with {status}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(command: &Command) -> Vec<String> {
        std::iter::once(command.get_program())
            .chain(command.get_args())
            .map(|word| word.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn visual_then_editor_then_vi_with_the_line_before_the_file() {
        let file = Path::new("cat alogs/acme.yaml");
        let run = |visual: Option<&str>, editor: Option<&str>| {
            words(
                &command(visual.map(Into::into), editor.map(Into::into), file, 14)
                    .expect("a command"),
            )
        };
        assert_eq!(
            run(Some("code --wait"), Some("nano")),
            ["code", "--wait", "+14", "cat alogs/acme.yaml"]
        );
        assert_eq!(
            run(None, Some("nano")),
            ["nano", "+14", "cat alogs/acme.yaml"]
        );
        assert_eq!(run(Some("  "), None), ["vi", "+14", "cat alogs/acme.yaml"]);
    }
}
