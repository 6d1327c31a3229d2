//! Which trigger matches name a happening: not what a threat threatens, not a
//! word inside a name, not a topic of talk, not a pointer back to happenings
//! already told.

use isnad_schema::{PloverType, Quad};
use isnad_text::PhraseMatch;

use super::context::Context;
use crate::lexicon::Trigger;

/// Where each threat of the sentence ends (token index): what follows a
/// threat is what it threatens, not a happening (هددا بتفجيرها).
pub(super) fn threat_ends(cx: &Context<'_>) -> Vec<usize> {
    cx.triggers.iter().filter(|m| m.value.plover == PloverType::Threaten).map(|m| m.end).collect()
}

/// Whether trigger match `m` names a happening of its own.
pub(super) fn is_happening(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>, threat_ends: &[usize]) -> bool {
    !threatened(m, threat_ends) && !inside_name(cx, m) && !topic_of_talk(cx, m) && !points_back(cx, m)
}

/// A material-conflict trigger right after a threat is its content.
fn threatened(m: &PhraseMatch<'_, Trigger>, threat_ends: &[usize]) -> bool {
    let t0 = m.start;
    m.value.plover.quad() == Quad::MaterialConflict && threat_ends.iter().any(|&e| e <= t0 && t0 - e <= 1)
}

/// A trigger inside a name is not an event (الهلال الأحمر…).
fn inside_name(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>) -> bool {
    let (start, end) = (cx.s.toks[m.start].start, cx.s.toks[m.end - 1].end);
    cx.ents.iter().any(|(_, e)| e.start <= start && end <= e.end)
}

/// A noun after "about" is a topic of talk, not a happening (حول الانسحاب، بشأن المصالحة).
fn topic_of_talk(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>) -> bool {
    m.value.pos != "verb" && m.start > 0 && cx.lex.words.topic_prepositions.has(&cx.s.toks[m.start - 1].stem)
}

/// "الاجتماعات السابقة" (the previous meetings), "الهجوم المذكور": a definite
/// noun pointing back names happenings already told, not a new one.
fn points_back(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>) -> bool {
    let words = &cx.lex.words;
    m.value.pos != "verb"
        && words.article.starts(&cx.s.toks[m.start].key)
        && cx.s.toks.get(m.end).is_some_and(|t| words.back_references.has(&t.stem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testdoc::{events, only, TestDoc, PUBLISHED};
    use isnad_schema::AcledSubEventType;

    #[test]
    fn a_trigger_gives_an_event_of_its_plover_type() {
        let e = only(&TestDoc::new("اجتمع الرئيس مع السفير.", PUBLISHED));
        assert_eq!(
            (e.ty, e.quad, e.trigger.as_str()),
            (PloverType::Consult, Quad::VerbalCooperation, "consult.meet-verb")
        );
        let e = only(&TestDoc::new("قصفت القوات مواقع المسلحين.", PUBLISHED));
        assert_eq!((e.ty, e.quad), (PloverType::Assault, Quad::MaterialConflict));
        let acled = e.acled.unwrap();
        assert_eq!(acled.sub_event_type, AcledSubEventType::ShellingArtilleryMissileAttack);
    }

    #[test]
    fn what_a_threat_threatens_is_not_an_event() {
        let evs = events(&TestDoc::new("هدد الحوثيون بقصف المدينة.", PUBLISHED));
        let types: Vec<PloverType> = evs.iter().map(|e| e.ty).collect();
        assert_eq!(types, [PloverType::Threaten]);
        // Without the threat the shelling is a happening.
        assert_eq!(only(&TestDoc::new("قام الحوثيون بقصف المدينة.", PUBLISHED)).ty, PloverType::Assault);
    }

    #[test]
    fn a_noun_after_a_topic_preposition_is_no_happening() {
        assert!(events(&TestDoc::new("ناقش المسؤولون حول الانسحاب.", PUBLISHED)).is_empty());
        assert_eq!(only(&TestDoc::new("ناقش المسؤولون الانسحاب.", PUBLISHED)).ty, PloverType::Retreat);
    }

    #[test]
    fn a_definite_noun_pointing_back_is_no_new_happening() {
        assert!(events(&TestDoc::new("وأشار إلى الهجوم المذكور.", PUBLISHED)).is_empty());
        // Written with madda or without, the word is one key.
        assert!(events(&TestDoc::new("وأشار إلى الاجتماعات آنفة الذكر.", PUBLISHED)).is_empty());
        assert!(events(&TestDoc::new("وأشار إلى الاجتماعات انفة الذكر.", PUBLISHED)).is_empty());
        assert_eq!(only(&TestDoc::new("وأشار إلى الهجوم.", PUBLISHED)).ty, PloverType::Assault);
    }

    #[test]
    fn a_trigger_inside_a_name_is_no_happening() {
        let text = "وأعلنت لجنة التهدئة موقفها.";
        assert!(events(&TestDoc::new(text, PUBLISHED).entity("لجنة التهدئة", "ORG", None, None)).is_empty());
        assert_eq!(only(&TestDoc::new(text, PUBLISHED)).ty, PloverType::Agree);
    }
}
