//! Which trigger matches name a happening: not what a threat threatens, not a
//! word inside a name, not a topic of talk, not a pointer back to happenings
//! already told, not an aim (لتحرير المدينة), not a state (المدينة المحاصرة),
//! not an agreement talked about but not reached.

use isnad_schema::{PloverType, Quad};
use isnad_text::PhraseMatch;

use super::context::Context;
use super::Tok;
use crate::lexicon::Trigger;

/// How many tokens before an agreement noun a word saying it was reached may stand
/// (توصلت روسيا والفصائل المعارضة في محافظة القنيطرة إلى اتفاق).
const CONCLUSION_BEFORE: usize = 12;

/// How many tokens after an agreement noun such a word may stand (هدنة … دخلت حيز التنفيذ).
const CONCLUSION_AFTER: usize = 8;

/// How many tokens after a threat what it threatens may stand (تهدد فيه عناصر من التنظيم
/// المتطرف بإعدام).
const THREAT_REACH: usize = 6;

/// How many tokens after a word of expectation the happening expected may stand (وسط
/// توقعات بأن تشن الولايات المتحدة ضربة).
const CONJECTURE_REACH: usize = 6;

/// How many tokens after a word of purpose the aim may stand (تأهبا لحسم معركة).
const PURPOSE_REACH: usize = 2;

/// How many tokens before a ل-prefixed trigger a verb taking its object with ل may stand
/// (تعرضت إحدى ناقلات النفط السعودية لهجوم).
const OBJECT_VERB_REACH: usize = 6;

/// Where each threat of the sentence ends (token index): what follows a
/// threat is what it threatens, not a happening (هددا بتفجيرها).
pub(super) fn threat_ends(cx: &Context<'_>) -> Vec<usize> {
    cx.triggers.iter().filter(|m| m.value.plover == PloverType::Threaten).map(|m| m.end).collect()
}

/// Whether trigger match `m` names a happening of its own.
pub(super) fn is_happening(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>, threat_ends: &[usize]) -> bool {
    !threatened(cx, m, threat_ends)
        && !conjectured(cx, m)
        && !inside_name(cx, m)
        && !topic_of_talk(cx, m)
        && !points_back(cx, m)
        && !an_aim(cx, m)
        && !a_state(cx, m)
        && !agreement_not_reached(cx, m)
}

/// A material-conflict trigger shortly after a threat in its clause is its content
/// (هدد الحوثيون بقصف المدينة، تهدد فيه عناصر من التنظيم بإعدام ستة أشخاص).
fn threatened(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>, threat_ends: &[usize]) -> bool {
    let t0 = m.start;
    m.value.plover.quad() == Quad::MaterialConflict
        && threat_ends
            .iter()
            .any(|&e| e <= t0 && t0 - e <= THREAT_REACH && !cx.s.toks[e..t0].iter().any(|t| t.clause_break))
}

/// The first token of the clause holding token `i`, looking back at most `reach` tokens.
fn clause_back(cx: &Context<'_>, i: usize, reach: usize) -> usize {
    let lo = i.saturating_sub(reach);
    cx.s.toks[lo..i].iter().rposition(|b| b.clause_break).map_or(lo, |k| lo + k + 1)
}

/// "وسط توقعات بأن تشن أمريكا ضربة عسكرية", "احتمالات توجيه ضربة": a happening expected
/// or feared, a few words after the word saying so in its clause, is not reported.
fn conjectured(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>) -> bool {
    let words = &cx.lex.words;
    let from = clause_back(cx, m.start, CONJECTURE_REACH);
    cx.s.toks[from..m.start].iter().any(|t| words.conjecture_words.has(&t.stem))
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

/// Whether token `t` carries the preposition ل (after و/ف, before the article if any)
/// in front of its stem: لتحرير، للسيطرة، وللتوصل.
fn lam_prefixed(t: &Tok) -> bool {
    let key = if t.conj { t.key.strip_prefix(['و', 'ف']).unwrap_or(&t.key) } else { &t.key };
    let stem = t.stem.as_str();
    // ل + ال is written لل: the article's alif goes.
    key.strip_prefix('ل')
        .is_some_and(|r| r.starts_with(stem) || r.strip_prefix('ل').is_some_and(|r| r.starts_with(stem)))
}

/// "لتحرير مدينة الحديدة" (to liberate), "بهدف حصار الحوثيين" (aiming to besiege): a
/// happening aimed at is not one reported. A ل on an indefinite verbal noun says the aim,
/// unless a verb before it in its clause takes its object with ل (تعرضت الناقلة لهجوم،
/// خطط لهجوم); on a definite noun the ل is mostly "of" (اليوم الخامس للاحتجاجات).
fn an_aim(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>) -> bool {
    let words = &cx.lex.words;
    let toks = &cx.s.toks;
    let t = &toks[m.start];
    if toks[clause_back(cx, m.start, PURPOSE_REACH)..m.start].iter().any(|b| words.purpose_words.has(&b.key)) {
        return true;
    }
    if !lam_prefixed(t) || words.article.starts(&t.key) {
        return false;
    }
    !toks[clause_back(cx, m.start, OBJECT_VERB_REACH)..m.start].iter().any(|b| words.lam_object_verbs.has(&b.stem))
}

/// "الغوطة الشرقية المحاصرة" (besieged): a participle describing the noun before it is a
/// state. Definite after a word it is that word's adjective; indefinite it is a verbal
/// noun only when what it governs follows (محاصرة المدينة).
fn a_state(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>) -> bool {
    let words = &cx.lex.words;
    let toks = &cx.s.toks;
    let t = &toks[m.start];
    if !words.state_participles.has(&t.stem) || m.start == 0 || toks[m.start - 1].clause_break {
        return false;
    }
    if words.article.starts(&t.key) {
        return true;
    }
    let governs = |n: &Tok| words.article.starts(&n.key) || cx.ents.iter().any(|(i, _)| *i == m.end);
    !toks.get(m.end).is_some_and(governs)
}

/// An agreement noun (هدنة، مصالحة، وقف إطلاق النار، اتفاق) names an agreement reached
/// only with a word near it saying it was reached, signed, declared or took effect (تم
/// التوصل إلى اتفاق، بدأت هدنة). Without one it is a topic (جهود المصالحة، مركز المصالحة)
/// or an aim (مساعي للتوصل إلى هدنة: a ل on the word makes it an aim too).
fn agreement_not_reached(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>) -> bool {
    if m.value.plover != PloverType::Agree || m.value.acled.is_none() {
        return false;
    }
    let words = &cx.lex.words;
    let toks = &cx.s.toks;
    let (lo, hi) = (m.start.saturating_sub(CONCLUSION_BEFORE), (m.end + CONCLUSION_AFTER).min(toks.len()));
    !toks[lo..hi].iter().any(|t| words.conclusion_words.has(&t.stem) && !lam_prefixed(t))
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

    #[test]
    fn a_phrase_that_only_holds_a_trigger_word_gives_no_event() {
        // "صادر عن" is "issued by", not "confiscated".
        let evs = events(&TestDoc::new("وقال بيان صادر عن الوزارة إن القوات قصفت المواقع.", PUBLISHED));
        let types: Vec<PloverType> = evs.iter().map(|e| e.ty).collect();
        assert_eq!(types, [PloverType::Assault]);
        assert_eq!(only(&TestDoc::new("صادرت القوات الأسلحة.", PUBLISHED)).ty, PloverType::Coerce);
        // "طويلة الأمد" is long-term, not supplied.
        assert!(events(&TestDoc::new("تسعى مصر إلى تهدئة طويلة الأمد.", PUBLISHED))
            .iter()
            .all(|e| e.ty != PloverType::Aid));
    }

    #[test]
    fn a_verbal_noun_after_the_lam_of_purpose_is_an_aim_not_a_happening() {
        assert!(events(&TestDoc::new("بدأت القوات عملية لتحرير مدينة الحديدة.", PUBLISHED)).is_empty());
        assert!(events(&TestDoc::new("تقدمت القوات بهدف حصار المدينة.", PUBLISHED)).is_empty());
        assert!(events(&TestDoc::new("رفعت القوات جاهزيتها تأهبا لحسم معركة المدينة.", PUBLISHED)).is_empty());
        // After a verb taking its object with ل, the ل says what was undergone or planned.
        let e = only(&TestDoc::new("تعرضت إحدى ناقلات النفط لهجوم في البحر.", PUBLISHED));
        assert_eq!(e.ty, PloverType::Assault);
        assert_eq!(only(&TestDoc::new("خطط المسلحون لتفجير المحطة.", PUBLISHED)).ty, PloverType::Assault);
        // On a definite noun the ل is "of": the fifth day of the protests.
        let e = only(&TestDoc::new("خرج آلاف الناس في اليوم الخامس للاحتجاجات.", PUBLISHED));
        assert_eq!(e.ty, PloverType::Protest);
    }

    #[test]
    fn a_participle_describing_the_noun_before_it_is_a_state_not_a_siege() {
        assert!(events(&TestDoc::new("دخلت القافلة الغوطة الشرقية المحاصرة.", PUBLISHED)).is_empty());
        assert!(events(&TestDoc::new("دخلت القافلة منطقة محاصرة منذ أشهر.", PUBLISHED)).is_empty());
        // A verb, or the verbal noun with what it governs, is the siege.
        assert_eq!(only(&TestDoc::new("حاصرت القوات المدينة.", PUBLISHED)).ty, PloverType::Coerce);
        assert_eq!(only(&TestDoc::new("بدأت القوات محاصرة المدينة.", PUBLISHED)).ty, PloverType::Coerce);
    }

    #[test]
    fn an_agreement_noun_without_a_word_of_reaching_it_is_a_topic() {
        assert!(events(&TestDoc::new("تبذل مصر جهودا كبيرة في ملف المصالحة بين الفصائل.", PUBLISHED)).is_empty());
        // Reaching it as an aim is no agreement reached either.
        assert!(events(&TestDoc::new("تسعى مصر للتوصل إلى هدنة بين الطرفين.", PUBLISHED)).is_empty());
        assert_eq!(only(&TestDoc::new("توصل الطرفان إلى هدنة في المدينة.", PUBLISHED)).ty, PloverType::Agree);
        assert_eq!(only(&TestDoc::new("بدأت هدنة إنسانية في المدينة.", PUBLISHED)).ty, PloverType::Agree);
    }

    #[test]
    fn a_happening_expected_or_feared_is_not_reported() {
        let text = "وسط توقعات بأن تشن الولايات المتحدة ضربة عسكرية على سوريا.";
        assert!(events(&TestDoc::new(text, PUBLISHED)).is_empty());
        let text = "أبدت إسرائيل قلقها من انتشار قوات إيرانية في سوريا.";
        assert!(events(&TestDoc::new(text, PUBLISHED)).is_empty());
        assert_eq!(
            only(&TestDoc::new("شنت الولايات المتحدة ضربة عسكرية على سوريا.", PUBLISHED)).ty,
            PloverType::Assault
        );
    }

    #[test]
    fn what_a_threat_threatens_a_few_words_on_in_its_clause_is_not_an_event() {
        let evs = events(&TestDoc::new("تهدد فيه عناصر من التنظيم بإعدام الرهائن.", PUBLISHED));
        let types: Vec<PloverType> = evs.iter().map(|e| e.ty).collect();
        assert_eq!(types, [PloverType::Threaten]);
        // In the next clause the happening is told, not threatened.
        let evs = events(&TestDoc::new("هدد التنظيم الحكومة، ثم أعدم الرهائن.", PUBLISHED));
        assert!(evs.iter().any(|e| e.ty == PloverType::Assault), "{evs:#?}");
    }
}
