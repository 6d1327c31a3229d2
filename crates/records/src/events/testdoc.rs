//! Documents built from constructed Arabic text for the stage tests: tokens,
//! sentences, match keys and stems from `isnad_text`, times from
//! `isnad_time::Times`, quantities from the text layer, and entities given by hand.

use isnad_schema::{ActorRef, EntityRecord, EventRecord, Participant, PlaceRef, QuantityRecord, TimeRecord};
use isnad_text::{match_key, SegmentKind, TextLexicon, TokenKind};

use super::{extract, Doc, Extracted, GenericMention, SentenceView, Tok};
use crate::lexicon::RecordsLexicon;

pub const PUBLISHED: Option<&str> = Some("2023-11-23");

/// The events of a document.
pub fn events(d: &TestDoc) -> Vec<EventRecord> {
    d.extract().events
}

/// The actor ids of participants.
pub fn names(ps: &[Participant]) -> Vec<&str> {
    ps.iter().filter_map(|p| p.actor.as_ref().map(|a| a.id.as_str())).collect()
}

/// The one event of a document.
pub fn only(d: &TestDoc) -> EventRecord {
    let mut evs = events(d);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    evs.remove(0)
}

/// A document and everything the extractor reads of it.
pub struct TestDoc {
    pub text: String,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub sentences: Vec<SentenceView>,
    pub times: Vec<TimeRecord>,
    pub quantities: Vec<QuantityRecord>,
    pub entities: Vec<EntityRecord>,
    pub generic: Vec<GenericMention>,
}

impl TestDoc {
    /// Analyses `text` published on `published` (ISO date), with no entities yet.
    pub fn new(text: &str, published: Option<&str>) -> TestDoc {
        let lex = TextLexicon::embedded().unwrap();
        let layer = isnad_text::analyze(text, lex);
        let anchor = published.and_then(|p| isnad_time::Anchor::parse(p).ok());
        let times =
            isnad_time::Times::embedded().unwrap().find(text, &layer.tokens, anchor.as_ref(), &Default::default());
        // Numbers inside dates are parts of the date, not counts (as in the pipeline).
        let in_time = |q: &isnad_text::Quantity| {
            times.iter().any(|t| {
                t.kind != isnad_schema::TimeKind::Duration && t.start <= q.number_start && q.number_end <= t.end
            })
        };
        let quantities = layer.quantities.iter().filter(|q| !in_time(q)).map(|q| quantity(text, q)).collect();
        let sentences = layer
            .sentences
            .iter()
            .map(|s| SentenceView {
                start: s.start,
                end: s.end,
                toks: layer.tokens[s.first_token as usize..s.end_token as usize]
                    .iter()
                    .map(|t| tok(t.text(text), t.start, t.end, t.kind, lex))
                    .collect(),
            })
            .collect();
        TestDoc {
            text: text.to_string(),
            published: published.map(str::to_string),
            outlet: Some("Khabar".to_string()),
            sentences,
            times,
            quantities,
            entities: Vec::new(),
            generic: Vec::new(),
        }
    }

    /// The code-point span of the `nth` occurrence (from 0) of `name` in the text.
    pub fn find(&self, name: &str, nth: usize) -> (u32, u32) {
        let (at, _) = self.text.match_indices(name).nth(nth).unwrap_or_else(|| panic!("{name:?} not in the text"));
        let start = self.text[..at].chars().count() as u32;
        (start, start + name.chars().count() as u32)
    }

    /// Adds an entity over the first occurrence of `name`.
    pub fn entity(self, name: &str, ty: &str, actor: Option<ActorRef>, place: Option<PlaceRef>) -> TestDoc {
        self.entity_at(name, 0, ty, actor, place)
    }

    /// Adds an entity over the `nth` occurrence of `name`.
    pub fn entity_at(
        mut self,
        name: &str,
        nth: usize,
        ty: &str,
        actor: Option<ActorRef>,
        place: Option<PlaceRef>,
    ) -> TestDoc {
        let (start, end) = self.find(name, nth);
        let id = format!("e{}", self.entities.len() + 1);
        self.entities.push(EntityRecord {
            id,
            start,
            end,
            text: name.to_string(),
            ty: ty.parse().unwrap(),
            actor,
            place,
        });
        self.entities.sort_by_key(|e| e.start);
        self
    }

    /// Adds an actor (a person, an organisation) over the first occurrence of `name`.
    pub fn actor(self, name: &str, ty: &str, id: &str, kind: &str) -> TestDoc {
        self.entity(name, ty, Some(actor(id, kind)), None)
    }

    /// Adds a place over the first occurrence of `name`.
    pub fn place(self, name: &str, id: &str, level: &str) -> TestDoc {
        self.entity(name, "LOC", None, Some(place(id, level)))
    }

    /// Adds a generic actor mention over the first occurrence of `name`.
    pub fn generic(mut self, name: &str, id: &str, inter: Option<u8>) -> TestDoc {
        let (start, end) = self.find(name, 0);
        let actor = ActorRef { inter, ..actor(id, "generic") };
        self.generic.push(GenericMention { start, end, actor });
        self.generic.sort_by_key(|g| g.start);
        self
    }

    /// The document as the extractor reads it.
    pub fn doc(&self) -> Doc<'_> {
        Doc {
            text: &self.text,
            outlet: self.outlet.as_deref(),
            sentences: &self.sentences,
            times: &self.times,
            quantities: &self.quantities,
            entities: &self.entities,
            generic: &self.generic,
            published: self.published.as_deref(),
        }
    }

    /// Runs the extractor over the document with the embedded lexicon.
    pub fn extract(&self) -> Extracted {
        extract(&self.doc(), RecordsLexicon::embedded().unwrap())
    }

    /// The text of a code-point span.
    pub fn slice(&self, start: u32, end: u32) -> String {
        self.text.chars().skip(start as usize).take((end - start) as usize).collect()
    }
}

/// A token as the pipeline gives it: match key, clitic-stripped stem, a
/// leading conjunction, and whether it breaks clauses.
fn tok(text: &str, start: u32, end: u32, kind: TokenKind, lex: &TextLexicon) -> Tok {
    let key = match_key(text);
    let seg = (kind == TokenKind::Word).then(|| isnad_text::segment(text, 0, lex));
    Tok {
        start,
        end,
        stem: seg.as_ref().map_or(key.clone(), |s| s.stem.to_string()),
        conj: seg.as_ref().is_some_and(|s| s.proclitics().next() == Some(SegmentKind::Conj)),
        clause_break: kind == TokenKind::Punct && matches!(text, "،" | "؛" | ";" | ":" | "," | "(" | ")" | "«" | "»"),
        key,
    }
}

/// A quantity record of the text layer's quantity.
fn quantity(text: &str, q: &isnad_text::Quantity) -> QuantityRecord {
    QuantityRecord {
        start: q.start,
        end: q.end,
        text: text.chars().skip(q.start as usize).take((q.end - q.start) as usize).collect(),
        value: q.value,
        unit: q.unit.clone(),
        unit_en: q.unit_en.clone(),
        kind: match q.kind {
            isnad_text::QuantityKind::Cardinal => isnad_schema::QuantityKind::Cardinal,
            isnad_text::QuantityKind::Ordinal => isnad_schema::QuantityKind::Ordinal,
            isnad_text::QuantityKind::Approximate => isnad_schema::QuantityKind::Approximate,
        },
        relation: q.relation.map(relation),
        unit_category: q.unit_category.clone(),
    }
}

/// The schema's name of an approximate quantity's bound (as in the pipeline).
fn relation(r: isnad_text::Relation) -> isnad_schema::QuantityRelation {
    use isnad_schema::QuantityRelation as Q;
    use isnad_text::Relation as R;
    match r {
        R::About => Q::About,
        R::MoreThan => Q::MoreThan,
        R::LessThan => Q::LessThan,
        R::AtLeast => Q::AtLeast,
        R::AtMost => Q::AtMost,
        R::OrderOfMagnitude => Q::OrderOfMagnitude,
    }
}

/// An actor of a kind (`military`, `government`, `media`, `generic` …).
pub fn actor(id: &str, kind: &str) -> ActorRef {
    ActorRef::bare(id, kind)
}

/// A place of a level (`country`, `admin1`, `city` …).
pub fn place(id: &str, level: &str) -> PlaceRef {
    PlaceRef {
        id: id.into(),
        name: id.into(),
        name_ar: String::new(),
        lat: 0.0,
        lon: 0.0,
        level: level.parse().unwrap(),
        country: id.strip_prefix("country:").unwrap_or("YE").into(),
        admin1: None,
        admin2: None,
        geonameid: None,
        precision: 1,
        pcode: None,
        admin1_name: None,
        admin2_name: None,
        candidates: Vec::new(),
    }
}
