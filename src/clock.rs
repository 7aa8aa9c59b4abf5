//! The one place the program reads the clock for dates: today, and now in the local time
//! zone. A leaf: it uses no other module, so every layer may ask it the date.

use jiff::civil::Date;

/// Today's date on this machine.
pub fn today() -> Date {
    now().date()
}

/// Now in the local time zone: reports are made as of now.
pub fn now() -> jiff::ZonedDateTime {
    jiff::ZonedDateTime::now()
}
