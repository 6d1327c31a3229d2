//! Clitic segmentation.
//!
//! Proclitics: conjunctions و ف, prepositions ب ل ك, future س, the article
//! ال (and ل+ال written لل); enclitic pronouns ه ها هم هما هن كم كما كن نا.
//! Letters alone never decide a cut: a cut is made only when the remaining
//! stem is a known word (corpus frequency), so بارزة، وكالة، فبراير، بالي stay
//! whole while بالعاصمة → ب+ال+عاصمة and والثانية → و+ال+ثانية.

use std::sync::Arc;

use serde::Serialize;

use crate::lexicon::TextLexicon;
use crate::normalize::{key, Key, KeyKind};

/// The role of a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// و، ف
    Conj,
    /// ب، ل، ك
    Prep,
    /// س (future)
    Fut,
    /// ال (or the second ل of لل)
    Det,
    /// The stem.
    Stem,
    /// An enclitic pronoun.
    Pron,
}

/// One segment: `text[start..end]` in code points of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Code-point start.
    pub start: u32,
    /// Code-point end (exclusive).
    pub end: u32,
    /// Its role.
    pub kind: SegmentKind,
}

/// A word's segmentation (at most five segments: conj, prep, det, stem, pron).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segmentation {
    segs: [Segment; 5],
    len: u8,
    /// Match key of the stem, with a ta-marbuta restored before a pronoun
    /// (حكومته → حكومة).
    pub stem: Arc<str>,
    /// True when the article was present.
    pub definite: bool,
}

impl Segmentation {
    fn new(segments: &[Segment], stem: &str, definite: bool) -> Segmentation {
        let mut segs = [Segment { start: 0, end: 0, kind: SegmentKind::Stem }; 5];
        segs[..segments.len()].copy_from_slice(segments);
        Segmentation { segs, len: segments.len() as u8, stem: Arc::from(stem), definite }
    }

    /// Segments in order; they tile the word exactly.
    pub fn segments(&self) -> &[Segment] {
        &self.segs[..self.len as usize]
    }

    /// Moves every segment by `delta` code points.
    pub fn shift(&mut self, delta: u32) {
        for s in &mut self.segs[..self.len as usize] {
            s.start += delta;
            s.end += delta;
        }
    }

    /// The proclitic letters cut off, as segment kinds.
    pub fn proclitics(&self) -> impl Iterator<Item = SegmentKind> + '_ {
        self.segments().iter().map(|s| s.kind).take_while(|k| *k != SegmentKind::Stem)
    }
}

/// Corpus evidence that `stem` (match key chars) is a word on its own; with
/// `pron`, also through an enclitic cut of it.
fn evidence(lex: &TextLexicon, stem: &str) -> u32 {
    let f = lex.freq(stem);
    if f >= 3 {
        return f; // enough on its own; the enclitic reading cannot lower it
    }
    match enclitic(lex, stem) {
        Some((_, s)) => f.max(lex.freq(&s)),
        None => f,
    }
}

/// Finds an enclitic pronoun on `stem`: returns (pronoun length in chars, the
/// stem without it, ta-marbuta restored).
fn enclitic(lex: &TextLexicon, stem: &str) -> Option<(usize, String)> {
    if lex.keep_whole(stem) {
        return None;
    }
    let whole = lex.freq(stem);
    for p in lex.affixes().pronouns() {
        let Some(s) = stem.strip_suffix(p) else { continue };
        if s.chars().count() < 2 {
            continue;
        }
        let mut best = (lex.freq(s), s.to_string());
        // The stem's last letter as written without the suffix: ت → ة (حكومته),
        // ئ/ؤ → ء (لقائهم → لقاء، أبناؤهم → أبناء).
        for (from, to) in [('ت', 'ة'), ('ئ', 'ء'), ('ؤ', 'ء')] {
            if let Some(t) = s.strip_suffix(from) {
                let restored = format!("{t}{to}");
                let f = lex.freq(&restored);
                if f > best.0 {
                    best = (f, restored);
                }
            }
        }
        if best.0 >= 3 && best.0.saturating_mul(3) >= whole {
            return Some((p.chars().count(), best.1));
        }
    }
    None
}

/// Segments one word. `word` is the token text, `start` its code-point
/// offset in the document.
pub fn segment(word: &str, start: u32, lex: &TextLexicon) -> Segmentation {
    let k = key(word, KeyKind::Match);
    // A ligature (presentation form) expands to several key letters of one
    // original character: such words are not cut, so segments stay non-empty.
    if k.len() < 3
        || !k.text.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        || k.offsets.windows(2).any(|w| w[0] == w[1])
        || lex.keep_whole(&k.text)
    {
        let whole = Segment { start, end: start + k.original_len, kind: SegmentKind::Stem };
        return Segmentation::new(&[whole], &k.text, false);
    }
    let prefix = best_prefix(word, &k, lex).unwrap_or_default();
    cut(&k, start, lex, prefix)
}

/// The proclitics cut from a word, in key letters.
#[derive(Clone, Copy, Debug, Default)]
struct Prefix {
    /// Letters cut in all.
    len: usize,
    /// A conjunction first.
    conj: bool,
    /// A preposition or the future particle next.
    prep: Option<SegmentKind>,
    /// Letters of the article (0, 1 for the second ل of لل, or 2).
    det_len: usize,
}

/// Every key letter of an all-Arabic key is two bytes: letter `i` is at byte `2i`.
fn letter(k: &Key, i: usize) -> Option<char> {
    k.text.get(2 * i..2 * i + 2).and_then(|s| s.chars().next())
}

/// The longest supported proclitic cut: (conj?)(prep|fut)?(det: none, "ل"
/// after ل, or the article).
fn best_prefix(word: &str, k: &Key, lex: &TextLexicon) -> Option<Prefix> {
    let n = k.len();
    let f_whole = lex.freq(&k.text);
    let mut def_buf = String::with_capacity(k.text.len() + 4);
    let mut best: Option<Prefix> = None;
    for conj in [false, true] {
        if conj && !matches!(letter(k, 0), Some('و' | 'ف')) {
            continue;
        }
        let p0 = conj as usize;
        for prep in [None, Some('ب'), Some('ل'), Some('ك'), Some('س')] {
            if prep.is_some() && letter(k, p0) != prep {
                continue;
            }
            let p1 = p0 + prep.is_some() as usize;
            for det in [false, true] {
                let p2 = if det {
                    match article_end(word, k, prep, p1) {
                        Some(p2) => p2,
                        None => continue,
                    }
                } else {
                    p1
                };
                if p2 == 0 || n - p2 < 2 || best.is_some_and(|b| b.len >= p2) {
                    continue;
                }
                let rest = &k.text[2 * p2..];
                if !valid(lex, prep, det, det && p1 > 0, rest, n - p2, f_whole, &mut def_buf) {
                    continue;
                }
                if !det && rest.starts_with(lex.affixes().article()) {
                    // A whole word after a clitic must match as written, ى apart from ي.
                    let o = k.offsets[p2] as usize;
                    let orig_rest: String = word.chars().skip(o).collect();
                    if !lex.keep_whole_light(&orig_rest) {
                        continue;
                    }
                }
                let kind = prep.map(|c| if c == 'س' { SegmentKind::Fut } else { SegmentKind::Prep });
                best = Some(Prefix { len: p2, conj, prep: kind, det_len: p2 - p1 });
            }
        }
    }
    best
}

/// Where an article starting at key letter `at` ends: لل after the
/// preposition ل (ل + (ا)ل), or ال with a bare alef in the original (not أ إ آ).
fn article_end(word: &str, k: &Key, prep: Option<char>, at: usize) -> Option<usize> {
    if prep == Some('ل') && letter(k, at) == Some('ل') && letter(k, at + 1) != Some('ل') {
        return Some(at + 1);
    }
    if letter(k, at) == Some('ا') && letter(k, at + 1) == Some('ل') {
        let o = k.offsets[at] as usize;
        return matches!(word.chars().nth(o), Some('ا' | 'ٱ')).then_some(at + 2);
    }
    None
}

/// Cuts the word at `prefix` (and an enclitic pronoun when there is no
/// article) into segments that tile it exactly.
fn cut(k: &Key, start: u32, lex: &TextLexicon, prefix: Prefix) -> Segmentation {
    let Prefix { len: plen, conj, prep, det_len } = prefix;
    // Spans in key letters: [a, b) with their kinds.
    let mut spans: Vec<(usize, SegmentKind)> = Vec::with_capacity(5);
    if conj {
        spans.push((0, SegmentKind::Conj));
    }
    if let Some(kind) = prep {
        spans.push((conj as usize, kind));
    }
    if det_len > 0 {
        spans.push((plen - det_len, SegmentKind::Det));
    }
    let rest = &k.text[2 * plen..];
    let mut stem = rest.to_string();
    spans.push((plen, SegmentKind::Stem));
    if det_len == 0 {
        if let Some((pron_len, s)) = enclitic(lex, rest) {
            spans.push((k.len() - pron_len, SegmentKind::Pron));
            stem = s;
        }
    }
    // Key letters → original code points.
    let mut segments = [Segment { start: 0, end: 0, kind: SegmentKind::Stem }; 5];
    for (i, &(a, kind)) in spans.iter().enumerate() {
        let s = if i == 0 { 0 } else { k.offsets[a] };
        let e = spans.get(i + 1).map_or(k.original_len, |&(b, _)| k.offsets[b]);
        segments[i] = Segment { start: start + s, end: start + e, kind };
    }
    Segmentation::new(&segments[..spans.len()], &stem, det_len > 0)
}

/// Whether a proclitic cut leaving `rest` is supported by the lexicon.
#[allow(clippy::too_many_arguments)]
fn valid(
    lex: &TextLexicon,
    prep: Option<char>,
    det: bool,
    det_after_clitic: bool,
    rest: &str,
    rest_len: usize,
    f_whole: u32,
    buf: &mut String,
) -> bool {
    if det {
        buf.clear();
        buf.push_str(lex.affixes().article());
        buf.push_str(rest);
        if lex.keep_whole(rest) || lex.keep_whole(buf) {
            return false;
        }
        // The bare stem or (after another clitic) the definite form is known,
        // or the stem is long enough that ال+stem is the only reading.
        let f = lex.freq(rest).max(if det_after_clitic { lex.freq(buf) } else { 0 });
        return f >= 1 || rest_len >= 3;
    }
    // Without the article, a remainder starting with ال must be a whole word
    // (والذي), otherwise the article reading is the right one.
    if rest.starts_with(lex.affixes().article()) && !(lex.keep_whole(rest) && (prep.is_none() || lex.takes_prep(rest)))
    {
        return false;
    }
    match prep {
        // ك is only cut before the article (كالعادة): كل، كما، كان … stay whole.
        Some('ك') => false,
        Some('س') => rest_len >= 3 && rest.starts_with(['ي', 'ت', 'ن', 'ا']) && evidence(lex, rest) >= 3,
        _ => {
            let f = evidence(lex, rest);
            f >= 3 && f.saturating_mul(3) >= f_whole
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(word: &str) -> Vec<String> {
        let lex = TextLexicon::embedded().unwrap();
        let s = segment(word, 0, lex);
        let chars: Vec<char> = word.chars().collect();
        s.segments().iter().map(|g| chars[g.start as usize..g.end as usize].iter().collect()).collect()
    }

    #[test]
    fn words_that_merely_start_with_clitic_letters_stay_whole() {
        for w in ["بارزة", "وكالة", "فبراير", "بالي", "كان", "كما", "الذي", "ألمانيا", "والي", "بين", "سوريا", "الله"]
        {
            assert_eq!(seg(w), vec![w.to_string()], "{w}");
        }
    }

    #[test]
    fn clitics_are_cut() {
        assert_eq!(seg("بالعاصمة"), vec!["ب", "ال", "عاصمة"]);
        assert_eq!(seg("والثانية"), vec!["و", "ال", "ثانية"]);
        assert_eq!(seg("وبالعاصمة"), vec!["و", "ب", "ال", "عاصمة"]);
        assert_eq!(seg("للأسرى"), vec!["ل", "ل", "أسرى"]);
        assert_eq!(seg("والمليشيات"), vec!["و", "ال", "مليشيات"]);
        assert_eq!(seg("منهم"), vec!["من", "هم"]);
        assert_eq!(seg("مناطقهم"), vec!["مناطق", "هم"]);
        assert_eq!(seg("وأكدت"), vec!["و", "أكدت"]);
        assert_eq!(seg("والذي"), vec!["و", "الذي"]);
        assert_eq!(seg("بالله"), vec!["ب", "الله"]);
        assert_eq!(seg("وإلى"), vec!["و", "إلى"]);
    }

    #[test]
    fn diacritics_stay_with_their_letters() {
        let w = "وَالثَّانِيَةُ";
        let parts = seg(w);
        assert_eq!(parts.concat(), w);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], "وَ");
    }

    #[test]
    fn ta_marbuta_restored_in_stem() {
        let lex = TextLexicon::embedded().unwrap();
        let s = segment("حكومته", 0, lex);
        assert_eq!(&*s.stem, "حكومة");
        assert_eq!(s.segments().len(), 2);
        assert_eq!(&*segment("لقائهم", 0, lex).stem, "لقاء");
    }
}
