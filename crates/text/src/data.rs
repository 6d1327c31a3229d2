//! Where isnad's data files come from, and the one error every loader returns.
//!
//! Every lexicon, gazetteer and model is a file under `data/`, embedded in the
//! binary at build time. [`Data`] chooses between that embedded copy and a
//! directory laid out like `data/` (an edited copy, `--data DIR`); each loader
//! reads its files through [`Data::read`] and reports a malformed line as a
//! [`LoadError`] naming the file and the line.
//!
//! ```
//! use isnad_text::{Data, LoadError};
//! let text = Data::Embedded.read("lexicon/abbreviations.txt", "د\n").unwrap();
//! assert_eq!(text, "د\n");
//! let missing = Data::Dir("/no/such/dir".into()).read("lexicon/abbreviations.txt", "");
//! let err: LoadError = missing.unwrap_err();
//! assert!(err.to_string().starts_with("/no/such/dir/lexicon/abbreviations.txt: cannot read"));
//! ```

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

/// The source of the data files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Data {
    /// The files embedded at build time.
    #[default]
    Embedded,
    /// A directory laid out like `data/`: every file is read from it, and a
    /// missing file is an error (no silent fallback to the embedded copy).
    Dir(PathBuf),
}

impl Data {
    /// The content of `rel` (a path under `data/`, such as
    /// `events/triggers.tsv`): `embedded` for [`Data::Embedded`], else the
    /// file under the directory.
    pub fn read(&self, rel: &str, embedded: &'static str) -> Result<Cow<'static, str>, LoadError> {
        match self {
            Data::Embedded => Ok(Cow::Borrowed(embedded)),
            Data::Dir(dir) => {
                let path = dir.join(rel);
                let name = path.display().to_string();
                let bytes = std::fs::read(&path).map_err(|e| LoadError::new(&name, 0, format!("cannot read: {e}")))?;
                String::from_utf8(bytes).map(Cow::Owned).map_err(|e| {
                    LoadError::new(&name, 0, format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
                })
            }
        }
    }

    /// The name a loader reports for `rel`: `data/REL` when embedded, else
    /// the path under the directory.
    pub fn name(&self, rel: &str) -> String {
        match self {
            Data::Embedded => format!("data/{rel}"),
            Data::Dir(dir) => dir.join(rel).display().to_string(),
        }
    }

    /// Reads `rel` and returns it with its reported name, ready for a parser
    /// that takes `(name, content)`.
    pub fn file(&self, rel: &str, embedded: &'static str) -> Result<(String, Cow<'static, str>), LoadError> {
        Ok((self.name(rel), self.read(rel, embedded)?))
    }
}

/// A data file that cannot be loaded: names the file and the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// File name (as given to the loader).
    pub file: String,
    /// 1-based line number (0 when the whole file is at fault, e.g. missing).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl LoadError {
    /// An error at `file:line`.
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> LoadError {
        LoadError { file: file.to_string(), line, message: message.into() }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for LoadError {}

/// Iterates the data lines of a TSV/list file: skips blank and `#` lines,
/// and the header line when `header` is given (which must then match).
pub fn data_lines<'a>(
    file: &'a str,
    content: &'a str,
    header: Option<&'a str>,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), LoadError>> + 'a {
    let mut header_seen = header.is_none();
    content.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        if !header_seen {
            header_seen = true;
            let want = header.unwrap_or_default();
            if line != want {
                return Some(Err(LoadError::new(file, i + 1, format!("expected header {want:?}, found {line:?}"))));
            }
            return None;
        }
        Some(Ok((i + 1, line.split('\t').collect())))
    })
}

/// Checks that a data line has exactly `n` non-empty columns.
pub fn columns<'a>(file: &str, line: usize, cols: Vec<&'a str>, n: usize) -> Result<Vec<&'a str>, LoadError> {
    if cols.len() != n {
        return Err(LoadError::new(file, line, format!("expected {n} tab-separated columns, found {}", cols.len())));
    }
    if let Some(i) = cols.iter().position(|c| c.trim().is_empty()) {
        return Err(LoadError::new(file, line, format!("column {} is empty", i + 1)));
    }
    Ok(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_file_is_read_and_named_by_its_path() {
        let dir = std::env::temp_dir().join(format!("isnad-data-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("events")).unwrap();
        std::fs::write(dir.join("events/x.tsv"), "a\tb\n").unwrap();
        let data = Data::Dir(dir.clone());
        let (name, text) = data.file("events/x.tsv", "embedded").unwrap();
        assert_eq!(text, "a\tb\n");
        assert!(name.ends_with("events/x.tsv") && name.starts_with(&dir.display().to_string()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_file_in_a_directory_is_an_error_not_the_embedded_copy() {
        let data = Data::Dir("/nonexistent-isnad-data".into());
        let e = data.read("events/triggers.tsv", "embedded").unwrap_err();
        assert_eq!(e.line, 0);
        assert!(e.file.ends_with("events/triggers.tsv"));
    }

    #[test]
    fn invalid_utf8_names_the_file() {
        let dir = std::env::temp_dir().join(format!("isnad-data-utf8-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("bad.txt"), [b'a', 0xff, b'b']).unwrap();
        let e = Data::Dir(dir.clone()).read("bad.txt", "").unwrap_err();
        assert!(e.to_string().contains("bad.txt: invalid UTF-8 at byte 1"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
