//! Where a report comes from: the origin key of one event's attribution chain.

use std::sync::OnceLock;

use isnad_schema::{Attribution, DocumentMeta, OriginKind, SourceKind};
use isnad_text::{data_lines, match_key, Affixes, Data, LoadError, TextLexicon};
use rustc_hash::FxHashSet;

/// The words origin keys read around source phrases, under `data/`.
const ORIGIN_WORDS_FILE: &str = "corpus/origin_words.tsv";

/// One member's origin before copies are folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Origin {
    /// `actor:ID`, `source:KEY`, `outlet:NAME` or `doc:ID`.
    pub key: String,
    /// `agency`, `official`, `named`, `anonymous`, `witness` or `outlet`.
    pub kind: OriginKind,
    /// Readable label.
    pub label: String,
}

/// What origin keys read: the attribution layer's source phrases
/// (`data/attribution/sources.tsv`: a source whose words are only one of
/// them names no one), and the particles and clitics a source's words may
/// carry (`data/corpus/origin_words.tsv`). Every word is a match key.
#[derive(Clone, Debug, Default)]
pub struct OriginLexicon {
    /// The generic source phrases: their words' keys, particles left out, article off.
    forms: FxHashSet<String>,
    /// Particles the attribution layer can leave at a source's edge (`لموقعنا إن`).
    particles: FxHashSet<String>,
    /// Clitics in front of a word, one slot after another (conjunction, preposition, article).
    proclitics: Vec<Vec<String>>,
    /// Pronouns and endings behind a word (`بيانه`, `بيانا`).
    enclitics: Vec<String>,
}

impl OriginLexicon {
    /// Loads the source phrases and the origin words from `data`.
    pub fn load(data: &Data) -> Result<OriginLexicon, LoadError> {
        let mut lex = OriginLexicon::default();
        let (file, text) = data.file(ORIGIN_WORDS_FILE, include_str!("../../../data/corpus/origin_words.tsv"))?;
        lex.parse_words(&file, &text)?;
        let affixes = Affixes::load(data)?;
        for phrase in isnad_records::lexicon::source_phrases(data)? {
            let folded = match_key(&phrase);
            let words: Vec<&str> = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && !lex.particles.contains(*w))
                .map(|w| affixes.strip_article(w))
                .collect();
            lex.forms.insert(words.join(" "));
        }
        Ok(lex)
    }

    /// The embedded lexicon (loaded once).
    pub fn embedded() -> Result<&'static OriginLexicon, LoadError> {
        static LEX: OnceLock<Result<OriginLexicon, LoadError>> = OnceLock::new();
        LEX.get_or_init(|| OriginLexicon::load(&Data::Embedded)).as_ref().map_err(Clone::clone)
    }

    /// `role<TAB>forms` lines: particle, proclitic (one slot per line, in
    /// order) or enclitic, forms separated by `|`.
    fn parse_words(&mut self, file: &str, text: &str) -> Result<(), LoadError> {
        for row in data_lines(file, text, Some("role\tforms")) {
            let (line, cols) = row?;
            let cols = isnad_text::columns(file, line, cols, 2)?;
            let forms: Vec<String> =
                cols[1].split('|').map(|f| match_key(f.trim())).filter(|f| !f.is_empty()).collect();
            if forms.is_empty() {
                return Err(LoadError::new(file, line, "no forms"));
            }
            match cols[0] {
                "particle" => self.particles.extend(forms),
                "proclitic" => self.proclitics.push(forms),
                "enclitic" => self.enclitics.extend(forms),
                role => return Err(LoadError::new(file, line, format!("unknown role {role:?}"))),
            }
        }
        Ok(())
    }

    /// The words of a source phrase: match keys, particles left out.
    fn words<'t>(&self, folded: &'t str) -> impl Iterator<Item = &'t str> + use<'t, '_> {
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !self.particles.contains(*w))
    }

    /// The key of a source phrase: its words' clitic-stripped match keys,
    /// particles left out (`ووزير الداخلية` → `وزير داخلية`).
    pub(crate) fn phrase_key(&self, text: &str) -> String {
        let folded = match_key(text);
        self.words(&folded).map(word_key).collect::<Vec<_>>().join(" ")
    }

    /// Readings of one word's match key with clitics cut or not: conjunction,
    /// preposition and article in front (`وللوزير`), an enclitic pronoun
    /// (`بيانه`, `رسالته` → `رسالة`) or a tanween alef (`بيانا`) behind.
    fn readings(&self, w: &str) -> Vec<String> {
        let mut fronts = vec![w.to_string()];
        for slot in &self.proclitics {
            let mut more = Vec::new();
            for f in &fronts {
                for c in slot {
                    if let Some(r) = f.strip_prefix(c.as_str()).filter(|r| r.chars().count() >= 2) {
                        more.push(r.to_string());
                    }
                }
            }
            fronts.extend(more);
        }
        let mut out = Vec::new();
        for f in fronts {
            for p in &self.enclitics {
                if let Some(s) = f.strip_suffix(p.as_str()).filter(|s| s.chars().count() >= 2) {
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
    pub(crate) fn names_someone(&self, text: &str) -> bool {
        let folded = match_key(text);
        let words: Vec<&str> = self.words(&folded).collect();
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
                for r in self.readings(w) {
                    next.push(if p.is_empty() { r } else { format!("{p} {r}") });
                }
            }
            phrases = next;
        }
        !phrases.iter().any(|p| self.forms.contains(p))
    }
}

/// The embedded text lexicon: every document clustered here was analysed
/// with it, so it loaded (the pipeline does not start otherwise).
fn text_lexicon() -> Option<&'static TextLexicon> {
    TextLexicon::embedded().ok()
}

/// Match key of the stem of one word, without the article.
fn word_key(word: &str) -> String {
    let Some(lex) = text_lexicon() else { return match_key(word) };
    let seg = isnad_text::segment(word, 0, lex);
    let stem = lex.affixes().strip_article(&seg.stem);
    let stem = if stem.is_empty() { word } else { stem };
    lex.affixes().strip_article(stem).to_string()
}

/// The normalised outlet name: match key, spaces collapsed.
pub(crate) fn outlet_key(name: &str) -> String {
    match_key(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The origin of a report with attribution `attr` in a document whose
/// outlet identity is `identity` (for copies: the original's).
pub(crate) fn origin_of(
    lex: &OriginLexicon,
    attr: &Attribution,
    identity: &DocumentMeta,
    outlet_actors: &std::collections::BTreeMap<String, (String, String)>,
) -> Origin {
    for s in &attr.sources {
        if let Some(a) = &s.actor {
            let kind = if a.kind == "media" {
                OriginKind::Agency
            } else if s.kind == SourceKind::Official {
                OriginKind::Official
            } else {
                OriginKind::Named
            };
            return Origin { key: format!("actor:{}", a.id), kind, label: a.name.clone() };
        }
        let explicit = s.end > s.start;
        let identifying = match s.kind {
            SourceKind::NamedPerson
            | SourceKind::NamedOrg
            | SourceKind::Official
            | SourceKind::Document
            | SourceKind::Social => true,
            // Another outlet quoted by name (not the document's own, which has no span).
            SourceKind::Outlet => explicit,
            SourceKind::Anonymous | SourceKind::Witness | SourceKind::SelfCitation => false,
        };
        if identifying && lex.names_someone(&s.text) {
            let kind = match s.kind {
                SourceKind::Official => OriginKind::Official,
                SourceKind::Outlet => OriginKind::Agency,
                _ => OriginKind::Named,
            };
            return Origin { key: format!("source:{}", lex.phrase_key(&s.text)), kind, label: s.text.clone() };
        }
    }
    // Nobody is named: the outlet vouches for it.
    let first = attr.sources.iter().find(|s| s.end > s.start);
    let kind = match first.map(|s| s.kind) {
        Some(SourceKind::Anonymous) => OriginKind::Anonymous,
        Some(SourceKind::Witness) => OriginKind::Witness,
        _ => OriginKind::Outlet,
    };
    let outlet = identity.source.as_deref().map(str::trim).filter(|s| !s.is_empty());
    // An agency publishing its own story: the agency is the origin, as when others quote it.
    if let Some((id, actor_name)) = outlet.and_then(|o| outlet_actors.get(&outlet_key(o))) {
        let label = match first {
            Some(s) => format!("{actor_name}: {} ({})", s.text, s.kind),
            None => actor_name.clone(),
        };
        return Origin { key: format!("actor:{id}"), kind: OriginKind::Agency, label };
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

    fn lex() -> &'static OriginLexicon {
        OriginLexicon::embedded().expect("the embedded origin words load")
    }

    fn src(text: &str, kind: &str, actor: Option<(&str, &str)>) -> SourceRecord {
        SourceRecord {
            text: text.into(),
            kind: kind.parse().unwrap(),
            start: 10,
            end: 10 + text.chars().count() as u32,
            actor: actor.map(|(id, kind)| ActorRef::bare(id, kind)),
        }
    }

    fn chain(sources: Vec<SourceRecord>) -> Attribution {
        Attribution {
            sources,
            cue: None,
            chain: String::new(),
            basis: isnad_schema::AttributionBasis::Explicit,
            stance: None,
        }
    }

    fn outlet(name: &str) -> SourceRecord {
        SourceRecord { text: name.into(), kind: SourceKind::Outlet, start: 0, end: 0, actor: None }
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
            assert!(!lex().names_someone(t), "{t} names no one");
        }
        for t in ["وزارة الداخلية اليمنية", "وزير الإعلام", "الغنوشي", "سكاي نيوز", "Yves"]
        {
            assert!(lex().names_someone(t), "{t} names someone");
        }
        assert_eq!(lex().phrase_key("ووزير الداخلية"), lex().phrase_key("وزير الداخلية"));
        assert_eq!(lex().phrase_key("لوزارة الداخلية اليمنية"), lex().phrase_key("وزارة الداخلية اليمنية"));
    }

    #[test]
    fn the_first_identified_source_decides() {
        let m = meta("d1", Some("  Outlet  A "));
        // Anonymous sources quoted by an agency are the agency's.
        let o = origin_of(
            lex(),
            &chain(vec![
                src("مصادر أمنية", "anonymous", None),
                src("رويترز", "named_org", Some(("media.reuters", "media"))),
                outlet("Outlet A"),
            ]),
            &m,
            &Default::default(),
        );
        assert_eq!((o.key.as_str(), o.kind), ("actor:media.reuters", OriginKind::Agency));
        // A named official quoted through an agency is the official's.
        let o = origin_of(
            lex(),
            &chain(vec![
                src("وزارة الداخلية اليمنية", "official", None),
                src("سبأ", "named_org", Some(("ye.media.saba_gov", "media"))),
            ]),
            &m,
            &Default::default(),
        );
        assert_eq!((o.key.as_str(), o.kind), ("source:وزارة داخلية يمنية", OriginKind::Official));
        // A bare statement is the outlet's.
        let o =
            origin_of(lex(), &chain(vec![src("بيان", "official", None), outlet("Outlet A")]), &m, &Default::default());
        assert_eq!((o.key.as_str(), o.kind), ("outlet:outlet a", OriginKind::Outlet));
        let o = origin_of(
            lex(),
            &chain(vec![src("شهود عيان", "witness", None), outlet("Outlet A")]),
            &m,
            &Default::default(),
        );
        assert_eq!((o.key.as_str(), o.kind), ("outlet:outlet a", OriginKind::Witness));
        let o = origin_of(lex(), &chain(vec![src("مصادر", "anonymous", None)]), &meta("d2", None), &Default::default());
        assert_eq!((o.key.as_str(), o.kind), ("doc:d2", OriginKind::Anonymous));
        // Another outlet quoted by name, without a linked actor.
        let o = origin_of(
            lex(),
            &chain(vec![src("صحيفة الأيام", "outlet", None), outlet("Outlet A")]),
            &m,
            &Default::default(),
        );
        assert_eq!((o.key.as_str(), o.kind), ("source:صحيفة ايام", OriginKind::Agency));
    }

    /// A fresh directory laid out like `data/` with the two files origins read.
    fn data_copy(tag: &str) -> std::path::PathBuf {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let dir = std::env::temp_dir().join(format!("isnad-origin-{tag}-{}", std::process::id()));
        for rel in [ORIGIN_WORDS_FILE, "attribution/sources.tsv", "lexicon/affixes.tsv"] {
            std::fs::create_dir_all(dir.join(rel).parent().unwrap()).unwrap();
            std::fs::copy(root.join(rel), dir.join(rel)).unwrap();
        }
        dir
    }

    /// Appends a line to a file of the copy; returns its 1-based number.
    fn append(dir: &std::path::Path, rel: &str, line: &str) -> usize {
        let path = dir.join(rel);
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(line);
        text.push('\n');
        std::fs::write(&path, &text).unwrap();
        text.lines().count()
    }

    #[test]
    fn a_data_copy_loads_and_a_broken_line_names_its_file_and_line() {
        let dir = data_copy("ok");
        // A particle added in the copy is left out of source keys.
        append(&dir, ORIGIN_WORDS_FILE, "particle\tيوم");
        let edited = OriginLexicon::load(&Data::Dir(dir.clone())).expect("the copy loads");
        assert_eq!(edited.phrase_key("وزير الداخلية يوم"), lex().phrase_key("وزير الداخلية"));
        assert_ne!(lex().phrase_key("وزير الداخلية يوم"), lex().phrase_key("وزير الداخلية"));
        std::fs::remove_dir_all(&dir).unwrap();

        let dir = data_copy("role");
        let n = append(&dir, ORIGIN_WORDS_FILE, "suffix\tها");
        let e = OriginLexicon::load(&Data::Dir(dir.clone())).unwrap_err();
        assert!(e.file.ends_with(ORIGIN_WORDS_FILE) && e.line == n && e.message.contains("role"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();

        let dir = data_copy("sources");
        let n = append(&dir, "attribution/sources.tsv", "مصادر مجهولة");
        let e = OriginLexicon::load(&Data::Dir(dir.clone())).unwrap_err();
        assert!(e.file.ends_with("attribution/sources.tsv") && e.line == n, "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
