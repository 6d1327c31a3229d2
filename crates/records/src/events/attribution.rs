//! Attribution (إسناد): who a sentence's report rests on, as a chain from the
//! original source to the outlet; the report a sentence without a source of
//! its own continues; the sourcing summary of the document's events.

use isnad_schema::{
    Attribution, AttributionBasis, EntityRecord, EntityType, EventRecord, SourceKind, SourceRecord, Sourcing,
};
use isnad_text::{CharOffsets, PhraseMatch, Word};

use super::{slice, Doc, SentenceView};
use crate::lexicon::{Cue, RecordsLexicon};

/// What attribution reads of a sentence.
pub(super) struct Sentence<'a> {
    pub doc: &'a Doc<'a>,
    pub idx: &'a CharOffsets,
    pub lex: &'a RecordsLexicon,
    pub s: &'a SentenceView,
    pub words: &'a [Word<'a>],
    /// The reporting cues of the sentence.
    pub cues: &'a [PhraseMatch<'a, Cue>],
}

impl<'a> Sentence<'a> {
    fn slice(&self, start: u32, end: u32) -> String {
        slice(self.idx, self.doc.text, start, end)
    }

    /// The code-point span of tokens `[a, b)`.
    fn span(&self, a: usize, b: usize) -> (u32, u32) {
        (self.s.toks[a].start, self.s.toks[b - 1].end)
    }

    /// The entities lying within `[a, b]`.
    fn ents_in(&self, a: u32, b: u32) -> impl Iterator<Item = &'a EntityRecord> + 'a {
        let ents: &'a [EntityRecord] = self.doc.entities;
        ents.iter().filter(move |e| e.start >= a && e.end <= b)
    }
}

/// What a sentence says about its source.
enum Stated {
    /// A source of its own.
    Explicit(Attribution),
    /// A reporting cue without a source (وأكدت أنه …): it continues the current report.
    Continues { cue: String },
}

/// The attribution of a sentence: its own, or the report it continues (with
/// its own cue, when it has one), or the outlet alone. `report` is the report
/// later sentences continue: the attribution of the last sentence that named
/// a source other than the outlet's own earlier reporting.
pub(super) fn attribute(st: &Sentence<'_>, report: &mut Option<Attribution>) -> Attribution {
    match stated(st) {
        Some(Stated::Explicit(att)) => {
            *report = att.sources.first().is_some_and(|x| x.kind != SourceKind::SelfCitation).then(|| att.clone());
            att
        }
        Some(Stated::Continues { cue }) => match report {
            Some(c) => Attribution { basis: AttributionBasis::Carried, cue: Some(cue), ..c.clone() },
            None => outlet_only(st.doc, st.s.start),
        },
        None => match report {
            Some(c) => Attribution { basis: AttributionBasis::Carried, ..c.clone() },
            None => outlet_only(st.doc, st.s.start),
        },
    }
}

/// Finds the attribution stated in one sentence, if any: the outlet citing
/// itself, an outlet revealing, a source phrase or a named speaker, or a bare cue.
fn stated(st: &Sentence<'_>) -> Option<Stated> {
    let sources = st.lex.sources.find(st.words);
    if let Some(att) = self_citation(st, &sources).or_else(|| outlet_reveal(st)) {
        return Some(Stated::Explicit(att));
    }
    let cue = st.cues.first();
    let src = source_phrase(st, &sources).or_else(|| speaker(st));
    let cue_text = cue.map(|c| {
        let (a, b) = st.span(c.start, c.end);
        st.slice(a, b)
    });
    match (src, cue) {
        (Some((at, src)), _) => {
            // (Not the source's own words: in "ذكرت وكالة رويترز" the agency is the source.)
            let apart = |o: &SourceRecord| o.end <= src.start || o.start >= src.end;
            let outlet = cue
                .and_then(|c| outlet_mention(st, c.end))
                .filter(apart)
                .or_else(|| outlet_mention(st, at + 1).filter(apart))
                .unwrap_or_else(|| outlet_source(st.doc, src.end));
            let sources = vec![src, outlet];
            Some(Stated::Explicit(Attribution {
                chain: chain(&sources),
                sources,
                cue: cue_text,
                basis: AttributionBasis::Explicit,
                stance: cue.map(|c| c.value.stance),
            }))
        }
        (None, Some(_)) => cue_text.map(|cue| Stated::Continues { cue }),
        (None, None) => None,
    }
}

/// Self-citation by a "self" source phrase (كانت قد كشفت), with the outlet
/// named just before it or the outlet itself.
fn self_citation(st: &Sentence<'_>, sources: &[PhraseMatch<'_, SourceKind>]) -> Option<Attribution> {
    let m = sources.iter().find(|m| *m.value == SourceKind::SelfCitation)?;
    let (start, end) = st.span(m.start, m.end);
    let outlet = outlet_mention(st, m.start.saturating_sub(3)).unwrap_or_else(|| outlet_source(st.doc, start));
    let src = SourceRecord { text: st.slice(start, end), kind: SourceKind::SelfCitation, start, end, actor: None };
    let sources = vec![src, outlet];
    Some(Attribution { chain: chain(&sources), sources, cue: None, basis: AttributionBasis::Explicit, stance: None })
}

/// Self-citation by the outlet named with a reveal cue (انفردت وكالة خبر).
fn outlet_reveal(st: &Sentence<'_>) -> Option<Attribution> {
    let c = st.cues.iter().find(|c| c.value.kind == "reveal")?;
    let outlet = outlet_mention(st, c.start.saturating_sub(3)).or_else(|| outlet_mention(st, c.end))?;
    let (start, end) = st.span(c.start, c.end);
    let src = SourceRecord { text: st.slice(start, end), kind: SourceKind::SelfCitation, start, end, actor: None };
    let sources = vec![src, outlet];
    Some(Attribution {
        chain: chain(&sources),
        sources,
        cue: Some(st.slice(start, end)),
        basis: AttributionBasis::Explicit,
        stance: Some(c.value.stance),
    })
}

/// An explicit source phrase (مصادر خاصة، شهود عيان …), with its first token.
fn source_phrase(st: &Sentence<'_>, sources: &[PhraseMatch<'_, SourceKind>]) -> Option<(usize, SourceRecord)> {
    let m = sources.iter().find(|m| !matches!(m.value, SourceKind::SelfCitation | SourceKind::Outlet))?;
    let (start, end) = st.span(m.start, m.end);
    Some((m.start, SourceRecord { text: st.slice(start, end), kind: *m.value, start, end, actor: None }))
}

/// The outlet named within four tokens from `from_tok`: after a cue with ل
/// (أكدت لوكالة خبر), or before a reveal cue. Its name is the next word, or a
/// quoted name (صحيفة «المثال»).
fn outlet_mention(st: &Sentence<'_>, from_tok: usize) -> Option<SourceRecord> {
    let toks = &st.s.toks;
    let t = toks.get(from_tok..(from_tok + 4).min(toks.len()))?;
    let k = t.iter().position(|x| st.lex.words.outlet_nouns.has(&x.stem))?;
    let start = t[k].start;
    let at = from_tok + k + 1;
    let quoted = toks.get(at).is_some_and(|n| st.slice(n.start, n.end).starts_with(['«', '"', '“']));
    let end = if quoted {
        toks[at..(at + 6).min(toks.len())]
            .iter()
            .find(|n| st.slice(n.start, n.end).ends_with(['»', '"', '”']) && n.start > toks[at].start)
            .map_or(toks[at].end, |n| n.end)
    } else {
        t.get(k + 1).map_or(t[k].end, |n| n.end)
    };
    // The outlet's own actor when the mention is linked (لوكالة خبر → the agency).
    let actor = st.ents_in(start, end.max(start)).find_map(|e| e.actor.clone().filter(|a| a.kind == "media"));
    Some(SourceRecord { text: st.slice(start, end), kind: SourceKind::Outlet, start, end, actor })
}

/// A named entity next to a say-cue (قال المتحدث … ، أكد محمد …), with its first token.
fn speaker(st: &Sentence<'_>) -> Option<(usize, SourceRecord)> {
    let c = st
        .cues
        .iter()
        .find(|c| ["say", "confirm", "claim", "deny", "according_to", "quote"].contains(&c.value.kind.as_str()))?;
    let e = speaker_after(st, c).or_else(|| speaker_before(st, c))?;
    let kind = match (&e.actor, e.ty) {
        (Some(a), _) if ["government", "military", "police", "state", "intl_org"].contains(&a.kind.as_str()) => {
            SourceKind::Official
        }
        (_, EntityType::Per) => SourceKind::NamedPerson,
        _ => SourceKind::NamedOrg,
    };
    let tok = st.s.toks.iter().position(|t| t.start >= e.start).unwrap_or(0);
    let src = SourceRecord { text: e.text.clone(), kind, start: e.start, end: e.end, actor: e.actor.clone() };
    Some((tok, src))
}

/// Whether an entity can speak (a person or an organisation).
fn can_speak(e: &&EntityRecord) -> bool {
    matches!(e.ty, EntityType::Per | EntityType::Org)
}

/// The speaker after the cue: a name starting within the next three words
/// (ذكرت وكالة رويترز، قال المتحدث باسم …، بحسب وكالة خبر), or, for a relayed
/// report, the name after عن (نقلت صحيفة … اليوم عن وكالة خبر).
fn speaker_after<'a>(st: &Sentence<'a>, c: &PhraseMatch<'_, Cue>) -> Option<&'a EntityRecord> {
    let toks = &st.s.toks;
    let starting_within = |from: usize, n: usize| {
        let t = toks.get(from)?;
        let last_start = toks[(from + n).min(toks.len()) - 1].start;
        st.ents_in(t.start, st.s.end).filter(can_speak).find(|e| e.start <= last_start)
    };
    let relayed = || {
        let rel = toks[c.end..(c.end + 8).min(toks.len())].iter().position(|t| st.lex.words.relay.has(&t.key))?;
        starting_within(rel + c.end + 1, 2)
    };
    (c.value.kind == "quote").then(relayed).flatten().or_else(|| starting_within(c.end, 3))
}

/// The speaker before the cue: a name ending right there (… قال).
fn speaker_before<'a>(st: &Sentence<'a>, c: &PhraseMatch<'_, Cue>) -> Option<&'a EntityRecord> {
    let b = c.start.checked_sub(1)?;
    let (lo, hi) = (st.s.toks[b.saturating_sub(2)].start, st.s.toks[b].end);
    st.ents_in(lo, hi).filter(can_speak).find(|e| e.end == hi)
}

/// The outlet itself as a source (document metadata), at a point of the text.
pub(super) fn outlet_source(doc: &Doc<'_>, at: u32) -> SourceRecord {
    SourceRecord {
        text: doc.outlet.unwrap_or("the outlet").to_string(),
        kind: SourceKind::Outlet,
        start: at,
        end: at,
        actor: None,
    }
}

/// The attribution of a sentence resting on the outlet alone.
fn outlet_only(doc: &Doc<'_>, at: u32) -> Attribution {
    let sources = vec![outlet_source(doc, at)];
    Attribution { chain: chain(&sources), sources, cue: None, basis: AttributionBasis::Outlet, stance: None }
}

/// A source in words.
fn describe(s: &SourceRecord) -> String {
    match s.kind {
        SourceKind::Anonymous => format!("anonymous sources ({})", s.text),
        SourceKind::Outlet => s.text.clone(),
        SourceKind::SelfCitation => format!("the outlet's earlier reporting ({})", s.text),
        k => format!("{} ({k})", s.actor.as_ref().map_or(s.text.clone(), |a| a.name.clone())),
    }
}

/// The chain in words: `anonymous sources (…) → Khabar`.
fn chain(sources: &[SourceRecord]) -> String {
    sources.iter().map(describe).collect::<Vec<_>>().join(" → ")
}

/// How many events rest on each kind of source (their first source).
pub(super) fn sourcing(events: &[EventRecord]) -> Sourcing {
    let mut s = Sourcing { claims: events.len(), ..Sourcing::default() };
    for e in events {
        match e.attribution.sources.first().map(|x| x.kind) {
            Some(SourceKind::Anonymous) => s.anonymous += 1,
            Some(SourceKind::NamedPerson | SourceKind::NamedOrg) => s.named += 1,
            Some(SourceKind::Official) => s.official += 1,
            Some(SourceKind::Witness) => s.witness += 1,
            Some(SourceKind::SelfCitation) => s.self_citation += 1,
            _ => s.outlet_only += 1,
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testdoc::{actor, events, only, TestDoc, PUBLISHED};

    #[test]
    fn an_anonymous_source_heads_the_chain_and_the_next_sentence_carries_it() {
        let d = TestDoc::new("قالت مصادر خاصة إن القوات قصفت المواقع. وأضافت أن الطرفين عقدا اجتماعاً.", PUBLISHED);
        let evs = events(&d);
        let a = &evs[0].attribution;
        assert_eq!((a.basis, a.sources[0].kind), (AttributionBasis::Explicit, SourceKind::Anonymous));
        assert_eq!(a.chain, "anonymous sources (مصادر خاصة) → Khabar");
        let b = &evs[1].attribution;
        assert_eq!(
            (b.basis, b.cue.as_deref(), b.chain.as_str()),
            (AttributionBasis::Carried, Some("وأضافت"), a.chain.as_str())
        );
    }

    #[test]
    fn a_named_agency_after_the_cue_is_the_source() {
        let d = TestDoc::new("ذكرت وكالة رويترز أن القوات قصفت المواقع.", PUBLISHED).entity(
            "وكالة رويترز",
            "ORG",
            Some(actor("reuters", "media")),
            None,
        );
        let a = only(&d).attribution;
        assert_eq!(
            (a.sources[0].kind, a.sources[0].actor.as_ref().map(|x| x.id.as_str())),
            (SourceKind::NamedOrg, Some("reuters"))
        );
        assert_eq!(a.sources[1].kind, SourceKind::Outlet);
    }

    #[test]
    fn an_outlet_revealing_a_report_cites_itself() {
        let d = TestDoc::new("انفردت وكالة خبر بالكشف عن هجوم على المعسكر.", PUBLISHED);
        let a = only(&d).attribution;
        let kinds: Vec<SourceKind> = a.sources.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SourceKind::SelfCitation, SourceKind::Outlet]);
        assert_eq!(a.sources[1].text, "وكالة خبر");
    }

    #[test]
    fn without_a_source_the_outlet_alone_reports() {
        let a = only(&TestDoc::new("قصفت القوات المواقع.", PUBLISHED)).attribution;
        assert_eq!((a.basis, a.chain.as_str()), (AttributionBasis::Outlet, "Khabar"));
    }
}
