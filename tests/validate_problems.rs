//! `upskill validate`: one fixture per error and warning kind, each asserting the whole
//! output (every message with its line and column, then the summary) and the exit code.

mod common;

use common::upskill;

/// Validates one fixture (a file or folder under tests/fixtures/problems) on its own.
fn assert_validates(fixture: &str, expected: &[&str], code: i32) {
    let path = format!("tests/fixtures/problems/{fixture}");
    let run = upskill(&["validate", "--no-bundled", "--catalog", &path]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines, expected, "output of validate on {fixture}");
    assert_eq!(run.code, code, "exit code of validate on {fixture}");
}

#[test]
fn a_syntax_error_is_reported_where_the_parser_stopped() {
    assert_validates(
        "syntax.yaml",
        &[
            "tests/fixtures/problems/syntax.yaml:4:4: error: line 4 is indented 3 spaces; the other keys of this credential are at 4: line it up with them (the parser said: did not find expected '-' indicator, while parsing a block collection at line 3 column 3)",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_wrong_type_names_the_field_and_what_was_expected() {
    assert_validates(
        "wrong-type.yaml",
        &[
            "tests/fixtures/problems/wrong-type.yaml:6:12: error: credentials[0].hours: expected a number, like 40 or 49.99, or `unknown`, found the text \"forty\"",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn an_unknown_field_lists_the_expected_fields_and_suggests_the_closest() {
    assert_validates(
        "unknown-field.yaml",
        &[
            "tests/fixtures/problems/unknown-field.yaml:4:5: error: credentials[0]: unknown field `titel`, expected one of `id`, `title`, `kind`, `level`, `hours`, `cost`, `skills`, `requires`, `awarded_when`, `while_parts_valid`, `replaced_by`, `recommends`, `valid_for_months`, `format`, `url`, `same_as`, `occupations`, `description`, `source`, `verified`, `retired`; did you mean `title`?",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn an_unknown_top_level_key_is_an_error_with_a_suggestion() {
    assert_validates(
        "unknown-top-level-key.yaml",
        &[
            "tests/fixtures/problems/unknown-top-level-key.yaml:2:1: error: unknown field `credential`, expected one of `format`, `currency`, `provider`, `credentials`, `roles`, `skills`; did you mean `credentials`?",
            "1 provider, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn an_unknown_kind_suggests_the_closest_kind() {
    assert_validates(
        "unknown-kind.yaml",
        &[
            "tests/fixtures/problems/unknown-kind.yaml:3:29: error: credentials[0].kind: unknown value `certifcation`, expected one of `course`, `certificate`, `certification`, `badge`, `specialization`, `degree`; did you mean `certification`?",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_missing_field_is_reported_at_its_credential() {
    assert_validates(
        "missing-field.yaml",
        &[
            "tests/fixtures/problems/missing-field.yaml:3:5: error: missing field `hours`: give the estimated learning hours, more than 0, or `unknown` when no source says (only a stack, with `awarded_when`, has none)",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn every_bad_item_in_a_file_is_reported_and_references_to_them_are_not_repeated() {
    assert_validates(
        "several-bad-items.yaml",
        &[
            "tests/fixtures/problems/several-bad-items.yaml:4:44: error: credentials[1].hours: expected a number, like 40 or 49.99, or `unknown`, found the text \"x\"",
            "tests/fixtures/problems/several-bad-items.yaml:5:73: error: credentials[2]: unknown field `bogus`, expected one of `id`, `title`, `kind`, `level`, `hours`, `cost`, `skills`, `requires`, `awarded_when`, `while_parts_valid`, `replaced_by`, `recommends`, `valid_for_months`, `format`, `url`, `same_as`, `occupations`, `description`, `source`, `verified`, `retired`",
            "1 provider, 4 credentials, 0 roles: 2 errors, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_bad_id_is_reported_with_a_corrected_suggestion() {
    assert_validates(
        "bad-id.yaml",
        &[
            "tests/fixtures/problems/bad-id.yaml:3:10: error: `Cloud_Basics` is not a valid credential id: use lowercase letters and digits in words joined by single hyphens, like `cloud-basics`",
            "1 provider, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_duplicate_credential_names_both_places() {
    assert_validates(
        "duplicate-credential.yaml",
        &[
            "tests/fixtures/problems/duplicate-credential.yaml:4:10: error: duplicate credential id `acme/intro`: also defined at tests/fixtures/problems/duplicate-credential.yaml:3:10; rename one of the two",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_duplicate_provider_across_files_names_both_places() {
    assert_validates(
        "duplicate-provider/",
        &[
            "tests/fixtures/problems/duplicate-provider/two.yaml:2:7: error: duplicate provider id `acme`: also defined at tests/fixtures/problems/duplicate-provider/one.yaml:1:16; rename one of the two",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_duplicate_role_names_both_places() {
    assert_validates(
        "duplicate-role.yaml",
        &[
            "tests/fixtures/problems/duplicate-role.yaml:2:40: warning: no credential teaches skill `linux`, so no plan can meet it unless the learner already has it; add a credential that teaches it, or check the spelling",
            "tests/fixtures/problems/duplicate-role.yaml:3:10: error: duplicate role id `admin`: also defined at tests/fixtures/problems/duplicate-role.yaml:2:10; rename one of the two",
            "0 providers, 0 credentials, 1 role: 1 error, 1 warning",
        ],
        1,
    );
}

#[test]
fn duplicate_skills_and_aliases_name_both_places() {
    assert_validates(
        "duplicate-skill.yaml",
        &[
            "tests/fixtures/problems/duplicate-skill.yaml:3:10: error: duplicate skill id `linux`: also defined at tests/fixtures/problems/duplicate-skill.yaml:2:10; rename one of the two",
            "tests/fixtures/problems/duplicate-skill.yaml:4:37: error: skill alias `linux` is already taken by skill `linux` (defined at tests/fixtures/problems/duplicate-skill.yaml:2:10); aliases must be unique",
            "0 providers, 0 credentials, 0 roles: 2 errors, 0 warnings",
        ],
        1,
    );
}

#[test]
fn an_unknown_reference_suggests_the_closest_id() {
    assert_validates(
        "unknown-reference.yaml",
        &[
            "tests/fixtures/problems/unknown-reference.yaml:10:16: error: requires unknown credential `acme/network-basic`; did you mean `acme/network-basics`?",
            "tests/fixtures/problems/unknown-reference.yaml:10:38: error: requires unknown credential `other/thing`; check the id (`upskill show` finds a credential by its id), or add the credential",
            "1 provider, 2 credentials, 0 roles: 2 errors, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_bare_id_that_exists_under_another_provider_suggests_the_full_id() {
    assert_validates(
        "bare-id-of-another-provider/",
        &[
            "tests/fixtures/problems/bare-id-of-another-provider/zeta.yaml:3:102: error: requires unknown credential `zeta/a-plus`; did you mean `acme/a-plus`? (a bare id means this file's own provider)",
            "2 providers, 2 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn credentials_without_a_provider_are_an_error() {
    assert_validates(
        "no-provider.yaml",
        &[
            "tests/fixtures/problems/no-provider.yaml:2:1: error: this file has credentials but no `provider:`; add `provider: {id: ..., name: ...}` above them",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn non_positive_hours_negative_cost_and_zero_validity_are_errors() {
    assert_validates(
        "bad-numbers.yaml",
        &[
            "tests/fixtures/problems/bad-numbers.yaml:3:62: error: hours must be more than 0, found 0",
            "tests/fixtures/problems/bad-numbers.yaml:3:71: error: cost must be 0 or more (0 means free), found -5",
            "tests/fixtures/problems/bad-numbers.yaml:3:110: error: valid_for_months must be between 1 and 1200, found 0; leave it out for a credential that never expires",
            "1 provider, 1 credential, 0 roles: 3 errors, 0 warnings",
        ],
        1,
    );
}

#[test]
fn conflicting_currencies_name_both_places() {
    assert_validates(
        "currency-conflict/",
        &[
            "tests/fixtures/problems/currency-conflict/b.yaml:1:11: error: currency `EUR` conflicts with `USD` set at tests/fixtures/problems/currency-conflict/a.yaml:1:11; all catalogs loaded together must use one currency",
            "2 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_currency_must_be_a_three_letter_code() {
    assert_validates(
        "bad-currency.yaml",
        &[
            "tests/fixtures/problems/bad-currency.yaml:1:11: error: `dollars` is not a currency code: write three capital letters, like `USD` or `EUR`",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_cycle_is_printed_as_the_whole_loop_and_a_self_requirement_is_named() {
    assert_validates(
        "cycle.yaml",
        &[
            "tests/fixtures/problems/cycle.yaml:3:80: error: requirement cycle: acme/a -> acme/b -> acme/c -> acme/a; remove one of these requirements",
            "tests/fixtures/problems/cycle.yaml:7:92: error: credential `acme/selfish` requires itself; remove it from its own `requires`",
            "1 provider, 5 credentials, 0 roles: 2 errors, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_file_of_another_format_number_is_refused() {
    assert_validates(
        "future-format.yaml",
        &[
            "tests/fixtures/problems/future-format.yaml:1:9: error: format 2 is not supported: this upskill reads format 1; update upskill, or write `format: 1`",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn malformed_requirements_say_what_a_requirement_looks_like() {
    assert_validates(
        "bad-requirement.yaml",
        &[
            "tests/fixtures/problems/bad-requirement.yaml:3:80: error: credentials[0].requires[0]: unknown requirement key `skil`, expected `skill`, `experience`, `any` or `all`; did you mean `skill`?",
            "tests/fixtures/problems/bad-requirement.yaml:4:126: error: credentials[1].requires[0].any[1].experience.months: `months` must be a whole number of months from 1 to 1200, found 0",
            "tests/fixtures/problems/bad-requirement.yaml:5:80: error: credentials[2].requires[0]: a requirement has one key (`skill`, `experience`, `any` or `all`), found `any` as well; write each requirement as its own list item, or group them in `all`",
            "1 provider, 3 credentials, 0 roles: 3 errors, 0 warnings",
        ],
        1,
    );
}

/// Groups nest as deep as an author writes them; a problem deep inside is still reported
/// with its whole path, and a role whose only item is in error is not also "empty".
#[test]
fn problems_deep_inside_nested_groups_are_reported_where_they_are() {
    assert_validates(
        "deep-groups.yaml",
        &[
            "tests/fixtures/problems/deep-groups.yaml:5:102: error: roles[0].requires[0].any[0].all[0].any[1].experience.months: `months` must be a whole number of months from 1 to 1200, found 0",
            "tests/fixtures/problems/deep-groups.yaml:6:114: error: requires unknown credential `acme/nothing`; check the id (`upskill show` finds a credential by its id), or add the credential",
            "1 provider, 1 credential, 2 roles: 2 errors, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_verified_date_must_be_a_real_date() {
    assert_validates(
        "bad-date.yaml",
        &[
            "tests/fixtures/problems/bad-date.yaml:3:79: error: `2026-13-45` is not a date: month 13 does not exist (months run from 01 to 12; the order is YYYY-MM-DD)",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn warnings_cover_skill_typos_unknown_recommendations_and_untaught_role_skills() {
    assert_validates(
        "warnings.yaml",
        &[
            "tests/fixtures/problems/warnings.yaml:5:77: warning: skill `netwrking` is not declared in any `skills:` list; did you mean `networking`?",
            "tests/fixtures/problems/warnings.yaml:5:102: warning: recommends unknown credential `acme/nowhere`; check the id (`upskill show` finds a credential by its id), or add the credential",
            "tests/fixtures/problems/warnings.yaml:7:74: warning: no credential teaches skill `quantum-computing`, so no plan can meet it unless the learner already has it; add a credential that teaches it, or check the spelling",
            "1 provider, 1 credential, 1 role: 0 errors, 3 warnings",
        ],
        0,
    );
}

#[test]
fn an_empty_file_is_a_warning() {
    assert_validates(
        "empty.yaml",
        &[
            "tests/fixtures/problems/empty.yaml:1:1: warning: the file is empty: nothing to load",
            "0 providers, 0 credentials, 0 roles: 0 errors, 1 warning",
        ],
        0,
    );
}

#[test]
fn a_file_of_comments_only_is_an_empty_file() {
    assert_validates(
        "comments-only.yaml",
        &[
            "tests/fixtures/problems/comments-only.yaml:1:1: warning: the file is empty: nothing to load",
            "0 providers, 0 credentials, 0 roles: 0 errors, 1 warning",
        ],
        0,
    );
}

#[test]
fn two_documents_in_one_file_are_refused() {
    assert_validates(
        "two-documents.yaml",
        &[
            "tests/fixtures/problems/two-documents.yaml:1:1: error: the file holds more than one YAML document (a second `---`); put each document in its own file",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn an_alias_bomb_is_refused_at_the_alias_that_tips_it() {
    assert_validates(
        "alias-bomb.yaml",
        &[
            "tests/fixtures/problems/alias-bomb.yaml:6:17: error: YAML aliases (`*name`) expand this file to more than 1 MiB (an \"alias bomb\"); aliases may reuse small parts, not multiply content",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn escape_sequences_in_catalog_text_never_reach_the_output() {
    assert_validates(
        "escapes.yaml",
        &[
            "tests/fixtures/problems/escapes.yaml:3:93: error: `\\u{1b}[2Jwipe` is not a credential reference: write `id` (same provider) or `provider/id`",
            "tests/fixtures/problems/escapes.yaml:4:69: error: credentials[1]: unknown field `\\u{1b}[31mbogus`, expected one of `id`, `title`, `kind`, `level`, `hours`, `cost`, `skills`, `requires`, `awarded_when`, `while_parts_valid`, `replaced_by`, `recommends`, `valid_for_months`, `format`, `url`, `same_as`, `occupations`, `description`, `source`, `verified`, `retired`",
            "1 provider, 2 credentials, 0 roles: 2 errors, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_raw_control_character_is_located() {
    assert_validates(
        "raw-control.yaml",
        &[
            "tests/fixtures/problems/raw-control.yaml:2:9: error: the file contains a control character (such as ESC or NUL) here; remove it",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn crlf_line_ends_are_read_and_located_like_lf() {
    assert_validates(
        "crlf.yaml",
        &[
            "tests/fixtures/problems/crlf.yaml:5:80: error: requires unknown credential `acme/nope`; check the id (`upskill show` finds a credential by its id), or add the credential",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_byte_order_mark_is_read_and_positions_are_unaffected() {
    assert_validates(
        "bom.yaml",
        &[
            "tests/fixtures/problems/bom.yaml:3:80: error: requires unknown credential `acme/nope`; check the id (`upskill show` finds a credential by its id), or add the credential",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_file_that_is_not_utf8_is_located_at_the_first_bad_byte() {
    assert_validates(
        "latin1.yaml",
        &[
            "tests/fixtures/problems/latin1.yaml:1:31: error: the file is not UTF-8 text (byte 0xe9 at offset 30); save it as UTF-8",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn every_field_error_of_one_credential_is_reported_in_one_run() {
    // The misspelt `skils` leaves the credential without skills, so it cannot be built and
    // its semantic checks (hours must be positive) wait for the fix; every field-level
    // mistake is reported at once.
    assert_validates(
        "several-errors-in-one-credential.yaml",
        &[
            "tests/fixtures/problems/several-errors-in-one-credential.yaml:6:12: error: hours must be more than 0, found -5",
            "tests/fixtures/problems/several-errors-in-one-credential.yaml:8:5: error: credentials[0]: unknown field `skils`, expected one of `id`, `title`, `kind`, `level`, `hours`, `cost`, `skills`, `requires`, `awarded_when`, `while_parts_valid`, `replaced_by`, `recommends`, `valid_for_months`, `format`, `url`, `same_as`, `occupations`, `description`, `source`, `verified`, `retired`; did you mean `skills`?",
            "tests/fixtures/problems/several-errors-in-one-credential.yaml:9:16: error: credentials[0].requires[0]: unknown requirement key `skil`, expected `skill`, `experience`, `any` or `all`; did you mean `skill`?",
            "tests/fixtures/problems/several-errors-in-one-credential.yaml:10:5: error: credentials[0]: unknown field `bogus`, expected one of `id`, `title`, `kind`, `level`, `hours`, `cost`, `skills`, `requires`, `awarded_when`, `while_parts_valid`, `replaced_by`, `recommends`, `valid_for_months`, `format`, `url`, `same_as`, `occupations`, `description`, `source`, `verified`, `retired`",
            "1 provider, 1 credential, 0 roles: 4 errors, 0 warnings",
        ],
        1,
    );
}

/// One credential with ten mistakes: all of them in the first run, not only the ones that stop it deserializing.
#[test]
fn every_problem_of_one_credential_is_reported_in_one_run() {
    assert_validates(
        "ten-problems-in-one-credential.yaml",
        &[
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:7:5: error: credentials[0]: unknown field `titel`, expected one of `id`, `title`, `kind`, `level`, `hours`, `cost`, `skills`, `requires`, `awarded_when`, `while_parts_valid`, `replaced_by`, `recommends`, `valid_for_months`, `format`, `url`, `same_as`, `occupations`, `description`, `source`, `verified`, `retired`; did you mean `title`?",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:8:11: error: credentials[0].kind: unknown value `cours`, expected one of `course`, `certificate`, `certification`, `badge`, `specialization`, `degree`; did you mean `course`?",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:9:12: error: credentials[0].level: unknown value `expert`, expected one of `beginner`, `intermediate`, `advanced`",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:10:12: error: credentials[0].hours: expected a number, like 40 or 49.99, or `unknown`, found the text \"ten\"",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:11:11: error: cost must be 0 or more (0 means free), found -5",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:12:23: error: valid_for_months must be between 1 and 1200, found 0; leave it out for a credential that never expires",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:13:14: warning: skill `linx` is not declared in any `skills:` list; did you mean `linux`?",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:14:16: error: requires unknown credential `riverside-bootcamp/sre-basics`; check the id (`upskill show` finds a credential by its id), or add the credential",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:15:14: error: credentials[0].retired: expected `true` or `false`, found the text \"maybe\"",
            "tests/fixtures/problems/ten-problems-in-one-credential.yaml:16:15: error: `2026-13-01` is not a date: month 13 does not exist (months run from 01 to 12; the order is YYYY-MM-DD)",
            "1 provider, 1 credential, 0 roles: 9 errors, 1 warning",
        ],
        1,
    );
}

/// A one-space indentation slip is named, not sent to quoting.
#[test]
fn a_key_indented_off_its_siblings_is_named_as_such() {
    assert_validates(
        "indented-key.yaml",
        &[
            "tests/fixtures/problems/indented-key.yaml:6:6: error: line 6 is indented 5 spaces; the other keys of this credential are at 4: line it up with them (the parser said: mapping values are not allowed in this context)",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_tab_is_named_with_its_column() {
    assert_validates(
        "tab.yaml",
        &[
            "tests/fixtures/problems/tab.yaml:6:1: error: line 6 has a tab at column 1, in its indentation; YAML indents with ordinary spaces only: replace it",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

/// Quotes pasted from a word processor quote nothing.
#[test]
fn a_curly_quote_is_named() {
    assert_validates(
        "curly-quote.yaml",
        &[
            "tests/fixtures/problems/curly-quote.yaml:4:12: error: line 4 has a curly quote (“) at column 12, which YAML does not read as a quote; write straight quotes (\" or ') instead (the parser said: mapping values are not allowed in this context)",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn quoting_is_advised_for_a_value_that_holds_a_colon() {
    assert_validates(
        "colon-in-value.yaml",
        &[
            "tests/fixtures/problems/colon-in-value.yaml:4:20: error: the value of `title` holds `: `, which YAML reads as another key; put the value in quotes: title: 'Security: Fundamentals' (the parser said: mapping values are not allowed in this context)",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_date_no_calendar_has_says_what_is_wrong() {
    assert_validates(
        "impossible-date.yaml",
        &[
            "tests/fixtures/problems/impossible-date.yaml:3:83: error: `2027-02-30` is not a date: February 2027 has 28 days; check the day",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

/// A file that does not parse still declares its ids: references to them from other files
/// are counted once in a note on that file, not reported as unknown one by one; a reference
/// to an id it does not declare is still an error, which says why the provider is missing.
#[test]
fn references_into_a_file_that_does_not_parse_are_noted_once() {
    assert_validates(
        "broken-file-referenced",
        &[
            "tests/fixtures/problems/broken-file-referenced/acme.yaml:11:75: error: requires unknown credential `riverside-bootcamp/nope` (`riverside-bootcamp` is declared in tests/fixtures/problems/broken-file-referenced/riverside.yaml, which has errors: its credentials are not loaded)",
            "tests/fixtures/problems/broken-file-referenced/riverside.yaml:1:1: warning: 3 references into riverside.yaml from other files are not checked because this file has errors; fix them and validate again",
            "tests/fixtures/problems/broken-file-referenced/riverside.yaml:14:6: error: line 14 is indented 5 spaces; the other keys of this credential are at 4: line it up with them (the parser said: mapping values are not allowed in this context)",
            "1 provider, 2 credentials, 0 roles: 2 errors, 1 warning",
        ],
        1,
    );
}

/// A non-breaking space in the indentation is named, not the missing fields it causes.
#[test]
fn a_non_breaking_space_in_the_indentation_is_named_before_anything_it_causes() {
    assert_validates(
        "non-breaking-space.yaml",
        &[
            "tests/fixtures/problems/non-breaking-space.yaml:4:1: error: line 4 has a non-breaking space at column 1, in its indentation; YAML indents with ordinary spaces only: replace it",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn nesting_past_the_limit_is_refused() {
    assert_validates(
        "too-deep.yaml",
        &[
            "tests/fixtures/problems/too-deep.yaml:3:147: error: nesting is too deep (more than 64 levels); catalog files need only a few",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_merge_key_is_refused_without_the_fields_it_would_have_brought() {
    assert_validates(
        "merge-key.yaml",
        &[
            "tests/fixtures/problems/merge-key.yaml:4:5: error: credentials[1]: unknown field `<<`, expected one of `id`, `title`, `kind`, `level`, `hours`, `cost`, `skills`, `requires`, `awarded_when`, `while_parts_valid`, `replaced_by`, `recommends`, `valid_for_months`, `format`, `url`, `same_as`, `occupations`, `description`, `source`, `verified`, `retired`; YAML merge keys (`<<`) are not supported, write the fields out",
            "1 provider, 2 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn an_unclosed_bracket_is_reported_where_the_parser_stopped() {
    assert_validates(
        "unclosed-bracket.yaml",
        &[
            "tests/fixtures/problems/unclosed-bracket.yaml:3:70: error: the list opened with `[` at line 3 column 64 is not closed with `]`, or two of its items have no `, ` between them (the parser said: did not find expected ',' or ']', while parsing a flow sequence at line 3 column 64)",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn an_empty_group_is_refused() {
    assert_validates(
        "empty-group.yaml",
        &[
            "tests/fixtures/problems/empty-group.yaml:3:84: error: credentials[0].requires[0]: an `any` group needs at least one item; give it items, or remove it",
            "1 provider, 1 credential, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_requirement_that_multiplies_out_too_far_is_refused() {
    assert_validates(
        "too-many-combinations.yaml",
        &[
            "tests/fixtures/problems/too-many-combinations.yaml:17:84: error: this requirement comes to more than 64 combinations once its `any` and `all` groups are multiplied out, too many to plan with; write it more simply",
            "1 provider, 15 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_key_given_twice_is_named() {
    assert_validates(
        "duplicate-key.yaml",
        &[
            "tests/fixtures/problems/duplicate-key.yaml:3:5: error: credentials[0]: the key `title` appears twice in one mapping; keep one of them",
            "0 providers, 0 credentials, 0 roles: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn a_bare_id_in_a_file_without_a_provider_is_refused() {
    assert_validates(
        "bare-id-without-provider.yaml",
        &[
            "tests/fixtures/problems/bare-id-without-provider.yaml:2:42: error: `a-plus` names no provider; in a file without `provider:` write `provider/id`",
            "0 providers, 0 credentials, 1 role: 1 error, 0 warnings",
        ],
        1,
    );
}

#[test]
fn empty_titles_skill_lists_and_roles_are_named() {
    assert_validates(
        "empty-things.yaml",
        &[
            "tests/fixtures/problems/empty-things.yaml:3:20: error: the credential's `title` is empty; write its full title",
            "tests/fixtures/problems/empty-things.yaml:3:65: error: a credential must teach at least one skill; list them in `skills`",
            "tests/fixtures/problems/empty-things.yaml:5:10: error: role `r` has no requirements; list its `skills` (or `requires`)",
            "1 provider, 1 credential, 1 role: 3 errors, 0 warnings",
        ],
        1,
    );
}

#[test]
fn stack_successor_and_skill_list_mistakes_are_named() {
    assert_validates(
        "stacks-and-successors.yaml",
        &[
            "tests/fixtures/problems/stacks-and-successors.yaml:5:72: warning: skill `linux` is listed twice; list it once",
            "tests/fixtures/problems/stacks-and-successors.yaml:6:86: warning: `replaced_by` names the successor of a retired credential, but this one is not `retired: true`; mark it retired, or remove `replaced_by`",
            "tests/fixtures/problems/stacks-and-successors.yaml:7:55: error: a stack (`awarded_when`) has no `hours` of its own: it is awarded, free and at once, when its parts are held; remove `hours`",
            "1 provider, 3 credentials, 0 roles: 1 error, 2 warnings",
        ],
        1,
    );
}

/// `validate` of one fixture on its own, in a format.
fn validate_as(fixture: &str, format: &str) -> common::Run {
    let path = format!("tests/fixtures/problems/{fixture}");
    upskill(&[
        "validate",
        "--no-bundled",
        "--catalog",
        &path,
        "--format",
        format,
    ])
}

/// The text lines of `validate`, less the summary.
fn text_lines(fixture: &str) -> Vec<String> {
    let run = validate_as(fixture, "text");
    let mut lines: Vec<String> = run.stdout.lines().map(str::to_owned).collect();
    lines.pop();
    lines
}

/// Every problem object of `--format json` says what the text line says, with a code, a
/// fix and the suggestion the message makes; the counts match the summary.
#[test]
fn the_json_format_parses_back_to_the_text_output() {
    let fixture = "ten-problems-in-one-credential.yaml";
    let run = validate_as(fixture, "json");
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let problems = json["problems"].as_array().expect("a list of problems");
    let rebuilt: Vec<String> = problems
        .iter()
        .map(|p| {
            format!(
                "{}:{}:{}: {}: {}",
                p["file"].as_str().expect("file"),
                p["line"],
                p["column"],
                p["severity"].as_str().expect("severity"),
                p["message"].as_str().expect("message")
            )
        })
        .collect();
    assert_eq!(rebuilt, text_lines(fixture));
    let codes: Vec<&str> = problems
        .iter()
        .map(|p| p["code"].as_str().expect("code"))
        .collect();
    assert_eq!(
        codes,
        [
            "unknown-field",
            "unknown-value",
            "unknown-value",
            "wrong-type",
            "number-range",
            "number-range",
            "undeclared-skill",
            "unknown-credential",
            "wrong-type",
            "bad-date"
        ]
    );
    let suggestions: Vec<&serde_json::Value> = problems.iter().map(|p| &p["suggestion"]).collect();
    assert_eq!(suggestions[0], "title");
    assert_eq!(suggestions[1], "course");
    assert_eq!(suggestions[6], "linux");
    assert!(suggestions[4].is_null());
    assert!(
        problems
            .iter()
            .all(|p| p["fix"].as_str().is_some_and(|fix| !fix.is_empty()))
    );
    assert_eq!(
        (json["errors"].as_u64(), json["warnings"].as_u64()),
        (Some(9), Some(1))
    );
    assert_eq!(json["credentials"].as_u64(), Some(1));
}

/// `--format github` prints workflow commands that the runner reads back to the text
/// output's file, line, column and message.
#[test]
fn the_github_format_parses_back_to_the_text_output() {
    for fixture in [
        "ten-problems-in-one-credential.yaml",
        "broken-file-referenced",
    ] {
        let run = validate_as(fixture, "github");
        assert_eq!(run.code, 1);
        let mut lines: Vec<&str> = run.stdout.lines().collect();
        let summary = lines.pop().expect("a summary");
        assert!(
            summary.ends_with("warning") || summary.ends_with("warnings"),
            "{summary}"
        );
        let unescape = |text: &str| {
            text.replace("%0A", "\n")
                .replace("%0D", "\r")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%")
        };
        let rebuilt: Vec<String> = lines
            .iter()
            .map(|line| {
                let rest = line.strip_prefix("::").expect("a workflow command");
                let (command, rest) = rest.split_once(' ').expect("properties");
                let (properties, message) = rest.split_once("::").expect("a message");
                let property = |name: &str| {
                    properties
                        .split(',')
                        .find_map(|p| p.strip_prefix(&format!("{name}=")))
                        .map(unescape)
                        .expect("property")
                };
                assert!(property("title").starts_with("upskill "), "{line}");
                format!(
                    "{}:{}:{}: {command}: {}",
                    property("file"),
                    property("line"),
                    property("col"),
                    unescape(message)
                )
            })
            .collect();
        assert_eq!(rebuilt, text_lines(fixture), "{fixture}");
    }
}

/// Facts checked longer ago than `--max-age` (12 months unless told) are a warning, which
/// `--strict` fails on; a longer maximum age lets them pass.
#[test]
fn old_facts_are_a_warning_past_the_maximum_age() {
    let path = "tests/fixtures/problems/stale-facts.yaml";
    let run = upskill(&["validate", "--no-bundled", "--catalog", path]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with(&format!("{path}:3:83: warning: the facts were checked on 2024-01-15, "))
            && lines[0].ends_with(" months ago, more than 12: they may be out of date; check them with the issuer and update `verified`"),
        "{}",
        lines[0]
    );
    assert_eq!(run.code, 0, "a warning");
    let strict = upskill(&["validate", "--strict", "--no-bundled", "--catalog", path]);
    assert_eq!(strict.code, 1);
    let lenient = upskill(&[
        "validate",
        "--strict",
        "--max-age",
        "1200",
        "--no-bundled",
        "--catalog",
        path,
    ]);
    assert_eq!(
        (lenient.code, lenient.stdout.lines().count()),
        (0, 1),
        "{}",
        lenient.stdout
    );
}

/// The bundled catalogs pass `--strict` with the freshness check at its default.
#[test]
fn the_bundled_catalogs_are_fresh_enough_for_strict() {
    let run = upskill(&["validate", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.ends_with(": 0 errors, 0 warnings\n"),
        "{}",
        run.stdout
    );
}

/// A provider's `domains` are bare lowercase host names; each bad one is reported where it
/// is, with the host name to write when there is one.
#[test]
fn a_domain_that_is_not_a_bare_host_name_is_reported_where_it_is() {
    assert_validates(
        "bad-domains.yaml",
        &[
            "tests/fixtures/problems/bad-domains.yaml:5:27: error: `https://learn.acme.example/x` is not a domain: write a lowercase host name without scheme, port or path, like `learn.acme.example`",
            "tests/fixtures/problems/bad-domains.yaml:5:57: error: `Acme.Example` is not a domain: write a lowercase host name without scheme, port or path, like `acme.example`",
            "tests/fixtures/problems/bad-domains.yaml:5:71: error: `acme` is not a domain: write a lowercase host name without scheme, port or path",
            "1 provider, 0 credentials, 0 roles: 3 errors, 0 warnings",
        ],
        1,
    );
}

/// `same_as` entries are external ids: a blank one or one listed twice is reported where it is.
#[test]
fn a_blank_or_repeated_same_as_entry_is_reported_where_it_is() {
    assert_validates(
        "bad-same-as.yaml",
        &[
            "tests/fixtures/problems/bad-same-as.yaml:11:9: error: this `same_as` entry is blank: write an external id (like `ce-...`) or an address, or remove the entry",
            "tests/fixtures/problems/bad-same-as.yaml:13:9: error: `ce-4f8c1a2e-0000-4000-8000-000000000001` is listed twice in `same_as`: list each external id once",
            "1 provider, 1 credential, 0 roles: 2 errors, 0 warnings",
        ],
        1,
    );
}

/// A skill's `same_as` URI names one skill: blank, or on a second skill, it is an error.
#[test]
fn a_blank_skill_same_as_or_one_on_two_skills_is_reported_where_it_is() {
    assert_validates(
        "bad-skill-same-as.yaml",
        &[
            "tests/fixtures/problems/bad-skill-same-as.yaml:9:9: error: this `same_as` entry is blank: write an external id (like an ESCO skill URI) or an address, or remove the entry",
            "tests/fixtures/problems/bad-skill-same-as.yaml:13:9: error: `http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000000a` is already the `same_as` of skill `sql` (at tests/fixtures/problems/bad-skill-same-as.yaml:8:9): a concept names one skill; keep it on one of them, and make the other an alias if they are the same",
            "1 provider, 1 credential, 0 roles: 2 errors, 0 warnings",
        ],
        1,
    );
}

/// A role's recommended skill listed twice, or also among its required skills, is a warning.
#[test]
fn a_recommended_skill_listed_twice_or_also_required_is_a_warning() {
    assert_validates(
        "recommended-twice.yaml",
        &[
            "tests/fixtures/problems/recommended-twice.yaml:8:30: warning: skill `sql` is one of the role's `skills` already, which a plan must meet; list it in `skills` or in `recommended`, not both",
            "tests/fixtures/problems/recommended-twice.yaml:8:35: warning: skill `databases` is listed twice; list it once",
            "1 provider, 1 credential, 1 role: 0 errors, 2 warnings",
        ],
        0,
    );
}

#[test]
fn an_occupation_needs_a_code_or_a_name_and_is_listed_once() {
    assert_validates(
        "occupations.yaml",
        &[
            "tests/fixtures/problems/occupations.yaml:12:9: error: this occupation has neither a `code` nor a `name`: give its code in the framework (like `code: \"15-1244.00\", framework: O*NET-SOC`), its name, or both",
            "tests/fixtures/problems/occupations.yaml:13:9: warning: this occupation is listed twice in `occupations`: list each one once",
            "1 provider, 1 credential, 0 roles: 1 error, 1 warning",
        ],
        1,
    );
}
