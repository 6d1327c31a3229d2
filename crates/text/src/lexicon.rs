//! The text layer's editable data: word frequencies (for clitic decisions),
//! words never cut, abbreviations, number words, approximation cues and
//! counted nouns, and the affix table. The files live under `data/lexicon/`
//! and are embedded in the binary; [`TextLexicon::load`] reads them from a
//! [`Data`] source (the embedded copy or an edited directory).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::affix::Affixes;
use crate::data::{columns, data_lines, Data, LoadError};
use crate::normalize::{match_key, search_key};

fn err(file: &str, line: usize, message: impl Into<String>) -> LoadError {
    LoadError::new(file, line, message)
}

/// The class of a number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumClass {
    /// 0–9.
    Unit,
    /// أحد، اثنا: only before عشر/عشرة.
    TeenHead,
    /// عشر، عشرة.
    Ten,
    /// One-word 11–19 (Egyptian).
    Teen,
    /// 20–90.
    Tens,
    /// 100–900.
    Hundred,
    /// ألف، مليون …
    Scale,
    /// آلاف، ملايين …
    ScalePlural,
    /// ألفين، مليونين …
    ScaleDual,
    /// نصف، ربع.
    Fraction,
    /// عشرات، مئات، بضعة.
    ApproxPlural,
    /// فاصلة.
    Point,
    /// الأول، الثاني …
    Ordinal,
}

/// Restrictions on a number word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NumFlags {
    /// Counted only beside a noun or inside a compound.
    pub context: bool,
    /// An ordinal only with the article.
    pub definite: bool,
    /// Only inside a compound.
    pub compound: bool,
    /// Only when written with final ى.
    pub maqsura: bool,
}

/// One number word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberWord {
    /// Its value.
    pub value: f64,
    /// Its class.
    pub class: NumClass,
    /// Its restrictions.
    pub flags: NumFlags,
}

/// How a cue bounds a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// نحو، حوالي
    About,
    /// أكثر من
    MoreThan,
    /// أقل من
    LessThan,
    /// على الأقل
    AtLeast,
    /// على الأكثر
    AtMost,
    /// عشرات، مئات: only the order of magnitude is given.
    OrderOfMagnitude,
}

/// An approximation cue: its words (search keys) and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ApproxCue {
    /// Search keys of its words.
    pub words: Vec<String>,
    /// The bound it expresses.
    pub relation: Relation,
    /// True when it follows the number (تقريباً).
    pub after: bool,
}

/// A counted noun.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Noun {
    /// Singular, as written in the lexicon.
    pub lemma: String,
    /// English gloss.
    pub gloss: String,
    /// person, casualty, materiel, time, …
    pub category: String,
}

/// Grammatical number of a noun form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GramNumber {
    /// Singular (also the accusative singular after 11–99).
    Singular,
    /// Dual.
    Dual,
    /// Plural.
    Plural,
}

/// All the text layer's data.
#[derive(Debug, Default)]
pub struct TextLexicon {
    /// Match key → corpus frequency.
    wordfreq: HashMap<String, u32>,
    keep_whole: HashSet<String>,
    takes_prep: HashSet<String>,
    keep_whole_light: HashSet<String>,
    abbreviations: HashSet<String>,
    numbers: HashMap<String, NumberWord>,
    /// Approximation cues, longest first.
    approx_cues: Vec<ApproxCue>,
    nouns: Vec<Noun>,
    noun_forms: HashMap<String, (u32, GramNumber)>,
    affixes: Affixes,
}

/// Where each data file lives under `data/`, with its embedded copy.
const WORDFREQ: (&str, &str) = ("lexicon/wordfreq.tsv", include_str!("../../../data/lexicon/wordfreq.tsv"));
const KEEP_WHOLE: (&str, &str) =
    ("lexicon/clitic_keep_whole.txt", include_str!("../../../data/lexicon/clitic_keep_whole.txt"));
const ABBREVIATIONS: (&str, &str) =
    ("lexicon/abbreviations.txt", include_str!("../../../data/lexicon/abbreviations.txt"));
const NUMBERS: (&str, &str) = ("lexicon/numbers.tsv", include_str!("../../../data/lexicon/numbers.tsv"));
const APPROX_CUES: (&str, &str) = ("lexicon/approx_cues.tsv", include_str!("../../../data/lexicon/approx_cues.tsv"));
const NOUNS: (&str, &str) = ("lexicon/nouns.tsv", include_str!("../../../data/lexicon/nouns.tsv"));

impl TextLexicon {
    /// The lexicon embedded at build time (parsed once; an error is kept and
    /// returned on every call).
    pub fn embedded() -> Result<&'static TextLexicon, LoadError> {
        static LEX: OnceLock<Result<TextLexicon, LoadError>> = OnceLock::new();
        LEX.get_or_init(|| TextLexicon::load(&Data::Embedded)).as_ref().map_err(|e| e.clone())
    }

    /// Loads the files under `lexicon/` of `data`; a malformed line is an
    /// error naming its file and line.
    pub fn load(data: &Data) -> Result<TextLexicon, LoadError> {
        let mut lex = TextLexicon { affixes: Affixes::load(data)?, ..TextLexicon::default() };
        let read = |(rel, embedded): (&str, &'static str)| data.file(rel, embedded);
        let (f, c) = read(WORDFREQ)?;
        lex.read_wordfreq(&f, &c)?;
        let (f, c) = read(KEEP_WHOLE)?;
        lex.read_keep_whole(&f, &c)?;
        let (f, c) = read(ABBREVIATIONS)?;
        lex.read_abbreviations(&f, &c)?;
        let (f, c) = read(NUMBERS)?;
        lex.read_numbers(&f, &c)?;
        let (f, c) = read(APPROX_CUES)?;
        lex.read_approx_cues(&f, &c)?;
        let (f, c) = read(NOUNS)?;
        for row in data_lines(&f, &c, Some("lemma\tgloss_en\tplurals\tcategory\tduals")) {
            let (line, cols) = row?;
            let cols = columns(&f, line, cols, 5)?;
            lex.add_noun(&f, line, &cols)?;
        }
        Ok(lex)
    }

    /// `key<TAB>count` lines.
    fn read_wordfreq(&mut self, file: &str, content: &str) -> Result<(), LoadError> {
        for row in data_lines(file, content, Some("key\tcount")) {
            let (line, cols) = row?;
            let cols = columns(file, line, cols, 2)?;
            let n: u32 = cols[1].parse().map_err(|_| err(file, line, format!("bad count {:?}", cols[1])))?;
            self.wordfreq.insert(cols[0].to_string(), n);
        }
        Ok(())
    }

    /// One word per line, optionally followed by TAB `prep`.
    fn read_keep_whole(&mut self, file: &str, content: &str) -> Result<(), LoadError> {
        for row in data_lines(file, content, None) {
            let (line, cols) = row?;
            let key = match_key(cols[0].trim());
            match cols.get(1..) {
                Some([]) => {}
                Some(["prep"]) => {
                    self.takes_prep.insert(key.clone());
                }
                _ => return Err(err(file, line, "expected a word, optionally followed by TAB prep")),
            }
            self.keep_whole.insert(key);
            self.keep_whole_light.insert(light_key(cols[0].trim()));
        }
        Ok(())
    }

    /// One abbreviation per line.
    fn read_abbreviations(&mut self, file: &str, content: &str) -> Result<(), LoadError> {
        for row in data_lines(file, content, None) {
            let (line, cols) = row?;
            let cols = columns(file, line, cols, 1)?;
            self.abbreviations.insert(match_key(cols[0].trim()));
        }
        Ok(())
    }

    /// `form<TAB>value<TAB>class<TAB>flags` lines; spelling variants that
    /// fold to one key must agree.
    fn read_numbers(&mut self, file: &str, content: &str) -> Result<(), LoadError> {
        for row in data_lines(file, content, Some("form\tvalue\tclass\tflags")) {
            let (line, cols) = row?;
            let cols = columns(file, line, cols, 4)?;
            let value: f64 = cols[1].parse().map_err(|_| err(file, line, format!("bad value {:?}", cols[1])))?;
            let class = num_class(cols[2]).ok_or_else(|| err(file, line, format!("unknown class {:?}", cols[2])))?;
            let flags = num_flags(cols[3]).map_err(|f| err(file, line, format!("unknown flag {f:?}")))?;
            let key = search_key(cols[0]);
            let word = NumberWord { value, class, flags };
            match self.numbers.get(&key) {
                Some(old) if *old != word => {
                    return Err(err(
                        file,
                        line,
                        format!("form {:?} folds onto an earlier form with another meaning", cols[0]),
                    ));
                }
                Some(_) => {}
                None => {
                    self.numbers.insert(key, word);
                }
            }
        }
        Ok(())
    }

    /// `cue<TAB>relation<TAB>position` lines, kept longest first.
    fn read_approx_cues(&mut self, file: &str, content: &str) -> Result<(), LoadError> {
        for row in data_lines(file, content, Some("cue\trelation\tposition")) {
            let (line, cols) = row?;
            let cols = columns(file, line, cols, 3)?;
            let relation = match cols[1] {
                "about" => Relation::About,
                "more_than" => Relation::MoreThan,
                "less_than" => Relation::LessThan,
                "at_least" => Relation::AtLeast,
                "at_most" => Relation::AtMost,
                other => return Err(err(file, line, format!("unknown relation {other:?}"))),
            };
            let after = match cols[2] {
                "before" => false,
                "after" => true,
                other => return Err(err(file, line, format!("position must be before or after, not {other:?}"))),
            };
            let words = cols[0].split_whitespace().map(search_key).collect();
            self.approx_cues.push(ApproxCue { words, relation, after });
        }
        // Longest cues first, so "ما يزيد عن" wins over "يزيد عن".
        self.approx_cues.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        Ok(())
    }

    fn add_noun(&mut self, file: &str, line: usize, cols: &[&str]) -> Result<(), LoadError> {
        let idx = self.nouns.len() as u32;
        let lemma = cols[0].trim();
        let list = |s: &str| -> Vec<String> {
            if s == "-" {
                Vec::new()
            } else {
                s.split(',').map(|f| search_key(f.trim())).filter(|f| !f.is_empty()).collect()
            }
        };
        let sg = search_key(lemma);
        let plurals = list(cols[2]);
        let mut duals = list(cols[4]);
        if duals.is_empty() {
            // Derive: ة → تان/تين; otherwise + ان/ين (ى/ا endings cannot be derived).
            // The search key folds ة to ه, so look at the written lemma.
            if let Some(stem) = lemma.strip_suffix('ة') {
                let stem = search_key(stem);
                duals = self.affixes.dual_feminine_endings().iter().map(|e| format!("{stem}{e}")).collect();
            } else if !lemma.ends_with(['ى', 'ا']) {
                duals = self.affixes.dual_endings().iter().map(|e| format!("{sg}{e}")).collect();
            }
        }
        let mut forms: Vec<(String, GramNumber)> = vec![(sg.clone(), GramNumber::Singular)];
        // The accusative singular after 11–99 ("عنصراً"), written with alef.
        if !sg.ends_with(['ه', 'ا', 'ي']) {
            forms.push((format!("{sg}ا"), GramNumber::Singular));
        }
        forms.extend(plurals.iter().map(|p| (p.clone(), GramNumber::Plural)));
        // A dual spelled like a plural (مدنيين) is read as the plural.
        forms.extend(duals.into_iter().filter(|d| !plurals.contains(d)).map(|d| (d, GramNumber::Dual)));
        for (form, num) in forms {
            if let Some((other, _)) = self.noun_forms.get(&form) {
                if *other != idx {
                    let o = &self.nouns[*other as usize].lemma;
                    return Err(err(file, line, format!("form {form:?} already belongs to {o:?}")));
                }
                continue;
            }
            self.noun_forms.insert(form, (idx, num));
        }
        self.nouns.push(Noun { lemma: lemma.to_string(), gloss: cols[1].to_string(), category: cols[3].to_string() });
        Ok(())
    }

    /// Corpus frequency of a match key.
    #[inline]
    pub fn freq(&self, key: &str) -> u32 {
        self.wordfreq.get(key).copied().unwrap_or(0)
    }

    /// True when a word (match key) must never be cut into clitics.
    #[inline]
    pub(crate) fn keep_whole(&self, key: &str) -> bool {
        self.keep_whole.contains(key)
    }

    /// True when a word, compared by [`light_key`] (ى and ي kept apart), is a
    /// whole word: والى is و+إلى but والي (governor) is one word.
    #[inline]
    pub(crate) fn keep_whole_light(&self, word: &str) -> bool {
        self.keep_whole_light.contains(&light_key(word))
    }

    /// True when a whole word starting with ال (match key) may still take a
    /// preposition (بالله، بالذي), unlike particles (بالي is not ب+إلى).
    #[inline]
    pub(crate) fn takes_prep(&self, key: &str) -> bool {
        self.takes_prep.contains(key)
    }

    /// True when a word (match key) is an abbreviation a period does not end.
    #[inline]
    pub(crate) fn is_abbreviation(&self, key: &str) -> bool {
        self.abbreviations.contains(key)
    }

    /// The number word with this search key.
    #[inline]
    pub fn number_word(&self, key: &str) -> Option<&NumberWord> {
        self.numbers.get(key)
    }

    /// The approximation cues, longest first.
    pub(crate) fn approx_cues(&self) -> &[ApproxCue] {
        &self.approx_cues
    }

    /// The affix table (article, enclitic pronouns, dual endings).
    pub fn affixes(&self) -> &Affixes {
        &self.affixes
    }

    /// The counted noun with this search key form.
    #[inline]
    pub(crate) fn noun(&self, key: &str) -> Option<(&Noun, GramNumber)> {
        self.noun_forms.get(key).map(|&(i, n)| (&self.nouns[i as usize], n))
    }
}

/// The class named in `numbers.tsv`.
fn num_class(name: &str) -> Option<NumClass> {
    Some(match name {
        "unit" => NumClass::Unit,
        "teen_head" => NumClass::TeenHead,
        "ten" => NumClass::Ten,
        "teen" => NumClass::Teen,
        "tens" => NumClass::Tens,
        "hundred" => NumClass::Hundred,
        "scale" => NumClass::Scale,
        "scale_plural" => NumClass::ScalePlural,
        "scale_dual" => NumClass::ScaleDual,
        "fraction" => NumClass::Fraction,
        "approx_plural" => NumClass::ApproxPlural,
        "point" => NumClass::Point,
        "ordinal" => NumClass::Ordinal,
        _ => return None,
    })
}

/// The comma-separated flags of `numbers.tsv` (`-` for none); the unknown flag on error.
fn num_flags(list: &str) -> Result<NumFlags, &str> {
    let mut flags = NumFlags::default();
    for f in list.split(',') {
        match f {
            "-" => {}
            "context" => flags.context = true,
            "definite" => flags.definite = true,
            "compound" => flags.compound = true,
            "maqsura" => flags.maqsura = true,
            other => return Err(other),
        }
    }
    Ok(flags)
}

/// The match key, except that alef maqsura ى stays apart from ي.
pub(crate) fn light_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == 'ى' {
            out.push(c);
        } else {
            crate::normalize::match_key_into(c.encode_utf8(&mut [0; 4]), &mut out);
        }
    }
    out
}

/// Builds the word-frequency file from texts: one line per match key seen at
/// least `min_count` times (Arabic words only), most frequent first.
pub fn build_wordfreq<'a>(texts: impl Iterator<Item = &'a str>, min_count: u32) -> String {
    let mut counts: HashMap<String, u32> = HashMap::default();
    for text in texts {
        for tok in crate::token::tokenize(text) {
            if tok.kind != crate::token::TokenKind::Word {
                continue;
            }
            let key = match_key(tok.text(text));
            if key.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)) && !key.is_empty() {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let mut rows: Vec<(String, u32)> = counts.into_iter().filter(|(_, n)| *n >= min_count).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = String::from("key\tcount\n");
    for (k, n) in rows {
        out.push_str(&k);
        out.push('\t');
        out.push_str(&n.to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_files_load_in_full() {
        let lex = TextLexicon::embedded().unwrap();
        assert!(lex.wordfreq.len() > 10_000);
        assert!(lex.nouns.len() > 100);
        assert!(lex.numbers.len() > 50);
        assert!(!lex.approx_cues.is_empty() && !lex.abbreviations.is_empty() && !lex.keep_whole.is_empty());
    }
}
