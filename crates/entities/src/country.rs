//! Countries for entity linking: the ISO 3166-1 codes of `data/countries.tsv`
//! (places carry alpha-2 codes, actors alpha-3), and the aliases whose actor
//! depends on the country a document is about (`data/entities/country_aliases.tsv`:
//! "الجيش الوطني" is Yemen's army in a report on Yemen, Haftar's in one on Libya).

use isnad_text::{columns, data_lines, Data, LoadError};
use rustc_hash::FxHashMap;

const COUNTRIES: (&str, &str) = ("countries.tsv", include_str!("../../../data/countries.tsv"));
const COUNTRIES_HEADER: &str = "iso2\tiso3\tnumeric\tname\tregion";
const ALIASES: (&str, &str) =
    ("entities/country_aliases.tsv", include_str!("../../../data/entities/country_aliases.tsv"));
const ALIASES_HEADER: &str = "country\talias\tactor";

/// ISO 3166-1 alpha-2 → alpha-3.
#[derive(Clone, Debug, Default)]
pub(crate) struct CountryCodes(FxHashMap<String, String>);

impl CountryCodes {
    /// Reads the codes of `countries.tsv`; errors name the file and line.
    pub fn load(data: &Data) -> Result<CountryCodes, LoadError> {
        let (file, content) = data.file(COUNTRIES.0, COUNTRIES.1)?;
        CountryCodes::parse(&file, &content)
    }

    fn parse(file: &str, content: &str) -> Result<CountryCodes, LoadError> {
        let mut codes = FxHashMap::default();
        for row in data_lines(file, content, Some(COUNTRIES_HEADER)) {
            let (line, cols) = row?;
            let cols = columns(file, line, cols, 5)?;
            let upper = |s: &str, n: usize| s.len() == n && s.bytes().all(|c| c.is_ascii_uppercase());
            if !upper(cols[0], 2) || !upper(cols[1], 3) {
                return Err(LoadError::new(file, line, "expected a two- and a three-letter capital code"));
            }
            codes.insert(cols[0].to_string(), cols[1].to_string());
        }
        Ok(CountryCodes(codes))
    }

    /// The alpha-3 code of an alpha-2 code (case-insensitive).
    pub fn iso3(&self, iso2: &str) -> Option<&str> {
        self.0.get(&iso2.to_ascii_uppercase()).map(String::as_str)
    }

    /// Whether an alpha-3 code is in the table.
    pub fn knows_iso3(&self, iso3: &str) -> bool {
        self.0.values().any(|c| c == iso3)
    }
}

/// One line of `country_aliases.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CountryAlias {
    /// The line, for errors.
    pub line: usize,
    /// ISO 3166-1 alpha-3 of the documents the alias links in.
    pub country: String,
    /// The alias as written.
    pub alias: String,
    /// The actor id.
    pub actor: String,
}

/// Reads `entities/country_aliases.tsv` (file name, lines); the country must
/// be in `codes`. Actor ids are checked by the caller.
pub(crate) fn load_aliases(data: &Data, codes: &CountryCodes) -> Result<(String, Vec<CountryAlias>), LoadError> {
    let (file, content) = data.file(ALIASES.0, ALIASES.1)?;
    let aliases = parse_aliases(&file, &content, codes)?;
    Ok((file, aliases))
}

fn parse_aliases(file: &str, content: &str, codes: &CountryCodes) -> Result<Vec<CountryAlias>, LoadError> {
    let mut out = Vec::new();
    for row in data_lines(file, content, Some(ALIASES_HEADER)) {
        let (line, cols) = row?;
        let cols = columns(file, line, cols, 3)?;
        if !codes.knows_iso3(cols[0]) {
            return Err(LoadError::new(file, line, format!("unknown ISO 3166-1 alpha-3 code {:?}", cols[0])));
        }
        out.push(CountryAlias {
            line,
            country: cols[0].to_string(),
            alias: cols[1].trim().to_string(),
            actor: cols[2].to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha2_codes_map_to_alpha3() {
        let c = CountryCodes::load(&Data::Embedded).unwrap();
        assert_eq!(c.iso3("YE"), Some("YEM"));
        assert_eq!(c.iso3("sy"), Some("SYR"));
        assert_eq!(c.iso3("ZZ"), None);
        assert!(c.knows_iso3("LBY") && !c.knows_iso3("XXX"));
    }

    #[test]
    fn a_country_alias_line_with_an_unknown_country_names_the_line() {
        let c = CountryCodes::load(&Data::Embedded).unwrap();
        let text = "# comment\ncountry\talias\tactor\nYEM\tالجيش الوطني\tye.gov.army\nYEMEN\tالجيش\tye.gov.army\n";
        let e = parse_aliases("f.tsv", text, &c).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("f.tsv", 4));
        let e = parse_aliases("f.tsv", "country\talias\tactor\nYEM\tالجيش\n", &c).unwrap_err();
        assert_eq!(e.line, 2);
    }
}
