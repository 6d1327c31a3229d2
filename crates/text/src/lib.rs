//! isnad's Arabic text layer: no I/O beyond reading its data files, no global
//! state beyond the cached embedded lexicon.
//!
//! * match and search keys, each mapping back to original offsets ([`key`]);
//! * tokens with exact code-point offsets ([`tokenize`]) and sentences;
//! * lexicon-checked clitic segmentation ([`segment`], [`Segmenter`]);
//! * numbers, ordinals, approximate counts and their counted nouns
//!   ([`find_quantities`]);
//! * longest-match phrase lookup through clitics ([`PhraseIndex`]);
//! * the data sources every loader reads ([`Data`], [`LoadError`]).
//!
//! Invariant: every offset is a Unicode code-point offset into the original
//! text, end exclusive, and slicing the original text there gives the item.
//!
//! ```
//! use isnad_text::{analyze, segment, Data, QuantityKind, TextLexicon};
//!
//! let lex = TextLexicon::load(&Data::Embedded).unwrap();
//! let text = "قتل 32 عنصراً بالعاصمة.";
//! let layer = analyze(text, &lex);
//! assert_eq!(layer.sentences.len(), 1);
//! let q = &layer.quantities[0];
//! assert_eq!((q.value, q.kind, q.unit.as_deref()), (32.0, QuantityKind::Cardinal, Some("عنصر")));
//! // ب + ال + عاصمة: the stem is the word without its clitics.
//! assert_eq!(&*segment("بالعاصمة", 0, &lex).stem, "عاصمة");
//! ```

mod affix;
mod clitic;
mod data;
pub mod hash;
mod lexicon;
mod normalize;
mod number;
mod offsets;
mod phrase;
mod sentence;
mod token;

pub use affix::Affixes;
pub use clitic::{segment, Segment, SegmentKind, Segmentation};
pub use data::{columns, data_lines, Data, LoadError};
pub use lexicon::{build_wordfreq, NumClass, NumFlags, NumberWord, Relation, TextLexicon};
pub use normalize::{is_ignorable, key, match_key, search_key, search_key_into, Key, KeyKind};
pub use number::{find_quantities, parse_digits, Quantity, QuantityKind};
pub use offsets::CharOffsets;
pub use phrase::{PhraseIndex, PhraseMatch, Word};
pub use sentence::Sentence;
pub use token::{digit_value, tokenize, Token, TokenKind};

/// The text layer of one document.
#[derive(Clone, Debug, Default)]
pub struct TextLayer {
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Quantities in order.
    pub quantities: Vec<Quantity>,
}

/// Tokenizes, splits sentences and finds quantities.
pub fn analyze(text: &str, lex: &TextLexicon) -> TextLayer {
    let tokens = tokenize(text);
    let sentences = sentence::split_sentences(text, &tokens, |w| lex.is_abbreviation(&match_key(w)));
    let quantities = find_quantities(text, &tokens, lex);
    TextLayer { tokens, sentences, quantities }
}

/// Segments every word token (a one-off [`Segmenter`]).
pub fn segment_words(text: &str, tokens: &[Token], lex: &TextLexicon) -> Vec<Option<Segmentation>> {
    Segmenter::new(lex).segment_words(text, tokens)
}

/// Clitic segmentation with a memo of the words already seen: a word's
/// segmentation depends on the word alone, and news vocabulary repeats, so a
/// segmenter kept across a batch of documents cuts each distinct word once.
pub struct Segmenter<'l> {
    lex: &'l TextLexicon,
    memo: rustc_hash::FxHashMap<Box<str>, Segmentation>,
}

impl<'l> Segmenter<'l> {
    /// Memo size past which it is emptied (bounds memory on huge batches).
    pub const MEMO_LIMIT: usize = 200_000;

    /// A segmenter with an empty memo.
    pub fn new(lex: &'l TextLexicon) -> Segmenter<'l> {
        Segmenter { lex, memo: rustc_hash::FxHashMap::default() }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &'l TextLexicon {
        self.lex
    }

    /// Segments one word starting at code point `start`.
    pub fn segment(&mut self, word: &str, start: u32) -> Segmentation {
        if self.memo.len() >= Self::MEMO_LIMIT {
            self.memo.clear();
        }
        let mut seg = match self.memo.get(word) {
            Some(s) => s.clone(),
            None => {
                let s = segment(word, 0, self.lex);
                self.memo.insert(word.into(), s.clone());
                s
            }
        };
        seg.shift(start);
        seg
    }

    /// Segments every word token; `None` for other tokens.
    pub fn segment_words(&mut self, text: &str, tokens: &[Token]) -> Vec<Option<Segmentation>> {
        tokens.iter().map(|t| (t.kind == TokenKind::Word).then(|| self.segment(t.text(text), t.start))).collect()
    }
}
