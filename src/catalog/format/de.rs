//! Hand-written deserializers for the format's scalar and requirement types: strings bounded
//! before they are copied and sanitized, numbers from any YAML number, and the requirement
//! grammar with messages an author can act on. A binary decoder reads the compact form of
//! `stored` instead.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{AtomSpec, Measure, Number, RequirementSpec, Sources, Text};
use crate::yaml::MAX_STRING_BYTES;

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
        if value.len() > MAX_STRING_BYTES {
            return Err(E::custom(format_args!(
                "this string is {} KiB long; strings may be at most {} KiB",
                value.len() / 1024,
                MAX_STRING_BYTES / 1024
            )));
        }
        Ok(Text(crate::text::sanitize(value).into_owned()))
    }

    // serde_yaml hands plain scalars such as `2024` to a string as text; a YAML value
    // converted by the slow path arrives as a number, and must read the same.
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Text, E> {
        Ok(Text(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Text, E> {
        Ok(Text(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Text, E> {
        Ok(Text(value.to_string()))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Text, E> {
        Ok(Text(value.to_string()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            return super::stored::deserialize_text(deserializer);
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumberVisitor;
        impl Visitor<'_> for NumberVisitor {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, like 40 or 49.99")
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Number, E> {
                Ok(Number(value as f64))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Number, E> {
                Ok(Number(value as f64))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Number, E> {
                Ok(Number(value))
            }
        }
        deserializer.deserialize_f64(NumberVisitor)
    }
}

impl<'de> Deserialize<'de> for Measure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MeasureVisitor;
        impl Visitor<'_> for MeasureVisitor {
            type Value = Measure;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, like 40 or 49.99, or `unknown`")
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Measure, E> {
                Ok(Measure::Known(value as f64))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Measure, E> {
                Ok(Measure::Known(value as f64))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Measure, E> {
                Ok(Measure::Known(value))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Measure, E> {
                if value == "unknown" {
                    Ok(Measure::Unknown)
                } else {
                    Err(E::invalid_type(de::Unexpected::Str(value), &self))
                }
            }
        }
        if !deserializer.is_human_readable() {
            return super::stored::deserialize_measure(deserializer);
        }
        deserializer.deserialize_any(MeasureVisitor)
    }
}

impl<'de> Deserialize<'de> for Sources {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SourcesVisitor;
        impl<'de> Visitor<'de> for SourcesVisitor {
            type Value = Sources;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an address or a list of addresses")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Sources, E> {
                TextVisitor.visit_str(value).map(|text| Sources(vec![text]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Sources, A::Error> {
                let mut sources = Vec::new();
                while let Some(text) = seq.next_element::<Text>()? {
                    sources.push(text);
                }
                Ok(Sources(sources))
            }
        }
        if !deserializer.is_human_readable() {
            return super::stored::deserialize_sources(deserializer);
        }
        deserializer.deserialize_any(SourcesVisitor)
    }
}

impl<'de> Deserialize<'de> for RequirementSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            return super::stored::deserialize_requirement(deserializer);
        }
        deserializer.deserialize_any(RequirementVisitor)
    }
}

/// The keys a requirement mapping may have.
const REQUIREMENT_KEYS: [&str; 4] = ["skill", "experience", "any", "all"];

/// Reads a requirement item.
struct RequirementVisitor;

impl<'de> Visitor<'de> for RequirementVisitor {
    type Value = RequirementSpec;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a credential id, {skill: id}, {experience: {field: id, months: N}}, {any: [...]} or {all: [...]}")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RequirementSpec, E> {
        let Text(id) = TextVisitor.visit_str(value)?;
        Ok(RequirementSpec::One(AtomSpec::Credential(id)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RequirementSpec, A::Error> {
        let Some(key) = map.next_key::<Text>()? else {
            return Err(de::Error::custom(format_args!(
                "an empty mapping is not a requirement; expected {}",
                Expecting(&self)
            )));
        };
        let group = |items: Vec<RequirementSpec>, name: &str| {
            if items.is_empty() {
                Err(de::Error::custom(format_args!(
                    "an `{name}` group needs at least one item; give it items, or remove it"
                )))
            } else {
                Ok(items)
            }
        };
        let item = match key.as_str() {
            "skill" => RequirementSpec::One(AtomSpec::Skill(map.next_value::<Text>()?.0)),
            "experience" => {
                let Experience { field, months } = map.next_value()?;
                RequirementSpec::One(AtomSpec::Experience {
                    field: field.0,
                    months,
                })
            }
            "any" => RequirementSpec::Any(group(map.next_value()?, "any")?),
            "all" => RequirementSpec::All(group(map.next_value()?, "all")?),
            other => {
                let hint = crate::text::did_you_mean(other, REQUIREMENT_KEYS);
                return Err(de::Error::custom(format_args!(
                    "unknown requirement key `{other}`, expected `skill`, `experience`, `any` or `all`{hint}"
                )));
            }
        };
        if let Some(extra) = map.next_key::<Text>()? {
            return Err(de::Error::custom(format_args!(
                "a requirement has one key (`skill`, `experience`, `any` or `all`), found `{}` as well; write each requirement as its own list item, or group them in `all`",
                extra.as_str()
            )));
        }
        Ok(item)
    }
}

/// `{field: skill-id, months: N}`: months of work experience in a field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Experience {
    field: Text,
    #[serde(deserialize_with = "months")]
    months: u32,
}

/// A whole number of months, more than 0 and at most a hundred years.
fn months<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let Number(value) = Number::deserialize(deserializer)?;
    if value.fract() != 0.0 || value < 1.0 || value > f64::from(super::MAX_MONTHS) {
        return Err(de::Error::custom(format_args!(
            "`months` must be a whole number of months from 1 to {}, found {value}",
            super::MAX_MONTHS
        )));
    }
    Ok(value as u32)
}

struct Expecting<'a>(&'a RequirementVisitor);

impl fmt::Display for Expecting<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
}
