//! The generated JSON Schema against real catalogs, checked by an independent validator:
//! every bundled file passes, and the schema refuses what the reader refuses.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use upskill::catalog::source::Bytes;
use upskill::catalog::{SourceFile, format, load_files};

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(format::catalog_schema().as_value()).expect("the schema compiles")
}

fn bundled_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the catalogs folder")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .collect();
    files.sort();
    files
}

/// The schema's errors for a YAML text, as `path: message` lines.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value = upskill::yaml::to_json_value(text).expect("YAML that parses");
    validator
        .iter_errors(&value)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

/// Whether upskill itself loads the text without errors.
fn loads(text: &str) -> bool {
    let file = SourceFile {
        name: Arc::from("test.yaml"),
        path: None,
        content: Ok(Bytes::Owned(text.as_bytes().to_vec())),
    };
    !load_files(&[file]).has_errors()
}

#[test]
fn every_bundled_catalog_validates_against_the_schema() {
    let validator = validator();
    let files = bundled_files();
    assert!(files.len() >= 18, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a readable catalog");
        let errors = schema_errors(&validator, &text);
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            errors.join("\n")
        );
    }
}

#[test]
fn every_bundled_catalog_points_editors_at_the_schema() {
    for path in bundled_files() {
        let text = std::fs::read_to_string(&path).expect("a readable catalog");
        assert!(
            text.starts_with("# yaml-language-server: $schema=./schema.json\n"),
            "{} does not start with the yaml-language-server line",
            path.display()
        );
    }
}

#[test]
fn a_misspelt_field_fails_the_schema() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs/comptia.yaml"),
    )
    .expect("the CompTIA catalog");
    let misspelt = text.replacen("    title: ", "    titel: ", 1);
    assert_ne!(misspelt, text);
    let errors = schema_errors(&validator(), &misspelt);
    assert!(
        errors.iter().any(|error| error.contains("titel")),
        "{errors:?}"
    );
    assert!(!loads(&misspelt), "upskill refuses it too");
}

/// A provider with credential `b`, then credential `a` whose fields each case completes.
const HEAD: &str = "provider: {id: p, name: P}\ncredentials:\n  - {id: b, title: B, kind: course, hours: 1, cost: 0, skills: [s]}\n  - {id: a, title: A, kind: course";

/// The rest of credential `a`, and whether the file is valid. The schema and the reader
/// must agree on every one.
const CASES: &[(&str, bool)] = &[
    (", hours: 10, cost: 0, skills: [s]", true),
    (
        ", hours: 0.5, cost: 49.99, skills: [s], level: advanced, valid_for_months: 36",
        true,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], source: x, verified: 2026-06-01",
        true,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], source: [x, y], retired: true, format: exam, url: u, description: d",
        true,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [b], recommends: [{skill: s}]",
        true,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{any: [p/b, {skill: s}]}]",
        true,
    ),
    (", hours: unknown, cost: unknown, skills: [s]", true),
    (", hours: 1, cost: free, skills: [s]", false),
    (", hours: \"unknown \", cost: 0, skills: [s]", false),
    (", awarded_when: [b], cost: unknown", false),
    (", hours: 1, cost: 0, skills: [s], titel: A", false),
    (", hours: 1, cost: 0, skills: [s], level: expert", false),
    (", hours: 1, cost: 0, skills: [s], kind2: course", false),
    (", hours: 1, skills: [s]", false),
    (", hours: 0, cost: 0, skills: [s]", false),
    (", hours: 100001, cost: 0, skills: [s]", false),
    (", hours: 1, cost: -1, skills: [s]", false),
    (", hours: 1, cost: 100000001, skills: [s]", false),
    (", hours: 1, cost: 0, skills: []", false),
    (", hours: 1, cost: 0, skills: [Not Kebab]", false),
    (
        ", hours: 1, cost: 0, skills: [s], valid_for_months: 0",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], valid_for_months: 1201",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{any: []}]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{any: [{any: [b]}]}]",
        true,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{any: [{experience: {field: s, months: 60}}, {all: [{experience: {field: s, months: 48}}, b]}]}]",
        true,
    ),
    (", awarded_when: [b]", true),
    (
        ", awarded_when: [b], while_parts_valid: true, skills: [s]",
        true,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], retired: true, replaced_by: p/b",
        true,
    ),
    (", awarded_when: [b], hours: 1", false),
    (", awarded_when: [b], cost: 0", false),
    (", awarded_when: [b], requires: [b]", false),
    (", skills: [s]", false),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{experience: {field: s, months: 0}}]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{experience: {field: s, months: 2.5}}]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{experience: {field: s}}]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{experience: {field: s, months: 6, years: 1}}]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{all: []}]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{skil: s}]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [{skill: s, any: [b]}]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], requires: [Bad_Id]",
        false,
    ),
    (
        ", hours: 1, cost: 0, skills: [s], verified: yesterday",
        false,
    ),
];

#[test]
fn the_schema_and_the_reader_agree_on_what_is_valid() {
    let validator = validator();
    for &(rest, valid) in CASES {
        let text = format!("{HEAD}{rest}}}\n");
        let errors = schema_errors(&validator, &text);
        assert_eq!(errors.is_empty(), valid, "schema on {rest:?}: {errors:?}");
        assert_eq!(loads(&text), valid, "reader on {rest:?}");
    }
    for (file, valid) in [
        ("format: 1\ncurrency: EUR\n", true),
        ("format: 2\n", false),
        ("currency: euro\n", false),
        (
            "credentials: [{id: a, title: A, kind: course, hours: 1, cost: 0, skills: [s]}]\n",
            false,
        ),
        (
            "roles: [{id: r, title: R, skills: [s]}]\nskills: [{id: s, aliases: [t]}]\n",
            true,
        ),
        ("roles: [{id: r, title: R, skils: [s]}]\n", false),
        ("skills: [{id: s, nmae: S}]\n", false),
        ("provider: {id: p, name: P, homepage: x}\n", false),
    ] {
        assert_eq!(
            schema_errors(&validator, file).is_empty(),
            valid,
            "schema on {file:?}"
        );
        assert_eq!(loads(file), valid, "reader on {file:?}");
    }
}

/// The complete example files of docs/catalog-format.md: its YAML blocks that start like a
/// bundled file and go on past that first line.
fn guide_examples() -> Vec<String> {
    let guide = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/catalog-format.md"),
    )
    .expect("the catalog guide");
    guide
        .split("```yaml\n")
        .skip(1)
        .filter_map(|block| block.split_once("```").map(|(code, _)| code.to_owned()))
        .filter(|code| {
            code.starts_with("# yaml-language-server: $schema=./schema.json\n")
                && code.lines().count() > 1
        })
        .collect()
}

#[test]
fn the_guide_examples_load_cleanly_beside_the_bundled_catalogs() {
    let examples = guide_examples();
    assert_eq!(examples.len(), 2, "a provider file and a roles file");
    let validator = validator();
    let mut files: Vec<SourceFile> = upskill::catalog::source::bundled()
        .iter()
        .map(|&(name, text)| SourceFile {
            name: Arc::from(name),
            path: None,
            content: Ok(Bytes::Static(text)),
        })
        .collect();
    for (n, example) in examples.iter().enumerate() {
        let errors = schema_errors(&validator, example);
        assert!(errors.is_empty(), "example {n}: {errors:?}");
        files.push(SourceFile {
            name: Arc::from(format!("example-{n}.yaml")),
            path: None,
            content: Ok(Bytes::Owned(example.as_bytes().to_vec())),
        });
    }
    let loaded = load_files(&files);
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(loaded.catalog.find_credential("acme/linux-admin").is_some());
    assert!(loaded.catalog.find_role("linux-administrator").is_some());
}

/// `upskill new provider` and `upskill new credential`, as printed and as an author would
/// put them together, validate with no problem at all: against the bundled catalogs, on
/// their own, and against the schema.
#[test]
fn the_new_templates_validate_as_printed() {
    let provider = common::upskill(&["new", "provider", "acme-academy", "--name", "Acme Academy"]);
    assert_eq!(provider.code, 0, "{}", provider.stderr);
    assert!(
        provider
            .stdout
            .starts_with("# yaml-language-server: $schema=./schema.json\n"),
        "the schema modeline first"
    );
    let credential = common::upskill(&["new", "credential", "acme-academy", "linux-basics"]);
    assert_eq!(credential.code, 0, "{}", credential.stderr);
    assert!(
        credential.stdout.starts_with("  - id: linux-basics "),
        "only the item on standard output, so `>>` appends it: {}",
        credential.stdout
    );
    assert!(
        credential
            .stderr
            .contains("paste this under `credentials:`"),
        "{}",
        credential.stderr
    );
    let file = format!("{}{}", provider.stdout, credential.stdout);
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme-academy.yaml");
    std::fs::write(&path, &file).expect("write");
    let path = path.to_str().expect("UTF-8 path");
    for args in [
        vec!["validate", "--strict", "--catalog", path],
        vec!["validate", "--strict", "--no-bundled", "--catalog", path],
    ] {
        let run = common::upskill(&args);
        assert_eq!(run.code, 0, "{args:?}:\n{}", run.stdout);
        assert!(
            run.stdout.ends_with(": 0 errors, 0 warnings\n") && run.stdout.lines().count() == 1,
            "{}",
            run.stdout
        );
    }
    let errors = schema_errors(&validator(), &file);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // A bad id is refused with the id meant, and nothing is printed.
    let refused = common::upskill(&["new", "credential", "acme-academy", "Linux Basics"]);
    assert_eq!(refused.code, 2);
    assert!(refused.stdout.is_empty());
    assert!(
        refused.stderr.contains("like `linux-basics`"),
        "{}",
        refused.stderr
    );
}

/// `upskill fmt`'s key orders name every key of the format and nothing else.
#[test]
fn the_canonical_key_orders_cover_every_field_of_the_format() {
    use upskill::catalog::canonical;
    let schema = format::catalog_schema();
    let schema = schema.as_value();
    let keys = |properties: &serde_json::Value| -> std::collections::BTreeSet<String> {
        properties
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect()
    };
    let set = |keys: &[&str]| -> std::collections::BTreeSet<String> {
        keys.iter().map(|key| (*key).to_owned()).collect()
    };
    assert_eq!(keys(&schema["properties"]), set(canonical::FILE_KEYS));
    for (definition, order) in [
        ("ProviderSpec", canonical::PROVIDER_KEYS),
        ("CredentialSpec", canonical::CREDENTIAL_KEYS),
        ("RoleSpec", canonical::ROLE_KEYS),
        ("SkillSpec", canonical::SKILL_KEYS),
    ] {
        assert_eq!(
            keys(&schema["$defs"][definition]["properties"]),
            set(order),
            "{definition}"
        );
    }
}

/// An editor offers a key's `default` when it is completed: the schema never offers `null`
/// or `[]`, which mean only that the key is left out.
#[test]
fn the_schema_offers_no_empty_defaults() {
    fn empty_defaults(value: &serde_json::Value, path: &str, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(object) => {
                if let Some(default) = object.get("default")
                    && (default.is_null() || default.as_array().is_some_and(Vec::is_empty))
                {
                    found.push(path.to_owned());
                }
                for (key, inner) in object {
                    empty_defaults(inner, &format!("{path}/{key}"), found);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    empty_defaults(inner, &format!("{path}/{i}"), found);
                }
            }
            _ => {}
        }
    }
    let schema: serde_json::Value =
        serde_json::from_str(&format::schema_json()).expect("the schema is JSON");
    let mut found = Vec::new();
    empty_defaults(&schema, "", &mut found);
    assert!(found.is_empty(), "empty defaults at {found:?}");
    // Defaults with a meaning stay: a boolean key's `false`.
    assert!(format::schema_json().contains("\"default\": false"));
}
