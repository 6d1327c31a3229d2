//! Named-entity recognition glue: turns text-layer tokens into tagger input
//! (clitic stems, name-dictionary and cue flags) and tagger output into
//! entity spans. The dictionaries come from the project's data files.

use isnad_tagger::{NameDict, TokenInfo};
use isnad_text::lexicon::{data_lines, LoadError};
use isnad_text::{Segmenter, Token, TokenKind};

const CUES: &str = include_str!("../../../data/ner/cues.tsv");

/// Builds the name dictionary and cue list from the embedded data.
pub fn name_dict() -> Result<NameDict, LoadError> {
    let mut d = NameDict::new();
    for row in data_lines("data/ner/cues.tsv", CUES, Some("word\tclass")) {
        let (line, cols) = row?;
        let class = match cols.as_slice() {
            [_, "title"] => "title",
            [_, "loc"] => "loc",
            [_, "org"] => "org",
            [_, "misc"] => "misc",
            _ => {
                return Err(LoadError {
                    file: "data/ner/cues.tsv".into(),
                    line,
                    message: "expected `word<TAB>title|loc|org|misc`".into(),
                })
            }
        };
        d.add_cue(cols[0], class);
    }
    Ok(d)
}

/// Tagger input for a sequence of token texts.
pub fn token_infos(words: &[&str], seg: &mut Segmenter<'_>, dict: &NameDict) -> Vec<TokenInfo> {
    let mut infos: Vec<TokenInfo> = words
        .iter()
        .map(|w| {
            let is_word = isnad_text::tokenize(w).first().is_some_and(|t| t.kind == TokenKind::Word);
            if is_word {
                let s = seg.segment(w, 0);
                TokenInfo::new(w, Some(&s))
            } else {
                TokenInfo::new(w, None)
            }
        })
        .collect();
    dict.mark(&mut infos);
    infos
}

/// Tagger input for the tokens of a document sentence.
pub fn sentence_infos(text: &str, tokens: &[Token], seg: &mut Segmenter<'_>, dict: &NameDict) -> Vec<TokenInfo> {
    let mut infos: Vec<TokenInfo> = tokens
        .iter()
        .map(|t| {
            let w = t.text(text);
            if t.kind == TokenKind::Word {
                TokenInfo::new(w, Some(&seg.segment(w, 0)))
            } else {
                TokenInfo::new(w, None)
            }
        })
        .collect();
    dict.mark(&mut infos);
    infos
}
