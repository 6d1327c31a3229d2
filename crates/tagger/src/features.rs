//! Token features. Each feature is a template name and one or two values;
//! it is hashed for prediction and spelled `template=value` in the model file.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// What the tagger knows about one token.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenInfo {
    /// Match key of the whole token.
    pub key: String,
    /// The stem the clitic segmenter leaves ([`isnad_text::Segmentation::stem`]:
    /// a match key without the clitics it cut, article included); the whole
    /// key for a token that is not a word.
    pub stem: String,
    /// The proclitics cut off, one letter per clitic joined by `+`: `c`
    /// conjunction, `p` preposition, `f` future, `d` article (`c+d` for
    /// `وال…`; empty when none).
    pub prefix: String,
    /// Shape class: `A` Arabic, `L` Latin, `D` digits, `P` punctuation, `M` mixed.
    pub shape: char,
    /// Name-dictionary flags (see [`crate::NameDict`]): bit 2t = begins a
    /// type-t name, bit 2t+1 = continues one.
    pub names: u8,
    /// Cue class of the stem (`title`, `org`, `loc`, …) or empty.
    pub cue: &'static str,
    /// Document memory (second pass): the same bits as `names`, for the
    /// types this stem was tagged with elsewhere in the document.
    pub memory: u8,
    /// Corpus-frequency class of the word (see [`TokenInfo::set_distribution`]).
    pub freq_class: &'static str,
    /// How often the stem takes the article in a corpus: proper nouns rarely do.
    pub def_class: &'static str,
}

impl TokenInfo {
    /// Builds the info of a token from its text and clitic segmentation.
    pub fn new(text: &str, seg: Option<&isnad_text::Segmentation>) -> TokenInfo {
        let key = isnad_text::match_key(text);
        let (stem, prefix) = match seg {
            Some(s) => {
                let mut prefix = String::new();
                for k in s.proclitics() {
                    if !prefix.is_empty() {
                        prefix.push('+');
                    }
                    prefix.push_str(match k {
                        isnad_text::SegmentKind::Conj => "c",
                        isnad_text::SegmentKind::Prep => "p",
                        isnad_text::SegmentKind::Fut => "f",
                        isnad_text::SegmentKind::Det => "d",
                        _ => "",
                    });
                }
                (s.stem.to_string(), prefix)
            }
            None => (key.clone(), String::new()),
        };
        let shape = shape(text);
        TokenInfo { key, stem, prefix, shape, names: 0, cue: "", memory: 0, freq_class: "", def_class: "" }
    }

    /// Sets the distributional classes from corpus counts: `freq` of the
    /// bare stem, `freq_def` of the stem with the article.
    pub fn set_distribution(&mut self, freq: u32, freq_def: u32) {
        let total = freq + freq_def;
        self.freq_class = match total {
            0 => "0",
            1..=2 => "1",
            3..=9 => "3",
            10..=49 => "10",
            50..=499 => "50",
            _ => "500",
        };
        self.def_class = if total < 3 {
            "u"
        } else {
            match freq_def * 10 / total {
                0 => "0",
                1..=2 => "1",
                3..=6 => "5",
                _ => "9",
            }
        };
    }
}

fn shape(text: &str) -> char {
    let (mut ar, mut la, mut di, mut other) = (false, false, false, false);
    for c in text.chars() {
        match c as u32 {
            0x064B..=0x065F | 0x0640 | 0x0670 => {}
            0x0621..=0x064A | 0x066E..=0x06D3 | 0xFB50..=0xFEFC => ar = true,
            _ if c.is_ascii_alphabetic() => la = true,
            _ if isnad_text::digit_value(c).is_some() => di = true,
            _ => other = true,
        }
    }
    match (ar, la, di, other) {
        (true, false, false, false) => 'A',
        (false, true, false, false) => 'L',
        (false, false, true, _) => 'D',
        (false, false, false, true) => 'P',
        _ => 'M',
    }
}

/// Hash of one feature: template, then each value (with a separator).
#[inline]
pub(crate) fn hash_feature(tmpl: &str, values: &[&str]) -> u64 {
    let mut h = FxHasher::default();
    h.write(tmpl.as_bytes());
    for v in values {
        h.write_u8(0xFF);
        h.write(v.as_bytes());
    }
    h.finish()
}

/// The spelled form of a feature (`template=value|value`).
pub(crate) fn spell_feature(tmpl: &str, values: &[&str]) -> String {
    let mut s = String::with_capacity(tmpl.len() + 16);
    s.push_str(tmpl);
    if values.is_empty() {
        return s;
    }
    s.push('=');
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            s.push('\u{1F}');
        }
        s.push_str(v);
    }
    s
}

/// Splits a spelled feature back into template and values.
pub(crate) fn unspell(f: &str) -> (&str, Vec<&str>) {
    match f.split_once('=') {
        Some((t, v)) => (t, v.split('\u{1F}').collect()),
        None => (f, Vec::new()),
    }
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

fn prefix_chars(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices();
    let end = it.nth(n).map(|(b, _)| b);
    match end {
        Some(b) => Some(&s[..b]),
        None if s.chars().count() == n => Some(s),
        None => None,
    }
}

fn suffix_chars(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count < n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(b, _)| b).unwrap_or(0);
    Some(&s[start..])
}

const NAME_FLAGS: [&str; 8] = ["PB", "PI", "LB", "LI", "OB", "OI", "MB", "MI"];

/// The tokens around token `i` of a sentence.
struct Around<'a> {
    toks: &'a [TokenInfo],
    i: isize,
}

impl<'a> Around<'a> {
    /// The token at offset `off`, if inside the sentence.
    fn at(&self, off: isize) -> Option<&'a TokenInfo> {
        usize::try_from(self.i + off).ok().and_then(|j| self.toks.get(j))
    }

    /// The boundary marker for an offset outside the sentence.
    fn edge(off: isize) -> &'static str {
        if off < 0 {
            BOS
        } else {
            EOS
        }
    }

    fn stem(&self, off: isize) -> &'a str {
        self.at(off).map_or(Self::edge(off), |t| t.stem.as_str())
    }

    fn key(&self, off: isize) -> &'a str {
        self.at(off).map_or(Self::edge(off), |t| t.key.as_str())
    }
}

/// Calls `emit(template, values)` for every feature of token `i`.
pub(crate) fn features(toks: &[TokenInfo], i: usize, emit: &mut dyn FnMut(&'static str, &[&str])) {
    let t = &toks[i];
    let around = Around { toks, i: i as isize };
    let mut shape_buf = [0u8; 4];
    let shape: &str = t.shape.encode_utf8(&mut shape_buf);
    token_features(t, shape, emit);
    neighbour_features(&around, emit);
    dictionary_features(&around, shape, emit);
    let prev_shape = around.at(-1).map_or('^', |o| o.shape);
    let next_shape = around.at(1).map_or('$', |o| o.shape);
    let mut b1 = [0u8; 4];
    let mut b2 = [0u8; 4];
    emit("shn", &[prev_shape.encode_utf8(&mut b1), next_shape.encode_utf8(&mut b2), shape]);
}

/// The token's own features: key, stem, proclitics, shape and length,
/// corpus classes, and the stem's first and last letters.
fn token_features(t: &TokenInfo, shape: &str, emit: &mut dyn FnMut(&'static str, &[&str])) {
    emit("b", &[]);
    emit("w", &[&t.key]);
    emit("s", &[&t.stem]);
    if !t.prefix.is_empty() {
        emit("p", &[&t.prefix]);
    }
    let len = t.stem.chars().count();
    let lb = match len {
        0..=2 => "1",
        3 => "3",
        4..=5 => "4",
        _ => "6",
    };
    emit("sh", &[shape, lb]);
    if !t.freq_class.is_empty() {
        emit("fq", &[t.freq_class]);
        emit("df", &[t.def_class]);
    }
    for n in 1..=4 {
        if let Some(p) = prefix_chars(&t.stem, n) {
            if len > n {
                emit("pre", &[p]);
            }
        }
        if let Some(s) = suffix_chars(&t.stem, n) {
            if len > n {
                emit("suf", &[s]);
            }
        }
    }
}

/// The keys and stems of the neighbours, alone and paired with the token.
fn neighbour_features(a: &Around<'_>, emit: &mut dyn FnMut(&'static str, &[&str])) {
    let (key, stem) = (a.key(0), a.stem(0));
    emit("w-1", &[a.key(-1)]);
    emit("w+1", &[a.key(1)]);
    emit("s-1", &[a.stem(-1)]);
    emit("s+1", &[a.stem(1)]);
    emit("s-2", &[a.stem(-2)]);
    emit("s+2", &[a.stem(2)]);
    emit("w-1w", &[a.key(-1), key]);
    emit("ww+1", &[key, a.key(1)]);
    emit("s-1s", &[a.stem(-1), stem]);
}

/// Name-dictionary flags and cues of the token and its neighbours, and the
/// document memory.
fn dictionary_features(a: &Around<'_>, shape: &str, emit: &mut dyn FnMut(&'static str, &[&str])) {
    for (off, tmpl_n, tmpl_c) in [(0isize, "n", "c"), (-1, "n-1", "c-1"), (1, "n+1", "c+1")] {
        if let Some(o) = a.at(off) {
            for (bit, name) in NAME_FLAGS.iter().enumerate() {
                if o.names & (1 << bit) != 0 {
                    emit(tmpl_n, &[name]);
                }
            }
            if !o.cue.is_empty() {
                emit(tmpl_c, &[o.cue]);
            }
        }
    }
    let memory = |off: isize, bit: usize| a.at(off).is_some_and(|o| o.memory & (1 << bit) != 0);
    for (bit, name) in NAME_FLAGS.iter().enumerate() {
        if memory(0, bit) {
            emit("m", &[name]);
            emit("ms", &[name, shape]);
        }
        if memory(-1, bit) {
            emit("m-1", &[name]);
        }
        if memory(1, bit) {
            emit("m+1", &[name]);
        }
    }
    if let Some(o) = a.at(-2) {
        if !o.cue.is_empty() {
            emit("c-2", &[o.cue]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes() {
        assert_eq!(prefix_chars("عاصمة", 2), Some("عا"));
        assert_eq!(suffix_chars("عاصمة", 2), Some("مة"));
        assert_eq!(prefix_chars("ab", 3), None);
        assert_eq!(suffix_chars("ab", 2), Some("ab"));
    }

    #[test]
    fn spelled_features_hash_like_emitted_ones() {
        let s = spell_feature("w-1w", &["قال", "الرئيس"]);
        let (t, v) = unspell(&s);
        assert_eq!(hash_feature(t, &v), hash_feature("w-1w", &["قال", "الرئيس"]));
        let b = spell_feature("b", &[]);
        let (t, v) = unspell(&b);
        assert_eq!(hash_feature(t, &v), hash_feature("b", &[]));
        let w = spell_feature("w", &[""]);
        let (t, v) = unspell(&w);
        assert_eq!(hash_feature(t, &v), hash_feature("w", &[""]));
    }
}
