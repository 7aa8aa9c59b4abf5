//! A stable code for every kind of catalog problem, for `validate --format json|github` and
//! for the list of messages and fixes in the catalog guide (a test holds the two together:
//! every code is documented there, and every problem the fixtures produce has a code).
//!
//! Codes are read off the message, not passed along with it: problems come from serde,
//! libyaml and the merge alike, and one table here is easier to keep whole than a code
//! threaded through each of them.

/// One kind of problem: its code, what an author does about it, and the message fragments
/// that identify it (any one is enough; the table is tried in order, so the more specific
/// kinds come first).
pub struct Kind {
    pub code: &'static str,
    pub fix: &'static str,
    marks: &'static [&'static str],
}

const fn kind(code: &'static str, fix: &'static str, marks: &'static [&'static str]) -> Kind {
    Kind { code, fix, marks }
}

/// Every kind, most specific first; a mark starting `^` must start the message. `other` must stay last: it is what no fixture may give.
pub const KINDS: &[Kind] = &[
    // Reading the file.
    kind(
        "unreadable",
        "give a path to a readable YAML file or folder",
        &[
            "no such file or folder",
            "cannot be read",
            "not a file",
            "is a folder, not a file",
            "too many to be a folder",
            "symlink loop",
        ],
    ),
    kind(
        "file-too-large",
        "split the file into several files",
        &["the file is larger than"],
    ),
    kind("not-utf8", "save the file as UTF-8", &["is not UTF-8 text"]),
    kind(
        "control-character",
        "remove the control character",
        &["control character"],
    ),
    kind(
        "empty-file",
        "add content, or remove the file",
        &["the file is empty"],
    ),
    // YAML syntax, in the author's words where the mistake is recognisable.
    kind(
        "indentation",
        "line the key up with its siblings",
        &[" is indented "],
    ),
    kind(
        "tab",
        "indent with spaces, not tabs",
        &["has a tab at column"],
    ),
    kind(
        "invisible-character",
        "replace it with an ordinary space, or delete it",
        &[
            "has a non-breaking space",
            "holds a non-breaking space",
            "has an invisible byte-order mark",
        ],
    ),
    kind("curly-quote", "use straight quotes", &["has a curly quote"]),
    kind("colon-in-value", "quote the value", &["holds `: `"]),
    kind(
        "two-documents",
        "put each document in its own file",
        &["more than one YAML document"],
    ),
    kind("too-deep", "nest less deeply", &["nesting is too deep"]),
    kind(
        "alias-bomb",
        "write the repeated parts out",
        &["YAML aliases"],
    ),
    kind(
        "merge-key",
        "write the fields out instead of `<<`",
        &["merge keys (`<<`)"],
    ),
    kind(
        "yaml-syntax",
        "look just before the position for an unclosed quote or bracket",
        &[
            "a value cannot start with",
            "is not closed with",
            "is never closed",
            "did not find expected",
            "found unexpected",
            "mapping values are not allowed",
            "cannot start any token",
            "while scanning",
            "while parsing",
            "found undefined",
            "unknown anchor",
        ],
    ),
    // The shape of the data.
    kind("string-too-long", "shorten the text", &["this string is"]),
    kind(
        "requirement-key",
        "write one of `skill`, `experience`, `any`, `all`, or a credential id",
        &[
            "unknown requirement key",
            "a requirement has one key",
            "an empty mapping is not a requirement",
        ],
    ),
    kind(
        "empty-group",
        "give the group at least one item, or remove it",
        &["group needs at least one item"],
    ),
    kind(
        "months",
        "write a whole number of months from 1 to 1200",
        &["`months` must be"],
    ),
    kind(
        "too-many-combinations",
        "write the requirement more simply",
        &["combinations once its"],
    ),
    kind(
        "unknown-field",
        "fix the key's spelling",
        &["unknown field"],
    ),
    kind(
        "unknown-value",
        "use one of the values listed",
        &["unknown value `"],
    ),
    kind("missing-field", "add the field", &["missing field"]),
    kind(
        "duplicate-key",
        "remove one of the two keys",
        &["appears twice in one mapping", "duplicate entry"],
    ),
    kind(
        "wrong-type",
        "write a value of the type named",
        &[
            "^expected ",
            ": expected ",
            "invalid value",
            "invalid length",
        ],
    ),
    // What serde cannot check.
    kind(
        "format-version",
        "write `format: 1`, or update upskill",
        &["is not supported: this upskill reads format"],
    ),
    kind(
        "bad-id",
        "use lowercase letters and digits joined by single hyphens",
        &["is not a valid"],
    ),
    kind(
        "bad-domain",
        "write a lowercase host name, like `example.org`",
        &["is not a domain"],
    ),
    kind(
        "same-as",
        "list each external id once, on one skill only, and none blank",
        &[
            "in `same_as`",
            "`same_as` entry is blank",
            "is already the `same_as` of",
        ],
    ),
    kind(
        "occupation",
        "give each occupation a code or a name, once",
        &[
            "this occupation has neither",
            "listed twice in `occupations`",
        ],
    ),
    kind(
        "bad-currency",
        "write a three-letter currency code",
        &["is not a currency code"],
    ),
    kind(
        "currency-conflict",
        "use one currency across all catalogs",
        &["conflicts with"],
    ),
    kind(
        "number-range",
        "give a value within the range named",
        &[
            "must be more than",
            "must be 0 or more",
            "must be between",
            "must be at most",
        ],
    ),
    kind(
        "bad-date",
        "write the date as YYYY-MM-DD",
        &["is not a date"],
    ),
    kind(
        "unknown-credential",
        "check the id with `upskill show`",
        &["unknown credential"],
    ),
    kind(
        "no-provider-for-id",
        "write `provider/id`",
        &["names no provider"],
    ),
    kind(
        "bad-reference",
        "write `id` or `provider/id`",
        &["is not a credential reference"],
    ),
    kind(
        "cycle",
        "remove one of the requirements named",
        &["requirement cycle", "requires itself"],
    ),
    kind(
        "duplicate-id",
        "rename one of the two",
        &[
            "duplicate credential id",
            "duplicate provider id",
            "duplicate role id",
            "duplicate skill id",
            "is already taken by skill",
        ],
    ),
    kind(
        "no-provider",
        "add `provider: {id: ..., name: ...}`",
        &["has credentials but no `provider:`"],
    ),
    kind("empty-text", "write the text", &["` is empty"]),
    kind(
        "no-requirements",
        "list the role's `skills`",
        &["has no requirements"],
    ),
    kind(
        "no-skills",
        "list the skills it teaches",
        &["must teach at least one skill"],
    ),
    kind(
        "stack",
        "give a stack only `awarded_when`; `while_parts_valid` only on a stack",
        &["a stack", "`while_parts_valid`"],
    ),
    kind(
        "successor",
        "point `replaced_by` at a credential still offered",
        &["replaced_by", "the successor"],
    ),
    kind(
        "unchecked-references",
        "fix the file's errors first",
        &["are not checked because"],
    ),
    kind(
        "stale-facts",
        "check the facts with the issuer and update `verified`",
        &["they may be out of date"],
    ),
    kind(
        "skill-twice",
        "list the skill once",
        &["is listed twice", "in `recommended`, not both"],
    ),
    kind(
        "undeclared-skill",
        "fix the skill's spelling, or declare it in a `skills:` list",
        &["is not declared in any"],
    ),
    kind(
        "untaught-skill",
        "add a credential that teaches it, or check the spelling",
        &["no credential teaches"],
    ),
    kind("other", "read the message", &[]),
];

/// The kind of a problem, from its message. The author's own text quoted in it (a value in
/// double quotes, or in backticks with a space in it) is left out of the match, so a title
/// such as "while parsing" cannot pass for the parser's words.
pub fn of(message: &str) -> &'static Kind {
    let message = &masked(message);
    KINDS
        .iter()
        .find(|kind| {
            kind.marks.iter().any(|mark| match mark.strip_prefix('^') {
                Some(start) => message.starts_with(start),
                None => message.contains(mark),
            })
        })
        .unwrap_or(&KINDS[KINDS.len() - 1])
}

/// `message` with the author's quoted text blanked: double-quoted spans, and backtick spans
/// longer than two characters that hold a space (the marks quote only single words and `: `).
fn masked(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(['"', '`']) {
        let quote = rest[at..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=at]);
        let after = &rest[at + 1..];
        let Some(end) = after.find(quote) else {
            out.push_str(after);
            return out;
        };
        let span = &after[..end];
        let authors = quote == '"' || (span.chars().count() > 2 && span.contains(' '));
        if authors {
            out.push('…');
        } else {
            out.push_str(span);
        }
        out.push(quote);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The closest valid value a message suggests ("did you mean \`x\`?", "like \`x\`"), if any.
pub fn suggestion(message: &str) -> Option<&str> {
    ["did you mean `", ", like `"].iter().find_map(|mark| {
        let rest = message.rsplit_once(mark)?.1;
        rest.split_once('`').map(|(value, _)| value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_ids() {
        let mut seen = std::collections::HashSet::new();
        for kind in KINDS {
            assert!(super::super::is_id(kind.code), "{}", kind.code);
            assert!(seen.insert(kind.code), "{} twice", kind.code);
        }
        assert_eq!(of("nothing known").code, "other");
    }

    #[test]
    fn the_authors_quoted_text_does_not_decide_the_code() {
        assert_eq!(
            of("credentials[0].level: unknown value `while parsing`, expected one of `beginner`")
                .code,
            "unknown-value"
        );
        assert_eq!(
            of("credentials[0].hours: expected a number, like 40 or 49.99, found the text \"did not find expected\"").code,
            "wrong-type"
        );
        assert_eq!(
            of("the value of `title` holds `: `, which YAML reads").code,
            "colon-in-value"
        );
        assert_eq!(of("`months` must be a whole number").code, "months");
    }

    #[test]
    fn a_suggestion_is_the_closest_valid_value() {
        assert_eq!(
            suggestion("unknown value `cours`, expected `course`; did you mean `course`?"),
            Some("course")
        );
        assert_eq!(
            suggestion("`Acme_X` is not a valid provider id: use ..., like `acme-x`"),
            Some("acme-x")
        );
        assert_eq!(suggestion("cost must be 0 or more"), None);
    }
}
