//! Where a happening took place: a place in the trigger's clause, else in its
//! sentence, else the article's main place.

use isnad_schema::{EntityRecord, PlaceLevel, PlaceRef};

use super::clause::Mention;
use super::context::Context;
use super::Doc;

/// The place of trigger match `m`: in the clause the first place after the
/// trigger, else the nearest before it; else the sentence's first place.
pub(super) fn place(cx: &Context<'_>, m: &Mention<'_>) -> Option<PlaceRef> {
    let places: Vec<&EntityRecord> = cx.ents.iter().map(|(_, e)| *e).filter(|e| e.place.is_some()).collect();
    let at = cx.s.toks[m.start].start;
    places
        .iter()
        .filter(|e| m.clause.holds(e.start, e.end))
        .min_by_key(|e| if e.start >= at { e.start - at } else { 10_000 + at - e.start })
        .or_else(|| places.first())
        .and_then(|e| e.place.clone())
}

/// The article's main place, for events whose sentence names none: the place
/// below country level mentioned most often, else the most mentioned country.
pub(super) fn main_place(doc: &Doc<'_>) -> Option<PlaceRef> {
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
            .filter(|(p, _)| (p.level != PlaceLevel::Country) == sub)
            .max_by_key(|(_, n)| *n)
            .map(|(p, _)| (*p).clone())
    };
    best(true).or_else(|| best(false))
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{only, TestDoc, PUBLISHED};

    #[test]
    fn a_place_in_the_triggers_clause_wins_over_one_elsewhere_in_the_sentence() {
        let d = TestDoc::new("وفي عدن، قصفت القوات مواقع في تعز.", PUBLISHED)
            .place("عدن", "ye.aden", "city")
            .place("تعز", "ye.taiz", "city");
        assert_eq!(only(&d).place.unwrap().id, "ye.taiz");
        // Before the trigger in its clause rather than after it in the next.
        let d = TestDoc::new("في عدن قصفت القوات المواقع، وانتقلت إلى تعز.", PUBLISHED)
            .place("عدن", "ye.aden", "city")
            .place("تعز", "ye.taiz", "city");
        assert_eq!(only(&d).place.unwrap().id, "ye.aden");
        // With none in its clause, the sentence's first place.
        let d = TestDoc::new("في عدن، قصفت القوات المواقع.", PUBLISHED).place("عدن", "ye.aden", "city");
        assert_eq!(only(&d).place.unwrap().id, "ye.aden");
    }
}
