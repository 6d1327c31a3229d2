//! The affixes the text layer cuts or reads (`data/lexicon/affixes.tsv`):
//! the definite article, the enclitic pronouns and the dual endings.

use crate::data::{columns, data_lines, Data, LoadError};
use crate::normalize::{match_key, search_key};

/// The affix table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Affixes {
    article: String,
    /// (match key, person 1–3), longest first.
    pronouns: Vec<(String, u8)>,
    /// Search keys of the dual endings (ان، ين).
    dual: Vec<String>,
    /// Search keys of the dual endings that replace a final ة (تان، تين).
    dual_feminine: Vec<String>,
}

const FILE: &str = "lexicon/affixes.tsv";
const EMBEDDED: &str = include_str!("../../../data/lexicon/affixes.tsv");

impl Affixes {
    /// Loads `lexicon/affixes.tsv`; errors name the file and line.
    pub fn load(data: &Data) -> Result<Affixes, LoadError> {
        let (file, content) = data.file(FILE, EMBEDDED)?;
        Affixes::parse(&file, &content)
    }

    fn parse(file: &str, content: &str) -> Result<Affixes, LoadError> {
        let mut a = Affixes::default();
        let mut article = None;
        for row in data_lines(file, content, Some("form\trole")) {
            let (line, cols) = row?;
            let cols = columns(file, line, cols, 2)?;
            let form = cols[0].trim();
            match cols[1] {
                "article" if article.is_none() => article = Some(match_key(form)),
                "article" => return Err(LoadError::new(file, line, "a second article")),
                "pronoun_1" => a.pronouns.push((match_key(form), 1)),
                "pronoun_2" => a.pronouns.push((match_key(form), 2)),
                "pronoun_3" => a.pronouns.push((match_key(form), 3)),
                "dual" => a.dual.push(search_key(form)),
                "dual_feminine" => a.dual_feminine.push(search_key(form)),
                other => return Err(LoadError::new(file, line, format!("unknown role {other:?}"))),
            }
        }
        a.article = article.ok_or_else(|| LoadError::new(file, 0, "no article"))?;
        // Longest first: هما before هم before ه (a stable sort keeps the file order otherwise).
        a.pronouns.sort_by_key(|(p, _)| std::cmp::Reverse(p.chars().count()));
        Ok(a)
    }

    /// The definite article (match key).
    pub fn article(&self) -> &str {
        &self.article
    }

    /// Drops a leading article from a key (`الحوثي` → `حوثي`), keeping two
    /// letters at least.
    #[inline]
    pub fn strip_article<'k>(&self, key: &'k str) -> &'k str {
        // Compared byte by byte: the article is a few bytes, and a call to memcmp per key costs
        // more than the comparison (this runs for every word of every phrase lookup).
        let (a, k) = (self.article.as_bytes(), key.as_bytes());
        if k.len() < a.len() || k.iter().zip(a).any(|(x, y)| x != y) {
            return key;
        }
        let rest = &key[a.len()..];
        if rest.chars().nth(1).is_some() {
            rest
        } else {
            key
        }
    }

    /// The enclitic pronouns (match keys), longest first.
    pub fn pronouns(&self) -> impl Iterator<Item = &str> + '_ {
        self.pronouns.iter().map(|(p, _)| p.as_str())
    }

    /// The third-person enclitic pronouns (match keys), longest first.
    pub fn third_person_pronouns(&self) -> impl Iterator<Item = &str> + '_ {
        self.pronouns.iter().filter(|(_, person)| *person == 3).map(|(p, _)| p.as_str())
    }

    /// The dual endings (search keys).
    pub fn dual_endings(&self) -> &[String] {
        &self.dual
    }

    /// The dual endings that replace a final ة (search keys).
    pub fn dual_feminine_endings(&self) -> &[String] {
        &self.dual_feminine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Affixes {
        Affixes::load(&Data::Embedded).unwrap()
    }

    #[test]
    fn the_article_is_stripped_only_before_two_letters() {
        let a = embedded();
        assert_eq!(a.strip_article("الحوثي"), "حوثي");
        assert_eq!(a.strip_article("الي"), "الي");
        assert_eq!(a.strip_article("حوثي"), "حوثي");
    }

    #[test]
    fn longer_pronouns_come_first() {
        let a = embedded();
        let all: Vec<&str> = a.pronouns().collect();
        assert!(all.iter().position(|p| *p == "هما") < all.iter().position(|p| *p == "هم"));
        assert_eq!(all.last(), Some(&"ه"));
        assert!(!a.third_person_pronouns().any(|p| p == "نا"));
    }

    #[test]
    fn an_unknown_role_names_file_and_line() {
        let e = Affixes::parse("affixes.tsv", "form\trole\nال\tarticle\nهم\tpronoun_4\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("affixes.tsv", 3));
        let e = Affixes::parse("affixes.tsv", "form\trole\nهم\tpronoun_3\n").unwrap_err();
        assert!(e.message.contains("no article"), "{e}");
    }
}
