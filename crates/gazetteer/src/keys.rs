//! Name keys: how gazetteer names are compared.
//!
//! The **name key** of an Arabic name ([`NameKeys::key`]) is its search key
//! ([`isnad_text::search_key`]: diacritics, tatweel, alef forms, ى/ي, ة/ه,
//! ؤ/و, ئ/ي folded) with, word by word (the affixes come from
//! `data/places/name_keys.tsv`):
//!
//! * the article ال dropped when at least two letters remain
//!   (`البيضاء` = `بيضاء`);
//! * a final hamza after alef dropped (`صنعاء` = `صنعا`);
//! * a conjunction و written apart joined to the next word, and the article
//!   after it dropped (`خب و الشعف` = `خب والشعف`);
//! * punctuation and runs of spaces read as one space.
//!
//! The **English key** lowercases, folds Latin diacritics, drops
//! apostrophes and ʿayn marks, reads hyphens as spaces, drops the article
//! (al, el, ar, as, …) before another word, collapses doubled letters and a
//! final h after a vowel: `Sana'a` = `Sanaa` = `Sana`, `Ta'izz` = `Taiz`,
//! `Al-Bayda'` = `Bayda`, `Shabwah` = `Shabwa`.

use isnad_text::{search_key, search_key_into};
use isnad_text::{Data, LoadError};

/// The data file of the name key's affixes, under `data/`.
pub const NAME_KEYS_FILE: &str = "places/name_keys.tsv";
const NAME_KEYS_HEADER: &str = "form\trole\tbecomes";

/// The affixes the Arabic name key folds (`data/places/name_keys.tsv`),
/// held as search keys: the article, and word endings read as another
/// ending (a final hamza after alef: `صنعاء` = `صنعا`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameKeys {
    /// The article, dropped at the start of a word when two letters or more remain.
    article: String,
    /// The conjunction و written onto the article (a word of its own after the first).
    waw_article: String,
    /// (ending, what it becomes), tried in file order.
    endings: Vec<(String, String)>,
}

impl NameKeys {
    /// Loads `places/name_keys.tsv`.
    pub fn load(data: &Data) -> Result<NameKeys, LoadError> {
        let (file, text) = data.file(NAME_KEYS_FILE, include_str!("../../../data/places/name_keys.tsv"))?;
        NameKeys::parse(&file, &text)
    }

    /// Parses the file (`form`, `role`: `article` or `ending`, `becomes`:
    /// what an ending is read as, `-` for the article).
    fn parse(file: &str, text: &str) -> Result<NameKeys, LoadError> {
        let (mut article, mut endings) = (None, Vec::new());
        for row in isnad_text::data_lines(file, text, Some(NAME_KEYS_HEADER)) {
            let (line, cols) = row?;
            let cols = isnad_text::columns(file, line, cols, 3)?;
            let form = search_key(cols[0].trim());
            if form.is_empty() {
                return Err(LoadError::new(file, line, "empty form"));
            }
            match (cols[1], cols[2]) {
                ("article", "-") if article.is_none() => article = Some(form),
                ("article", "-") => return Err(LoadError::new(file, line, "a second article")),
                ("article", b) => {
                    return Err(LoadError::new(file, line, format!("the article becomes nothing, not {b:?}")))
                }
                ("ending", b) => endings.push((form, search_key(b.trim()))),
                (role, _) => return Err(LoadError::new(file, line, format!("unknown role {role:?}"))),
            }
        }
        let article = article.ok_or_else(|| LoadError::new(file, 0, "no article"))?;
        Ok(NameKeys { waw_article: format!("و{article}"), article, endings })
    }

    /// The Arabic name key of `s` (see the module docs).
    pub fn key(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut buf = String::with_capacity(s.len());
        self.key_into(s, &mut buf, &mut out);
        out
    }

    /// True when the search key of `word` starts with the article.
    pub fn starts_with_article(&self, word: &str) -> bool {
        search_key(word).starts_with(&self.article)
    }

    /// Writes the name key of `s` into `out` (cleared first), using `buf` as
    /// scratch space: no allocation once both have room.
    pub fn key_into(&self, s: &str, buf: &mut String, out: &mut String) {
        buf.clear();
        out.clear();
        search_key_into(s, buf);
        let mut waw = false;
        for w in buf.split(|c: char| !is_word_char(c)) {
            if w.is_empty() {
                continue;
            }
            let first = out.is_empty() && !waw;
            if !first && w == "و" {
                waw = true;
                continue;
            }
            let mut w = w;
            if !first {
                if let Some(r) = w.strip_prefix(self.waw_article.as_str()) {
                    if r.chars().nth(1).is_some() {
                        w = r;
                        waw = true;
                    }
                }
            }
            if let Some(r) = w.strip_prefix(self.article.as_str()) {
                if r.chars().nth(1).is_some() {
                    w = r;
                }
            }
            if !out.is_empty() {
                out.push(' ');
            }
            if waw {
                out.push('و');
                waw = false;
            }
            self.push_word(w, out);
        }
        if waw {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push('و');
        }
    }

    /// Appends one word with its ending folded.
    fn push_word(&self, w: &str, out: &mut String) {
        for (ending, becomes) in &self.endings {
            if let Some(r) = w.strip_suffix(ending.as_str()).filter(|r| !r.is_empty()) {
                out.push_str(r);
                out.push_str(becomes);
                return;
            }
        }
        out.push_str(w);
    }
}

/// True for letters and digits (fast path for ASCII and Arabic letters).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{0621}'..='\u{064A}').contains(&c)
        || (!c.is_ascii() && !matches!(c, '\u{064B}'..='\u{065F}') && c.is_alphanumeric())
}

/// True for combining marks kept inside words (Arabic diacritics, tatweel,
/// zero-width controls): never a word boundary.
pub(crate) fn is_mark(c: char) -> bool {
    isnad_text::is_ignorable(c) || matches!(c as u32, 0x0300..=0x036F)
}

/// True when `s` contains an Arabic letter.
pub fn has_arabic(s: &str) -> bool {
    s.chars().any(|c| matches!(c as u32, 0x0620..=0x064A | 0x066E..=0x06D3 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF))
}

/// Folds one Latin character to lowercase ASCII letters (empty: dropped).
fn fold_latin(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let f = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            'a'
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Č' => 'c',
        'ḍ' | 'ḑ' | 'ď' | 'đ' | 'Ḍ' | 'Ḑ' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' | 'Ē' => 'e',
        'ğ' | 'ġ' | 'Ğ' => 'g',
        'ḥ' | 'ḩ' | 'ḫ' | 'ħ' | 'Ḥ' | 'Ḩ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Í' | 'Î' | 'Ī' => 'i',
        'ñ' | 'ń' | 'ň' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ó' | 'Ö' | 'Ō' => 'o',
        'ŕ' | 'ř' | 'ṛ' => 'r',
        'ś' | 'ş' | 'š' | 'ṣ' | 'Ş' | 'Š' | 'Ṣ' | 'Ś' => 's',
        'ţ' | 'ť' | 'ṭ' | 'Ţ' | 'Ṭ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'Ú' | 'Ü' | 'Ū' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'ẓ' | 'Ż' | 'Ž' | 'Ẓ' => 'z',
        'ß' => 's',
        _ => return None,
    };
    Some(f)
}

const ARTICLES: [&str; 12] = ["al", "el", "ar", "as", "az", "ad", "adh", "ash", "at", "ath", "an", "ad-"];

/// The English key of `s` (see the module docs).
pub fn english_key(s: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '\'' | '’' | '‘' | '`' | 'ʿ' | 'ʾ' | '´' | 'ʼ' | 'ʻ' => {}
            _ => match fold_latin(c) {
                Some(f) => cur.push(f),
                None => {
                    if !cur.is_empty() {
                        words.push(std::mem::take(&mut cur));
                    }
                }
            },
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    let n = words.len();
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i + 1 < n && ARTICLES.contains(&w.as_str()) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        let mut prev = '\0';
        for c in w.chars() {
            if c != prev {
                out.push(c);
            }
            prev = c;
        }
        // A final h after a vowel (Shabwah = Shabwa), in words of 4+ letters.
        if out.len() - start >= 4 && out.ends_with('h') {
            let b = out.as_bytes();
            if matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
                out.pop();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_key(s: &str) -> String {
        NameKeys::load(&Data::Embedded).unwrap().key(s)
    }

    #[test]
    fn arabic_keys_fold_variants() {
        assert_eq!(name_key("البيضاء"), name_key("بيضاء"));
        assert_eq!(name_key("صنعاء"), name_key("صنعا"));
        assert_eq!(name_key("الحديدة"), name_key("الحديده"));
        assert_eq!(name_key("أمانة العاصمة"), name_key("امانة العاصمه"));
        assert_eq!(name_key("خب و الشعف"), name_key("خب والشعف"));
        assert_eq!(name_key("مأرب"), name_key("مارب"));
        assert_eq!(name_key("إب"), "اب");
        assert_eq!(name_key("ال معوضة"), "ال معوضه");
        assert_eq!(name_key("  الزاهر،  "), "زاهر");
        assert_ne!(name_key("الزاهر"), name_key("الظاهر"));
        assert_eq!(name_key(""), "");
        assert_eq!(name_key("و"), "و");
    }

    #[test]
    fn english_keys_fold_spellings() {
        assert_eq!(english_key("Sana'a"), english_key("Sanaa"));
        assert_eq!(english_key("Al-Bayda'"), english_key("Bayda"));
        assert_eq!(english_key("Al Bayḑā’"), english_key("al bayda"));
        assert_eq!(english_key("Ta'izz"), english_key("Taiz"));
        assert_eq!(english_key("Shabwah"), english_key("Shabwa"));
        assert_eq!(english_key("Az Zāhir"), "zahir");
        assert_eq!(english_key("Al"), "al");
        assert_eq!(english_key("Sana"), english_key("Sanaa"));
        assert_ne!(english_key("Aden"), english_key("Adan"));
    }
}
