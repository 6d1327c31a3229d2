//! The text layer's editable data: word frequencies (for clitic decisions),
//! words never cut, abbreviations, number words, approximation cues and
//! counted nouns. The files live under `data/lexicon/` and are embedded in the
//! binary; [`TextLexicon::from_dir`] loads edited copies instead.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::OnceLock;

use crate::normalize::{match_key, search_key};

pub use crate::data::LoadError;

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
                return Some(Err(LoadError {
                    file: file.to_string(),
                    line: i + 1,
                    message: format!("expected header {want:?}, found {line:?}"),
                }));
            }
            return None;
        }
        Some(Ok((i + 1, line.split('\t').collect())))
    })
}

fn err(file: &str, line: usize, message: impl Into<String>) -> LoadError {
    LoadError::new(file, line, message)
}

/// Checks that a data line has exactly `n` non-empty columns.
pub fn columns<'a>(file: &str, line: usize, cols: Vec<&'a str>, n: usize) -> Result<Vec<&'a str>, LoadError> {
    if cols.len() != n {
        return Err(err(file, line, format!("expected {n} tab-separated columns, found {}", cols.len())));
    }
    if let Some(i) = cols.iter().position(|c| c.trim().is_empty()) {
        return Err(err(file, line, format!("column {} is empty", i + 1)));
    }
    Ok(cols)
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
pub struct ApproxCue {
    /// Search keys of its words.
    pub words: Vec<String>,
    /// The bound it expresses.
    pub relation: Relation,
    /// True when it follows the number (تقريباً).
    pub after: bool,
}

/// A counted noun.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Noun {
    /// Singular, as written in the lexicon.
    pub lemma: String,
    /// English gloss.
    pub gloss: String,
    /// person, casualty, materiel, time, …
    pub category: String,
}

/// Grammatical number of a noun form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GramNumber {
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
    pub wordfreq: HashMap<String, u32>,
    keep_whole: HashSet<String>,
    takes_prep: HashSet<String>,
    keep_whole_light: HashSet<String>,
    abbreviations: HashSet<String>,
    numbers: HashMap<String, NumberWord>,
    /// Approximation cues.
    pub approx_cues: Vec<ApproxCue>,
    /// Counted nouns.
    pub nouns: Vec<Noun>,
    noun_forms: HashMap<String, (u32, GramNumber)>,
}

/// The data files the text layer reads, by name under `data/lexicon/`.
pub const FILES: [&str; 6] =
    ["wordfreq.tsv", "clitic_keep_whole.txt", "abbreviations.txt", "numbers.tsv", "approx_cues.tsv", "nouns.tsv"];

const EMBEDDED: [&str; 6] = [
    include_str!("../../../data/lexicon/wordfreq.tsv"),
    include_str!("../../../data/lexicon/clitic_keep_whole.txt"),
    include_str!("../../../data/lexicon/abbreviations.txt"),
    include_str!("../../../data/lexicon/numbers.tsv"),
    include_str!("../../../data/lexicon/approx_cues.tsv"),
    include_str!("../../../data/lexicon/nouns.tsv"),
];

impl TextLexicon {
    /// The lexicon embedded at build time (parsed once).
    pub fn embedded() -> &'static TextLexicon {
        static LEX: OnceLock<TextLexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let files: Vec<(&str, &str)> = FILES.iter().copied().zip(EMBEDDED).collect();
            // The embedded files are checked by this crate's tests.
            TextLexicon::parse(&files).unwrap_or_else(|e| panic!("embedded lexicon is malformed: {e}"))
        })
    }

    /// Loads the files from a directory (an edited copy of `data/lexicon`).
    pub fn from_dir(dir: &Path) -> Result<TextLexicon, LoadError> {
        let mut contents = Vec::new();
        for name in FILES {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path)
                .map_err(|e| err(&path.display().to_string(), 0, format!("cannot read: {e}")))?;
            contents.push((path.display().to_string(), text));
        }
        let files: Vec<(&str, &str)> = contents.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
        TextLexicon::parse(&files)
    }

    /// Parses the files, given in the order of [`FILES`] as (name, content).
    pub fn parse(files: &[(&str, &str)]) -> Result<TextLexicon, LoadError> {
        let mut lex = TextLexicon::default();
        let [wf, keep, abbr, nums, cues, nouns] = files else {
            return Err(err("lexicon", 0, format!("expected {} files", FILES.len())));
        };
        for row in data_lines(wf.0, wf.1, Some("key\tcount")) {
            let (line, cols) = row?;
            let cols = columns(wf.0, line, cols, 2)?;
            let n: u32 = cols[1].parse().map_err(|_| err(wf.0, line, format!("bad count {:?}", cols[1])))?;
            lex.wordfreq.insert(cols[0].to_string(), n);
        }
        for row in data_lines(keep.0, keep.1, None) {
            let (line, cols) = row?;
            let key = match_key(cols[0].trim());
            match cols.get(1..) {
                Some([]) => {}
                Some(["prep"]) => {
                    lex.takes_prep.insert(key.clone());
                }
                _ => return Err(err(keep.0, line, "expected a word, optionally followed by TAB prep")),
            }
            lex.keep_whole.insert(key);
            lex.keep_whole_light.insert(light_key(cols[0].trim()));
        }
        for row in data_lines(abbr.0, abbr.1, None) {
            let (line, cols) = row?;
            let cols = columns(abbr.0, line, cols, 1)?;
            lex.abbreviations.insert(match_key(cols[0].trim()));
        }
        for row in data_lines(nums.0, nums.1, Some("form\tvalue\tclass\tflags")) {
            let (line, cols) = row?;
            let cols = columns(nums.0, line, cols, 4)?;
            let value: f64 = cols[1].parse().map_err(|_| err(nums.0, line, format!("bad value {:?}", cols[1])))?;
            let class = match cols[2] {
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
                other => return Err(err(nums.0, line, format!("unknown class {other:?}"))),
            };
            let mut flags = NumFlags::default();
            for f in cols[3].split(',') {
                match f {
                    "-" => {}
                    "context" => flags.context = true,
                    "definite" => flags.definite = true,
                    "compound" => flags.compound = true,
                    "maqsura" => flags.maqsura = true,
                    other => return Err(err(nums.0, line, format!("unknown flag {other:?}"))),
                }
            }
            let key = search_key(cols[0]);
            let word = NumberWord { value, class, flags };
            match lex.numbers.get(&key) {
                // Spelling variants that fold to one key must agree.
                Some(old) if *old != word => {
                    return Err(err(
                        nums.0,
                        line,
                        format!("form {:?} folds onto an earlier form with another meaning", cols[0]),
                    ));
                }
                Some(_) => {}
                None => {
                    lex.numbers.insert(key, word);
                }
            }
        }
        for row in data_lines(cues.0, cues.1, Some("cue\trelation\tposition")) {
            let (line, cols) = row?;
            let cols = columns(cues.0, line, cols, 3)?;
            let relation = match cols[1] {
                "about" => Relation::About,
                "more_than" => Relation::MoreThan,
                "less_than" => Relation::LessThan,
                "at_least" => Relation::AtLeast,
                "at_most" => Relation::AtMost,
                other => return Err(err(cues.0, line, format!("unknown relation {other:?}"))),
            };
            let after = match cols[2] {
                "before" => false,
                "after" => true,
                other => return Err(err(cues.0, line, format!("position must be before or after, not {other:?}"))),
            };
            let words = cols[0].split_whitespace().map(search_key).collect();
            lex.approx_cues.push(ApproxCue { words, relation, after });
        }
        // Longest cues first, so "ما يزيد عن" wins over "يزيد عن".
        lex.approx_cues.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        for row in data_lines(nouns.0, nouns.1, Some("lemma\tgloss_en\tplurals\tcategory\tduals")) {
            let (line, cols) = row?;
            let cols = columns(nouns.0, line, cols, 5)?;
            lex.add_noun(nouns.0, line, &cols)?;
        }
        Ok(lex)
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
                duals = vec![format!("{stem}تان"), format!("{stem}تين")];
            } else if !lemma.ends_with(['ى', 'ا']) {
                duals = vec![format!("{sg}ان"), format!("{sg}ين")];
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
    pub fn keep_whole(&self, key: &str) -> bool {
        self.keep_whole.contains(key)
    }

    /// True when a word, compared by [`light_key`] (ى and ي kept apart), is a
    /// whole word: والى is و+إلى but والي (governor) is one word.
    #[inline]
    pub fn keep_whole_light(&self, word: &str) -> bool {
        self.keep_whole_light.contains(&light_key(word))
    }

    /// True when a whole word starting with ال (match key) may still take a
    /// preposition (بالله، بالذي), unlike particles (بالي is not ب+إلى).
    #[inline]
    pub fn takes_prep(&self, key: &str) -> bool {
        self.takes_prep.contains(key)
    }

    /// True when a word (match key) is an abbreviation a period does not end.
    #[inline]
    pub fn is_abbreviation(&self, key: &str) -> bool {
        self.abbreviations.contains(key)
    }

    /// The number word with this search key.
    #[inline]
    pub fn number_word(&self, key: &str) -> Option<&NumberWord> {
        self.numbers.get(key)
    }

    /// The counted noun with this search key form.
    #[inline]
    pub fn noun(&self, key: &str) -> Option<(&Noun, GramNumber)> {
        self.noun_forms.get(key).map(|&(i, n)| (&self.nouns[i as usize], n))
    }
}

/// The match key, except that alef maqsura ى stays apart from ي.
pub fn light_key(s: &str) -> String {
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
