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

/// An event named no place, or only its country: the article's main place stands in when it
/// is in that country (an ACLED coder codes the most specific place the report supports).
pub(super) fn fall_back(place: &mut Option<PlaceRef>, main: Option<&PlaceRef>) {
    let Some(main) = main else { return };
    let replace = match place {
        None => true,
        Some(p) => p.level == PlaceLevel::Country && main.level != PlaceLevel::Country && main.country == p.country,
    };
    if replace {
        *place = Some(main.clone());
    }
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

    #[test]
    fn an_event_placed_only_in_a_country_takes_the_articles_place_there() {
        let d = TestDoc::new("قصفت الطائرات مواقع في الحديدة. وقالت المصادر إن غارة ضربت اليمن.", PUBLISHED)
            .place("الحديدة", "ye.hodeidah", "city")
            .place("اليمن", "country:YE", "country");
        let evs = crate::events::testdoc::events(&d);
        assert!(evs.iter().all(|e| e.place.as_ref().unwrap().id == "ye.hodeidah"), "{evs:#?}");
    }

    #[test]
    fn a_country_elsewhere_keeps_its_own_place() {
        let d = TestDoc::new("قصفت الطائرات مواقع في الحديدة أمس. واعتقلت الشرطة عشرة أشخاص في سوريا.", PUBLISHED)
            .place("الحديدة", "ye.hodeidah", "city")
            .place("سوريا", "country:SY", "country");
        let evs = crate::events::testdoc::events(&d);
        let arrest = evs.iter().find(|e| e.ty == isnad_schema::PloverType::Coerce).expect("the arrest");
        assert_eq!(arrest.place.as_ref().unwrap().id, "country:SY", "{evs:#?}");
    }
}
