//! Parsing files in parallel while their results are taken in file order: each parsed file is
//! handed over as soon as it and every file before it are parsed, so merging (serial) runs
//! beside the parsing of later files, and a file's parsed form is let go once merged instead
//! of every file's being held until the last is parsed.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::channel;
use std::sync::{Condvar, Mutex, PoisonError};

/// How many files, per parsing thread, may be parsed ahead of the one to be taken next: a
/// few, so a slow file does not stall the others, and what waits costs little memory.
const AHEAD_PER_THREAD: usize = 4;

/// Calls `parse` on every file, on as many threads as rayon's pool has, and `take` on each
/// result in file order, on this thread. With one thread, each file is parsed then taken in
/// turn.
pub(super) fn in_order<'a, F: Sync, T: Send>(
    files: &'a [F],
    parse: impl Fn(usize, &'a F) -> T + Sync,
    mut take: impl FnMut(usize, T),
) {
    let threads = rayon::current_num_threads().min(files.len());
    if threads <= 1 {
        for (i, file) in files.iter().enumerate() {
            take(i, parse(i, file));
        }
        return;
    }
    let window = Window {
        taken: Mutex::new(Taken {
            count: 0,
            stopped: false,
        }),
        moved: Condvar::new(),
        ahead: AHEAD_PER_THREAD * threads,
    };
    let next = AtomicUsize::new(0);
    let (done, results) = channel::<(usize, T)>();
    std::thread::scope(|scope| {
        let mut spawned = 0;
        for _ in 0..threads {
            let done = done.clone();
            let (window, next, parse) = (&window, &next, &parse);
            let worker = move || {
                let _stop = StopOnPanic(window);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= files.len() || !window.wait_for(i) {
                        break;
                    }
                    if done.send((i, parse(i, &files[i]))).is_err() {
                        break;
                    }
                }
            };
            // A thread that cannot be started leaves the work to the others, and to this one
            // when none could be.
            match std::thread::Builder::new().spawn_scoped(scope, worker) {
                Ok(_) => spawned += 1,
                Err(_) => break,
            }
        }
        if spawned == 0 {
            for (i, file) in files.iter().enumerate() {
                take(i, parse(i, file));
            }
            return;
        }
        drop(done);
        let _stop = StopOnPanic(&window);
        let mut waiting: BTreeMap<usize, T> = BTreeMap::new();
        let mut expected = 0;
        for (i, result) in results {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&expected) {
                take(expected, result);
                expected += 1;
                window.took(expected);
            }
        }
    });
}

/// How far the taking has come, shared by the parsing threads.
struct Window {
    taken: Mutex<Taken>,
    moved: Condvar,
    /// How many files may be parsed ahead of the next one to take.
    ahead: usize,
}

struct Taken {
    count: usize,
    /// A thread panicked: nobody waits any more.
    stopped: bool,
}

impl Window {
    /// Waits until file `i` is within the window; false when the work has stopped.
    fn wait_for(&self, i: usize) -> bool {
        let mut taken = self.taken.lock().unwrap_or_else(PoisonError::into_inner);
        while !taken.stopped && i >= taken.count + self.ahead {
            taken = self
                .moved
                .wait(taken)
                .unwrap_or_else(PoisonError::into_inner);
        }
        !taken.stopped
    }

    fn took(&self, count: usize) {
        self.taken
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .count = count;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.taken
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .stopped = true;
        self.moved.notify_all();
    }
}

/// Stops the window when its thread panics, so no thread waits forever on a file that will
/// never be taken (the panic then reaches the caller).
struct StopOnPanic<'a>(&'a Window);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// Whether a YAML file of these `bytes` may declare skills: false only when its top level is
/// certainly a block mapping with no `skills` key, as every credential file's is. The test is
/// on the lines (a top-level key starts a line at column 0), and anything it cannot be sure
/// of is a yes: a flow mapping, a quoted, tagged, anchored or explicit key, a directive or
/// document marker, an indented first line, or a line break YAML knows and `\n`/`\r` are
/// not (anywhere in the file). It reads the bytes without decoding them: bytes that are not
/// UTF-8 do not parse, so what it says of them does not matter. Only the first byte of each
/// line is looked at; the line breaks between are found a chunk at a time.
pub(super) fn may_declare_skills(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    // NEL, LS and PS also break lines in YAML: a file with any of them is a yes.
    if !bytes.is_ascii()
        && [&b"\xc2\x85"[..], b"\xe2\x80\xa8", b"\xe2\x80\xa9"]
            .iter()
            .any(|line_break| memchr::memmem::find(bytes, line_break).is_some())
    {
        return true;
    }
    // Before the first key: an indented line there may be a key of an indented top level.
    let mut first = true;
    let line_starts =
        std::iter::once(0).chain(memchr::memchr2_iter(b'\n', b'\r', bytes).map(|i| i + 1));
    for i in line_starts {
        let Some(&byte) = bytes.get(i) else { break };
        match byte {
            b'\n' | b'\r' | b'#' => {}
            b' ' | b'\t' => {
                let content = || bytes[i..].iter().find(|&&b| b != b' ' && b != b'\t');
                if first && !matches!(content(), None | Some(b'\n' | b'\r' | b'#')) {
                    return true;
                }
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                if bytes[i..].starts_with(b"skills") {
                    return true;
                }
                first = false;
            }
            _ => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::SourceFile;
    use crate::catalog::source::Bytes;
    use std::sync::Arc;

    #[test]
    fn files_that_may_declare_skills_are_told_from_those_that_cannot() {
        let cannot = [
            "provider: {id: a, name: A}\ncredentials:\n  - id: x\n    skills: [linux]\n",
            "# skills: below\n\nprovider:\n  id: a\n  skills_x: 1\ncredentials: []\n",
            "provider: {id: a, name: A}\r\nroles:\r\n  - {id: r, skills: [x]}\r\n",
            "",
            "\u{feff}provider: {id: a, name: Zoë}\n",
        ];
        for text in cannot {
            assert!(!may_declare_skills(text.as_bytes()), "{text:?}");
        }
        let may = [
            "skills:\n  - {id: linux}\n",
            "provider: {id: a}\nskills: []\n",
            "provider: {id: a}\rskills: []\n",
            "provider: {id: a}\u{85}skills: []\n",
            "provider: {id: a}\u{2028}skills: []\n",
            "\u{feff}skills: []\n",
            "{provider: {id: a}, skills: []}\n",
            "\"skills\": []\n",
            "? skills\n: []\n",
            "---\nskills: []\n",
            "  provider: {id: a}\n  skills: []\n",
            "&a skills: []\n",
            "!!str skills: []\n",
            "%YAML 1.1\n---\nprovider: {id: a}\n",
        ];
        for text in may {
            assert!(may_declare_skills(text.as_bytes()), "{text:?}");
        }
    }

    /// The scan as it was first written, a byte at a time: the judge of the one that jumps
    /// between line starts.
    fn byte_by_byte(bytes: &[u8]) -> bool {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let mut first = true;
        let mut line_start = true;
        for (i, &byte) in bytes.iter().enumerate() {
            if line_start {
                match byte {
                    b'\n' | b'\r' | b'#' => {}
                    b' ' | b'\t' => {
                        let content = || bytes[i..].iter().find(|&&b| b != b' ' && b != b'\t');
                        if first && !matches!(content(), None | Some(b'\n' | b'\r' | b'#')) {
                            return true;
                        }
                    }
                    b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                        if bytes[i..].starts_with(b"skills") {
                            return true;
                        }
                        first = false;
                    }
                    _ => return true,
                }
            }
            line_start = match byte {
                b'\n' | b'\r' => true,
                0xc2 if bytes.get(i + 1) == Some(&0x85) => return true,
                0xe2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xa8 | 0xa9])) => {
                    return true;
                }
                _ => false,
            };
        }
        false
    }

    /// Pieces of lines that move the scan between its answers.
    const PIECES: &[&str] = &[
        "provider: {id: a}",
        "skills: []",
        "skills",
        "  skills: x",
        "  - id: x",
        "# c",
        "",
        "\r",
        "\r\n",
        "\t",
        " ",
        "credentials:",
        "\"skills\": 1",
        "- x",
        "\u{feff}",
        "\u{c2}",
        "é",
        "\u{20ac}",
        "_x: 1",
        "?",
        "---",
        "%Y",
    ];

    /// YAML's other line breaks, which make any file a yes: rare, so most documents test
    /// the line starts.
    const LINE_BREAKS: &[&str] = &["\u{85}", "\u{2028}", "\u{2029}"];

    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::prop_oneof![
            40 => proptest::sample::select(PIECES),
            1 => proptest::sample::select(LINE_BREAKS),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 4_000, ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn jumping_between_line_starts_answers_as_reading_every_byte(
            lines in proptest::collection::vec(
                proptest::collection::vec(piece(), 0..4), 0..12),
        ) {
            let text: String = lines.iter().map(|line| line.concat() + "\n").collect();
            let text = text.strip_suffix('\n').unwrap_or(&text);
            proptest::prop_assert_eq!(
                may_declare_skills(text.as_bytes()),
                byte_by_byte(text.as_bytes()),
                "{:?}", text
            );
        }
    }

    fn file(name: &str, text: &'static str) -> SourceFile {
        SourceFile {
            name: Arc::from(name),
            path: None,
            content: Ok(Bytes::Static(text)),
        }
    }

    #[test]
    fn skills_declared_by_a_later_file_are_known_to_every_credential() {
        let mut files = vec![file(
            "a.yaml",
            "provider: {id: a, name: A}\ncredentials:\n  - {id: x, title: X, kind: course, hours: 1, cost: 0, skills: [k8s]}\n",
        )];
        for n in 0..40 {
            files.push(file(&format!("b{n:02}.yaml"), "credentials: []\n"));
        }
        files.push(file(
            "z.yaml",
            "skills:\n  - {id: kubernetes, name: Kubernetes, aliases: [k8s]}\n",
        ));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool");
        let loaded = pool.install(|| crate::catalog::load_files(&files));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let catalog = &loaded.catalog;
        let x = catalog.find_credential("a/x").expect("declared");
        let skills: Vec<&str> = (catalog.credential(x).skills.iter())
            .map(|&skill| catalog.skill(skill).id.as_str())
            .collect();
        assert_eq!(skills, ["kubernetes"]);
        assert_eq!(catalog.skills.len(), 1);
    }

    fn files(count: usize) -> Vec<SourceFile> {
        (0..count)
            .map(|i| SourceFile {
                name: Arc::from(format!("{i}.yaml")),
                path: None,
                content: Ok(Bytes::Owned(vec![0; i % 7])),
            })
            .collect()
    }

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool")
    }

    #[test]
    fn results_are_taken_in_file_order() {
        let files = files(200);
        for threads in [pool(3), pool(1)] {
            let mut taken = Vec::new();
            threads.install(|| {
                in_order(
                    &files,
                    |i, file| (i, file.content.as_ref().map_or(0, |b| b.as_slice().len())),
                    |i, result| taken.push((i, result)),
                );
            });
            let expected: Vec<(usize, (usize, usize))> =
                (0..200).map(|i| (i, (i, i % 7))).collect();
            assert_eq!(taken, expected);
        }
    }

    #[test]
    fn a_panic_while_parsing_reaches_the_caller() {
        let files = files(50);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pool(2).install(|| {
                in_order(&files, |i, _| assert_ne!(i, 3, "file 3 fails"), |_, ()| {});
            });
        }));
        assert!(outcome.is_err());
    }
}
