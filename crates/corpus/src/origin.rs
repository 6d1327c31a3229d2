//! Where a report comes from: the origin key of one event's attribution chain.

use std::sync::OnceLock;

use isnad_schema::{Attribution, DocumentMeta};
use isnad_text::{match_key, phrase::strip_article, TextLexicon};
use rustc_hash::FxHashSet;

/// The source phrases of the attribution layer (`مصادر`، `بيان`، `وزير` …): a
/// source whose words are only one of them names no one.
const SOURCES: &str = include_str!("../../../data/attribution/sources.tsv");

/// Particles that the attribution layer can leave at a source's edge (`لموقعنا إن`).
const PARTICLES: &[&str] = &[
    "إن", "أن", "عن", "في", "من", "على", "إلى", "الى", "قد", "ما", "لا", "هذا", "هذه", "ذلك", "التي", "الذي", "بأن",
    "بان",
];

/// One member's origin before copies are folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Origin {
    /// `actor:ID`, `source:KEY`, `outlet:NAME` or `doc:ID`.
    pub key: String,
    /// `agency`, `official`, `named`, `anonymous`, `witness` or `outlet`.
    pub kind: &'static str,
    /// Readable label.
    pub label: String,
}

struct Generic {
    forms: FxHashSet<String>,
    particles: FxHashSet<String>,
}

fn generic() -> &'static Generic {
    static G: OnceLock<Generic> = OnceLock::new();
    G.get_or_init(|| {
        let particles: FxHashSet<String> = PARTICLES.iter().map(|p| match_key(p)).collect();
        let mut g = Generic { forms: FxHashSet::default(), particles };
        for line in SOURCES.lines() {
            let form = line.split('\t').next().unwrap_or("").trim();
            if form.is_empty() || form.starts_with('#') || form == "forms" {
                continue;
            }
            let folded = match_key(form);
            let words: Vec<&str> = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && !g.particles.contains(*w))
                .map(strip_article)
                .collect();
            g.forms.insert(words.join(" "));
        }
        g
    })
}

/// Match key of the stem of one word, without the article.
fn word_key(word: &str) -> String {
    let seg = isnad_text::segment(word, 0, TextLexicon::embedded());
    let stem = strip_article(&seg.stem);
    let stem = if stem.is_empty() { word } else { stem };
    strip_article(stem).to_string()
}

fn phrase_key_with(text: &str, particles: &FxHashSet<String>) -> String {
    let folded = match_key(text);
    let mut out = String::new();
    for w in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if particles.contains(w) {
            continue;
        }
        let k = word_key(w);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&k);
    }
    out
}

/// The key of a source phrase: its words' clitic-stripped match keys,
/// particles left out (`ووزير الداخلية` → `وزير داخلية`).
pub(crate) fn phrase_key(text: &str) -> String {
    phrase_key_with(text, &generic().particles)
}

/// Readings of one word's match key with clitics cut or not: conjunction,
/// preposition and article in front (`وللوزير`), an enclitic pronoun (`بيانه`,
/// `رسالته` → `رسالة`) or a tanween alef (`بيانا`) behind.
fn readings(w: &str) -> Vec<String> {
    let mut fronts = vec![w.to_string()];
    for cut in [&["و", "ف"][..], &["ب", "ل", "ك"][..], &["ال", "ل"][..]] {
        let mut more = Vec::new();
        for f in &fronts {
            for c in cut {
                if let Some(r) = f.strip_prefix(c).filter(|r| r.chars().count() >= 2) {
                    more.push(r.to_string());
                }
            }
        }
        fronts.extend(more);
    }
    let mut out = Vec::new();
    for f in fronts {
        for p in ["هما", "هم", "هن", "ها", "نا", "ه", "ا"] {
            if let Some(s) = f.strip_suffix(p).filter(|s| s.chars().count() >= 2) {
                if let Some(t) = s.strip_suffix('ت') {
                    out.push(format!("{t}ة"));
                }
                out.push(s.to_string());
            }
        }
        out.push(f);
    }
    out.sort();
    out.dedup();
    out
}

/// True when a source phrase names someone: its words are not just one of
/// the generic source phrases (`بيان`, `المتحدث باسم`), as in `وزير الداخلية`
/// or a name.
pub(crate) fn names_someone(text: &str) -> bool {
    let g = generic();
    let folded = match_key(text);
    let words: Vec<&str> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !g.particles.contains(*w)).collect();
    if words.is_empty() {
        return false;
    }
    if words.len() > 4 {
        return true;
    }
    let mut phrases = vec![String::new()];
    for w in words {
        let mut next = Vec::new();
        for p in &phrases {
            for r in readings(w) {
                next.push(if p.is_empty() { r } else { format!("{p} {r}") });
            }
        }
        phrases = next;
    }
    !phrases.iter().any(|p| g.forms.contains(p))
}

/// The normalised outlet name: match key, spaces collapsed.
pub(crate) fn outlet_key(name: &str) -> String {
    match_key(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The origin of a report with attribution `attr` in a document whose
/// outlet identity is `identity` (for copies: the original's).
pub(crate) fn origin_of(
    attr: &Attribution,
    identity: &DocumentMeta,
    outlet_actors: &std::collections::BTreeMap<String, (String, String)>,
) -> Origin {
    for s in &attr.sources {
        if let Some(a) = &s.actor {
            let kind = if a.kind == "media" {
                "agency"
            } else if s.kind == "official" {
                "official"
            } else {
                "named"
            };
            return Origin { key: format!("actor:{}", a.id), kind, label: a.name.clone() };
        }
        let explicit = s.end > s.start;
        let identifying = match s.kind.as_str() {
            "named_person" | "named_org" | "official" | "document" | "social" => true,
            // Another outlet quoted by name (not the document's own, which has no span).
            "outlet" => explicit,
            _ => false,
        };
        if identifying && names_someone(&s.text) {
            let kind = match s.kind.as_str() {
                "official" => "official",
                "outlet" => "agency",
                _ => "named",
            };
            return Origin { key: format!("source:{}", phrase_key(&s.text)), kind, label: s.text.clone() };
        }
    }
    // Nobody is named: the outlet vouches for it.
    let first = attr.sources.iter().find(|s| s.end > s.start);
    let kind = match first.map(|s| s.kind.as_str()) {
        Some("anonymous") => "anonymous",
        Some("witness") => "witness",
        _ => "outlet",
    };
    let outlet = identity.source.as_deref().map(str::trim).filter(|s| !s.is_empty());
    // An agency publishing its own story: the agency is the origin, as when others quote it.
    if let Some((id, actor_name)) = outlet.and_then(|o| outlet_actors.get(&outlet_key(o))) {
        let label = match first {
            Some(s) => format!("{actor_name}: {} ({})", s.text, s.kind),
            None => actor_name.clone(),
        };
        return Origin { key: format!("actor:{id}"), kind: "agency", label };
    }
    let (key, name) = match outlet {
        Some(src) => (format!("outlet:{}", outlet_key(src)), src.to_string()),
        None => (format!("doc:{}", identity.id), format!("document {}", identity.id)),
    };
    let label = match first {
        Some(s) => format!("{name}: {} ({})", s.text, s.kind),
        None => name,
    };
    Origin { key, kind, label }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_schema::{ActorRef, SourceRecord};

    fn src(text: &str, kind: &str, actor: Option<(&str, &str)>) -> SourceRecord {
        SourceRecord {
            text: text.into(),
            kind: kind.into(),
            start: 10,
            end: 10 + text.chars().count() as u32,
            actor: actor.map(|(id, kind)| ActorRef {
                id: id.into(),
                name: id.into(),
                name_ar: String::new(),
                kind: kind.into(),
                inter: None,
                sector: None,
                country: None,
                wikidata: None,
            }),
        }
    }

    fn chain(sources: Vec<SourceRecord>) -> Attribution {
        Attribution { sources, cue: None, chain: String::new(), basis: "explicit".into(), stance: None }
    }

    fn outlet(name: &str) -> SourceRecord {
        SourceRecord { text: name.into(), kind: "outlet".into(), start: 0, end: 0, actor: None }
    }

    fn meta(id: &str, source: Option<&str>) -> DocumentMeta {
        DocumentMeta { id: id.into(), source: source.map(Into::into), ..Default::default() }
    }

    #[test]
    fn generic_cues_name_no_one() {
        for t in [
            "بيان",
            "بيانا",
            "بيانه",
            "البيان",
            "ووزير",
            "للوزير",
            "السلطات",
            "المتحدث باسم",
            "الناطق الرسمي",
            "تقرير",
            "تغريدة",
            "لموقعنا إن",
            "مواقع التواصل الإجتماعي",
        ] {
            assert!(!names_someone(t), "{t} names no one");
        }
        for t in ["وزارة الداخلية اليمنية", "وزير الإعلام", "الغنوشي", "سكاي نيوز", "Yves"]
        {
            assert!(names_someone(t), "{t} names someone");
        }
        assert_eq!(phrase_key("ووزير الداخلية"), phrase_key("وزير الداخلية"));
        assert_eq!(phrase_key("لوزارة الداخلية اليمنية"), phrase_key("وزارة الداخلية اليمنية"));
    }

    #[test]
    fn the_first_identified_source_decides() {
        let m = meta("d1", Some("  Outlet  A "));
        // Anonymous sources quoted by an agency are the agency's.
        let o = origin_of(
            &chain(vec![
                src("مصادر أمنية", "anonymous", None),
                src("رويترز", "named_org", Some(("media.reuters", "media"))),
                outlet("Outlet A"),
            ]),
            &m,
            &Default::default(),
        );
        assert_eq!((o.key.as_str(), o.kind), ("actor:media.reuters", "agency"));
        // A named official quoted through an agency is the official's.
        let o = origin_of(
            &chain(vec![
                src("وزارة الداخلية اليمنية", "official", None),
                src("سبأ", "named_org", Some(("ye.media.saba_gov", "media"))),
            ]),
            &m,
            &Default::default(),
        );
        assert_eq!((o.key.as_str(), o.kind), ("source:وزارة داخلية يمنية", "official"));
        // A bare statement is the outlet's.
        let o = origin_of(&chain(vec![src("بيان", "official", None), outlet("Outlet A")]), &m, &Default::default());
        assert_eq!((o.key.as_str(), o.kind), ("outlet:outlet a", "outlet"));
        let o = origin_of(&chain(vec![src("شهود عيان", "witness", None), outlet("Outlet A")]), &m, &Default::default());
        assert_eq!((o.key.as_str(), o.kind), ("outlet:outlet a", "witness"));
        let o = origin_of(&chain(vec![src("مصادر", "anonymous", None)]), &meta("d2", None), &Default::default());
        assert_eq!((o.key.as_str(), o.kind), ("doc:d2", "anonymous"));
        // Another outlet quoted by name, without a linked actor.
        let o =
            origin_of(&chain(vec![src("صحيفة الأيام", "outlet", None), outlet("Outlet A")]), &m, &Default::default());
        assert_eq!((o.key.as_str(), o.kind), ("source:صحيفة ايام", "agency"));
    }
}
