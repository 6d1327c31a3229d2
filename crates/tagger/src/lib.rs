//! A named-entity tagger for Arabic news: a structured averaged perceptron
//! over rich token features (match key, clitic-stripped stem, affixes, shape,
//! neighbours, name-dictionary membership, cue words), decoded with a Viterbi
//! search constrained to valid BIO sequences.
//!
//! The public surface is small: [`Tagger::load`] (the model file of a
//! [`isnad_text::Data`] source) and [`Tagger::predict`], [`train`] and
//! [`train_document`], [`NameDict`] for dictionary features, [`conll`] for
//! data and scoring. Features are hashed at prediction time (no allocation
//! per feature); the model file keeps the feature strings so it can be read
//! and diffed.
//!
//! ```
//! use isnad_tagger::{spans, train, TokenInfo, TrainOptions, TYPES};
//! use isnad_text::{segment, Data, TextLexicon};
//!
//! let lex = TextLexicon::load(&Data::Embedded).unwrap();
//! let sent = |words: &[&str]| -> Vec<TokenInfo> {
//!     words.iter().map(|w| TokenInfo::new(w, Some(&segment(w, 0, &lex)))).collect()
//! };
//! // Labels: 0 = O, 1 = B-PERS, 3 = B-LOC.
//! let data = vec![
//!     (sent(&["زار", "محمد", "صنعاء"]), vec![0, 1, 3]),
//!     (sent(&["غادر", "علي", "عدن"]), vec![0, 1, 3]),
//! ];
//! let opts = TrainOptions { epochs: 5, min_count: 1, ..TrainOptions::default() };
//! let (model, _text) = train(&data, &opts, &mut |_| {});
//! let found = spans(&model.predict(&sent(&["زار", "علي", "عدن"])));
//! let types: Vec<&str> = found.iter().map(|s| TYPES[s.ty as usize]).collect();
//! assert_eq!(types, ["PERS", "LOC"]);
//! ```

pub mod conll;
mod document;
mod features;
mod model;
mod names;

pub use document::{train_document, Tagger, DEFAULT_WINDOW};
pub use features::TokenInfo;
pub use model::{train, Model, TrainOptions};
pub use names::{NameDict, NameType};

/// Entity types, in label order.
pub const TYPES: [&str; 4] = ["PERS", "LOC", "ORG", "MISC"];

/// Number of labels: O, then B-/I- per type.
pub(crate) const N_LABELS: usize = 1 + 2 * TYPES.len();

/// A BIO label: 0 = O, 1 + 2t = B-type t, 2 + 2t = I-type t.
pub type Label = u8;

/// The label's name (`O`, `B-PERS`, …).
pub(crate) fn label_name(l: Label) -> String {
    match l {
        0 => "O".to_string(),
        l => {
            let t = TYPES[((l - 1) / 2) as usize];
            if (l - 1) % 2 == 0 {
                format!("B-{t}")
            } else {
                format!("I-{t}")
            }
        }
    }
}

/// Parses `O`, `B-PERS`, `I-LOC`, … (`PER` is read as `PERS`).
pub(crate) fn parse_label(s: &str) -> Option<Label> {
    if s == "O" {
        return Some(0);
    }
    let (bio, t) = s.split_once('-')?;
    let t = if t == "PER" { "PERS" } else { t };
    let ti = TYPES.iter().position(|x| *x == t)? as u8;
    match bio {
        "B" => Some(1 + 2 * ti),
        "I" => Some(2 + 2 * ti),
        _ => None,
    }
}

/// An entity span over token indices `[start, end)` with its type index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TokenSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`TYPES`].
    pub ty: u8,
}

/// Reads spans out of a BIO label sequence (CoNLL convention: an `I-X`
/// after `O` or after another type starts a new span).
pub fn spans(labels: &[Label]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut cur: Option<TokenSpan> = None;
    for (i, &l) in labels.iter().enumerate() {
        let (is_b, ty) = if l == 0 { (false, u8::MAX) } else { ((l - 1) % 2 == 0, (l - 1) / 2) };
        let continues = !is_b && l != 0 && cur.is_some_and(|c| c.ty == ty);
        if continues {
            if let Some(c) = cur.as_mut() {
                c.end = i + 1;
            }
            continue;
        }
        if let Some(c) = cur.take() {
            out.push(c);
        }
        if l != 0 {
            cur = Some(TokenSpan { start: i, end: i + 1, ty });
        }
    }
    out.extend(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for l in 0..N_LABELS as u8 {
            assert_eq!(parse_label(&label_name(l)), Some(l));
        }
        assert_eq!(parse_label("B-PER"), parse_label("B-PERS"));
        assert_eq!(parse_label("X-LOC"), None);
    }

    #[test]
    fn spans_follow_conll() {
        let l = |s: &str| parse_label(s).unwrap();
        let seq = [l("B-PERS"), l("I-PERS"), l("O"), l("I-LOC"), l("I-LOC"), l("B-ORG"), l("B-ORG"), l("I-LOC")];
        assert_eq!(
            spans(&seq),
            vec![
                TokenSpan { start: 0, end: 2, ty: 0 },
                TokenSpan { start: 3, end: 5, ty: 1 },
                TokenSpan { start: 5, end: 6, ty: 2 },
                TokenSpan { start: 6, end: 7, ty: 2 },
                TokenSpan { start: 7, end: 8, ty: 1 },
            ]
        );
    }
}
