//! The app's full-screen mode in one place: raw mode, the alternate screen, mouse capture,
//! bracketed paste and a hidden cursor, entered at start and after a suspend, and left the same
//! way on every exit (quit, signal, suspend, panic).

use std::io::{self, Write as _};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Takes the terminal over.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Hide
    )
}

/// Gives the terminal back as it was; best effort, since it may be gone (SIGHUP).
pub fn leave() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// What the terminal has for the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key or other input is waiting, or the wait ran out.
    Maybe,
    /// The terminal is gone (its window closed): nothing will ever come.
    HungUp,
}

/// Waits up to `wait` for input on the terminal, and says whether it hung up.
pub fn wait_for_input(wait: std::time::Duration) -> Input {
    #[cfg(unix)]
    {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let stdin = rustix::stdio::stdin();
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        let timeout = Timespec::try_from(wait).ok();
        if poll(&mut fds, timeout.as_ref()).is_ok()
            && fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
        {
            return Input::HungUp;
        }
        Input::Maybe
    }
    #[cfg(not(unix))]
    {
        let _ = wait;
        Input::Maybe
    }
}
