use isnad_schema::ActorRef;
use isnad_text::{data_lines, match_key, Affixes, Data, LoadError};
use rustc_hash::FxHashMap;

pub use isnad_text::Word;

const FILE: &str = "actors.tsv";
const EMBEDDED: &str = include_str!("../../../data/actors.tsv");
const HEADER: &str =
    "id\tname_en\tname_ar\tkind\tinter\tsector\tcountry\twikidata\tparent\tflags\taliases_ar\taliases_en";

/// One canonical actor: the record documents carry, and what the lexicon
/// knows besides.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// The record an entity links to (id, names, kind, codes), built once at
    /// load: documents carry a copy of it.
    pub record: ActorRef,
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
    /// True for generic actor kinds (gunmen, civilians …).
    pub fn is_generic(&self) -> bool {
        self.record.kind == "generic"
    }
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
#[derive(Debug)]
pub struct Actors {
    actors: Vec<Actor>,
    by_id: FxHashMap<String, usize>,
    /// First word (stem, article dropped) → (other words' keys, actor, ambiguous).
    index: FxHashMap<String, Vec<(Vec<String>, usize, bool)>>,
    affixes: Affixes,
}

/// A column that may be `-` (none).
fn opt(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

/// One data line of `actors.tsv` (12 non-empty columns) as an actor.
fn parse_actor(cols: &[&str]) -> Result<Actor, String> {
    if cols.len() != 12 {
        return Err(format!("expected 12 tab-separated columns, found {}", cols.len()));
    }
    if let Some(i) = cols.iter().position(|c| c.trim().is_empty()) {
        return Err(format!("column {} is empty (write - for none)", i + 1));
    }
    let inter = match cols[4] {
        "-" => None,
        v => match v.parse::<u8>() {
            Ok(n @ 1..=8) => Some(n),
            _ => return Err(format!("inter must be 1–8, not {v:?}")),
        },
    };
    let mut ambiguous = Vec::new();
    for f in cols[9].split(',') {
        match f {
            "-" | "generic" => {}
            f => match f.strip_prefix("ambiguous_alias:") {
                Some(alias) => ambiguous.push(match_key(alias)),
                None => return Err(format!("unknown flag {f:?}")),
            },
        }
    }
    let record = ActorRef {
        id: cols[0].to_string(),
        name: cols[1].to_string(),
        name_ar: cols[2].to_string(),
        kind: cols[3].to_string(),
        inter,
        sector: opt(cols[5]),
        country: opt(cols[6]),
        wikidata: opt(cols[7]),
    };
    Ok(Actor {
        record,
        parent: opt(cols[8]),
        aliases_ar: cols[10].split('|').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        aliases_en: if cols[11] == "-" { Vec::new() } else { cols[11].split('|').map(str::to_string).collect() },
        ambiguous,
    })
}

impl Actors {
    /// The embedded lexicon (parsed once; an error is kept and returned on
    /// every call).
    pub fn embedded() -> Result<&'static Actors, LoadError> {
        static A: std::sync::OnceLock<Result<Actors, LoadError>> = std::sync::OnceLock::new();
        A.get_or_init(|| Actors::load(&Data::Embedded)).as_ref().map_err(|e| e.clone())
    }

    /// Loads `actors.tsv` (and the affix table its aliases are read with)
    /// from `data`; errors name the file and line.
    pub fn load(data: &Data) -> Result<Actors, LoadError> {
        let affixes = Affixes::load(data)?;
        let (file, content) = data.file(FILE, EMBEDDED)?;
        Actors::parse(affixes, &file, &content)
    }

    /// Parses an actors file named `file`.
    fn parse(affixes: Affixes, file: &str, content: &str) -> Result<Actors, LoadError> {
        let mut a = Actors { actors: Vec::new(), by_id: FxHashMap::default(), index: FxHashMap::default(), affixes };
        for row in data_lines(file, content, Some(HEADER)) {
            let (line, cols) = row?;
            let actor = parse_actor(&cols).map_err(|e| LoadError::new(file, line, e))?;
            a.add(actor).map_err(|e| LoadError::new(file, line, e))?;
        }
        for (i, actor) in a.actors.iter().enumerate() {
            if let Some(p) = &actor.parent {
                if !a.by_id.contains_key(p) {
                    let id = &actor.record.id;
                    return Err(LoadError::new(
                        file,
                        0,
                        format!("actor {id} (entry {}) has unknown parent {p:?}", i + 1),
                    ));
                }
            }
        }
        Ok(a)
    }

    /// Adds an actor and indexes its Arabic name and aliases by first word.
    fn add(&mut self, actor: Actor) -> Result<(), String> {
        let idx = self.actors.len();
        if self.by_id.insert(actor.record.id.clone(), idx).is_some() {
            return Err(format!("duplicate id {:?}", actor.record.id));
        }
        for alias in actor.aliases_ar.iter().chain([&actor.record.name_ar]) {
            let words: Vec<String> = alias.split_whitespace().map(match_key).collect();
            let Some(first) = words.first() else { continue };
            let amb = actor.ambiguous.contains(&match_key(alias));
            let entry = self.index.entry(self.affixes.strip_article(first).to_string()).or_default();
            let rest = words[1..].to_vec();
            if let Some(other) = entry.iter().find(|(r, i, _)| *r == rest && *i != idx) {
                let o = &self.actors[other.1].record.id;
                return Err(format!("alias {alias:?} already belongs to {o}"));
            }
            if !entry.iter().any(|(r, _, _)| *r == rest) {
                entry.push((rest, idx, amb));
            }
        }
        self.actors.push(actor);
        Ok(())
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
        let id = &self.actors[actor].record.id;
        let prefix = format!("{}.", iso2.to_lowercase());
        let mut branches = self
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.parent.as_deref() == Some(id.as_str()) && a.record.id.starts_with(&prefix));
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
        self.actors.iter().filter(|a| a.record.kind == "media").find(|a| {
            let en = std::iter::once(&a.record.name).chain(&a.aliases_en).map(|n| norm(n));
            let ar = std::iter::once(&a.record.name_ar)
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
            if let Some(list) = self.index.get(self.affixes.strip_article(words[i].stem)) {
                for (rest, actor, amb) in list {
                    let n = 1 + rest.len();
                    if i + n > words.len() || best.is_some_and(|b| b.end - b.start >= n) {
                        continue;
                    }
                    let ok = rest.iter().enumerate().all(|(k, w)| {
                        let t = &words[i + 1 + k];
                        let strip = |k| self.affixes.strip_article(k);
                        t.key == w || t.stem == w || strip(t.stem) == strip(w)
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
                let named = if self.actors[m.actor].record.kind == "media" {
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
        let id = |n: &str| a.media_by_name(n).map(|x| x.record.id.as_str());
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

    fn parse(file: &str, content: &str) -> Result<Actors, LoadError> {
        Actors::parse(Affixes::load(&Data::Embedded).unwrap(), file, content)
    }

    const SMALL: &str =
        "id\tname_en\tname_ar\tkind\tinter\tsector\tcountry\twikidata\tparent\tflags\taliases_ar\taliases_en
ye.houthis\tHouthis\tالحوثيون\trebel\t2\tREB\tYEM\t-\t-\t-\tالحوثي|الحوثيين|جماعة الحوثي|مليشيا الحوثي|أنصار الله\t-
ye.aqap\tAQAP\tتنظيم القاعدة\tterrorist\t2\tINS\tYEM\t-\t-\tambiguous_alias:القاعدة\tتنظيم القاعدة|القاعدة\t-
";

    fn words(text: &str) -> (Vec<String>, Vec<String>) {
        let lex = isnad_text::TextLexicon::embedded().unwrap();
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
        a.find(&w).into_iter().map(|m| (m.start, m.end, a.all()[m.actor].record.id.clone(), m.ambiguous)).collect()
    }

    #[test]
    fn aliases_match_through_clitics() {
        let a = parse("t.tsv", SMALL).unwrap();
        assert_eq!(find(&a, "قالت مليشيا الحوثي"), vec![(1, 3, "ye.houthis".into(), false)]);
        assert_eq!(find(&a, "والحوثيين"), vec![(0, 1, "ye.houthis".into(), false)]);
        assert_eq!(find(&a, "عناصر تنظيم القاعدة"), vec![(1, 3, "ye.aqap".into(), false)]);
        assert_eq!(find(&a, "في القاعدة"), vec![(1, 2, "ye.aqap".into(), true)]);
    }

    #[test]
    fn ambiguous_alias_needs_support() {
        let a = parse("t.tsv", SMALL).unwrap();
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
        let idx = |id: &str| a.all().iter().position(|x| x.record.id == id).unwrap();
        let aq = idx("intl.alqaeda");
        assert_eq!(a.all()[a.refine(aq, "YE")].record.id, "ye.aqap");
        assert_eq!(a.all()[a.refine(aq, "DZ")].record.id, "dz.aqim");
        assert_eq!(a.refine(aq, "FR"), aq, "no branch: the organisation itself");
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let bad = SMALL.replace("\t2\tREB", "\t9\tREB");
        let e = parse("actors.tsv", &bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("actors.tsv", 2));
        let e = parse("actors.tsv", &format!("{SMALL}x\ty\n")).unwrap_err();
        assert_eq!(e.line, 4);
        let dup = format!("{SMALL}ye.other\tOther\tأخرى\trebel\t2\tREB\tYEM\t-\t-\t-\tالحوثي\t-\n");
        assert!(parse("actors.tsv", &dup).unwrap_err().message.contains("already belongs to ye.houthis"));
    }

    #[test]
    fn embedded_lexicon_loads_and_covers_the_seed_actors() {
        let a = Actors::embedded().unwrap();
        assert!(a.all().len() > 200);
        let q = a.get("intl.qrcs").expect("Qatar Red Crescent");
        assert_eq!(q.record.country.as_deref(), Some("QAT"));
        for text in ["مليشيا الحوثي", "المليشيات الحوثية", "تنظيم القاعدة", "هيئة الهلال الأحمر القطري"]
        {
            assert!(!find(a, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_malformed_line_in_a_copied_data_dir_names_the_file_and_line() {
        let dir = std::env::temp_dir().join(format!("isnad-actors-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("lexicon")).unwrap();
        std::fs::write(dir.join("lexicon/affixes.tsv"), include_str!("../../../data/lexicon/affixes.tsv")).unwrap();
        std::fs::write(dir.join("actors.tsv"), SMALL.replace("\tREB\tYEM", "\tREB")).unwrap();
        let e = Actors::load(&Data::Dir(dir.clone())).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(e.file.ends_with("actors.tsv"), "{e}");
        assert_eq!(e.line, 2, "{e}");
    }

    #[test]
    fn the_record_is_built_once_from_the_line() {
        let a = parse("t.tsv", SMALL).unwrap();
        let r = &a.get("ye.houthis").unwrap().record;
        assert_eq!((r.name.as_str(), r.kind.as_str(), r.inter), ("Houthis", "rebel", Some(2)));
        assert_eq!(
            (r.sector.as_deref(), r.country.as_deref(), r.wikidata.as_deref()),
            (Some("REB"), Some("YEM"), None)
        );
    }
}
