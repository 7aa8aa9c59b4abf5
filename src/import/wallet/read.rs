//! Reading a wallet's files into awards: an Open Badges 2.0 `Assertion` (its `BadgeClass`
//! and issuer embedded, or given as files of their own and named by `id`), an Open Badges
//! 3.0 credential, a CLR 2.0 `ClrCredential` with its nested credentials, a verifiable
//! presentation of any of those, and JSON lists of them.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::dates::date_of;
use super::shape::{Shape, objects, shape, top_objects};
use super::{Award, Issuer, Standard, Wallet};
use crate::import::Input;
use crate::import::json::{child, items, text};

/// What the reader knows while it reads: the described objects of every file by `id`, so a
/// badge class or issuer given as a file of its own is found wherever it is named.
struct Reader<'a> {
    lang: &'a str,
    described: HashMap<String, &'a Map<String, Value>>,
    wallet: Wallet,
}

/// Reads every input; a file that is not JSON, or holds nothing this reads, is a warning.
pub fn read(inputs: &[Input], lang: &str) -> Wallet {
    let mut warnings = Vec::new();
    let documents: Vec<(&str, Value)> = inputs
        .iter()
        .filter_map(|input| match serde_json::from_str::<Value>(&input.text) {
            Ok(value) => Some((input.name.as_str(), value)),
            Err(error) => {
                // serde's words end with where: say that the way every located error does.
                let words = error.to_string();
                let words = words.split(" at line ").next().unwrap_or_default();
                warnings.push(format!(
                    "{}:{}:{}: not JSON ({words}); the file is skipped: give Open Badges or CLR credentials as JSON",
                    input.name,
                    error.line(),
                    error.column()
                ));
                None
            }
        })
        .collect();
    let mut described = HashMap::new();
    for (_, value) in &documents {
        for object in objects(value) {
            if shape(object) == Shape::Described
                && let Some(id) = object.get("id").and_then(Value::as_str)
            {
                described.insert(id.trim().to_owned(), object);
            }
        }
    }
    let mut reader = Reader {
        lang,
        described,
        wallet: Wallet {
            awards: Vec::new(),
            warnings,
        },
    };
    for (file, value) in &documents {
        let tops = top_objects(value);
        if tops.is_empty() {
            reader.warn(
                file,
                "",
                "no badge here: give an Open Badges assertion or credential, or a CLR, as a JSON object or a list of them",
            );
        }
        for (path, object) in tops {
            let found = shape(object);
            if found != Shape::Described {
                reader.credential(file, &path, object, found, None);
            }
        }
    }
    reader.wallet
}

impl<'a> Reader<'a> {
    fn warn(&mut self, file: &str, path: &str, message: &str) {
        let at = if path.is_empty() {
            String::new()
        } else {
            format!(" {path}:")
        };
        self.wallet.warnings.push(format!("{file}:{at} {message}"));
    }

    fn text(&self, object: &Map<String, Value>, key: &str) -> Option<String> {
        object.get(key).and_then(|value| text(value, self.lang))
    }

    /// One credential-like object: an award, or the awards inside it. `within` is the
    /// standard of the document that nests it.
    fn credential(
        &mut self,
        file: &str,
        path: &str,
        object: &'a Map<String, Value>,
        found: Shape,
        within: Option<Standard>,
    ) {
        match found {
            Shape::Assertion => self.assertion(file, path, object),
            Shape::BadgeCredential => {
                self.badge_credential(file, path, object, within.unwrap_or(Standard::OpenBadges3));
            }
            Shape::Clr | Shape::Presentation => {
                let subject = object.get("credentialSubject").and_then(Value::as_object);
                let (nested, at) = match (found, subject) {
                    (Shape::Clr, Some(subject)) => (
                        subject.get("verifiableCredential"),
                        child(&child(path, "credentialSubject"), "verifiableCredential"),
                    ),
                    _ => (
                        object.get("verifiableCredential"),
                        child(path, "verifiableCredential"),
                    ),
                };
                let nested = items(nested);
                if nested.is_empty() {
                    self.warn(
                        file,
                        path,
                        "holds no credential (`verifiableCredential` is empty): nothing to import",
                    );
                }
                let standard = if found == Shape::Clr {
                    Some(Standard::Clr)
                } else {
                    within
                };
                for (n, item) in nested.into_iter().enumerate() {
                    let at = format!("{at}[{n}]");
                    match item.as_object() {
                        Some(inner) => self.credential(file, &at, inner, shape(inner), standard),
                        None => self.warn(file, &at, "a credential in a form this does not read (a JWT?); export the wallet as JSON"),
                    }
                }
            }
            Shape::Described => {}
            Shape::Other => self.warn(
                file,
                path,
                "not an Open Badges assertion or credential, or a CLR (by its `type`); skipped",
            ),
        }
    }

    /// An Open Badges 2.0 assertion: its badge class embedded or named by address.
    fn assertion(&mut self, file: &str, path: &str, object: &'a Map<String, Value>) {
        let badge_at = child(path, "badge");
        let (class, class_id) = match object.get("badge") {
            Some(Value::Object(class)) => (
                Some(class),
                class
                    .get("id")
                    .and_then(Value::as_str)
                    .map(|id| id.trim().to_owned()),
            ),
            Some(Value::String(id)) => {
                let class = self.described.get(id.trim()).copied();
                if class.is_none() {
                    self.warn(
                        file,
                        &badge_at,
                        &format!(
                            "the badge class `{}` is not among the files given, and nothing is fetched: matched by its address only (give its JSON too to match by name)",
                            crate::text::sanitize_line(id)
                        ),
                    );
                }
                (class, Some(id.trim().to_owned()))
            }
            _ => {
                self.warn(
                    file,
                    &badge_at,
                    "the assertion names no badge class; skipped",
                );
                return;
            }
        };
        let mut award = Self::award(file, path, Standard::OpenBadges2);
        award.achievement = class_id;
        if let Some(class) = class {
            self.achievement(&mut award, class);
            if let Some(issuer) = class.get("issuer") {
                award.issuers.push(self.issuer(issuer));
            }
        }
        award.hashed_recipient = object
            .get("recipient")
            .and_then(|recipient| recipient.get("hashed"))
            .is_some_and(|hashed| hashed == &Value::Bool(true) || hashed == "true");
        self.dates(file, path, object, &mut award, &["issuedOn"], &["expires"]);
        self.wallet.awards.push(award);
    }

    /// An Open Badges 3.0 credential: `credentialSubject.achievement`.
    fn badge_credential(
        &mut self,
        file: &str,
        path: &str,
        object: &Map<String, Value>,
        standard: Standard,
    ) {
        let subject = object.get("credentialSubject").and_then(Value::as_object);
        let Some(achievement) = subject
            .and_then(|subject| subject.get("achievement"))
            .and_then(Value::as_object)
        else {
            self.warn(
                file,
                path,
                "the credential has no `credentialSubject.achievement`; skipped",
            );
            return;
        };
        let mut award = Self::award(file, path, standard);
        award.achievement = achievement
            .get("id")
            .and_then(Value::as_str)
            .map(|id| id.trim().to_owned());
        self.achievement(&mut award, achievement);
        for issuer in [achievement.get("creator"), object.get("issuer")]
            .into_iter()
            .flatten()
        {
            award.issuers.push(self.issuer(issuer));
        }
        award.hashed_recipient = subject
            .map(|subject| items(subject.get("identifier")))
            .unwrap_or_default()
            .iter()
            .any(|identity| identity.get("hashed") == Some(&Value::Bool(true)));
        self.dates(
            file,
            path,
            object,
            &mut award,
            &["awardedDate", "validFrom", "issuanceDate"],
            &["validUntil", "expirationDate"],
        );
        self.wallet.awards.push(award);
    }

    fn award(file: &str, path: &str, standard: Standard) -> Award {
        Award {
            source: if path.is_empty() {
                file.to_owned()
            } else {
                format!("{file}: {path}")
            },
            standard,
            title: None,
            achievement: None,
            criteria: None,
            identifiers: Vec::new(),
            issuers: Vec::new(),
            earned: None,
            expires: None,
            hashed_recipient: false,
        }
    }

    /// The name, criteria and identifiers of a badge class or an achievement.
    fn achievement(&self, award: &mut Award, achievement: &Map<String, Value>) {
        award.title = self.text(achievement, "name");
        award.criteria = match achievement.get("criteria") {
            Some(Value::String(url)) => Some(url.trim().to_owned()),
            Some(Value::Object(criteria)) => criteria
                .get("id")
                .and_then(Value::as_str)
                .map(|id| id.trim().to_owned()),
            _ => None,
        };
        for alignment in items(achievement.get("alignment")) {
            for key in ["targetUrl", "targetCode"] {
                if let Some(found) = alignment.get(key).and_then(Value::as_str) {
                    award.identifiers.push(found.trim().to_owned());
                }
            }
        }
        for entry in items(achievement.get("otherIdentifier")) {
            if let Some(found) = entry.get("identifier").and_then(Value::as_str) {
                award.identifiers.push(found.trim().to_owned());
            }
        }
        award.identifiers.retain(|id| !id.is_empty());
    }

    /// An issuer: embedded, or named by `id` (found among the files when given).
    fn issuer(&self, value: &Value) -> Issuer {
        let object = match value {
            Value::Object(object) => Some(object),
            Value::String(id) => self.described.get(id.trim()).copied(),
            _ => None,
        };
        let address = |key: &str| {
            object
                .and_then(|o| o.get(key))
                .and_then(Value::as_str)
                .map(|s| s.trim().to_owned())
        };
        Issuer {
            id: address("id").or_else(|| value.as_str().map(|id| id.trim().to_owned())),
            name: object.and_then(|o| self.text(o, "name")),
            url: address("url"),
        }
    }

    /// The earned and expiry dates, from the first key of each list the object has.
    fn dates(
        &mut self,
        file: &str,
        path: &str,
        object: &Map<String, Value>,
        award: &mut Award,
        earned: &[&str],
        expires: &[&str],
    ) {
        for (keys, slot) in [(earned, &mut award.earned), (expires, &mut award.expires)] {
            let Some((key, value)) = keys.iter().find_map(|key| Some((*key, object.get(*key)?)))
            else {
                continue;
            };
            match date_of(value) {
                Ok(date) => *slot = Some(date),
                Err(why) => self.warn(
                    file,
                    &child(path, key),
                    &format!("{why}; the date is left out"),
                ),
            }
        }
    }
}
