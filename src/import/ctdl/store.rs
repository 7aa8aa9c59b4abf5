//! Where each mapped entry's text waits until its provider's file is written: a provider's
//! credentials may come from any input file, and its file lists them in id order, so each
//! entry is kept as it is mapped and the files are put together at the end.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Keeps the text of each record's entry and gives it back.
pub trait EntryStore {
    /// Keeps the text of record `record`'s entry (at most once per record).
    fn keep(&mut self, record: usize, text: &str) -> io::Result<()>;
    /// Writes the text kept for `record` to `out`.
    fn copy(&mut self, record: usize, out: &mut dyn Write) -> io::Result<()>;
}

/// Entries held in memory: for small imports and tests.
#[derive(Debug, Default)]
pub struct Kept(HashMap<usize, String>);

impl EntryStore for Kept {
    fn keep(&mut self, record: usize, text: &str) -> io::Result<()> {
        self.0.insert(record, text.to_owned());
        Ok(())
    }

    fn copy(&mut self, record: usize, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.0.get(&record).map_or("", String::as_str).as_bytes())
    }
}

/// Entries written to a scratch file as they are mapped, so memory holds only where each
/// one is. The file has no name (it is gone once closed, even when upskill is killed) and
/// is made in the folder given, the output's, on the first entry.
#[derive(Debug)]
pub struct Spill {
    folder: PathBuf,
    file: Option<BufWriter<File>>,
    /// Where the file ends, while entries are being added.
    end: u64,
    /// Each record's entry: where it starts and how long it is.
    places: Vec<Option<(u64, u32)>>,
    /// Whether the file was last read (then it is not at its end).
    reading: bool,
    buffer: Vec<u8>,
}

impl Spill {
    /// A spill that will make its file in `folder` (and the folder) when first needed.
    pub fn new(folder: &Path) -> Spill {
        Spill {
            folder: folder.to_path_buf(),
            file: None,
            end: 0,
            places: Vec::new(),
            reading: false,
            buffer: Vec::new(),
        }
    }
}

impl EntryStore for Spill {
    fn keep(&mut self, record: usize, text: &str) -> io::Result<()> {
        if self.file.is_none() {
            std::fs::create_dir_all(&self.folder)?;
            // Scratch space of the import's own, never a user's file: it does not go through
            // the atomic writer, and nothing else can see it.
            let made = tempfile::tempfile_in(&self.folder)?;
            self.file = Some(BufWriter::with_capacity(1 << 16, made));
        }
        let Some(file) = &mut self.file else {
            return Ok(());
        };
        if self.reading {
            file.get_mut().seek(SeekFrom::End(0))?;
            self.reading = false;
        }
        let len = u32::try_from(text.len()).map_err(io::Error::other)?;
        file.write_all(text.as_bytes())?;
        if self.places.len() <= record {
            self.places.resize(record + 1, None);
        }
        self.places[record] = Some((self.end, len));
        self.end += u64::from(len);
        Ok(())
    }

    fn copy(&mut self, record: usize, out: &mut dyn Write) -> io::Result<()> {
        let (Some(file), Some(&Some((at, len)))) = (&mut self.file, self.places.get(record)) else {
            return Ok(());
        };
        if !self.reading {
            file.flush()?;
            self.reading = true;
        }
        let file = file.get_mut();
        file.seek(SeekFrom::Start(at))?;
        self.buffer.resize(len as usize, 0);
        file.read_exact(&mut self.buffer)?;
        out.write_all(&self.buffer)
    }
}

/// One provider's catalog file, to be written: its name, its start, and the records whose
/// entries follow, in id order.
#[derive(Debug)]
pub struct CatalogFile {
    /// The file name, `PROVIDER.yaml`.
    pub name: String,
    pub(super) header: String,
    pub(super) records: Vec<u32>,
}

impl CatalogFile {
    /// Writes the file's text to `out`, each entry copied from `store`.
    pub fn write(&self, store: &mut impl EntryStore, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.header.as_bytes())?;
        for &record in &self.records {
            store.copy(record as usize, out)?;
        }
        Ok(())
    }
}
