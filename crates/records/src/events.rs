//! Events with their arguments, attribution (إسناد) and factuality; the
//! framing profile; the sourcing summary.
//!
//! Per sentence: event triggers from the lexicon; for each trigger its
//! clause (the tokens between punctuation marks); participants, place, time
//! and counts from the clause, else the sentence; the attribution of the
//! sentence (explicit, carried over from the report it continues, the
//! outlet's own earlier reporting, or the outlet alone); the factuality cue
//! that governs the trigger. Mentions of one happening (same type and same
//! resolved time, or the same ordinal: "the second meeting") merge into one
//! event with several evidence spans.

use std::collections::BTreeMap;

use isnad_schema::{
    AcledType, ActorRef, Attribution, CheckRecord, EntityRecord, EventRecord, EventTime, Framing, FramingProfile,
    FramingTerm, Participant, PlaceRef, QuantityRecord, SourceRecord, Sourcing, Span, TimeRecord,
};
use isnad_text::{CharOffsets, PhraseMatch, Word};

use crate::lexicon::{Cue, RecordsLexicon, Trigger};

/// A token as the extractor sees it.
#[derive(Clone, Debug, Default)]
pub struct Tok {
    /// Code-point start.
    pub start: u32,
    /// Code-point end.
    pub end: u32,
    /// Match key.
    pub key: String,
    /// Clitic-stripped stem.
    pub stem: String,
    /// Carries a leading conjunction (و، ف).
    pub conj: bool,
    /// Punctuation that separates clauses (، ؛ : …).
    pub clause_break: bool,
}

/// A sentence's tokens.
#[derive(Clone, Debug, Default)]
pub struct SentenceView {
    /// Code-point start.
    pub start: u32,
    /// Code-point end.
    pub end: u32,
    /// Tokens.
    pub toks: Vec<Tok>,
}

/// A generic actor mention (gunmen, civilians, security forces …).
#[derive(Clone, Debug)]
pub struct GenericMention {
    /// Code-point start.
    pub start: u32,
    /// Code-point end.
    pub end: u32,
    /// The generic actor.
    pub actor: ActorRef,
}

/// Everything the extractor reads.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// The outlet's name, when known (document metadata).
    pub outlet: Option<&'a str>,
    /// Sentences.
    pub sentences: &'a [SentenceView],
    /// Time expressions.
    pub times: &'a [TimeRecord],
    /// Quantities.
    pub quantities: &'a [QuantityRecord],
    /// Entities.
    pub entities: &'a [EntityRecord],
    /// Generic actor mentions.
    pub generic: &'a [GenericMention],
    /// Publication date, ISO.
    pub published: Option<&'a str>,
}

/// What the extractor produces.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// Events.
    pub events: Vec<EventRecord>,
    /// Framing.
    pub framing: Framing,
    /// Sourcing summary.
    pub sourcing: Sourcing,
    /// Checks on events: a happening dated after publication but told in the past tense.
    pub checks: Vec<CheckRecord>,
}

/// The items of a list sorted by start that lie within `[start, end)`
/// (binary search: a long document costs no more per sentence than a short one).
fn within<T>(items: &[T], start: u32, end: u32, span: impl Fn(&T) -> (u32, u32)) -> &[T] {
    let lo = items.partition_point(|x| span(x).0 < start);
    let hi = lo + items[lo..].partition_point(|x| span(x).0 < end);
    let mut hi2 = hi;
    while hi2 > lo && span(&items[hi2 - 1]).1 > end {
        hi2 -= 1;
    }
    &items[lo..hi2]
}

fn slice(idx: &CharOffsets, text: &str, start: u32, end: u32) -> String {
    idx.slice(text, start, end).to_string()
}

/// Attribution of a sentence, before it is attached to events.
#[derive(Clone, Debug)]
struct SentenceAttribution {
    att: Attribution,
    explicit: bool,
}

fn outlet_source(doc: &Doc<'_>, at: u32) -> SourceRecord {
    SourceRecord {
        text: doc.outlet.unwrap_or("the outlet").to_string(),
        kind: "outlet".into(),
        start: at,
        end: at,
        actor: None,
    }
}

fn describe(s: &SourceRecord) -> String {
    match s.kind.as_str() {
        "anonymous" => format!("anonymous sources ({})", s.text),
        "outlet" => s.text.clone(),
        "self" => format!("the outlet's earlier reporting ({})", s.text),
        k => format!("{} ({k})", s.actor.as_ref().map_or(s.text.clone(), |a| a.name.clone())),
    }
}

fn chain(sources: &[SourceRecord]) -> String {
    sources.iter().map(describe).collect::<Vec<_>>().join(" → ")
}

/// Finds the attribution stated in one sentence, if any.
fn sentence_attribution(
    doc: &Doc<'_>,
    idx: &CharOffsets,
    s: &SentenceView,
    words: &[Word<'_>],
    cues: &[PhraseMatch<'_, Cue>],
    lex: &RecordsLexicon,
) -> Option<SentenceAttribution> {
    let sources = lex.sources.find(words);
    let ents_in = |a: u32, b: u32| doc.entities.iter().filter(move |e| e.start >= a && e.end <= b);
    // The outlet named after the cue with ل (أكدت لوكالة خبر), or before a reveal cue.
    let outlet_mention = |from_tok: usize| -> Option<SourceRecord> {
        let t = s.toks.get(from_tok..(from_tok + 4).min(s.toks.len()))?;
        let k =
            t.iter().position(|x| ["وكاله", "وكالة", "صحيفة", "قناة", "موقع", "وكالة"].contains(&x.stem.as_str()))?;
        let start = t[k].start;
        // The name: the next word, or a quoted name (صحيفة «المثال»).
        let at = from_tok + k + 1;
        let quoted = s.toks.get(at).is_some_and(|n| {
            let w = slice(idx, doc.text, n.start, n.end);
            w.starts_with(['«', '"', '“'])
        });
        let end = if quoted {
            s.toks[at..(at + 6).min(s.toks.len())]
                .iter()
                .find(|n| slice(idx, doc.text, n.start, n.end).ends_with(['»', '"', '”']) && n.start > s.toks[at].start)
                .map_or(s.toks[at].end, |n| n.end)
        } else {
            t.get(k + 1).map_or(t[k].end, |n| n.end)
        };
        // The outlet's own actor when the mention is linked (لوكالة خبر → the agency).
        let actor = ents_in(start, end.max(start)).find_map(|e| e.actor.clone().filter(|a| a.kind == "media"));
        Some(SourceRecord { text: slice(idx, doc.text, start, end), kind: "outlet".into(), start, end, actor })
    };
    // Self-citation: a "self" source phrase, or the outlet + a reveal cue (انفردت وكالة خبر، كانت قد كشفت).
    if let Some(m) = sources.iter().find(|m| m.value == "self") {
        let start = s.toks[m.start].start;
        let end = s.toks[m.end - 1].end;
        let outlet = outlet_mention(m.start.saturating_sub(3)).unwrap_or_else(|| outlet_source(doc, start));
        let src = SourceRecord { text: slice(idx, doc.text, start, end), kind: "self".into(), start, end, actor: None };
        let sources = vec![src, outlet];
        return Some(SentenceAttribution {
            att: Attribution { chain: chain(&sources), sources, cue: None, basis: "explicit".into(), stance: None },
            explicit: true,
        });
    }
    if let Some(c) = cues.iter().find(|c| c.value.kind == "reveal") {
        if let Some(outlet) = outlet_mention(c.start.saturating_sub(3)).or_else(|| outlet_mention(c.end)) {
            let start = s.toks[c.start].start;
            let end = s.toks[c.end - 1].end;
            let src =
                SourceRecord { text: slice(idx, doc.text, start, end), kind: "self".into(), start, end, actor: None };
            let sources = vec![src, outlet];
            return Some(SentenceAttribution {
                att: Attribution {
                    chain: chain(&sources),
                    sources,
                    cue: Some(slice(idx, doc.text, start, end)),
                    basis: "explicit".into(),
                    stance: Some(c.value.stance.clone()),
                },
                explicit: true,
            });
        }
    }
    let cue = cues.first();
    // An explicit source phrase (مصادر خاصة، شهود عيان …).
    let src = sources.iter().find(|m| m.value != "self" && m.value != "outlet").map(|m| {
        let (start, end) = (s.toks[m.start].start, s.toks[m.end - 1].end);
        (
            m.start,
            SourceRecord { text: slice(idx, doc.text, start, end), kind: m.value.clone(), start, end, actor: None },
        )
    });
    // Or a named entity next to a say-cue (قال المتحدث … ، أكد محمد …).
    let src = src.or_else(|| {
        // The speaker right after the cue (قال المتحدث …) or right before it (… قال).
        let c = cues
            .iter()
            .find(|c| ["say", "confirm", "claim", "deny", "according_to", "quote"].contains(&c.value.kind.as_str()))?;
        // After the cue: a name starting within the next three words (ذكرت وكالة رويترز،
        // قال المتحدث باسم …، بحسب وكالة خبر), or, for a relayed report, the name after
        // عن (نقلت صحيفة … اليوم عن وكالة خبر); before it: a name ending right there (… قال).
        let speaker = |e: &&EntityRecord| e.ty == "PER" || e.ty == "ORG";
        let quoted = || {
            let from = s.toks[c.end..(c.end + 8).min(s.toks.len())].iter().position(|t| t.key == "عن")? + c.end + 1;
            let t = s.toks.get(from)?;
            let last_start = s.toks[(from + 2).min(s.toks.len()) - 1].start;
            ents_in(t.start, s.end).filter(speaker).find(|e| e.start <= last_start)
        };
        let after = (c.value.kind == "quote").then(quoted).flatten().or_else(|| {
            let t = s.toks.get(c.end)?;
            let last_start = s.toks[(c.end + 3).min(s.toks.len()) - 1].start;
            ents_in(t.start, s.end).filter(speaker).find(|e| e.start <= last_start)
        });
        let before = || {
            let b = c.start.checked_sub(1)?;
            let (lo, hi) = (s.toks[b.saturating_sub(2)].start, s.toks[b].end);
            ents_in(lo, hi).filter(speaker).find(|e| e.end == hi)
        };
        let e = after.or_else(before)?;
        let kind = match (&e.actor, e.ty.as_str()) {
            (Some(a), _) if ["government", "military", "police", "state", "intl_org"].contains(&a.kind.as_str()) => {
                "official"
            }
            (_, "PER") => "named_person",
            _ => "named_org",
        };
        let tok = s.toks.iter().position(|t| t.start >= e.start).unwrap_or(0);
        Some((
            tok,
            SourceRecord {
                text: e.text.clone(),
                kind: kind.into(),
                start: e.start,
                end: e.end,
                actor: e.actor.clone(),
            },
        ))
    });
    let cue_text = cue.map(|c| slice(idx, doc.text, s.toks[c.start].start, s.toks[c.end - 1].end));
    match (src, cue) {
        (Some((at, src)), _) => {
            // (Not the source's own words: in "ذكرت وكالة رويترز" the agency is the source.)
            let apart = |o: &SourceRecord| o.end <= src.start || o.start >= src.end;
            let outlet = cue
                .and_then(|c| outlet_mention(c.end))
                .filter(apart)
                .or_else(|| outlet_mention(at + 1).filter(apart))
                .unwrap_or_else(|| outlet_source(doc, src.end));
            let sources = vec![src, outlet];
            Some(SentenceAttribution {
                att: Attribution {
                    chain: chain(&sources),
                    sources,
                    cue: cue_text,
                    basis: "explicit".into(),
                    stance: cue.map(|c| c.value.stance.clone()),
                },
                explicit: true,
            })
        }
        // A cue without a source (وأكدت أنه …): continues the current report.
        (None, Some(c)) => Some(SentenceAttribution {
            att: Attribution {
                chain: String::new(),
                sources: Vec::new(),
                cue: cue_text,
                basis: "carried".into(),
                stance: Some(c.value.stance.clone()),
            },
            explicit: false,
        }),
        (None, None) => None,
    }
}

fn quad_of(t: &Trigger) -> u8 {
    t.quad()
}

fn participant(e: &EntityRecord) -> Participant {
    Participant {
        entity: Some(e.id.clone()),
        name: e.actor.as_ref().map_or(e.text.clone(), |a| a.name.clone()),
        actor: e.actor.clone(),
        start: e.start,
        end: e.end,
    }
}

fn generic_participant(g: &GenericMention) -> Participant {
    Participant { entity: None, name: g.actor.name.clone(), actor: Some(g.actor.clone()), start: g.start, end: g.end }
}

/// The count key for a quantity in an event of this trigger.
fn count_key(q: &QuantityRecord, trig: &Trigger) -> Option<String> {
    let gloss = q.unit_en.as_deref()?;
    let cat = q.unit_category.as_deref().unwrap_or("");
    let g = gloss.to_lowercase();
    let release = trig.mode.as_deref() == Some("release") || trig.id.contains("release");
    Some(match cat {
        "casualty" if g.contains("injur") || g.contains("wound") => "injured".into(),
        "casualty" => "killed".into(),
        "captive" | "person" if release => "released".into(),
        "captive" => "captured".into(),
        "person" => "members".into(),
        "time" => return None,
        _ => g,
    })
}

/// Extracts events, framing and sourcing.
pub fn extract(doc: &Doc<'_>, lex: &RecordsLexicon) -> Extracted {
    let idx = CharOffsets::new(doc.text);
    let idx = &idx;
    let mut events: Vec<EventRecord> = Vec::new();
    let mut terms = Vec::new();
    let mut current: Option<Attribution> = None; // the report being continued
    let pub_time = doc.published.map(|p| EventTime {
        from: Some(p[..10.min(p.len())].to_string()),
        to: None,
        grain: "day".into(),
        precision: Some(3),
        basis: "publication".into(),
        span: None,
    });
    let mut last_time: Option<EventTime> = None;
    let mut past_checks: Vec<CheckRecord> = Vec::new();
    // The article's main place, for events whose sentence names none: the place
    // below country level mentioned most often, else the most mentioned country.
    let doc_place: Option<PlaceRef> = {
        let mut counts: Vec<(&PlaceRef, usize)> = Vec::new();
        for p in doc.entities.iter().filter_map(|e| e.place.as_ref()) {
            match counts.iter_mut().find(|(q, _)| q.id == p.id) {
                Some(c) => c.1 += 1,
                None => counts.push((p, 1)),
            }
        }
        let best = |sub: bool| {
            counts
                .iter()
                .filter(|(p, _)| (p.level != "country") == sub)
                .max_by_key(|(_, n)| *n)
                .map(|(p, _)| (*p).clone())
        };
        best(true).or_else(|| best(false))
    };
    let mut paragraph_end = 0u32;
    for s in doc.sentences {
        // A new paragraph (line) starts fresh: times carry within one only.
        if s.start >= paragraph_end {
            last_time = None;
            let from = idx.byte(doc.text, s.start);
            let line = doc.text[from..].split('\n').next().unwrap_or("");
            paragraph_end = s.start + line.chars().count() as u32;
        }
        let words: Vec<Word<'_>> = s.toks.iter().map(|t| Word { key: &t.key, stem: &t.stem }).collect();
        // Framing.
        for m in lex.framing.find(&words) {
            let (start, end) = (s.toks[m.start].start, s.toks[m.end - 1].end);
            // One term per span (a form may be listed under two entries).
            if terms.last().is_some_and(|t: &FramingTerm| t.start == start && t.end == end) {
                continue;
            }
            terms.push(FramingTerm {
                start,
                end,
                text: slice(idx, doc.text, start, end),
                category: m.value.category.clone(),
                leaning: m.value.leaning.clone(),
                gloss: m.value.gloss.clone(),
            });
        }
        // Reporting cues of this sentence (attribution, and the reporting frame below).
        let cues = lex.cues.find(&words);
        // Attribution of this sentence.
        let att = match sentence_attribution(doc, idx, s, &words, &cues, lex) {
            Some(a) if a.explicit => {
                if a.att.sources.first().is_some_and(|x| x.kind != "self") {
                    current = Some(a.att.clone());
                } else {
                    current = None;
                }
                a.att
            }
            Some(a) => match &current {
                Some(c) => {
                    Attribution { basis: "carried".into(), cue: a.att.cue.or_else(|| c.cue.clone()), ..c.clone() }
                }
                None => outlet_only(doc, s.start),
            },
            None => match &current {
                Some(c) => Attribution { basis: "carried".into(), ..c.clone() },
                None => outlet_only(doc, s.start),
            },
        };
        let facts = lex.factuality.find(&words);
        // The reporting frame "نقلت صحيفة … اليوم الجمعة عن وكالة … أن": the times between a
        // reporting verb and its أن/إن date the report, not what it reports.
        let frame: Option<(u32, u32)> = cues.first().and_then(|c| {
            let k = s.toks[c.end..].iter().position(|t| matches!(t.key.as_str(), "ان" | "بان" | "وان"))? + c.end;
            Some((s.toks[c.start].start, s.toks[k].start))
        });
        // Entities and generic actors of the sentence, by token index.
        let tok_of = |o: u32| s.toks.iter().position(|t| t.end > o).unwrap_or(0);
        let ents: Vec<(usize, &EntityRecord)> =
            within(doc.entities, s.start, s.end, |e| (e.start, e.end)).iter().map(|e| (tok_of(e.start), e)).collect();
        // A generic word right after a name describes it (تنظيم القاعدة الإرهابي): not a participant.
        let gens: Vec<(usize, &GenericMention)> = within(doc.generic, s.start, s.end, |g| (g.start, g.end))
            .iter()
            .map(|g| (tok_of(g.start), g))
            .filter(|(i, _)| !ents.iter().any(|(_, e)| *i > 0 && s.toks[*i - 1].end == e.end))
            .collect();
        let mut seen_spans: Vec<(usize, usize)> = Vec::new();
        let matches = lex.triggers.find(&words);
        // Where a threat or a demand ends: what follows it is its content, not a happening
        // (هددا بتفجيرها، طالب بوقف القتال).
        let framing_ends: Vec<usize> =
            matches.iter().filter(|m| matches!(m.value.plover.as_str(), "THREATEN")).map(|m| m.end).collect();
        for m in matches.iter() {
            // One event per trigger span: the lexicon may list a form under two entries.
            if seen_spans.contains(&(m.start, m.end)) {
                continue;
            }
            seen_spans.push((m.start, m.end));
            let trig = m.value;
            let (t0, t1) = (m.start, m.end);
            if trig.quad() == 4 && framing_ends.iter().any(|&e| e <= t0 && t0 - e <= 1) {
                continue;
            }
            // A trigger inside a name is not an event (الهلال الأحمر…).
            if ents.iter().any(|(_, e)| e.start <= s.toks[t0].start && s.toks[t1 - 1].end <= e.end) {
                continue;
            }
            // A noun after "about" is a topic of talk, not a happening (حول الانسحاب، بشأن المصالحة).
            if trig.pos != "verb"
                && t0 > 0
                && matches!(s.toks[t0 - 1].stem.as_str(), "حول" | "بشان" | "شان" | "حيال" | "ازاء" | "بخصوص" | "خصوص")
            {
                continue;
            }
            // "الاجتماعات السابقة" (the previous meetings), "الهجوم المذكور": a definite noun
            // pointing back names happenings already told, not a new one.
            if trig.pos != "verb"
                && definite_tok(&s.toks[t0])
                && s.toks.get(t1).is_some_and(|t| {
                    matches!(
                        t.stem.as_str(),
                        "سابقه"
                            | "سابقة"
                            | "سابق"
                            | "مذكور"
                            | "مذكوره"
                            | "مذكورة"
                            | "انفه"
                            | "آنفة"
                            | "انفة"
                    )
                })
            {
                continue;
            }
            let lo = s.toks[..t0].iter().rposition(|t| t.clause_break).map_or(0, |i| i + 1);
            let mut hi = s.toks[t1..].iter().position(|t| t.clause_break).map_or(s.toks.len(), |i| t1 + i);
            // A meeting's attendees may follow in the next clause (اجتماعاً …، حضره قيادات من …).
            if trig.plover == "CONSULT" {
                let attends = s.toks.get(hi + 1).is_some_and(|t| {
                    let k = t.stem.trim_start_matches(['و', 'ف']);
                    k.starts_with("حضر") || k.starts_with("شارك") || matches!(t.key.as_str(), "بحضور" | "بمشاركه")
                });
                if attends {
                    hi = s.toks[hi + 1..].iter().position(|t| t.clause_break).map_or(s.toks.len(), |i| hi + 1 + i);
                }
            }
            let (clo, chi) = (s.toks[lo].start, s.toks[hi.max(lo + 1) - 1].end);
            let in_clause = |a: u32, b: u32| a >= clo && b <= chi;
            // Participants.
            // Not participants: places, media (they report), and whoever is this sentence's source.
            let is_source =
                |e: &EntityRecord| att.sources.iter().any(|x| x.start <= e.start && e.end <= x.end && x.end > x.start);
            let mut parts: Vec<(usize, Participant)> = ents
                .iter()
                .filter(|(_, e)| e.ty != "LOC" || e.actor.is_some())
                .filter(|(_, e)| e.place.is_none() || e.actor.is_some())
                .filter(|(_, e)| e.ty != "MISC" && e.actor.as_ref().is_none_or(|a| a.kind != "media") && !is_source(e))
                .map(|(i, e)| (*i, participant(e)))
                .chain(gens.iter().map(|(i, g)| (*i, generic_participant(g))))
                .collect();
            parts.sort_by_key(|(i, _)| *i);
            let clause_parts: Vec<&(usize, Participant)> =
                parts.iter().filter(|(_, p)| in_clause(p.start, p.end)).collect();
            let from_clause = !clause_parts.is_empty();
            let pool: Vec<&(usize, Participant)> = if from_clause { clause_parts } else { parts.iter().collect() };
            let symmetric = matches!(trig.plover.as_str(), "CONSULT" | "AGREE" | "COOPERATE");
            let (actors, recipients): (Vec<Participant>, Vec<Participant>) = if symmetric {
                let mut all: Vec<Participant> = Vec::new();
                for (_, p) in &pool {
                    if !all.iter().any(|x| {
                        x.actor.as_ref().map(|a| &a.id) == p.actor.as_ref().map(|a| &a.id) && p.actor.is_some()
                    }) {
                        all.push(p.clone());
                    }
                }
                let rest = all.split_off(all.len().min(1));
                (all, rest)
            } else {
                let before = pool.iter().rev().find(|(i, _)| *i < t0).map(|(_, p)| p.clone());
                // Recipients come from the trigger's own clause only.
                let after: Vec<Participant> = pool
                    .iter()
                    .filter(|(i, p)| *i >= t1 && (from_clause || in_clause(p.start, p.end)))
                    .map(|(_, p)| p.clone())
                    .collect();
                // In a statement (denounce, demand, threaten, support …) the speaker is the actor.
                let verbal = matches!(trig.quad(), 1 | 3);
                let speaker = att
                    .sources
                    .first()
                    .filter(|x| verbal && matches!(x.kind.as_str(), "named_person" | "named_org" | "official"))
                    .map(|x| Participant {
                        entity: None,
                        name: x.actor.as_ref().map_or(x.text.clone(), |a| a.name.clone()),
                        actor: x.actor.clone(),
                        start: x.start,
                        end: x.end,
                    });
                // "…، الذي أصبح اهتمامه … دعم …": a relative clause's subject is the name it follows.
                let relative = || {
                    let rel = s.toks.get(lo).is_some_and(|t| {
                        matches!(t.key.as_str(), "الذي" | "التي" | "الذين" | "والذي" | "والتي" | "والذين")
                    });
                    if !rel || lo < 2 {
                        return None;
                    }
                    let end = s.toks[lo - 2].end;
                    parts.iter().rev().find(|(_, p)| p.end == end && p.actor.is_some()).map(|(_, p)| p.clone())
                };
                let before = before.or(speaker).or_else(relative);
                match before {
                    Some(b) => (
                        vec![b.clone()],
                        after.into_iter().filter(|p| p.actor != b.actor || p.actor.is_none()).take(1).collect(),
                    ),
                    None => {
                        let mut a = after.into_iter();
                        let actor: Vec<Participant> = a.next().into_iter().collect();
                        (actor, a.take(1).collect())
                    }
                }
            };
            // Unnamed civilians, prisoners, the displaced … (ACLED inter 7) undergo what is done,
            // release, talks and deals included; they are its actors only when they speak up
            // (protest, demand, accuse, reject).
            let (actors, recipients) = {
                let passive =
                    |p: &Participant| p.actor.as_ref().is_some_and(|a| a.kind == "generic" && a.inter == Some(7));
                let speaks = matches!(trig.plover.as_str(), "PROTEST" | "REQUEST" | "ACCUSE" | "REJECT");
                let (mut actors, mut recipients) = (actors, recipients);
                if !speaks {
                    let (moved, kept): (Vec<Participant>, Vec<Participant>) = actors.into_iter().partition(passive);
                    actors = kept;
                    for p in moved {
                        if !recipients.iter().any(|r| r.actor == p.actor) {
                            recipients.push(p);
                        }
                    }
                }
                // "بارك المجتمعون …": the attendees of the meeting told last are the actors.
                let attendees = actors.is_empty()
                    && s.toks[lo..t0.max(lo)]
                        .iter()
                        .chain(s.toks.get(t1))
                        .any(|t| matches!(t.stem.as_str(), "مجتمعون" | "مجتمعين" | "المجتمعون" | "المجتمعين"));
                if attendees {
                    if let Some(m) = events.iter().rev().find(|e| e.ty == "CONSULT" && !e.actors.is_empty()) {
                        actors = m.actors.iter().chain(&m.recipients).cloned().collect();
                    }
                }
                // "اجتماعاً آخر بين الطرفين": the two parties last named together.
                let both_sides = actors.is_empty()
                    && recipients.is_empty()
                    && s.toks[lo..hi.min(s.toks.len())].iter().any(|t| matches!(t.stem.as_str(), "طرفين" | "طرفان"));
                if both_sides {
                    if let Some(m) = events.iter().rev().find(|e| !e.actors.is_empty() && !e.recipients.is_empty()) {
                        actors = m.actors.clone();
                        recipients = m.recipients.clone();
                    }
                }
                (actors, recipients)
            };
            // Place: a place in the clause (first after the trigger, else nearest), else the sentence.
            let places: Vec<&EntityRecord> = ents.iter().map(|(_, e)| *e).filter(|e| e.place.is_some()).collect();
            let place: Option<PlaceRef> = places
                .iter()
                .filter(|e| in_clause(e.start, e.end))
                .min_by_key(|e| {
                    if e.start >= s.toks[t0].start {
                        e.start - s.toks[t0].start
                    } else {
                        10_000 + s.toks[t0].start - e.start
                    }
                })
                .or_else(|| places.first())
                .and_then(|e| e.place.clone());
            // Time: clause, sentence, then the report's last time, then publication.
            // A time that contradicts the publication date (شهر فبراير الجاري in November) does not date events.
            let is_point =
                |t: &&TimeRecord| t.kind != "duration" && t.kind != "set" && t.from.is_some() && t.conflict.is_none();
            let trig_at = s.toks[t0].start;
            let dist = |t: &TimeRecord| if t.start >= trig_at { t.start - trig_at } else { trig_at - t.end };
            let in_frame = |t: &TimeRecord| frame.is_some_and(|(a, b)| t.start >= a && t.end <= b && trig_at >= b);
            let sentence_times: Vec<&TimeRecord> = within(doc.times, s.start, s.end, |t| (t.start, t.end))
                .iter()
                .filter(is_point)
                .filter(|t| !in_frame(t))
                .collect();
            let to_time = |t: &TimeRecord, basis: &str| EventTime {
                from: t.from.clone(),
                to: t.to.clone(),
                grain: t.grain.clone(),
                precision: t.precision,
                basis: basis.into(),
                span: Some(Span { start: t.start, end: t.end }),
            };
            let time = sentence_times
                .iter()
                .filter(|t| in_clause(t.start, t.end))
                .min_by_key(|t| dist(t))
                .map(|t| to_time(t, "clause"))
                .or_else(|| sentence_times.iter().min_by_key(|t| dist(t)).map(|t| to_time(t, "sentence")))
                .or_else(|| last_time.clone().map(|t| EventTime { basis: "context".into(), ..t }))
                .or_else(|| pub_time.clone());
            // Counts in the clause.
            let mut counts: BTreeMap<String, f64> = BTreeMap::new();
            // Counts: the clause, and (for people) what follows the trigger up to the next one
            // (أفرج … بتاريخ 10 أكتوبر، عن أربعة عناصر).
            let next_trigger =
                matches.iter().map(|m| m.start).find(|&st| st >= t1).map_or(s.end, |st| s.toks[st].start);
            let trig_end = s.toks[t1 - 1].end;
            let in_reach = |q: &QuantityRecord| {
                in_clause(q.start, q.end)
                    || (q.start >= trig_end
                        && q.end <= next_trigger
                        && matches!(q.unit_category.as_deref(), Some("person" | "casualty" | "captive")))
            };
            for q in within(doc.quantities, s.start, s.end, |q| (q.start, q.end))
                .iter()
                .filter(|q| in_reach(q) && q.kind != "ordinal")
            {
                // A noun after the number (32 عنصراً), else a cue just before it (مقتل 29).
                // What the number counts: a casualty or captive noun says it (3 قتلى);
                // otherwise a cue just before the number (مقتل 5 أشخاص، وأصيب 20 شخصاً),
                // else the counted noun (32 عنصراً → members).
                let cue_before = || {
                    let qi = s.toks.iter().position(|t| t.start >= q.start)?;
                    (qi.saturating_sub(3)..qi).rev().find_map(|j| {
                        lex.count_cues
                            .at(&words, j)
                            .into_iter()
                            .find(|m| m.end == qi || m.end + 1 == qi)
                            .map(|m| m.value.clone())
                    })
                };
                let strong = matches!(q.unit_category.as_deref(), Some("casualty" | "captive"));
                let key = if strong { count_key(q, trig) } else { cue_before().or_else(|| count_key(q, trig)) };
                if let Some(k) = key {
                    *counts.entry(k).or_default() += q.value;
                }
            }
            // Factuality: the nearest governing cue before the trigger (or a clause-scope cue just after it).
            let mut factuality = "asserted".to_string();
            let mut fact_span = None;
            let governing = facts
                .iter()
                .filter(|f| {
                    let before = f.end <= t0;
                    let gap = if before { t0 - f.end } else { f.start.saturating_sub(t1) };
                    match f.value.scope.as_str() {
                        "next_verb" => before && gap <= 2,
                        // قد + imperfect hedges (قد تتم); قد + past does not (كان قد تمكن).
                        // (كان التنظيم قد تمكن: a pluperfect, not a hedge.)
                        "next_verb_imperfect" => {
                            let pluperfect = s.toks[f.start.saturating_sub(3)..f.start]
                                .iter()
                                .any(|t| matches!(t.stem.as_str(), "كان" | "كانت" | "كانوا" | "كنا"));
                            before
                                && !pluperfect
                                && gap <= 2
                                && s.toks.get(f.end).is_some_and(|t| {
                                    t.stem.starts_with(['ي', 'ت', 'ن']) || t.key.starts_with(['ي', 'ت', 'ن'])
                                })
                        }
                        "clause" => {
                            (f.start >= lo && f.end <= hi.max(lo + 1) && before)
                                || (!before && f.start >= t1 && gap <= 8)
                        }
                        _ => before,
                    }
                })
                .filter(|f| f.value.value != "asserted_strong")
                .max_by_key(|f| f.start);
            if let Some(f) = governing {
                factuality = f.value.value.clone();
                fact_span = Some(Span { start: s.toks[f.start].start, end: s.toks[f.end - 1].end });
            }
            if let Some(t) = &time {
                if t.basis != "publication" {
                    last_time = Some(t.clone());
                }
            }
            let evidence = Span { start: s.toks[t0].start, end: s.toks[t1 - 1].end };
            // A clash in which one side is protesters is a riot (ACLED), a protest (PLOVER).
            let protesters = actors
                .iter()
                .chain(&recipients)
                .any(|p| p.actor.as_ref().is_some_and(|a| a.id == "generic.protesters" || a.id == "generic.rioters"));
            let riot = protesters
                && trig.plover == "ASSAULT"
                && (trig.id.contains("confrontation") || trig.id.contains("clash"));
            // Dated after publication but told in the past tense (a past verb as trigger, no future cue).
            if let (Some(p), Some(t)) = (doc.published, &time) {
                let after = t.basis != "publication" && t.from.as_deref().is_some_and(|f| f.get(..10) > p.get(..10));
                let verb = &s.toks[t0];
                let past = trig.pos == "verb"
                    && !verb.stem.starts_with(['ي', 'ت', 'ن'])
                    && !verb.key.starts_with('س')
                    && factuality != "planned";
                if after && past {
                    if let Some(sp) = t.span {
                        past_checks.push(CheckRecord {
                            kind: "past_after_publication".into(),
                            status: "inconsistent".into(),
                            message: format!(
                                "told in the past tense («{}») but dated {}, after publication ({})",
                                slice(idx, doc.text, evidence.start, evidence.end),
                                t.from.as_deref().unwrap_or(""),
                                p.get(..10).unwrap_or(p)
                            ),
                            spans: vec![evidence, sp],
                        });
                    }
                }
            }
            events.push(EventRecord {
                id: format!("s{}", s.start),
                ty: if riot { "PROTEST".into() } else { trig.plover.clone() },
                mode: if riot { None } else { trig.mode.clone() },
                quad: quad_of(trig),
                acled: if riot {
                    Some(AcledType { event_type: "Riots".into(), sub_event_type: "Violent demonstration".into() })
                } else {
                    trig.acled.as_ref().map(|(t, s)| AcledType { event_type: t.clone(), sub_event_type: s.clone() })
                },
                actors,
                recipients,
                place,
                time,
                counts,
                evidence: vec![evidence],
                attribution: att.clone(),
                factuality,
                factuality_cue: fact_span,
                trigger: trig.id.clone(),
            });
        }
        // "…, يُعتقد أنها هيئة الهلال الأحمر القطري": a clause with no trigger of its own that
        // names an actor under a hedge identifies a party to the sentence's last event.
        let sid = format!("s{}", s.start);
        if events.last().is_some_and(|e| e.id == sid) {
            let breaks: Vec<usize> =
                s.toks.iter().enumerate().filter(|(_, t)| t.clause_break).map(|(i, _)| i).collect();
            let mut lo = 0;
            for hi in breaks.iter().copied().chain([s.toks.len()]) {
                let (a, b) = (lo, hi);
                lo = hi + 1;
                if a >= b || matches.iter().any(|m| m.start >= a && m.start < b) {
                    continue;
                }
                let hedged = facts
                    .iter()
                    .any(|f| f.start >= a && f.end <= b && matches!(f.value.value.as_str(), "possible" | "probable"));
                if !hedged {
                    continue;
                }
                let (ca, cb) = (s.toks[a].start, s.toks[b - 1].end);
                // The event told just before the clause.
                let Some(last) = events.iter_mut().rev().take_while(|e| e.id == sid).find(|e| e.evidence[0].start < ca)
                else {
                    continue;
                };
                for (_, e) in ents.iter().filter(|(_, e)| e.start >= ca && e.end <= cb) {
                    let Some(actor) = e.actor.as_ref().filter(|x| x.kind != "media" && x.kind != "generic") else {
                        continue;
                    };
                    let known = last
                        .actors
                        .iter()
                        .chain(&last.recipients)
                        .any(|p| p.actor.as_ref().is_some_and(|x| x.id == actor.id));
                    if !known {
                        last.recipients.push(participant(e));
                    }
                }
            }
        }
    }
    let mut events = merge(events, doc.text, idx);
    // After merging (so the fallback never keeps two mentions apart).
    for e in events.iter_mut().filter(|e| e.place.is_none()) {
        e.place = doc_place.clone();
    }
    past_checks.extend(sequence_checks(&mut events, doc.times, doc.text, idx));
    let sourcing = sourcing(&events);
    let mut profile = FramingProfile::default();
    for t in &terms {
        *profile.by_leaning.entry(t.leaning.clone()).or_default() += 1;
        *profile.by_category.entry(t.category.clone()).or_default() += 1;
    }
    profile.dominant =
        profile.by_leaning.iter().filter(|(l, _)| *l != "neutral").max_by_key(|(_, n)| **n).map(|(l, _)| l.clone());
    Extracted { events, framing: Framing { terms, profile }, sourcing, checks: past_checks }
}

/// "The second meeting" must come after the first: an event of the same type told before a
/// mention numbered second (third …) but dated after it is inconsistent.
///
/// The check also repairs the reading it refutes: the earlier event takes the nearest date the
/// text gave before it that precedes the numbered one (…آخرها نهاية أكتوبر الماضي … عقدت في
/// الأسبوع الأخير اجتماعاً … لينعقد الاجتماع الثاني … من 7 - 14 نوفمبر: the last week of October,
/// not of November), with basis `sequence`.
fn sequence_checks(
    events: &mut [EventRecord],
    times: &[TimeRecord],
    text: &str,
    idx: &CharOffsets,
) -> Vec<CheckRecord> {
    let numbered = |e: &EventRecord| -> Option<(Span, u8)> {
        e.evidence.iter().find_map(|ev| {
            let next = slice(idx, text, ev.end, ev.end + 12);
            let w = isnad_text::match_key(next.split_whitespace().next()?);
            let n = match w.as_str() {
                "الثاني" | "الثانية" => 2,
                "الثالث" | "الثالثة" => 3,
                "الرابع" | "الرابعة" => 4,
                _ => return None,
            };
            Some((*ev, n))
        })
    };
    let dated = |e: &EventRecord| {
        e.time.as_ref().filter(|t| t.basis == "clause" || t.basis == "sentence").and_then(|t| t.from.clone())
    };
    let mut out = Vec::new();
    let mut redate: Vec<(usize, EventTime)> = Vec::new();
    for later in events.iter() {
        let (Some((mention, n)), Some(later_from)) = (numbered(later), dated(later)) else { continue };
        for (ei, earlier) in events.iter().enumerate().filter(|(_, e)| e.ty == later.ty && e.id != later.id) {
            let Some(first_mention) = earlier.evidence.first() else { continue };
            // Told before the numbered mention.
            if first_mention.start >= mention.start || numbered(earlier).is_some() {
                continue;
            }
            // In the same sentence ("عقدت … اجتماعاً …، لينعقد الاجتماع الثاني …").
            let between = slice(idx, text, first_mention.end, mention.start);
            if between.contains(['.', '\n', '؟', '!']) {
                continue;
            }
            let Some(earlier_from) = dated(earlier) else { continue };
            if earlier_from > later_from {
                // The nearest earlier date of the text (within a few sentences) that fits.
                let used = earlier.time.as_ref().and_then(|t| t.span);
                let fit = times
                    .iter()
                    .filter(|t| t.end <= first_mention.start && first_mention.start - t.end <= REDATE_REACH)
                    .filter(|t| matches!(t.kind.as_str(), "date" | "interval") && t.conflict.is_none())
                    .filter(|t| Some(Span { start: t.start, end: t.end }) != used)
                    .filter(|t| t.from.as_deref().is_some_and(|f| f < later_from.as_str()))
                    .max_by_key(|t| t.start);
                let mut spans = vec![*first_mention, mention];
                let repair = match fit {
                    Some(t) => {
                        spans.push(Span { start: t.start, end: t.end });
                        redate.push((
                            ei,
                            EventTime {
                                from: t.from.clone(),
                                to: t.to.clone(),
                                grain: t.grain.clone(),
                                precision: t.precision,
                                basis: "sequence".into(),
                                span: Some(Span { start: t.start, end: t.end }),
                            },
                        ));
                        format!(
                            "; read as «{}» ({}), the nearest earlier date the text gives",
                            t.text,
                            t.from.as_deref().unwrap_or("")
                        )
                    }
                    None => String::new(),
                };
                out.push(CheckRecord {
                    kind: "sequence".into(),
                    status: "inconsistent".into(),
                    message: format!(
                        "an earlier {} («{}», dated {earlier_from}) is dated after the one numbered {n} («{}», {later_from}){repair}",
                        later.ty.to_lowercase(),
                        slice(idx, text, first_mention.start, first_mention.end),
                        slice(idx, text, mention.start, mention.end)
                    ),
                    spans,
                });
            }
        }
    }
    for (i, t) in redate {
        events[i].time = Some(t);
    }
    out
}

/// How far (code points) before an event a date is looked for when its own date is refuted.
const REDATE_REACH: u32 = 600;

fn outlet_only(doc: &Doc<'_>, at: u32) -> Attribution {
    let sources = vec![outlet_source(doc, at)];
    Attribution { chain: chain(&sources), sources, cue: None, basis: "outlet".into(), stance: None }
}

/// Merges mentions of one happening: same type and trigger, and the same
/// resolved time from the text (not the publication fallback) — or the same
/// ordinal right after the trigger word (الاجتماع الثاني).
/// How many of the latest events a new mention is compared with for merging.
const MERGE_WINDOW: usize = 300;

/// How far (code points) after a violent happening a bare killing report is read as its outcome.
const OUTCOME_REACH: u32 = 400;

/// Whether a token carries the article (ال، وال، فال، بال، لل).
fn definite_tok(t: &Tok) -> bool {
    ["ال", "وال", "فال", "بال", "لل", "ولل"].iter().any(|p| t.key.starts_with(p))
}

/// Whether `specific` (an air or drone strike) says what the generic fire of `generic`
/// (قصف: shelled, bombarded) was.
fn refines_fire(generic: &EventRecord, specific: &EventRecord) -> bool {
    generic.ty == "ASSAULT"
        && generic.trigger.starts_with("assault.shelling")
        && specific.ty == "ASSAULT"
        && matches!(specific.mode.as_deref(), Some("drone" | "aerial"))
}

fn merge(events: Vec<EventRecord>, text: &str, idx: &CharOffsets) -> Vec<EventRecord> {
    let ordinal_after = |e: &EventRecord| -> Option<String> {
        let ev = e.evidence[0];
        let rest = slice(idx, text, ev.end, ev.end + 12);
        let w = rest.split_whitespace().next()?;
        let k = isnad_text::match_key(w);
        ["الثاني", "الثانية", "الثالث", "الثالثة", "الاول", "الاولي", "الاخير", "الاخيرة", "الرابع", "الرابعة"]
            .contains(&k.as_str())
            .then_some(k)
    };
    let mut out: Vec<EventRecord> = Vec::new();
    for e in events {
        let key_time = e
            .time
            .as_ref()
            .filter(|t| t.basis == "clause" || t.basis == "sentence")
            .map(|t| (t.from.clone(), t.to.clone()));
        let ord = ordinal_after(&e);
        let definite_at = |sp: Span| {
            let k = isnad_text::match_key(&slice(idx, text, sp.start, sp.end));
            ["ال", "وال", "فال", "بال", "لل", "ولل"].iter().any(|p| k.starts_with(p))
        };
        let latest_ref = definite_at(e.evidence[0]) && ord.as_deref().is_some_and(|o| o.starts_with("الاخير"));
        let e_sentence: u32 = e.id.strip_prefix('s').and_then(|n| n.parse().ok()).unwrap_or(0);
        // A bare report of an attack or a killing (هجوم، مقتل … with no weapon or ACLED type)
        // right after a violent happening is told about that happening: one event, with the counts.
        let outcome = e.ty == "ASSAULT" && e.acled.is_none() && e.mode.is_none();
        let e_start = e.evidence[0].start;
        // Candidates: the latest events only, so a huge document costs linear time.
        let lo = out.len().saturating_sub(MERGE_WINDOW);
        let host = outcome
            .then(|| {
                out[lo..].iter().rposition(|o| {
                    o.quad == 4
                        && o.evidence
                            .iter()
                            .map(|s| s.end)
                            .max()
                            .is_some_and(|end| end <= e_start && e_start - end <= OUTCOME_REACH)
                })
            })
            .flatten()
            .map(|h| lo + h);
        if let Some(h) = host {
            let o = &mut out[h];
            o.evidence.extend(e.evidence);
            for (k, v) in e.counts {
                o.counts.entry(k).or_insert(v);
            }
            continue;
        }
        let same = out[lo..].iter_mut().find(|o| {
            // Mentions of one type in one sentence are one happening, unless their times differ.
            let times_differ = match (&o.time, &e.time) {
                (Some(a), Some(b)) => {
                    a.basis != "publication" && b.basis != "publication" && (a.from != b.from || a.to != b.to)
                }
                _ => false,
            };
            // "قصفوا … بطائرة مسيرة": the weapon says what the generic "shelled" was.
            let refines = refines_fire(o, &e) || refines_fire(&e, o);
            let kinds_differ = !refines
                && matches!((&o.acled, &e.acled), (Some(a), Some(b)) if a.sub_event_type != b.sub_event_type);
            if o.ty == e.ty && o.id == e.id && !times_differ && !kinds_differ {
                return true;
            }
            // "اجتماعاً آخر … حتى اليوم …، الاجتماع الأخير بدأ الاثنين": within one sentence, "the
            // latest" (definite + الأخير) refers back to the one just introduced (indefinite).
            if o.ty == e.ty
                && latest_ref
                && o.evidence.iter().any(|sp| sp.start >= e_sentence && sp.start < e_start && !definite_at(*sp))
            {
                return true;
            }
            // Material conflict told again later in the article (the title, the lead, the
            // details): one happening when nothing tells them apart — no different time,
            // place, ACLED type or actors.
            if o.ty == e.ty && o.quad == 4 && !times_differ {
                let place_differs = matches!((&o.place, &e.place), (Some(a), Some(b)) if a.id != b.id && a.level != "country" && b.level != "country");
                let acled_differs = matches!((&o.acled, &e.acled), (Some(a), Some(b)) if a.sub_event_type != b.sub_event_type);
                let ids = |ps: &[Participant]| ps.iter().filter_map(|p| p.actor.as_ref().map(|a| a.id.clone())).collect::<Vec<_>>();
                let (oa, ea) = (ids(&o.actors), ids(&e.actors));
                let actors_differ = !oa.is_empty() && !ea.is_empty() && !oa.iter().any(|a| ea.contains(a));
                // Close by (a clause or two later), who is named matters less than what happened.
                let near = o.evidence.iter().map(|s| s.end).max().is_some_and(|end| end <= e_start && e_start - end <= OUTCOME_REACH);
                if !place_differs && !acled_differs && (!actors_differ || (near && o.mode.is_some() && o.mode == e.mode)) {
                    return true;
                }
            }
            if o.ty != e.ty || o.trigger.split('.').next() != e.trigger.split('.').next() {
                return false;
            }
            let ot = o
                .time
                .as_ref()
                .filter(|t| t.basis == "clause" || t.basis == "sentence")
                .map(|t| (t.from.clone(), t.to.clone()));
            (key_time.is_some() && ot == key_time) || (ord.is_some() && ordinal_after(o) == ord)
        });
        match same {
            Some(o) => {
                // The more specific trigger gives the type's details (هجوم + عبوة ناسفة;
                // قصف + طائرة مسيرة).
                if refines_fire(o, &e) {
                    o.mode = e.mode.clone();
                }
                if (o.acled.is_none() && e.acled.is_some()) || refines_fire(o, &e) {
                    o.acled = e.acled.clone();
                    o.trigger = e.trigger.clone();
                }
                if o.mode.is_none() {
                    o.mode = e.mode.clone();
                }
                o.evidence.extend(e.evidence);
                for p in e.actors {
                    if !o.actors.iter().chain(&o.recipients).any(|x| x.actor.is_some() && x.actor == p.actor) {
                        o.actors.push(p);
                    }
                }
                for p in e.recipients {
                    if !o.actors.iter().chain(&o.recipients).any(|x| x.actor.is_some() && x.actor == p.actor) {
                        o.recipients.push(p);
                    }
                }
                if o.place.is_none() {
                    o.place = e.place;
                }
                // A time from the text beats the publication fallback; the back-reference's
                // own date extends the span (began on Monday the 20th, still on today).
                let weak =
                    |t: &Option<EventTime>| t.as_ref().is_none_or(|t| t.basis == "publication" || t.basis == "context");
                if weak(&o.time) && !weak(&e.time) {
                    o.time = e.time;
                } else if latest_ref && !weak(&o.time) && !weak(&e.time) {
                    if let (Some(a), Some(b)) = (o.time.as_mut(), e.time.as_ref()) {
                        a.from = [a.from.clone(), b.from.clone()].into_iter().flatten().min();
                        a.to = [a.to.clone(), b.to.clone()].into_iter().flatten().max();
                        a.precision = a.precision.max(b.precision);
                        a.span = None;
                    }
                }
                for (k, v) in e.counts {
                    o.counts.entry(k).or_insert(v);
                }
                // A named source beats the outlet alone.
                if o.attribution.basis == "outlet" && e.attribution.basis != "outlet" {
                    o.attribution = e.attribution;
                }
            }
            None => out.push(e),
        }
    }
    for (i, e) in out.iter_mut().enumerate() {
        e.id = format!("ev{}", i + 1);
    }
    out
}

fn sourcing(events: &[EventRecord]) -> Sourcing {
    let mut s = Sourcing { claims: events.len(), ..Sourcing::default() };
    for e in events {
        match e.attribution.sources.first().map(|x| x.kind.as_str()) {
            Some("anonymous") => s.anonymous += 1,
            Some("named_person" | "named_org") => s.named += 1,
            Some("official") => s.official += 1,
            Some("witness") => s.witness += 1,
            Some("self") => s.self_citation += 1,
            _ => s.outlet_only += 1,
        }
    }
    s
}
