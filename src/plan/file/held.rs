//! A held credential in a plan file: its id alone, or with the dates it was earned and
//! expires (`{id: comptia/a-plus, earned: 2025-03-01, expires: 2028-03-01}`).

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::DateText;
use crate::catalog::format::Text;
use crate::plan::Have;

/// A held credential as read.
pub(super) struct HeldFile {
    pub(super) id: Text,
    pub(super) earned: Option<DateText>,
    pub(super) expires: Option<DateText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeldFields {
    id: Text,
    earned: Option<DateText>,
    expires: Option<DateText>,
}

impl<'de> Deserialize<'de> for HeldFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HeldVisitor;
        impl<'de> Visitor<'de> for HeldVisitor {
            type Value = HeldFile;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a credential id, or {id: provider/id, earned: YYYY-MM-DD, expires: YYYY-MM-DD}",
                )
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<HeldFile, E> {
                let id = Text::deserialize(de::value::StrDeserializer::<E>::new(value))?;
                Ok(HeldFile {
                    id,
                    earned: None,
                    expires: None,
                })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<HeldFile, A::Error> {
                let fields = HeldFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(HeldFile {
                    id: fields.id,
                    earned: fields.earned,
                    expires: fields.expires,
                })
            }
        }
        deserializer.deserialize_any(HeldVisitor)
    }
}

/// One date of each held credential that gives it, by id.
pub(super) fn dates(
    held: &[HeldFile],
    date: impl Fn(&HeldFile) -> Option<&DateText>,
) -> BTreeMap<String, Date> {
    held.iter()
        .filter_map(|entry| Some((entry.id.as_str().to_owned(), date(entry)?.0)))
        .collect()
}

/// A plain id, or the id with the dates the plan has for it.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum HeldOut<'a> {
    Id(&'a str),
    Dated {
        id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        earned: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        expires: Option<String>,
    },
}

impl HeldOut<'_> {
    pub(super) fn of<'a>(have: &Have, id: &'a str) -> HeldOut<'a> {
        let earned = have.earned.get(id).map(Date::to_string);
        let expires = have.expires.get(id).map(Date::to_string);
        if earned.is_none() && expires.is_none() {
            HeldOut::Id(id)
        } else {
            HeldOut::Dated {
                id,
                earned,
                expires,
            }
        }
    }
}
