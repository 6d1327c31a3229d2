use isnad_schema::ActorRef;
use isnad_text::{data_lines, match_key, Affixes, Data, LoadError};
use rustc_hash::FxHashMap;

use crate::country::{load_aliases, CountryAlias, CountryCodes};

pub use isnad_text::Word;

const FILE: &str = "actors.tsv";
const EMBEDDED: &str = include_str!("../../../data/actors.tsv");
const HEADER: &str =
    "id\tname_en\tname_ar\tkind\tinter\tsector\tcountry\twikidata\tparent\tflags\taliases_ar\taliases_en";
/// The shortest remainder (letters) a proclitic cut may leave for alias lookup.
const MIN_CUT_STEM: usize = 3;
/// Conjunctions and prepositions read off a word's front when the word is no alias itself.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

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
    /// Those of the ambiguous aliases (match keys) that are also common words or
    /// other parties' names: the document's country is no support for them.
    pub ambiguous_words: Vec<String>,
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
    /// The ambiguous alias is also a common word: the document's country does
    /// not support it.
    pub word: bool,
}

/// One alias under its first word.
#[derive(Clone, Debug)]
struct Entry {
    /// The other words' keys.
    rest: Vec<String>,
    /// Index into the actors.
    actor: usize,
    /// Flagged ambiguous, and also a common word.
    ambiguous: bool,
    word: bool,
    /// For an alias of `country_aliases.tsv`: the country (alpha-3) of the
    /// documents it links in.
    country: Option<String>,
    /// The first word must carry the article, as the alias does: a country's or
    /// an ambiguous alias is a common noun without it (الشباب al-Shabaab in
    /// Somalia, شباب "youths"; القاعدة, قاعدة عسكرية "a military base").
    definite: bool,
}

/// The actor lexicon with its alias index.
#[derive(Debug)]
pub struct Actors {
    actors: Vec<Actor>,
    by_id: FxHashMap<String, usize>,
    /// First word (stem, article dropped) → the aliases starting with it.
    index: FxHashMap<String, Vec<Entry>>,
    affixes: Affixes,
    countries: CountryCodes,
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
    let (mut ambiguous, mut ambiguous_words) = (Vec::new(), Vec::new());
    for f in cols[9].split(',') {
        if matches!(f, "-" | "generic") {
            continue;
        }
        if let Some(alias) = f.strip_prefix("ambiguous_alias:") {
            ambiguous.push(match_key(alias));
        } else if let Some(alias) = f.strip_prefix("ambiguous_word:") {
            ambiguous.push(match_key(alias));
            ambiguous_words.push(match_key(alias));
        } else {
            return Err(format!("unknown flag {f:?}"));
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
        ambiguous_words,
    })
}

impl Actors {
    /// The embedded lexicon (parsed once; an error is kept and returned on
    /// every call).
    pub fn embedded() -> Result<&'static Actors, LoadError> {
        static A: std::sync::OnceLock<Result<Actors, LoadError>> = std::sync::OnceLock::new();
        A.get_or_init(|| Actors::load(&Data::Embedded)).as_ref().map_err(|e| e.clone())
    }

    /// Loads `actors.tsv` (and the affix table its aliases are read with, the
    /// country codes and the country-dependent aliases) from `data`; errors
    /// name the file and line.
    pub fn load(data: &Data) -> Result<Actors, LoadError> {
        let affixes = Affixes::load(data)?;
        let (file, content) = data.file(FILE, EMBEDDED)?;
        let mut actors = Actors::parse(affixes, &file, &content)?;
        actors.countries = CountryCodes::load(data)?;
        let (file, aliases) = load_aliases(data, &actors.countries)?;
        for a in aliases {
            actors.add_country_alias(&a).map_err(|e| LoadError::new(&file, a.line, e))?;
        }
        Ok(actors)
    }

    /// Parses an actors file named `file`.
    fn parse(affixes: Affixes, file: &str, content: &str) -> Result<Actors, LoadError> {
        let mut a = Actors {
            actors: Vec::new(),
            by_id: FxHashMap::default(),
            index: FxHashMap::default(),
            affixes,
            countries: CountryCodes::default(),
        };
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
            let key = match_key(alias);
            let (ambiguous, word) = (actor.ambiguous.contains(&key), actor.ambiguous_words.contains(&key));
            let entry = Entry { rest: Vec::new(), actor: idx, ambiguous, word, country: None, definite: false };
            self.index_alias(alias, entry)?;
        }
        self.actors.push(actor);
        Ok(())
    }

    /// Indexes a line of `country_aliases.tsv`.
    fn add_country_alias(&mut self, a: &CountryAlias) -> Result<(), String> {
        let actor = *self.by_id.get(&a.actor).ok_or_else(|| format!("unknown actor {:?}", a.actor))?;
        let country = Some(a.country.clone());
        let entry = Entry { rest: Vec::new(), actor, ambiguous: false, word: false, country, definite: false };
        self.index_alias(&a.alias, entry)
    }

    /// Files `entry` (its `rest` filled here) under the alias's first word. One
    /// alias (in one country) has one actor.
    fn index_alias(&mut self, alias: &str, mut entry: Entry) -> Result<(), String> {
        let words: Vec<String> = alias.split_whitespace().map(match_key).collect();
        let Some(first) = words.first() else { return Ok(()) };
        entry.rest = words[1..].to_vec();
        let conditional = entry.ambiguous || entry.country.is_some();
        entry.definite = conditional && self.affixes.strip_article(first).len() < first.len();
        let list = self.index.entry(self.affixes.strip_article(first).to_string()).or_default();
        let same = |e: &&Entry| e.rest == entry.rest && e.country == entry.country;
        if let Some(other) = list.iter().find(same).filter(|o| o.actor != entry.actor) {
            let o = self.actors.get(other.actor).map_or("another actor", |a| a.record.id.as_str());
            return Err(format!("alias {alias:?} already belongs to {o}"));
        }
        if !list.iter().any(|e| same(&e)) {
            list.push(entry);
        }
        Ok(())
    }

    /// The ISO 3166-1 alpha-3 code of an alpha-2 code (`YE` → `YEM`).
    pub fn iso3(&self, iso2: &str) -> Option<&str> {
        self.countries.iso3(iso2)
    }

    /// All actors, in file order.
    pub fn all(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor with this id.
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&i| &self.actors[i])
    }

    /// The branch of a transnational actor (one with no country) in a country
    /// (ISO 3166-1 alpha-2): the one child whose id starts with the lower-cased
    /// code and a dot (`intl.alqaeda` in `YE` → `ye.aqap`); the actor itself
    /// otherwise, and always for a national actor (`ly.lna` stays itself, not
    /// its commander `ly.lna.haftar`).
    pub fn refine(&self, actor: usize, iso2: &str) -> usize {
        if self.actors[actor].record.country.is_some() {
            return actor;
        }
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
    /// [`Actors::supported`]. Country-dependent aliases are left out; see
    /// [`Actors::find_in`].
    pub fn find(&self, words: &[Word<'_>]) -> Vec<ActorMatch> {
        self.find_in(words, None)
    }

    /// Alias matches in a document about `country` (ISO 3166-1 alpha-3): as
    /// [`Actors::find`], with the aliases `country_aliases.tsv` gives for that
    /// country, which win over a general alias of the same length.
    pub fn find_in(&self, words: &[Word<'_>], country: Option<&str>) -> Vec<ActorMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(words, i, country) {
                Some((m, local)) => match self.named_inside(words, m, local, country) {
                    // The same actor named at more length: one match over both.
                    Some(n) if n.actor == m.actor => {
                        out.push(ActorMatch { start: m.start, ..n });
                        i = n.end;
                    }
                    Some(n) => i = n.start,
                    None => {
                        out.push(m);
                        i = m.end;
                    }
                },
                None => i += 1,
            }
        }
        out
    }

    /// Where a named actor's alias starts inside a generic or country-dependent
    /// match and runs past it (`عناصر الشرطة العراقية`: not generic police but the
    /// Iraqi forces; `قوات الجيش الجزائري` in a report on Yemen: Algeria's army).
    fn named_inside(
        &self,
        words: &[Word<'_>],
        m: ActorMatch,
        local: bool,
        country: Option<&str>,
    ) -> Option<ActorMatch> {
        if !local && !self.actors[m.actor].is_generic() {
            return None;
        }
        (m.start + 1..m.end).find_map(|j| {
            let (n, n_local) = self.longest_at(words, j, country)?;
            (n.end > m.end && !n_local && !self.actors[n.actor].is_generic()).then_some(n)
        })
    }

    /// The longest alias starting at word `i`, and whether it is a country's.
    fn longest_at(&self, words: &[Word<'_>], i: usize, country: Option<&str>) -> Option<(ActorMatch, bool)> {
        let mut best: Option<(ActorMatch, bool)> = None;
        for (head, definite) in self.heads(&words[i]) {
            for e in self.index.get(head).into_iter().flatten() {
                let local = e.country.is_some();
                if (local && e.country.as_deref() != country) || (e.definite && !definite) {
                    continue;
                }
                let Some(end) = self.rest_end(words, i + 1, &e.rest) else { continue };
                // Longer wins; on a tie, the first found, unless a country alias comes later.
                if best.is_some_and(|(b, b_local)| b.end > end || (b.end == end && (b_local || !local))) {
                    continue;
                }
                let m = ActorMatch { start: i, end, actor: e.actor, ambiguous: e.ambiguous, word: e.word };
                best = Some((m, local));
            }
        }
        best
    }

    /// Where an alias whose other words are `rest` ends when they follow from
    /// word `from` on; an underscore between words (hashtags: الجيش_اللبناني)
    /// joins them like a space.
    fn rest_end(&self, words: &[Word<'_>], from: usize, rest: &[String]) -> Option<usize> {
        let strip = |k| self.affixes.strip_article(k);
        let mut j = from;
        for w in rest {
            if words.get(j).is_some_and(|t| t.key == "_") && j + 1 < words.len() {
                j += 1;
            }
            let t = words.get(j)?;
            if !(t.key == w || t.stem == w || strip(t.stem) == strip(w)) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The index keys a word may start an alias with, first found first, each
    /// with whether the word carries the article there: the whole word when it
    /// is one (سانا، واس, which the segmenter cuts), its stem from the text
    /// layer's segmentation, and, when the whole word is none, the word with
    /// leading و ف, ب ل ك and the article cut off where that is an alias's
    /// first word (وعيدروس، لمليشيات: names the segmenter keeps whole because
    /// its lexicon does not know them).
    fn heads<'w>(&self, w: &Word<'w>) -> Vec<(&'w str, bool)> {
        let whole = self.affixes.strip_article(w.key);
        let stem = (self.affixes.strip_article(w.stem), self.stem_is_definite(w));
        if self.index.contains_key(whole) {
            let whole = (whole, whole.len() < w.key.len());
            return if whole.0 == stem.0 { vec![whole] } else { vec![whole, stem] };
        }
        let mut heads = vec![stem];
        for (cut, definite) in self.proclitic_cuts(w.key) {
            let head = self.affixes.strip_article(cut);
            let definite = definite || head.len() < cut.len();
            if !heads.iter().any(|h| h.0 == head) && self.index.contains_key(head) {
                heads.push((head, definite));
            }
        }
        heads
    }

    /// Whether the segmentation put the article (ال, or لل after ل) before the stem.
    fn stem_is_definite(&self, w: &Word<'_>) -> bool {
        let article = self.affixes.article();
        if w.stem.starts_with(article) {
            return true;
        }
        let Some(at) = w.key.rfind(w.stem) else { return false };
        let before = &w.key[..at];
        let mut last = before.chars().rev();
        before.ends_with(article) || (last.next() == Some('ل') && last.next() == Some('ل'))
    }

    /// What is left of `key` after each reading of its proclitics
    /// ((و|ف)? (ب|ل|ك)? (ال|ل after ل)?), longest cut first, with whether the
    /// reading cut an article; remainders shorter than [`MIN_CUT_STEM`] letters
    /// are not kept.
    fn proclitic_cuts<'k>(&self, key: &'k str) -> Vec<(&'k str, bool)> {
        let mut out: Vec<(&str, bool)> = Vec::new();
        for a in [Some(key), key.strip_prefix(CONJUNCTIONS)].into_iter().flatten() {
            let prep = a.chars().next().filter(|c| PREPOSITIONS.contains(c));
            for (b, p) in [(Some(a), None), (prep.map(|c| &a[c.len_utf8()..]), prep)] {
                let Some(b) = b else { continue };
                out.push((b, false));
                out.extend(b.strip_prefix(self.affixes.article()).map(|r| (r, true)));
                if p == Some('ل') {
                    out.extend(b.strip_prefix('ل').map(|r| (r, true)));
                }
            }
        }
        out.retain(|(r, _)| r.len() < key.len() && r.chars().count() >= MIN_CUT_STEM);
        out.sort_by_key(|(r, d)| (r.len(), !d));
        out.dedup_by_key(|(r, _)| *r);
        out
    }

    /// Keeps ambiguous matches only with support: the same actor (or its
    /// parent) matched unambiguously anywhere in the document, or another
    /// actor right before, joined by و (`الحوثي والقاعدة`), or, in a document
    /// about the actor's own country (`country`, alpha-3), the country itself
    /// (المقاومة الشعبية in a report on Yemen), unless the alias is also a
    /// common word. `doc` holds every sentence's matches; `conj(s, i)` says
    /// whether token `i` of sentence `s` carries a leading و.
    pub fn supported(&self, doc: &mut [Vec<ActorMatch>], conj: impl Fn(usize, usize) -> bool, country: Option<&str>) {
        let family = |a: usize| -> Vec<usize> {
            let mut f = vec![a];
            if let Some(p) = self.actors[a].parent.as_ref().and_then(|p| self.by_id.get(p)) {
                f.push(*p);
            }
            f
        };
        let named: Vec<usize> = doc.iter().flatten().filter(|m| !m.ambiguous).map(|m| m.actor).collect();
        let sure: Vec<usize> = named.iter().flat_map(|&a| family(a)).collect();
        for (s, matches) in doc.iter_mut().enumerate() {
            let snapshot = matches.clone();
            matches.retain(|m| {
                if !m.ambiguous {
                    return true;
                }
                let record = &self.actors[m.actor].record;
                // A channel is not named by naming its owner (المسيرة is the Houthis' TV only when
                // the channel itself is named; "طائرة مسيرة" is a drone), nor a common word by
                // naming a relative (al-Shabaab named, "القاعدة" is still "the base").
                let media = record.kind == "media";
                let by_name = if media || m.word {
                    named.contains(&m.actor)
                } else {
                    family(m.actor).iter().any(|a| sure.contains(a))
                };
                let coordinated = conj(s, m.start) && snapshot.iter().any(|o| o.end == m.start && o.actor != m.actor);
                let local = !media && !m.word && country.is_some() && record.country.as_deref() == country;
                by_name || coordinated || local
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

    /// The ids found in `text` in a document about `country`, with support applied.
    fn linked(a: &Actors, text: &str, country: Option<&str>) -> Vec<String> {
        let (k, s) = words(text);
        let w: Vec<Word> = k.iter().zip(&s).map(|(k, s)| Word { key: k, stem: s }).collect();
        let mut doc = vec![a.find_in(&w, country)];
        a.supported(&mut doc, |_, _| false, country);
        doc[0].iter().map(|m| a.all()[m.actor].record.id.clone()).collect()
    }

    #[test]
    fn a_word_the_segmenter_keeps_whole_is_read_without_its_proclitics() {
        let a = Actors::embedded().unwrap();
        // Names the lexicon does not know keep their clitics in the segmentation.
        assert_eq!(linked(a, "التقى وعيدروس الزبيدي", None), ["ye.stc.zubaidi"]);
        assert_eq!(linked(a, "تصدى لمليشيات الحوثي", None), ["ye.houthis"]);
        assert_eq!(linked(a, "هاجموا ولقسد", None), ["sy.sdf"]);
        assert_eq!(linked(a, "وصلت وألوية العمالقة", None), ["ye.giants"]);
        // A cut must leave an alias's first word: ولقاء is no alias.
        assert!(linked(a, "ولقاء ولكن", None).is_empty());
    }

    #[test]
    fn a_word_that_is_an_alias_as_written_is_not_cut() {
        let a = Actors::embedded().unwrap();
        // The segmenter reads سانا as س + انا and واس as و + اس.
        assert_eq!(linked(a, "نقلت سانا", None), ["sy.media.sana"]);
        assert_eq!(linked(a, "ذكرت واس", None), ["sa.media.spa"]);
    }

    #[test]
    fn country_aliases_link_only_in_a_document_about_their_country() {
        let a = Actors::embedded().unwrap();
        let text = "تقدم الجيش الوطني";
        assert_eq!(linked(a, text, Some("YEM")), ["ye.gov.army"]);
        assert_eq!(linked(a, text, Some("LBY")), ["ly.lna"]);
        assert!(linked(a, text, None).is_empty());
        assert!(linked(a, text, Some("FRA")).is_empty());
    }

    #[test]
    fn a_country_alias_wins_over_a_general_alias_of_the_same_words() {
        let a = Actors::embedded().unwrap();
        // قوات الجيش is generic.military, قوات التحالف the Saudi-led coalition's ambiguous alias.
        assert_eq!(linked(a, "قالت قوات الجيش", None), ["generic.military"]);
        assert_eq!(linked(a, "قالت قوات الجيش", Some("YEM")), ["ye.gov.army"]);
        assert_eq!(linked(a, "قصفت قوات التحالف", Some("YEM")), ["intl.coalition_yemen"]);
        assert_eq!(linked(a, "قصفت قوات التحالف", Some("SYR")), ["intl.coalition_isis"]);
    }

    #[test]
    fn an_ambiguous_alias_is_supported_by_a_document_about_its_actors_country() {
        let a = Actors::embedded().unwrap();
        let text = "تقدمت المقاومة الشعبية";
        assert_eq!(linked(a, text, Some("YEM")), ["ye.popular_resistance"]);
        assert!(linked(a, text, Some("SYR")).is_empty());
        assert!(linked(a, text, None).is_empty());
        assert_eq!(linked(a, "قال لهادي", Some("YEM")), ["ye.gov.hadi"]);
        assert!(linked(a, "قال لهادي", Some("IRQ")).is_empty());
    }

    #[test]
    fn an_ambiguous_word_needs_its_own_actor_named() {
        let a = Actors::embedded().unwrap();
        // ambiguous_word: the country is no support (the Yemeni government's army was
        // also "القوات المسلحة اليمنية" in 2018) …
        assert!(linked(a, "أعلنت القوات المسلحة اليمنية", Some("YEM")).is_empty());
        // … nor is a relative: naming al-Shabaab does not make "القاعدة" al-Qaeda.
        assert_eq!(linked(a, "هاجمت حركة الشباب القاعدة", None), ["so.shabaab"]);
        assert_eq!(linked(a, "هاجم تنظيم القاعدة ثم القاعدة", None), ["intl.alqaeda", "intl.alqaeda"]);
    }

    #[test]
    fn country_and_ambiguous_aliases_need_the_article_they_are_written_with() {
        let a = Actors::embedded().unwrap();
        assert_eq!(linked(a, "هاجم الشباب", Some("SOM")), ["so.shabaab"]);
        assert_eq!(linked(a, "هاجم للشباب", Some("SOM")), ["so.shabaab"]);
        assert!(linked(a, "خرج شباب", Some("SOM")).is_empty(), "شباب is youths");
        assert!(linked(a, "بدأ حشد القوات", Some("IRQ")).is_empty(), "حشد is a mobilisation");
        assert_eq!(linked(a, "قال الحشد", Some("IRQ")), ["iq.pmf"]);
    }

    #[test]
    fn an_underscore_joins_the_words_of_an_alias() {
        let a = Actors::embedded().unwrap();
        let toks = ["قصف", "الجيش", "_", "اللبناني"];
        let stems = ["قصف", "جيش", "_", "لبناني"];
        let keys: Vec<String> = toks.iter().map(|t| match_key(t)).collect();
        let w: Vec<Word> = keys.iter().zip(stems).map(|(k, s)| Word { key: k, stem: s }).collect();
        let found = a.find(&w);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].end, a.all()[found[0].actor].record.id.as_str()), (1, 4, "lb.gov.army"));
    }

    #[test]
    fn a_named_alias_inside_a_generic_or_country_phrase_wins() {
        let a = Actors::embedded().unwrap();
        // عناصر الشرطة is generic police; الشرطة العراقية the Iraqi forces.
        assert_eq!(linked(a, "قتل عناصر الشرطة العراقية", None), ["iq.gov.army"]);
        assert_eq!(linked(a, "قتل عناصر الشرطة", None), ["generic.police"]);
        assert_eq!(linked(a, "قالت قوات الجيش الجزائري", Some("YEM")), ["dz.gov.army"]);
    }

    #[test]
    fn a_country_alias_with_an_unknown_actor_names_the_file_and_line() {
        let dir = std::env::temp_dir().join(format!("isnad-country-aliases-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("lexicon")).unwrap();
        std::fs::create_dir_all(dir.join("entities")).unwrap();
        std::fs::write(dir.join("lexicon/affixes.tsv"), include_str!("../../../data/lexicon/affixes.tsv")).unwrap();
        std::fs::write(dir.join("countries.tsv"), include_str!("../../../data/countries.tsv")).unwrap();
        std::fs::write(dir.join("actors.tsv"), SMALL).unwrap();
        let aliases = "country\talias\tactor\nYEM\tالانقلابيين\tye.houthis\nYEM\tالجيش\tye.gov.army\n";
        std::fs::write(dir.join("entities/country_aliases.tsv"), aliases).unwrap();
        let e = Actors::load(&Data::Dir(dir.clone())).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(e.file.ends_with("entities/country_aliases.tsv"), "{e}");
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("ye.gov.army"), "{e}");
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
        let m = |start, end, actor, ambiguous| ActorMatch { start, end, actor, ambiguous, word: false };
        // "القاعدة" alone in a document about a military base: dropped.
        let mut doc = vec![vec![m(1, 2, 1, true)]];
        a.supported(&mut doc, |_, _| false, None);
        assert!(doc[0].is_empty());
        // "الحوثي والقاعدة": coordinated with another actor: kept.
        let mut doc = vec![vec![m(0, 1, 0, false), m(1, 2, 1, true)]];
        a.supported(&mut doc, |_, i| i == 1, None);
        assert_eq!(doc[0].len(), 2);
        // Named unambiguously elsewhere: kept.
        let mut doc = vec![vec![m(0, 2, 1, false)], vec![m(3, 4, 1, true)]];
        a.supported(&mut doc, |_, _| false, None);
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
    fn a_national_actor_is_not_refined_to_its_only_child() {
        let a = Actors::embedded().unwrap();
        let idx = |id: &str| a.all().iter().position(|x| x.record.id == id).unwrap();
        for (id, iso2) in [("ly.lna", "LY"), ("sy.hts", "SY"), ("sy.armed_opposition", "SY")] {
            assert_eq!(a.all()[a.refine(idx(id), iso2)].record.id, id);
        }
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
