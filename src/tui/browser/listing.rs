//! What the catalog list lists: the whole catalog, or a first look at a large one while the
//! rest loads. The list, its sort and its markers read a credential's title, numbers and
//! flags through this, so a first look is listed from its rows as they were read, without
//! a `Credential` made for each.

use crate::catalog::cache::FirstLook;
use crate::catalog::{Amount, Catalog, CredentialIdx, Kind, Level, ProviderIdx};

/// The credentials the list shows, from whichever the app has.
#[derive(Debug, Clone, Copy)]
pub enum Listing<'a> {
    Whole(&'a Catalog),
    /// A first look, with the catalog that holds its providers and currency.
    First(&'a Catalog, &'a FirstLook),
}

impl<'a> From<&'a Catalog> for Listing<'a> {
    fn from(catalog: &'a Catalog) -> Self {
        Listing::Whole(catalog)
    }
}

impl<'a> Listing<'a> {
    /// The first look when there is one, else the whole catalog.
    pub fn of(catalog: &'a Catalog, first_look: Option<&'a FirstLook>) -> Listing<'a> {
        match first_look {
            Some(look) => Listing::First(catalog, look),
            None => Listing::Whole(catalog),
        }
    }

    /// The catalog: the whole one, or (on a first look) its providers and currency alone.
    pub fn catalog(self) -> &'a Catalog {
        match self {
            Listing::Whole(catalog) | Listing::First(catalog, _) => catalog,
        }
    }

    /// How many credentials there are.
    pub fn len(self) -> usize {
        match self {
            Listing::Whole(catalog) => catalog.credentials.len(),
            Listing::First(_, look) => look.len(),
        }
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Every credential, in catalog order.
    pub fn indices(self) -> impl ExactSizeIterator<Item = CredentialIdx> {
        // Catalogs are indexed by `u32` (a first look refuses more rows than that).
        (0..self.len() as u32).map(CredentialIdx)
    }

    /// Credential `idx`'s global id (`provider/id`).
    pub fn id(self, idx: CredentialIdx) -> &'a str {
        match self {
            Listing::Whole(catalog) => &catalog.credential(idx).id,
            Listing::First(_, look) => look.id(idx),
        }
    }

    pub fn title(self, idx: CredentialIdx) -> &'a str {
        match self {
            Listing::Whole(catalog) => &catalog.credential(idx).title,
            Listing::First(_, look) => look.title(idx),
        }
    }

    pub fn provider(self, idx: CredentialIdx) -> ProviderIdx {
        self.fields(idx).provider
    }

    pub fn kind(self, idx: CredentialIdx) -> Kind {
        self.fields(idx).kind
    }

    pub fn level(self, idx: CredentialIdx) -> Option<Level> {
        self.fields(idx).level
    }

    pub fn hours(self, idx: CredentialIdx) -> Amount {
        self.fields(idx).hours
    }

    pub fn cost(self, idx: CredentialIdx) -> Amount {
        self.fields(idx).cost
    }

    pub fn retired(self, idx: CredentialIdx) -> bool {
        self.fields(idx).retired
    }

    /// What both kinds of credential have, copied out.
    fn fields(self, idx: CredentialIdx) -> Fields {
        match self {
            Listing::Whole(catalog) => {
                let credential = catalog.credential(idx);
                Fields {
                    provider: credential.provider,
                    kind: credential.kind,
                    level: credential.level,
                    hours: credential.hours,
                    cost: credential.cost,
                    retired: credential.retired,
                }
            }
            Listing::First(_, look) => {
                let row = look.row(idx);
                Fields {
                    provider: row.provider,
                    kind: row.kind,
                    level: row.level,
                    hours: row.hours,
                    cost: row.cost,
                    retired: row.retired,
                }
            }
        }
    }
}

struct Fields {
    provider: ProviderIdx,
    kind: Kind,
    level: Option<Level>,
    hours: Amount,
    cost: Amount,
    retired: bool,
}
