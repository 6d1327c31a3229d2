//! What every stage reads about one sentence: its tokens as lexicon words,
//! the triggers and factuality cues found in it, its attribution, the
//! reporting frame, and its entities and generic actors by token.

use isnad_schema::{Attribution, EntityRecord};
use isnad_text::{CharOffsets, PhraseMatch, Word};

use super::{attribution, time, within, Doc, GenericMention, SentenceView};
use crate::lexicon::{FactCue, RecordsLexicon, Trigger};

/// The letters that open an imperfect verb (يـ تـ نـ): a verb that starts
/// with one is not told in the past.
pub(super) const IMPERFECT: [char; 3] = ['ي', 'ت', 'ن'];

/// The part of speech of a lexicon phrase that holds a trigger word but names no
/// happening (صادر عن: issued by, not confiscated): found as the longest match, it
/// keeps the shorter trigger inside it from matching, and gives no event.
const NOT_A_TRIGGER: &str = "none";

/// One sentence as the stages read it.
pub(super) struct Context<'a> {
    /// The document.
    pub doc: &'a Doc<'a>,
    /// Code-point index of the document's text.
    pub idx: &'a CharOffsets,
    /// The lexicon.
    pub lex: &'a RecordsLexicon,
    /// The sentence.
    pub s: &'a SentenceView,
    /// Its tokens as lexicon words (key and stem).
    pub words: Vec<Word<'a>>,
    /// Every trigger match, in order (overlapping entries included), except the
    /// phrases that only shadow a trigger word (pos `none`: بيان صادر عن).
    pub triggers: Vec<PhraseMatch<'a, Trigger>>,
    /// Factuality cues.
    pub facts: Vec<PhraseMatch<'a, FactCue>>,
    /// Who the sentence is attributed to.
    pub att: Attribution,
    /// The reporting frame (from the reporting verb to its أن), as code points.
    pub frame: Option<(u32, u32)>,
    /// Entities of the sentence with the index of the token they start in.
    pub ents: Vec<(usize, &'a EntityRecord)>,
    /// Generic actors of the sentence with their token index, except those
    /// describing the name right before them.
    pub gens: Vec<(usize, &'a GenericMention)>,
}

impl<'a> Context<'a> {
    /// Reads sentence `s`; `report` is the report being continued, updated
    /// when the sentence states its own source.
    pub fn new(
        doc: &'a Doc<'a>,
        idx: &'a CharOffsets,
        lex: &'a RecordsLexicon,
        s: &'a SentenceView,
        report: &mut Option<Attribution>,
    ) -> Context<'a> {
        let words: Vec<Word<'a>> = s.toks.iter().map(|t| Word { key: &t.key, stem: &t.stem }).collect();
        // Reporting cues of this sentence (attribution, and the reporting frame).
        let cues = lex.cues.find(&words);
        let said = attribution::Sentence { doc, idx, lex, s, words: &words, cues: &cues };
        let att = attribution::attribute(&said, report);
        let frame = time::reporting_frame(s, lex, &cues);
        let ents = entities(doc, s);
        let gens = generic_actors(doc, s, &ents);
        Context {
            doc,
            idx,
            lex,
            s,
            triggers: lex.triggers.find(&words).into_iter().filter(|m| m.value.pos != NOT_A_TRIGGER).collect(),
            facts: lex.factuality.find(&words),
            words,
            att,
            frame,
            ents,
            gens,
        }
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, start: u32, end: u32) -> String {
        super::slice(self.idx, self.doc.text, start, end)
    }
}

/// The token of sentence `s` holding code point `o` (the first one ending after it).
fn tok_of(s: &SentenceView, o: u32) -> usize {
    s.toks.iter().position(|t| t.end > o).unwrap_or(0)
}

/// The entities within the sentence, by token index.
fn entities<'a>(doc: &Doc<'a>, s: &SentenceView) -> Vec<(usize, &'a EntityRecord)> {
    within(doc.entities, s.start, s.end, |e| (e.start, e.end)).iter().map(|e| (tok_of(s, e.start), e)).collect()
}

/// The generic actors within the sentence, by token index. A generic word
/// right after a name describes it (تنظيم القاعدة الإرهابي): not a participant.
fn generic_actors<'a>(
    doc: &Doc<'a>,
    s: &SentenceView,
    ents: &[(usize, &EntityRecord)],
) -> Vec<(usize, &'a GenericMention)> {
    within(doc.generic, s.start, s.end, |g| (g.start, g.end))
        .iter()
        .map(|g| (tok_of(s, g.start), g))
        .filter(|(i, _)| !ents.iter().any(|(_, e)| *i > 0 && s.toks[*i - 1].end == e.end))
        .collect()
}
