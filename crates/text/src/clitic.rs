//! Clitic segmentation.
//!
//! Proclitics: conjunctions و ف, prepositions ب ل ك, future س, the article
//! ال (and ل+ال written لل); enclitic pronouns ه ها هم هما هن كم كما كن نا.
//! Letters alone never decide a cut: a cut is made only when the remaining
//! stem is a known word (corpus frequency), so بارزة، وكالة، فبراير، بالي stay
//! whole while بالعاصمة → ب+ال+عاصمة and والثانية → و+ال+ثانية.

use serde::Serialize;

use crate::lexicon::TextLexicon;
use crate::normalize::{key, KeyKind};

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

/// A word's segmentation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segmentation {
    /// Segments in order; they tile the word exactly.
    pub segments: Vec<Segment>,
    /// Match key of the stem, with a ta-marbuta restored before a pronoun
    /// (حكومته → حكومة).
    pub stem: String,
    /// True when the article was present.
    pub definite: bool,
}

impl Segmentation {
    /// The proclitic letters cut off, as segment kinds.
    pub fn proclitics(&self) -> impl Iterator<Item = SegmentKind> + '_ {
        self.segments.iter().map(|s| s.kind).take_while(|k| *k != SegmentKind::Stem)
    }
}

const PRONOUNS: [&str; 9] = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه"];

/// Corpus evidence that `stem` (match key chars) is a word on its own; with
/// `pron`, also through an enclitic cut of it.
fn evidence(lex: &TextLexicon, stem: &str) -> u32 {
    let f = lex.freq(stem);
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
    for p in PRONOUNS {
        let Some(s) = stem.strip_suffix(p) else { continue };
        if s.chars().count() < 2 {
            continue;
        }
        let mut best = (lex.freq(s), s.to_string());
        if let Some(t) = s.strip_suffix('ت') {
            let restored = format!("{t}ة");
            let f = lex.freq(&restored);
            if f > best.0 {
                best = (f, restored);
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
    let kc: Vec<char> = k.text.chars().collect();
    let whole_key = k.text.as_str();
    let whole_seg = |stem: String| Segmentation {
        segments: vec![Segment { start, end: start + k.original_len, kind: SegmentKind::Stem }],
        stem,
        definite: false,
    };
    if kc.len() < 3 || lex.keep_whole(whole_key) || !kc.iter().all(|c| ('\u{0621}'..='\u{064A}').contains(c)) {
        return whole_seg(k.text.clone());
    }
    let orig: Vec<char> = word.chars().collect();
    let f_whole = lex.freq(whole_key);

    // Enumerate proclitic sequences: (conj?)(prep|fut)?(det)?
    let mut best: Option<(usize, Vec<(usize, usize, SegmentKind)>)> = None; // (prefix len, spans in key chars)
    let conj_opts: &[Option<char>] = &[None, Some('و'), Some('ف')];
    for &conj in conj_opts {
        let mut p0 = 0;
        let mut segs0 = Vec::new();
        if let Some(c) = conj {
            if kc.first() != Some(&c) {
                continue;
            }
            segs0.push((0, 1, SegmentKind::Conj));
            p0 = 1;
        }
        for prep in [None, Some('ب'), Some('ل'), Some('ك'), Some('س')] {
            let mut p1 = p0;
            let mut segs1 = segs0.clone();
            if let Some(c) = prep {
                if kc.get(p1) != Some(&c) {
                    continue;
                }
                let kind = if c == 'س' { SegmentKind::Fut } else { SegmentKind::Prep };
                segs1.push((p1, p1 + 1, kind));
                p1 += 1;
            }
            for det in [false, true] {
                let mut p2 = p1;
                let mut segs = segs1.clone();
                if det {
                    if prep == Some('ل') && kc.get(p2) == Some(&'ل') && kc.get(p2 + 1) != Some(&'ل') {
                        // لل = ل + (ا)ل
                        segs.push((p2, p2 + 1, SegmentKind::Det));
                        p2 += 1;
                    } else if kc.get(p2) == Some(&'ا') && kc.get(p2 + 1) == Some(&'ل') {
                        // The article's alef is bare in the original (not أ إ آ).
                        let (o, _) = k.original_span(p2, p2 + 1);
                        if !matches!(orig.get(o as usize), Some('ا' | 'ٱ')) {
                            continue;
                        }
                        segs.push((p2, p2 + 2, SegmentKind::Det));
                        p2 += 2;
                    } else {
                        continue;
                    }
                }
                if segs.is_empty() {
                    continue;
                }
                let rest: String = kc[p2..].iter().collect();
                let rest_len = kc.len() - p2;
                if rest_len < 2 || !valid(lex, prep, det, det && p1 > 0, &rest, rest_len, f_whole) {
                    continue;
                }
                if !det && rest.starts_with("ال") {
                    // A whole word after a clitic must match as written, ى apart from ي.
                    let (o, _) = k.original_span(p2, p2 + 1);
                    let orig_rest: String = orig[o as usize..].iter().collect();
                    if !lex.keep_whole_light(&orig_rest) {
                        continue;
                    }
                }
                if best.as_ref().is_none_or(|(l, _)| p2 > *l) {
                    best = Some((p2, segs));
                }
            }
        }
    }
    let (plen, mut spans) = best.unwrap_or((0, Vec::new()));
    let definite = spans.iter().any(|s| s.2 == SegmentKind::Det);
    let rest: String = kc[plen..].iter().collect();
    let mut stem = rest.clone();
    let mut stem_end = kc.len();
    if !definite {
        if let Some((plen_chars, s)) = enclitic(lex, &rest) {
            stem_end = kc.len() - plen_chars;
            stem = s;
        }
    }
    spans.push((plen, stem_end, SegmentKind::Stem));
    if stem_end < kc.len() {
        spans.push((stem_end, kc.len(), SegmentKind::Pron));
    }
    // Key-char spans → original code points; tile the word exactly.
    let mut segments = Vec::with_capacity(spans.len());
    let mut cursor = 0u32;
    for (i, &(a, b, kind)) in spans.iter().enumerate() {
        let end = if i + 1 == spans.len() { k.original_len } else { k.original_span(spans[i + 1].0, spans[i + 1].1).0 };
        let _ = (a, b);
        segments.push(Segment { start: start + cursor, end: start + end, kind });
        cursor = end;
    }
    Segmentation { segments, stem, definite }
}

/// Whether a proclitic cut leaving `rest` is supported by the lexicon.
fn valid(
    lex: &TextLexicon,
    prep: Option<char>,
    det: bool,
    det_after_clitic: bool,
    rest: &str,
    rest_len: usize,
    f_whole: u32,
) -> bool {
    if det {
        if lex.keep_whole(rest) || lex.keep_whole(&format!("ال{rest}")) {
            return false;
        }
        // The bare stem or (after another clitic) the definite form is known,
        // or the stem is long enough that ال+stem is the only reading.
        let f = lex.freq(rest).max(if det_after_clitic { lex.freq(&format!("ال{rest}")) } else { 0 });
        return f >= 1 || rest_len >= 3;
    }
    // Without the article, a remainder starting with ال must be a whole word
    // (والذي), otherwise the article reading is the right one.
    if rest.starts_with("ال") && !(lex.keep_whole(rest) && (prep.is_none() || lex.takes_prep(rest))) {
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
        let lex = TextLexicon::embedded();
        let s = segment(word, 0, lex);
        let chars: Vec<char> = word.chars().collect();
        s.segments.iter().map(|g| chars[g.start as usize..g.end as usize].iter().collect()).collect()
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
        let lex = TextLexicon::embedded();
        let s = segment("حكومته", 0, lex);
        assert_eq!(s.stem, "حكومة");
        assert_eq!(s.segments.len(), 2);
    }
}
