//! Signals, answered as a full-screen program should: SIGTERM, SIGINT and SIGHUP save the plan
//! and end the app with 128 + the signal's number; SIGTSTP gives the terminal back to the
//! shell and stops, and `fg` brings the app back, redrawn.

use std::sync::mpsc::{Receiver, channel};

/// The signal a closed terminal sends, and what the app makes of the terminal hanging up.
#[cfg(unix)]
pub const HANG_UP: i32 = signal_hook::consts::SIGHUP;
#[cfg(not(unix))]
pub const HANG_UP: i32 = 1;

/// How long the app has to save and go after a signal to end, before the process ends
/// itself: whatever the app is doing then (a long reload), a signal to end is obeyed. Every
/// change is saved as it is made, so this loses at most a save that was failing anyway.
const GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// The signal that suspends the app.
#[cfg(unix)]
pub const SUSPEND: i32 = signal_hook::consts::SIGTSTP;
#[cfg(not(unix))]
pub const SUSPEND: i32 = 20;

/// Starts passing the signals to the event loop, which reads them between keys; `None` when
/// they cannot be caught (then they act as they would on any program).
#[cfg(unix)]
pub fn forward() -> Option<Receiver<i32>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP]).ok()?;
    let (sender, receiver) = channel();
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                if sender.send(signal).is_err() {
                    break;
                }
                if signal != SUSPEND {
                    std::thread::spawn(move || {
                        std::thread::sleep(GRACE);
                        super::terminal::leave();
                        std::process::exit(128 + signal);
                    });
                }
            }
        })
        .ok()?;
    Some(receiver)
}

#[cfg(not(unix))]
pub fn forward() -> Option<Receiver<i32>> {
    let _ = channel::<i32>;
    None
}

/// Whether a shell can take the terminal back while upskill is stopped: not when upskill
/// leads its own terminal session (`xterm -e upskill`, `ssh -t host upskill`), where a
/// stopped upskill would stay stopped with nobody to continue it.
pub fn can_suspend() -> bool {
    #[cfg(unix)]
    {
        rustix::process::getsid(None).is_ok_and(|session| session != rustix::process::getpid())
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Whether upskill's process group has the terminal (it runs in the foreground).
pub fn in_foreground() -> bool {
    #[cfg(unix)]
    {
        rustix::termios::tcgetpgrp(rustix::stdio::stdin())
            .map_or(true, |group| group == rustix::process::getpgrp())
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Stops upskill's process group, as the terminal's Ctrl-z would have without raw mode, so
/// that a wrapper script stops with it and the shell sees the job stopped; returns once
/// the job is continued (`fg`).
pub fn stop_here() {
    #[cfg(unix)]
    {
        use rustix::process::{Signal, kill_current_process_group};
        if kill_current_process_group(Signal::STOP).is_err() {
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
        }
    }
}
