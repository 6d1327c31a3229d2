//! The search shadow: the terms FTS5 indexes for a text and matches a query
//! against (clitic-stripped stem, search key, light-stemmed), and the
//! snippet shown with a hit.

use std::sync::OnceLock;

use isnad_text::data_lines;
use isnad_text::{search_key, Data, LoadError, Segmenter, TokenKind};

/// The endings cut for search, under `data/`.
const SUFFIXES_FILE: &str = "search/suffixes.txt";

/// How words become search terms: the plural and dual endings cut from
/// their stems (`data/search/suffixes.txt`), held as search keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchTerms {
    /// Endings, tried in file order; the first that fits is cut.
    suffixes: Vec<String>,
}

impl SearchTerms {
    /// Loads the endings from `data`.
    pub fn load(data: &Data) -> Result<SearchTerms, LoadError> {
        let (file, text) = data.file(SUFFIXES_FILE, include_str!("../../../data/search/suffixes.txt"))?;
        let mut suffixes = Vec::new();
        for row in data_lines(&file, &text, None) {
            let (line, cols) = row?;
            let suffix = search_key(cols[0].trim());
            if cols.len() != 1 || suffix.is_empty() || suffix.contains(char::is_whitespace) {
                return Err(LoadError::new(&file, line, "expected one ending per line"));
            }
            suffixes.push(suffix);
        }
        Ok(SearchTerms { suffixes })
    }

    /// The embedded endings (loaded once).
    pub fn embedded() -> Result<&'static SearchTerms, LoadError> {
        static TERMS: OnceLock<Result<SearchTerms, LoadError>> = OnceLock::new();
        TERMS.get_or_init(|| SearchTerms::load(&Data::Embedded)).as_ref().map_err(Clone::clone)
    }

    /// The search term of one word: clitic-stripped stem, search-folded,
    /// light-stemmed (an ending cut when three letters or more remain).
    pub fn term(&self, word: &str, seg: &mut Segmenter<'_>) -> String {
        let s = seg.segment(word, 0);
        let mut t = search_key(&s.stem);
        for suf in &self.suffixes {
            if t.ends_with(suf.as_str()) && t.chars().count() >= suf.chars().count() + 3 {
                t.truncate(t.len() - suf.len());
                break;
            }
        }
        t
    }

    /// The search shadow of a text: one term per word or number.
    pub fn shadow(&self, text: &str, seg: &mut Segmenter<'_>) -> Vec<String> {
        let mut out = Vec::new();
        for t in isnad_text::tokenize(text) {
            match t.kind {
                TokenKind::Word => {
                    let term = self.term(t.text(text), seg);
                    if !term.is_empty() {
                        out.push(term);
                    }
                }
                TokenKind::Number => out.push(search_key(t.text(text))),
                _ => {}
            }
        }
        out
    }

    /// About 160 characters around the first word whose term starts with a
    /// query term.
    pub(crate) fn snippet(&self, text: &str, terms: &[String], seg: &mut Segmenter<'_>) -> String {
        let tokens = isnad_text::tokenize(text);
        let hit = tokens.iter().find(|t| {
            t.kind == TokenKind::Word && terms.iter().any(|q| self.term(t.text(text), seg).starts_with(q.as_str()))
        });
        let chars: Vec<char> = text.chars().collect();
        let (a, b) = match hit {
            Some(t) => ((t.start as usize).saturating_sub(70), (t.end as usize + 90).min(chars.len())),
            None => (0, chars.len().min(160)),
        };
        let mut s: String = chars[a..b].iter().map(|&c| if c == '\n' { ' ' } else { c }).collect();
        if a > 0 {
            s.insert(0, '…');
        }
        if b < chars.len() {
            s.push('…');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::TextLexicon;

    fn terms() -> &'static SearchTerms {
        SearchTerms::embedded().expect("the embedded endings load")
    }

    #[test]
    fn search_terms_fold_clitics_and_plurals() {
        let mut seg = Segmenter::new(TextLexicon::embedded().unwrap());
        let t = |w: &str, seg: &mut Segmenter<'_>| terms().term(w, seg);
        // اجتماع finds الاجتماعات: the query term is a prefix of the indexed one (or equal).
        assert!(t("الاجتماعات", &mut seg).starts_with(&t("اجتماع", &mut seg)));
        assert_eq!(t("بالعاصمة", &mut seg), t("العاصمة", &mut seg));
        assert_eq!(t("الحوثيين", &mut seg), t("الحوثي", &mut seg));
        // Hamza forms and alef maqsura fold.
        assert_eq!(t("إفراج", &mut seg), t("افراج", &mut seg));
    }

    #[test]
    fn endings_come_from_the_data_file_and_a_broken_line_names_it() {
        let dir = std::env::temp_dir().join(format!("isnad-store-search-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("search")).unwrap();
        let path = dir.join(SUFFIXES_FILE);
        // Only ات: الحوثيين keeps its ending.
        std::fs::write(&path, "# endings\nات\n").unwrap();
        let only_at = SearchTerms::load(&Data::Dir(dir.clone())).expect("loads");
        let mut seg = Segmenter::new(TextLexicon::embedded().unwrap());
        assert_ne!(only_at.term("الحوثيين", &mut seg), only_at.term("الحوثي", &mut seg));
        assert_eq!(only_at.term("الاجتماعات", &mut seg), only_at.term("اجتماع", &mut seg));
        // Two words on a line.
        std::fs::write(&path, "# endings\nات\nون ين\n").unwrap();
        let e = SearchTerms::load(&Data::Dir(dir.clone())).unwrap_err();
        assert!(e.file.ends_with(SUFFIXES_FILE) && e.line == 3, "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
