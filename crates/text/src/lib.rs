//! isnad's Arabic text layer: no I/O, no global state beyond the embedded
//! lexicon.
//!
//! * [`normalize`]: match and search keys, each mapping back to original offsets;
//! * [`token`]: tokens with exact code-point offsets;
//! * [`sentence`]: sentence boundaries;
//! * [`clitic`]: lexicon-checked clitic segmentation;
//! * [`number`]: numbers, ordinals, approximate counts and their counted nouns.
//!
//! Invariant: every offset is a Unicode code-point offset into the original
//! text, end exclusive, and slicing the original text there gives the item.

pub mod clitic;
pub mod lexicon;
pub mod normalize;
pub mod number;
pub mod sentence;
pub mod token;

pub use clitic::{segment, Segment, SegmentKind, Segmentation};
pub use lexicon::{LoadError, TextLexicon};
pub use normalize::{key, match_key, search_key, Key, KeyKind};
pub use number::{find_quantities, Quantity, QuantityKind};
pub use sentence::{split_sentences, Sentence};
pub use token::{tokenize, Token, TokenKind};

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
    let sentences = split_sentences(text, &tokens, |w| lex.is_abbreviation(&match_key(w)));
    let quantities = find_quantities(text, &tokens, lex);
    TextLayer { tokens, sentences, quantities }
}

/// Segments every word token (the `--tokens` view).
pub fn segment_words(text: &str, tokens: &[Token], lex: &TextLexicon) -> Vec<Option<Segmentation>> {
    tokens.iter().map(|t| (t.kind == TokenKind::Word).then(|| segment(t.text(text), t.start, lex))).collect()
}
