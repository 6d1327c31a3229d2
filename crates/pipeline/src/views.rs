//! What the records stage reads of each sentence: its tokens with their keys, stems, a leading
//! conjunction, and where a clause breaks.

use isnad_records::{SentenceView, Tok};
use isnad_tagger::TokenInfo;
use isnad_text::{TextLayer, TokenKind};

/// Punctuation that ends a clause.
const CLAUSE_BREAKS: [&str; 9] = ["،", "؛", ";", ":", ",", "(", ")", "«", "»"];

/// One view per sentence, from the text layer and the tagger's token information.
pub fn sentence_views(text: &str, layer: &TextLayer, infos: &[Vec<TokenInfo>]) -> Vec<SentenceView> {
    layer
        .sentences
        .iter()
        .zip(infos)
        .map(|(s, infos)| SentenceView {
            start: s.start,
            end: s.end,
            toks: layer.tokens[s.first_token as usize..s.end_token as usize]
                .iter()
                .zip(infos)
                .map(|(t, i)| Tok {
                    start: t.start,
                    end: t.end,
                    key: i.key.clone(),
                    stem: i.stem.clone(),
                    conj: i.prefix.starts_with('c'),
                    clause_break: t.kind == TokenKind::Punct && CLAUSE_BREAKS.contains(&t.text(text)),
                })
                .collect(),
        })
        .collect()
}

/// The stems of a document's word tokens (letters only), in text order.
pub fn stems(views: &[SentenceView]) -> impl Iterator<Item = &str> {
    views.iter().flat_map(|s| s.toks.iter()).map(|t| t.stem.as_str()).filter(|s| s.chars().any(char::is_alphabetic))
}
