//! The badge import dialog in the real binary in a real terminal (tmux): an Open Badges 3.0
//! file written to a folder, its path typed in the dialog, the table read, `y`, quit, and the
//! credential in the person's profile on disk.

mod common;

use common::tmux::Session;

const BADGE: &str = r#"{
  "@context": [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
  ],
  "id": "urn:uuid:0b6c2f7e-3d1a-4c55-8e0f-4a1b2c3d4e5f",
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "issuer": {"id": "https://acme.example/issuers/academy", "type": ["Profile"], "name": "Acme Academy"},
  "validFrom": "2026-06-01T08:00:00Z",
  "credentialSubject": {
    "type": ["AchievementSubject"],
    "achievement": {
      "id": "https://acme.example/achievements/linux-admin",
      "type": ["Achievement"],
      "name": "Linux Admin",
      "criteria": {"narrative": "Pass the practical exam."}
    }
  }
}
"#;

#[test]
fn a_badge_file_typed_in_the_dialog_joins_the_persons_profile() {
    let home = tempfile::tempdir().expect("temp");
    let wallet = home.path().join("wallet");
    std::fs::create_dir(&wallet).expect("a folder");
    std::fs::write(wallet.join("linux.json"), BADGE).expect("the badge written");
    let session = Session::start(home.path(), "wallet");
    session.wait_for("Catalog 8/8");
    session.send(&["p"]);
    session.wait_for("Saved plans");
    session.send(&["sam", "C-n"]);
    session.wait_for("who is it for?");
    session.send(&["p"]);
    session.wait_for("New plan `sam`");
    session.send(&["I"]);
    session.wait_for("Import badges");
    // Relative to the folder upskill was started in, which is the home folder here.
    session.send(&["wallet/linux.json", "Enter"]);
    let table = session.wait_for("Badges in wallet/linux.json");
    for line in [
        "Linux Admin  -> acme/linux-admin (by title)",
        "signatures are not verified",
        "add 1 credential to sam's holdings",
    ] {
        assert!(table.contains(line), "{line}:\n{table}");
    }
    session.send(&["y"]);
    session.wait_for("Added 1 credential to sam's holdings");
    session.send(&["q"]);
    assert_eq!(session.wait_for_exit(), 0);
    let profile = std::fs::read_to_string(session.home.join("data/upskill/people/sam.yaml"))
        .expect("sam's profile");
    assert!(profile.contains("acme/linux-admin"), "{profile}");
    assert!(profile.contains("2026-06-01"), "{profile}");
}
