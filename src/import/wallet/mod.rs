//! A learner's badge wallet: Open Badges 2.0 assertions, Open Badges 3.0 and CLR 2.0
//! verifiable credentials, read into awards ([`read`]) and matched to catalog credentials
//! ([`match_awards`]), shown as [`rows`] and held with [`hold`], the same for the command
//! line and the app. Pure but for [`gather`], which reads the files a path names: texts in,
//! awards and matches out; nothing is fetched and no signature is checked. Every rule is in
//! docs/importing.md.

mod dates;
mod gather;
mod matching;
mod read;
mod shape;
mod table;

use jiff::civil::Date;

pub use gather::{Loaded, MAX_FILE_BYTES, gather, load};
pub use matching::{Match, Rule, match_awards, provider_of_issuer};
pub use read::read;
pub use table::{Against, OFFLINE, Row, hold, holdings, ids, rows, summary, verdict};

/// Which standard an award came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// An Open Badges 2.0 `Assertion`.
    OpenBadges2,
    /// An Open Badges 3.0 `OpenBadgeCredential` (or `AchievementCredential`).
    OpenBadges3,
    /// A credential nested in a CLR 2.0 `ClrCredential`.
    Clr,
}

impl Standard {
    /// As the output names it.
    pub fn label(self) -> &'static str {
        match self {
            Standard::OpenBadges2 => "Open Badges 2.0",
            Standard::OpenBadges3 => "Open Badges 3.0",
            Standard::Clr => "CLR 2.0",
        }
    }
}

/// Who issued (or created) an achievement, as far as the wallet says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Issuer {
    pub id: Option<String>,
    pub name: Option<String>,
    pub url: Option<String>,
}

/// One achievement awarded to the learner, as the wallet gives it. Every text is the
/// issuer's, untrusted: sanitize it before it reaches a terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    /// The file, and the JSON path within it when the award is not the whole file.
    pub source: String,
    pub standard: Standard,
    /// The achievement's (badge class's) name.
    pub title: Option<String>,
    /// The achievement's (badge class's) `id`: an address or another identifier.
    pub achievement: Option<String>,
    /// The address of the achievement's criteria (`criteria` or `criteria.id`).
    pub criteria: Option<String>,
    /// Each alignment's `targetUrl` and `targetCode`, and each `otherIdentifier`.
    pub identifiers: Vec<String>,
    /// The achievement's creator, then the credential's issuer.
    pub issuers: Vec<Issuer>,
    pub earned: Option<Date>,
    pub expires: Option<Date>,
    /// The recipient is given as a salted hash, which cannot be checked offline.
    pub hashed_recipient: bool,
}

impl Award {
    /// The first issuer's name, else its address.
    pub fn issuer_label(&self) -> Option<&str> {
        self.issuers
            .iter()
            .find_map(|issuer| issuer.name.as_deref())
            .or_else(|| {
                self.issuers
                    .iter()
                    .find_map(|issuer| issuer.url.as_deref().or(issuer.id.as_deref()))
            })
    }

    /// What a catalog credential's `same_as` should list for this award to match it.
    pub fn same_as_hint(&self) -> Option<&str> {
        self.achievement
            .as_deref()
            .or_else(|| self.identifiers.first().map(String::as_str))
    }
}

/// What a wallet holds: its awards, and what the reader should know.
#[derive(Debug, Default)]
pub struct Wallet {
    pub awards: Vec<Award>,
    pub warnings: Vec<String>,
}
