//! The real terminal: the app's full-screen mode in one place (raw mode, the alternate
//! screen, mouse capture, bracketed paste and a hidden cursor, entered at start and after a
//! suspend, and left the same way on every exit), and its events, with the watcher's catalog
//! changes and the signals.

use std::io::{self, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use super::runtime::{Event, Events, Suspended};
use super::signals;

/// Whether the app has the terminal in its full-screen mode: leaving it twice would send a
/// suspended, backgrounded upskill's mode changes to a terminal it no longer owns (which
/// stops the process again, with SIGTTOU).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Takes the terminal over.
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Hide
    )
}

/// Gives the terminal back as it was, once; best effort, since it may be gone (SIGHUP).
pub fn leave() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
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
pub fn wait_for_input(wait: Duration) -> Input {
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

/// Events from the real terminal, catalog changes from the watcher, and signals.
pub struct TerminalEvents {
    pub changes: Option<std::sync::mpsc::Receiver<()>>,
    pub signals: Option<std::sync::mpsc::Receiver<i32>>,
    /// The terminal has hung up: nothing more will come from it.
    pub hung_up: bool,
    /// Signals that came while the editor ran, passed on before anything else.
    pub replay: Vec<i32>,
}

impl TerminalEvents {
    /// A signal or a catalog change, if one is waiting.
    fn pending(&mut self) -> Option<Event> {
        if !self.replay.is_empty() {
            return Some(Event::Signal(self.replay.remove(0)));
        }
        if let Some(signal) = self.signals.as_ref().and_then(|s| s.try_recv().ok()) {
            return Some(Event::Signal(signal));
        }
        let changes = self.changes.as_ref()?;
        changes.try_recv().ok()?;
        while changes.try_recv().is_ok() {}
        Some(Event::CatalogChanged)
    }
}

impl Events for TerminalEvents {
    fn next(&mut self) -> io::Result<Option<Event>> {
        loop {
            if let Some(event) = self.pending() {
                return Ok(Some(event));
            }
            if let Some(event) = self.terminal(Duration::from_millis(100))? {
                return Ok(Some(event));
            }
        }
    }

    fn ready(&mut self) -> io::Result<Option<Event>> {
        if let Some(event) = self.pending() {
            return Ok(Some(event));
        }
        self.terminal(Duration::ZERO)
    }

    fn suspend(&mut self) -> io::Result<Suspended> {
        if !signals::can_suspend() {
            return Ok(Suspended::NoShell);
        }
        leave();
        loop {
            signals::stop_here();
            // Continued: by `fg`, by `bg`, or by a shell passing on a signal to end (`kill %1`
            // sends SIGTERM then SIGCONT; a shell that exits sends SIGHUP and SIGCONT).
            if let Some(signal) = self.ending_signal() {
                return Ok(Suspended::Ending(signal));
            }
            // In the background (`bg`) a full-screen app cannot run: it waits for `fg`.
            if signals::in_foreground() {
                break;
            }
        }
        if enter().is_err() {
            // The terminal went away while the app was stopped.
            self.hung_up = true;
            return Ok(Suspended::Ending(signals::HANG_UP));
        }
        Ok(Suspended::Resumed)
    }

    fn edit(
        &mut self,
        file: &std::path::Path,
        place: super::editor::Place,
    ) -> io::Result<Result<(), String>> {
        Ok(self.run_editor(file, place))
    }
}

impl TerminalEvents {
    fn run_editor(
        &mut self,
        file: &std::path::Path,
        place: super::editor::Place,
    ) -> Result<(), String> {
        leave();
        let result = super::editor::start(file, place)
            .and_then(|(child, program)| self.wait_for_editor(child, &program));
        if enter().is_err() {
            // The terminal went away while the editor had it.
            self.hung_up = true;
        }
        result
    }

    /// Waits for the editor to end. Signals come meanwhile: Ctrl-z in the editor stops the
    /// editor and reaches upskill too (one process group), so upskill stops the whole job
    /// for the shell, and both go on at `fg`; a signal to end is kept for after.
    fn wait_for_editor(
        &mut self,
        mut child: std::process::Child,
        program: &str,
    ) -> Result<(), String> {
        loop {
            match child.try_wait() {
                Ok(Some(status)) => return super::editor::outcome(program, status),
                Ok(None) => {}
                Err(error) => return Err(format!("`{program}` could not be waited for ({error})")),
            }
            let wait = Duration::from_millis(50);
            match self
                .signals
                .as_ref()
                .map(|signals| signals.recv_timeout(wait))
            {
                Some(Ok(signal)) if signal == signals::SUSPEND => signals::stop_here(),
                Some(Ok(signal)) => self.replay.push(signal),
                Some(Err(_)) => {}
                None => std::thread::sleep(wait),
            }
        }
    }

    /// A signal to end the app that came with the SIGCONT that woke it, if any. The signal
    /// thread passes signals on a moment after they arrive, so it is given that moment.
    fn ending_signal(&mut self) -> Option<i32> {
        let signals = self.signals.as_ref()?;
        let mut wait = Duration::from_millis(50);
        loop {
            match signals.recv_timeout(wait) {
                Ok(signal) if signal != signals::SUSPEND => return Some(signal),
                Ok(_) => wait = Duration::ZERO,
                Err(_) => return None,
            }
        }
    }
}

impl TerminalEvents {
    /// The terminal's next event, waiting up to `wait` for a key. A terminal that hung up (its
    /// window closed) is SIGHUP's event, and crossterm is not asked again: crossterm 0.29
    /// reads a hung-up terminal's end of file in a loop, forever.
    fn terminal(&mut self, wait: Duration) -> io::Result<Option<Event>> {
        let hang_up = Ok(Some(Event::Signal(signals::HANG_UP)));
        if self.hung_up || wait_for_input(Duration::ZERO) == Input::HungUp {
            self.hung_up = true;
            return hang_up;
        }
        // Events crossterm already has (several keys read at once, a resize) come first.
        if crossterm::event::poll(Duration::ZERO)? {
            return crossterm::event::read().map(|event| Some(Event::Terminal(event)));
        }
        if wait.is_zero() {
            return Ok(None);
        }
        if wait_for_input(wait) == Input::HungUp {
            self.hung_up = true;
            return hang_up;
        }
        if crossterm::event::poll(Duration::ZERO)? {
            return crossterm::event::read().map(|event| Some(Event::Terminal(event)));
        }
        Ok(None)
    }
}
