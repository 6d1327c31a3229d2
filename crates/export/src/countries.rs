//! The country table (`data/countries.tsv`): ISO 3166-1 codes, English
//! names and ACLED regions.

use std::io;
use std::sync::OnceLock;

use isnad_text::{Data, LoadError};

/// The table, under `data/`.
const FILE: &str = "countries.tsv";
const HEADER: &str = "iso2\tiso3\tnumeric\tname\tregion";

/// One country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Country {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// ISO 3166-1 numeric.
    pub numeric: u16,
    /// English short name.
    pub name: String,
    /// ACLED region.
    pub region: String,
}

/// A table that does not load, as the writers' I/O error.
pub(crate) fn invalid_data(e: LoadError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

/// Countries by code.
#[derive(Debug, Default)]
pub(crate) struct Countries {
    rows: Vec<Country>,
}

impl Countries {
    /// The embedded table, loaded at first use.
    pub fn embedded() -> Result<&'static Countries, LoadError> {
        static TABLE: OnceLock<Result<Countries, LoadError>> = OnceLock::new();
        TABLE.get_or_init(|| Countries::load(&Data::Embedded)).as_ref().map_err(Clone::clone)
    }

    /// Loads `countries.tsv` from `data`.
    pub fn load(data: &Data) -> Result<Countries, LoadError> {
        let (file, text) = data.file(FILE, include_str!("../../../data/countries.tsv"))?;
        Countries::parse(&file, &text)
    }

    /// Parses a table: `#` comments, blank lines, one header line, then rows.
    pub fn parse(file: &str, text: &str) -> Result<Countries, LoadError> {
        let err = |line: usize, message: String| LoadError::new(file, line, message);
        let mut rows: Vec<Country> = Vec::new();
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let l = raw.strip_suffix('\r').unwrap_or(raw);
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            if !header {
                if l != HEADER {
                    return Err(err(line, format!("expected the header {HEADER:?}, found {l:?}")));
                }
                header = true;
                continue;
            }
            let cols: Vec<&str> = l.split('\t').collect();
            if cols.len() != 5 {
                return Err(err(line, format!("expected 5 tab-separated columns, found {}", cols.len())));
            }
            let upper = |s: &str, n: usize| s.len() == n && s.bytes().all(|c| c.is_ascii_uppercase());
            if !upper(cols[0], 2) {
                return Err(err(line, format!("iso2 {:?} is not two capital letters", cols[0])));
            }
            if !upper(cols[1], 3) {
                return Err(err(line, format!("iso3 {:?} is not three capital letters", cols[1])));
            }
            let numeric = (cols[2].len() == 3 && cols[2].bytes().all(|c| c.is_ascii_digit()))
                .then(|| cols[2].parse::<u16>().ok())
                .flatten()
                .ok_or_else(|| err(line, format!("numeric {:?} is not three digits", cols[2])))?;
            for (what, v) in [("name", cols[3]), ("region", cols[4])] {
                if v.trim().is_empty() || v.trim() != v {
                    return Err(err(line, format!("{what} {v:?} is empty or has surrounding spaces")));
                }
            }
            if let Some(dup) = rows.iter().find(|r| r.iso2 == cols[0] || r.iso3 == cols[1] || r.numeric == numeric) {
                return Err(err(line, format!("{} repeats the codes of {}", cols[0], dup.iso2)));
            }
            rows.push(Country {
                iso2: cols[0].to_string(),
                iso3: cols[1].to_string(),
                numeric,
                name: cols[3].to_string(),
                region: cols[4].to_string(),
            });
        }
        if !header {
            return Err(err(text.lines().count().max(1), format!("no header {HEADER:?}")));
        }
        Ok(Countries { rows })
    }

    /// By ISO 3166-1 alpha-2 (case-insensitive).
    pub fn by_iso2(&self, code: &str) -> Option<&Country> {
        self.rows.iter().find(|c| c.iso2.eq_ignore_ascii_case(code.trim()))
    }

    /// By ISO 3166-1 alpha-3 (case-insensitive).
    pub fn by_iso3(&self, code: &str) -> Option<&Country> {
        self.rows.iter().find(|c| c.iso3.eq_ignore_ascii_case(code.trim()))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.rows.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_covers_the_region() {
        let t = Countries::embedded().unwrap();
        for code in [
            "YE", "SA", "AE", "OM", "QA", "BH", "KW", "IQ", "SY", "LB", "JO", "IL", "PS", "EG", "LY", "TN", "DZ", "MA",
            "SD", "SS", "SO", "DJ", "ET", "ER", "IR", "TR", "MR",
        ] {
            assert!(t.by_iso2(code).is_some(), "{code} missing");
        }
        let ye = t.by_iso2("ye").unwrap();
        assert_eq!(
            (ye.iso3.as_str(), ye.numeric, ye.name.as_str(), ye.region.as_str()),
            ("YEM", 887, "Yemen", "Middle East")
        );
        assert_eq!(t.by_iso2("DZ").unwrap().numeric, 12);
        assert_eq!(t.by_iso3("SDN").unwrap().region, "Northern Africa");
        assert_eq!(t.by_iso3("SOM").unwrap().region, "Eastern Africa");
        assert!(t.by_iso2("XK").is_none());
        assert!(t.len() >= 27);
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let good = "# c\n\niso2\tiso3\tnumeric\tname\tregion\nYE\tYEM\t887\tYemen\tMiddle East\n";
        assert_eq!(Countries::parse("t.tsv", good).unwrap().len(), 1);
        let cases = [
            ("iso2\tiso3\tnumeric\tname\tregion\nYE\tYEM\t887\tYemen\n", 2, "5 tab-separated columns"),
            ("# x\niso2\tiso3\tnumeric\tname\tregion\nYE\tYEM\t88\tYemen\tMiddle East\n", 3, "three digits"),
            ("iso2\tiso3\tnumeric\tname\tregion\nye\tYEM\t887\tYemen\tMiddle East\n", 2, "two capital letters"),
            ("iso2\tiso3\tnumeric\tname\tregion\nYE\tYE\t887\tYemen\tMiddle East\n", 2, "three capital letters"),
            ("iso2\tiso3\tnumeric\tname\tregion\nYE\tYEM\t887\t\tMiddle East\n", 2, "name"),
            (
                "iso2\tiso3\tnumeric\tname\tregion\nYE\tYEM\t887\tYemen\tMiddle East\nYE\tYEM\t887\tYemen\tX\n",
                3,
                "repeats",
            ),
            ("code\tname\n", 1, "expected the header"),
            ("# only comments\n", 1, "no header"),
        ];
        for (text, line, what) in cases {
            let e = Countries::parse("data/countries.tsv", text).unwrap_err();
            assert_eq!(e.line, line, "{text:?}");
            let msg = e.to_string();
            assert!(msg.starts_with(&format!("data/countries.tsv:{line}: ")), "{msg}");
            assert!(msg.contains(what), "{msg}");
            assert!(invalid_data(e).to_string().contains("data/countries.tsv"));
        }
    }

    #[test]
    fn a_broken_line_in_a_data_copy_names_its_file_and_line() {
        let dir = std::env::temp_dir().join(format!("isnad-export-countries-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = include_str!("../../../data/countries.tsv");
        std::fs::write(dir.join(FILE), text).unwrap();
        assert_eq!(Countries::load(&Data::Dir(dir.clone())).unwrap().len(), Countries::embedded().unwrap().len());
        let n = text.lines().position(|l| l.starts_with("YE\t")).unwrap() + 1;
        let broken: Vec<&str> =
            text.lines().enumerate().map(|(i, l)| if i + 1 == n { "YE\tYEM\t887" } else { l }).collect();
        std::fs::write(dir.join(FILE), broken.join("\n")).unwrap();
        let e = Countries::load(&Data::Dir(dir.clone())).unwrap_err();
        assert!(e.file.ends_with("countries.tsv") && e.line == n, "{e}");
        assert!(e.message.contains("5 tab-separated columns"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
