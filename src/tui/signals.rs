//! Signals, answered as a full-screen program should: SIGTERM, SIGINT and SIGHUP save the plan
//! and end the app with 128 + the signal's number; SIGTSTP gives the terminal back to the
//! shell and stops, and `fg` brings the app back, redrawn.

use std::sync::mpsc::{Receiver, channel};

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

/// Stops this process, as SIGTSTP does to a program that does not catch it, until SIGCONT.
pub fn stop_here() {
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    }
}
