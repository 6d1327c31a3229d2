use isnad_schema::ActorRef;
use isnad_text::lexicon::{data_lines, LoadError};
use rustc_hash::FxHashMap;

const EMBEDDED: &str = include_str!("../../../data/actors.tsv");
const HEADER: &str =
    "id\tname_en\tname_ar\tkind\tinter\tsector\tcountry\twikidata\tparent\tflags\taliases_ar\taliases_en";

/// One canonical actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// Stable id (`ye.houthis`).
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Arabic name.
    pub name_ar: String,
    /// state, military, rebel, militia, terrorist, intl_org, ngo, media, person, generic …
    pub kind: String,
    /// ACLED actor type 1–8.
    pub inter: Option<u8>,
    /// PLOVER/CAMEO sector.
    pub sector: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Parent actor id.
    pub parent: Option<String>,
    /// Arabic aliases as written.
    pub aliases_ar: Vec<String>,
    /// English aliases.
    pub aliases_en: Vec<String>,
    /// Aliases (match keys) that need support to be linked.
    pub ambiguous: Vec<String>,
}

impl Actor {
    /// The record form used in documents.
    pub fn to_ref(&self) -> ActorRef {
        ActorRef {
            id: self.id.clone(),
            name: self.name_en.clone(),
            name_ar: self.name_ar.clone(),
            kind: self.kind.clone(),
            inter: self.inter,
            sector: self.sector.clone(),
            country: self.country.clone(),
            wikidata: self.wikidata.clone(),
        }
    }

    /// True for generic actor kinds (gunmen, civilians …).
    pub fn is_generic(&self) -> bool {
        self.kind == "generic"
    }
}

/// A token as the matcher sees it: its match key and clitic-stripped stem
/// (without the article).
#[derive(Clone, Copy, Debug)]
pub struct Word<'a> {
    /// Match key of the token.
    pub key: &'a str,
    /// Match key of the stem.
    pub stem: &'a str,
}

/// An alias found in a token sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`Actors::all`].
    pub actor: usize,
    /// The alias matched is flagged ambiguous.
    pub ambiguous: bool,
}

/// The actor lexicon with its alias index.
#[derive(Debug, Default)]
pub struct Actors {
    actors: Vec<Actor>,
    by_id: FxHashMap<String, usize>,
    /// First word (stem, article dropped) → (other words' keys, actor, ambiguous).
    index: FxHashMap<String, Vec<(Vec<String>, usize, bool)>>,
}

fn strip_article(k: &str) -> &str {
    match k.strip_prefix("ال") {
        Some(r) if r.chars().count() >= 2 => r,
        _ => k,
    }
}

fn opt(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

impl Actors {
    /// The embedded lexicon (parsed once).
    pub fn embedded() -> Result<&'static Actors, LoadError> {
        static A: std::sync::OnceLock<Result<Actors, LoadError>> = std::sync::OnceLock::new();
        A.get_or_init(|| Actors::parse("data/actors.tsv", EMBEDDED)).as_ref().map_err(|e| e.clone())
    }

    /// Parses an actors file; errors name the file and line.
    pub fn parse(file: &str, content: &str) -> Result<Actors, LoadError> {
        let mut a = Actors::default();
        let err = |line: usize, message: String| LoadError { file: file.to_string(), line, message };
        for row in data_lines(file, content, Some(HEADER)) {
            let (line, cols) = row?;
            if cols.len() != 12 {
                return Err(err(line, format!("expected 12 tab-separated columns, found {}", cols.len())));
            }
            if let Some(i) = cols.iter().position(|c| c.trim().is_empty()) {
                return Err(err(line, format!("column {} is empty (write - for none)", i + 1)));
            }
            let inter = match cols[4] {
                "-" => None,
                v => match v.parse::<u8>() {
                    Ok(n @ 1..=8) => Some(n),
                    _ => return Err(err(line, format!("inter must be 1–8, not {v:?}"))),
                },
            };
            let mut ambiguous = Vec::new();
            for f in cols[9].split(',') {
                match f {
                    "-" | "generic" => {}
                    f => match f.strip_prefix("ambiguous_alias:") {
                        Some(alias) => ambiguous.push(isnad_text::match_key(alias)),
                        None => return Err(err(line, format!("unknown flag {f:?}"))),
                    },
                }
            }
            let aliases_ar: Vec<String> =
                cols[10].split('|').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            let actor = Actor {
                id: cols[0].to_string(),
                name_en: cols[1].to_string(),
                name_ar: cols[2].to_string(),
                kind: cols[3].to_string(),
                inter,
                sector: opt(cols[5]),
                country: opt(cols[6]),
                wikidata: opt(cols[7]),
                parent: opt(cols[8]),
                aliases_en: if cols[11] == "-" {
                    Vec::new()
                } else {
                    cols[11].split('|').map(str::to_string).collect()
                },
                aliases_ar,
                ambiguous,
            };
            if a.by_id.insert(actor.id.clone(), a.actors.len()).is_some() {
                return Err(err(line, format!("duplicate id {:?}", actor.id)));
            }
            let idx = a.actors.len();
            let mut names = actor.aliases_ar.clone();
            names.push(actor.name_ar.clone());
            for alias in names {
                let words: Vec<String> = alias.split_whitespace().map(isnad_text::match_key).collect();
                let Some(first) = words.first() else { continue };
                let key = isnad_text::match_key(&alias);
                let amb = actor.ambiguous.contains(&key);
                let entry = a.index.entry(strip_article(first).to_string()).or_default();
                let rest = words[1..].to_vec();
                if let Some(other) = entry.iter().find(|(r, i, _)| *r == rest && *i != idx) {
                    let o = &a.actors[other.1].id;
                    return Err(err(line, format!("alias {alias:?} already belongs to {o}")));
                }
                if !entry.iter().any(|(r, _, _)| *r == rest) {
                    entry.push((rest, idx, amb));
                }
            }
            a.actors.push(actor);
        }
        for (i, actor) in a.actors.iter().enumerate() {
            if let Some(p) = &actor.parent {
                if !a.by_id.contains_key(p) {
                    return Err(err(0, format!("actor {} (entry {}) has unknown parent {p:?}", actor.id, i + 1)));
                }
            }
        }
        Ok(a)
    }

    /// All actors, in file order.
    pub fn all(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor with this id.
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&i| &self.actors[i])
    }

    /// The branch of a transnational actor in a country (ISO 3166-1 alpha-2):
    /// the one child whose id starts with the lower-cased code and a dot
    /// (`intl.alqaeda` in `YE` → `ye.aqap`); the actor itself otherwise.
    pub fn refine(&self, actor: usize, iso2: &str) -> usize {
        let id = &self.actors[actor].id;
        let prefix = format!("{}.", iso2.to_lowercase());
        let mut branches = self
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.parent.as_deref() == Some(id.as_str()) && a.id.starts_with(&prefix));
        match (branches.next(), branches.next()) {
            (Some((i, _)), None) => i,
            _ => actor,
        }
    }

    /// The news outlet (an actor of kind `media`) a document's outlet name
    /// designates, if any: the whole name or one of its parts (split at
    /// parentheses, slashes and commas: "Khabar news agency (وكالة خبر)")
    /// equal to an English name or alias (case-insensitive) or an Arabic one
    /// (by match key). Ambiguous Arabic aliases do not count.
    pub fn media_by_name(&self, name: &str) -> Option<&Actor> {
        let norm = |s: &str| isnad_text::match_key(s).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
        let mut parts: Vec<String> = vec![norm(name)];
        parts.extend(name.split(['(', ')', '/', ',', '،', '|']).map(norm).filter(|p| !p.is_empty()));
        self.actors.iter().filter(|a| a.kind == "media").find(|a| {
            let en = std::iter::once(&a.name_en).chain(&a.aliases_en).map(|n| norm(n));
            let ar = std::iter::once(&a.name_ar)
                .chain(&a.aliases_ar)
                .filter(|n| !a.ambiguous.contains(&isnad_text::match_key(n)))
                .map(|n| norm(n));
            en.chain(ar).any(|n| !n.is_empty() && parts.contains(&n))
        })
    }

    /// Alias matches over one sentence's words, longest first, not
    /// overlapping. Ambiguous matches are returned flagged; see
    /// [`Actors::supported`].
    pub fn find(&self, words: &[Word<'_>]) -> Vec<ActorMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<ActorMatch> = None;
            if let Some(list) = self.index.get(strip_article(words[i].stem)) {
                for (rest, actor, amb) in list {
                    let n = 1 + rest.len();
                    if i + n > words.len() || best.is_some_and(|b| b.end - b.start >= n) {
                        continue;
                    }
                    let ok = rest.iter().enumerate().all(|(k, w)| {
                        let t = &words[i + 1 + k];
                        t.key == w || t.stem == w || strip_article(t.stem) == strip_article(w)
                    });
                    if ok {
                        best = Some(ActorMatch { start: i, end: i + n, actor: *actor, ambiguous: *amb });
                    }
                }
            }
            match best {
                Some(m) => {
                    out.push(m);
                    i = m.end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Keeps ambiguous matches only with support: the same actor (or one of
    /// its parents or children) matched unambiguously anywhere in the
    /// document, or another actor right before, joined by و (`الحوثي والقاعدة`).
    /// `doc` holds every sentence's matches; `conj(s, i)` says whether token
    /// `i` of sentence `s` carries a leading و.
    pub fn supported(&self, doc: &mut [Vec<ActorMatch>], conj: impl Fn(usize, usize) -> bool) {
        let family = |a: usize| -> Vec<usize> {
            let mut f = vec![a];
            if let Some(p) = self.actors[a].parent.as_ref().and_then(|p| self.by_id.get(p)) {
                f.push(*p);
            }
            f
        };
        let sure: Vec<usize> = doc.iter().flatten().filter(|m| !m.ambiguous).flat_map(|m| family(m.actor)).collect();
        for (s, matches) in doc.iter_mut().enumerate() {
            let snapshot = matches.clone();
            matches.retain(|m| {
                if !m.ambiguous {
                    return true;
                }
                // A channel is not named by naming its owner (المسيرة is the Houthis' TV only when
                // the channel itself is named; "طائرة مسيرة" is a drone).
                let named = if self.actors[m.actor].kind == "media" {
                    sure.contains(&m.actor)
                } else {
                    family(m.actor).iter().any(|a| sure.contains(a))
                };
                let coordinated = conj(s, m.start) && snapshot.iter().any(|o| o.end == m.start && o.actor != m.actor);
                named || coordinated
            });
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn outlets_that_are_agencies() {
        let a = Actors::embedded().unwrap();
        let id = |n: &str| a.media_by_name(n).map(|x| x.id.as_str());
        assert_eq!(id("Reuters"), Some("media.reuters"));
        assert_eq!(id("reuters"), Some("media.reuters"));
        assert_eq!(id("وكالة رويترز"), Some("media.reuters"));
        assert_eq!(id("Al Jazeera (الجزيرة)"), Some("media.aljazeera"));
        // Not a media actor, or not a name at all.
        assert_eq!(id("Houthis"), None);
        assert_eq!(id("Outlet X"), None);
        assert_eq!(id(""), None);
        // An ambiguous Arabic alias (two Saba agencies) designates neither.
        assert_eq!(id("وكالة سبأ"), None);
    }
    use super::*;

    const SMALL: &str =
        "id\tname_en\tname_ar\tkind\tinter\tsector\tcountry\twikidata\tparent\tflags\taliases_ar\taliases_en
ye.houthis\tHouthis\tالحوثيون\trebel\t2\tREB\tYEM\t-\t-\t-\tالحوثي|الحوثيين|جماعة الحوثي|مليشيا الحوثي|أنصار الله\t-
ye.aqap\tAQAP\tتنظيم القاعدة\tterrorist\t2\tINS\tYEM\t-\t-\tambiguous_alias:القاعدة\tتنظيم القاعدة|القاعدة\t-
";

    fn words(text: &str) -> (Vec<String>, Vec<String>) {
        let lex = isnad_text::TextLexicon::embedded();
        let toks: Vec<&str> = text.split_whitespace().collect();
        let keys = toks.iter().map(|t| isnad_text::match_key(t)).collect();
        let stems = toks
            .iter()
            .map(|t| {
                let s = isnad_text::segment(t, 0, lex);
                s.stem.to_string()
            })
            .collect();
        (keys, stems)
    }

    fn find(a: &Actors, text: &str) -> Vec<(usize, usize, String, bool)> {
        let (k, s) = words(text);
        let w: Vec<Word> = k.iter().zip(&s).map(|(k, s)| Word { key: k, stem: s }).collect();
        a.find(&w).into_iter().map(|m| (m.start, m.end, a.all()[m.actor].id.clone(), m.ambiguous)).collect()
    }

    #[test]
    fn aliases_match_through_clitics() {
        let a = Actors::parse("t.tsv", SMALL).unwrap();
        assert_eq!(find(&a, "قالت مليشيا الحوثي"), vec![(1, 3, "ye.houthis".into(), false)]);
        assert_eq!(find(&a, "والحوثيين"), vec![(0, 1, "ye.houthis".into(), false)]);
        assert_eq!(find(&a, "عناصر تنظيم القاعدة"), vec![(1, 3, "ye.aqap".into(), false)]);
        assert_eq!(find(&a, "في القاعدة"), vec![(1, 2, "ye.aqap".into(), true)]);
    }

    #[test]
    fn ambiguous_alias_needs_support() {
        let a = Actors::parse("t.tsv", SMALL).unwrap();
        let m = |start, end, actor, ambiguous| ActorMatch { start, end, actor, ambiguous };
        // "القاعدة" alone in a document about a military base: dropped.
        let mut doc = vec![vec![m(1, 2, 1, true)]];
        a.supported(&mut doc, |_, _| false);
        assert!(doc[0].is_empty());
        // "الحوثي والقاعدة": coordinated with another actor: kept.
        let mut doc = vec![vec![m(0, 1, 0, false), m(1, 2, 1, true)]];
        a.supported(&mut doc, |_, i| i == 1);
        assert_eq!(doc[0].len(), 2);
        // Named unambiguously elsewhere: kept.
        let mut doc = vec![vec![m(0, 2, 1, false)], vec![m(3, 4, 1, true)]];
        a.supported(&mut doc, |_, _| false);
        assert_eq!(doc[1].len(), 1);
    }

    #[test]
    fn transnational_actors_refine_to_the_country_branch() {
        let a = Actors::embedded().unwrap();
        let idx = |id: &str| a.all().iter().position(|x| x.id == id).unwrap();
        let aq = idx("intl.alqaeda");
        assert_eq!(a.all()[a.refine(aq, "YE")].id, "ye.aqap");
        assert_eq!(a.all()[a.refine(aq, "DZ")].id, "dz.aqim");
        assert_eq!(a.refine(aq, "FR"), aq, "no branch: the organisation itself");
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let bad = SMALL.replace("\t2\tREB", "\t9\tREB");
        let e = Actors::parse("actors.tsv", &bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("actors.tsv", 2));
        let e = Actors::parse("actors.tsv", &format!("{SMALL}x\ty\n")).unwrap_err();
        assert_eq!(e.line, 4);
        let dup = format!("{SMALL}ye.other\tOther\tأخرى\trebel\t2\tREB\tYEM\t-\t-\t-\tالحوثي\t-\n");
        assert!(Actors::parse("actors.tsv", &dup).unwrap_err().message.contains("already belongs to ye.houthis"));
    }

    #[test]
    fn embedded_lexicon_loads_and_covers_the_seed_actors() {
        let a = Actors::embedded().unwrap();
        assert!(a.all().len() > 200);
        let q = a.get("intl.qrcs").expect("Qatar Red Crescent");
        assert_eq!(q.country.as_deref(), Some("QAT"));
        for text in ["مليشيا الحوثي", "المليشيات الحوثية", "تنظيم القاعدة", "هيئة الهلال الأحمر القطري"]
        {
            assert!(!find(a, text).is_empty(), "{text}");
        }
    }
}
