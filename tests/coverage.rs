//! `upskill coverage`: which of a role's skills the loaded credentials teach, on the ESCO
//! fixtures' catalog (tests/fixtures/esco/catalog.yaml).

mod common;

fn catalog() -> String {
    common::fixture("esco/catalog.yaml")
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

/// A retired credential (`acme/old-net` teaches networking) teaches nothing here.
#[test]
fn coverage_of_a_role_lists_each_skills_teachers_and_the_untaught() {
    let catalog = catalog();
    let run = common::upskill(&[
        "--no-bundled",
        "--catalog",
        &catalog,
        "coverage",
        "--role",
        "network-technician",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "Network Technician (network-technician): 1 of 2 skills taught by the loaded credentials",
            "",
            "SKILL       NAME        CREDENTIALS  E.G.",
            "networking  Networking            0",
            "linux       Linux                 1  acme/linux-intro",
            "",
            "Taught by no credential (add one that teaches each, so plans can meet it): networking",
            "",
            "Recommended skills (plans do not aim at them): 1 of 2 taught",
            "",
            "SKILL         NAME          CREDENTIALS  E.G.",
            "ict-security  ICT security            1  acme/sec-basics",
            "scripting     Scripting               0",
        ]
    );
}

#[test]
fn coverage_of_every_role_and_as_json() {
    let catalog = catalog();
    let all = common::upskill(&["--no-bundled", "--catalog", &catalog, "coverage"]);
    assert_eq!(all.code, 0, "{}", all.stderr);
    assert!(all.stdout.starts_with("ROLE                TAUGHT  NOT TAUGHT BY ANY CREDENTIAL\nnetwork-technician     1/2  networking\n"), "{}", all.stdout);
    let json = common::upskill(&[
        "--no-bundled",
        "--catalog",
        &catalog,
        "coverage",
        "--format",
        "json",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(value[0]["id"], "network-technician");
    assert_eq!(value[0]["untaught"], serde_json::json!(["networking"]));
    assert_eq!(
        value[0]["recommended_untaught"],
        serde_json::json!(["scripting"])
    );
    assert_eq!(
        value[0]["skills"][1]["taught_by"],
        serde_json::json!(["acme/linux-intro"])
    );
}

#[test]
fn coverage_of_an_unknown_role_suggests_the_closest() {
    let catalog = catalog();
    let run = common::upskill(&[
        "--no-bundled",
        "--catalog",
        &catalog,
        "coverage",
        "--role",
        "network-technican",
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        "upskill: no role has the id `network-technican`; did you mean `network-technician`?"
    );
}
