//! Reading one of ESCO's CSV files as a stream: its header checked against the columns the
//! import needs, each row with the line it starts on, every malformed row located.

use std::io;
use std::path::Path;

use super::EscoError;
use crate::files;

/// The largest ESCO file read: the English skills file is some 10 MB, the relations file
/// some 25 MB; a file many times that is not one of them.
const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Which of ESCO's files, for messages and for telling a file given to the wrong option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Occupations,
    Relations,
    Skills,
}

impl Kind {
    /// The columns the import reads; every one must be in the header.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Kind::Occupations | Kind::Skills => &["conceptUri", "preferredLabel"],
            Kind::Relations => &["occupationUri", "relationType", "skillType", "skillUri"],
        }
    }

    /// The option that takes this file, and ESCO's name for it.
    fn option_and_name(self) -> (&'static str, &'static str) {
        match self {
            Kind::Occupations => ("--occupations", "occupations_en.csv"),
            Kind::Relations => ("--relations", "occupationSkillRelations_en.csv"),
            Kind::Skills => ("--skills", "skills_en.csv"),
        }
    }

    /// The kind of ESCO file a header belongs to, from columns only that file has.
    fn of_header(header: &[String]) -> Option<Kind> {
        let has = |name: &str| header.iter().any(|column| column == name);
        if has("occupationUri") && has("skillUri") {
            Some(Kind::Relations)
        } else if has("conceptUri") && (has("skillType") || has("reuseLevel")) {
            Some(Kind::Skills)
        } else if has("conceptUri") && (has("iscoGroup") || has("code")) {
            Some(Kind::Occupations)
        } else {
            None
        }
    }
}

/// An open ESCO file: its rows, with the header's positions of the columns asked for.
pub struct Table {
    name: String,
    reader: csv::Reader<files::Stream>,
    columns: Vec<Option<usize>>,
    record: csv::StringRecord,
}

impl Table {
    /// Opens `path` as a `kind` file and finds `columns` (the required ones and any
    /// optional ones) in its header; a required column missing is an error naming them all.
    pub fn open(path: &Path, kind: Kind, columns: &[&str]) -> Result<Table, EscoError> {
        let name = crate::text::sanitize_line(&path.display().to_string()).into_owned();
        let stream = files::open(path, MAX_FILE_BYTES).map_err(|error| EscoError::Read {
            file: name.clone(),
            message: error.to_string(),
        })?;
        // csv strips a UTF-8 byte order mark from the header, as Excel writes one.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(stream);
        let header: Vec<String> = reader
            .headers()
            .map_err(|error| row_error(&name, &error))?
            .iter()
            .map(|column| column.trim().to_owned())
            .collect();
        let missing: Vec<&'static str> = kind
            .required()
            .iter()
            .copied()
            .filter(|column| !header.iter().any(|found| found == column))
            .collect();
        if !missing.is_empty() {
            return Err(header_error(name, kind, &missing, &header));
        }
        let columns = columns
            .iter()
            .map(|wanted| header.iter().position(|found| found == wanted))
            .collect();
        Ok(Table {
            name,
            reader,
            columns,
            record: csv::StringRecord::new(),
        })
    }

    /// The next row, as the line it starts on and the value of each column asked for (empty
    /// when the file has no such column); `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<(u64, Vec<&str>)>, EscoError> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                let line = self.record.position().map_or(0, csv::Position::line);
                let values = self
                    .columns
                    .iter()
                    .map(|column| {
                        column
                            .and_then(|at| self.record.get(at))
                            .unwrap_or("")
                            .trim()
                    })
                    .collect();
                Ok(Some((line, values)))
            }
            Err(error) => Err(row_error(&self.name, &error)),
        }
    }

    /// The file's name as given, for messages.
    pub fn name(&self) -> &str {
        &self.name
    }
}

fn header_error(file: String, kind: Kind, missing: &[&str], header: &[String]) -> EscoError {
    let (option, esco_name) = kind.option_and_name();
    let hint = match Kind::of_header(header) {
        Some(other) if other != kind => {
            let (other_option, other_name) = other.option_and_name();
            format!(
                "; it looks like ESCO's {other_name}, which goes with {other_option}, while {option} takes {esco_name}"
            )
        }
        _ => format!("; {option} takes ESCO's {esco_name}, from ESCO's CSV download"),
    };
    let found: Vec<String> = header
        .iter()
        .take(12)
        .map(|column| crate::text::sanitize_line(column).into_owned())
        .collect();
    EscoError::Header {
        file,
        message: format!(
            "the header has no {} column; the columns needed are {}, found {}{hint}",
            missing
                .iter()
                .map(|column| format!("`{column}`"))
                .collect::<Vec<_>>()
                .join(", "),
            kind.required().join(", "),
            if found.is_empty() {
                "no header at all".to_owned()
            } else {
                found.join(",")
            },
        ),
    }
}

fn row_error(file: &str, error: &csv::Error) -> EscoError {
    let line = error.position().map_or(0, csv::Position::line);
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} fields where the header has {expected_len}: a field holding a comma, a quote or a line break must be in double quotes, with its quotes doubled"
        ),
        csv::ErrorKind::Utf8 { .. } => {
            "this row is not UTF-8 text; export the file again as UTF-8".to_owned()
        }
        csv::ErrorKind::Io(io_error) if io_error.kind() == io::ErrorKind::InvalidData => {
            io_error.to_string()
        }
        csv::ErrorKind::Io(io_error) => format!("cannot be read: {io_error}"),
        _ => error.to_string(),
    };
    EscoError::Row {
        file: file.to_owned(),
        line,
        message,
    }
}
