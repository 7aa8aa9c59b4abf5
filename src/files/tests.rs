use super::*;

#[cfg(unix)]
fn fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[test]
fn a_regular_file_is_read_whole() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("a.yaml");
    std::fs::write(&path, "abc").expect("write");
    assert_eq!(read(&path, 3).expect("reads"), b"abc");
    assert!(matches!(
        read(&path, 2),
        Err(ReadError::TooBig { limit: 2 })
    ));
    assert!(matches!(
        read(&dir.path().join("none"), 9),
        Err(ReadError::NotFound)
    ));
    assert!(matches!(
        read(dir.path(), 9),
        Err(ReadError::NotRegular("a folder"))
    ));
    #[cfg(unix)]
    {
        let dangling = dir.path().join("dangling.yaml");
        std::os::unix::fs::symlink(dir.path().join("gone.yaml"), &dangling).expect("link");
        assert_eq!(
            read(&dangling, 9).expect_err("dangling").to_string(),
            format!(
                "it is a link to {}, which does not exist",
                dir.path().join("gone.yaml").display()
            )
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp");
    let pipe = dir.path().join("x.yaml");
    fifo(&pipe);
    let started = std::time::Instant::now();
    let refused = read(&pipe, 1024).expect_err("a FIFO is refused");
    assert_eq!(
        refused.to_string(),
        "it is a FIFO (a named pipe), not a regular file"
    );
    let zero = dir.path().join("zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
    assert_eq!(
        read(&zero, 1024).expect_err("a device").to_string(),
        "it is a character device, not a regular file"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
}

#[test]
fn a_write_replaces_atomically_and_keeps_permissions() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("plan.yaml");
    write(&path, b"one", WriteOptions::OWN).expect("writes");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        write(&path, b"two", WriteOptions::OWN).expect("writes");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(std::fs::read(&path).expect("read"), b"two");
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_permissions_any_new_file_gets() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp");
    let made_by_std = dir.path().join("std.md");
    std::fs::write(&made_by_std, "x").expect("write");
    let ours = dir.path().join("ours.md");
    write(&ours, b"x", WriteOptions::OUTPUT).expect("writes");
    let mode = |path: &Path| std::fs::metadata(path).expect("meta").permissions().mode();
    assert_eq!(mode(&ours), mode(&made_by_std));
}

#[test]
fn without_replace_an_existing_file_is_never_touched() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("alex.yaml");
    let keep = WriteOptions {
        replace: false,
        ..WriteOptions::OWN
    };
    write(&path, b"one", keep).expect("writes");
    assert!(matches!(
        write(&path, b"two", keep),
        Err(WriteError::Exists)
    ));
    assert_eq!(std::fs::read(&path).expect("read"), b"one");
}

#[test]
fn a_missing_folder_is_named_unless_it_may_be_made() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("no/such/out.md");
    let refused = write(&path, b"x", WriteOptions::OUTPUT).expect_err("no folder");
    assert!(
        refused.to_string().starts_with(&format!(
            "the folder {} does not exist",
            dir.path().join("no/such").display()
        )),
        "{refused}"
    );
    assert!(!dir.path().join("no").exists());
    write(&path, b"x", WriteOptions::OWN).expect("made");
    assert_eq!(std::fs::read(&path).expect("read"), b"x");
}

#[cfg(unix)]
#[test]
fn special_files_are_written_into_or_refused_never_replaced() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().expect("temp");
    let null = dir.path().join("null");
    std::os::unix::fs::symlink("/dev/null", &null).expect("link");
    write(&null, b"x", WriteOptions::OUTPUT).expect("written into");
    assert!(
        std::fs::symlink_metadata(&null)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::metadata("/dev/null")
            .expect("meta")
            .file_type()
            .is_char_device()
    );
    assert!(matches!(
        write(&null, b"x", WriteOptions::OWN),
        Err(WriteError::NotRegular("a character device"))
    ));
    let pipe = dir.path().join("pipe");
    fifo(&pipe);
    assert!(matches!(
        write(&pipe, b"x", WriteOptions::OUTPUT),
        Err(WriteError::NoReader)
    ));
    assert!(
        std::fs::metadata(&pipe)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
    let reader = std::thread::spawn({
        let pipe = pipe.clone();
        move || std::fs::read(pipe).expect("reads the FIFO")
    });
    // The reader may not have opened it yet: the writer retries until it has.
    let payload = vec![b'y'; 200_000];
    let mut written = false;
    for _ in 0..200 {
        match write(&pipe, &payload, WriteOptions::OUTPUT) {
            Err(WriteError::NoReader) => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => {
                other.expect("written");
                written = true;
                break;
            }
        }
    }
    assert!(written);
    assert_eq!(reader.join().expect("reader").len(), payload.len());
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_file_stays_a_link_and_its_target_is_replaced() {
    let dir = tempfile::tempdir().expect("temp");
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old").expect("write");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    write(&link, b"new", WriteOptions::OUTPUT).expect("writes");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&real).expect("read"), b"new");
    let dangling = dir.path().join("dangling.md");
    std::os::unix::fs::symlink(dir.path().join("gone.md"), &dangling).expect("link");
    assert!(matches!(
        write(&dangling, b"x", WriteOptions::OUTPUT),
        Err(WriteError::DanglingLink(_))
    ));
}

#[test]
fn sizes_read_as_people_write_them() {
    assert_eq!(bytes(8 * 1024 * 1024), "8 MiB");
    assert_eq!(bytes(4096), "4 KiB");
    assert_eq!(bytes(22_649_241), "21.6 MiB");
    assert_eq!(bytes(100), "100 bytes");
}

#[test]
fn a_stream_reads_a_regular_file_and_fails_once_it_grows_past_its_limit() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("a.csv");
    std::fs::write(&path, "abc").expect("write");
    let mut text = String::new();
    open(&path, 3)
        .expect("opens")
        .read_to_string(&mut text)
        .expect("reads");
    assert_eq!(text, "abc");
    assert!(matches!(
        open(&path, 2),
        Err(ReadError::TooBig { limit: 2 })
    ));
    assert!(matches!(
        open(dir.path(), 9),
        Err(ReadError::NotRegular("a folder"))
    ));
    // Opened within its limit, then grown past it while read.
    let mut stream = open(&path, 3).expect("opens");
    std::fs::write(&path, "abcdef").expect("grow");
    let mut grown = Vec::new();
    let error = stream.read_to_end(&mut grown).expect_err("past the limit");
    assert!(error.to_string().contains("larger than 3 bytes"), "{error}");
}

#[test]
fn a_staged_file_is_in_place_only_once_committed_and_gone_when_dropped() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("catalog.yaml");
    std::fs::write(&path, "old").expect("write");
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("a folder")
            .map(|entry| {
                entry
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    };
    let dropped = stage(&path, WriteOptions::OWN, |out| out.write_all(b"new")).expect("staged");
    assert_eq!(
        listing().len(),
        2,
        "the staged file waits beside the old one"
    );
    drop(dropped);
    assert_eq!(listing(), ["catalog.yaml"]);
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "old");
    let staged = stage(&path, WriteOptions::OWN, |out| out.write_all(b"new")).expect("staged");
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "old");
    staged.commit().expect("committed");
    assert_eq!(listing(), ["catalog.yaml"]);
    assert_eq!(std::fs::read_to_string(&path).expect("replaced"), "new");
}
