//! Named entities: the tagger's spans and the actor lexicon's aliases merged into mentions, places
//! resolved, one id per actor or place, and the mentions that events use without being names
//! (generic actors such as gunmen or civilians, and definite anaphors such as التنظيم). Aliases
//! are linked twice when a document is about one country: the second pass adds what that country
//! makes clear (المقاومة الشعبية, الجيش الوطني in a report on Yemen).

use std::collections::HashMap;

use isnad_entities::{ActorMatch, Actors};
use isnad_records::GenericMention;
use isnad_schema::{EntityRecord, EntityType, PlaceLevel, PlaceRef};
use isnad_tagger::{Label, TokenInfo};
use isnad_text::{data_lines, match_key, CharOffsets, Data, LoadError, Token};

use crate::{ner, places, Pipeline};

/// How far back (code points) a definite anaphor looks for the organisation it stands for.
const ANAPHOR_REACH: u32 = 2000;
/// The most tokens a dateline spans before its parenthesis.
const DATELINE_TOKENS: usize = 10;

/// One entity mention before it becomes a record: tokens `start..end` of one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Sentence index.
    pub sentence: usize,
    /// First token (index within the sentence).
    pub start: usize,
    /// Token end (exclusive).
    pub end: usize,
    /// PER, ORG, LOC or MISC.
    pub ty: EntityType,
    /// Index of the linked actor in the lexicon.
    pub actor: Option<usize>,
}

/// The head nouns of definite anaphors (`data/entities/anaphors.tsv`), by stem match key.
#[derive(Clone, Debug, Default)]
pub struct AnaphorHeads(Vec<String>);

impl AnaphorHeads {
    /// The file under `data/`.
    pub const FILE: &'static str = "entities/anaphors.tsv";

    /// Reads the head nouns; errors name the file and line.
    pub fn load(data: &Data) -> Result<AnaphorHeads, LoadError> {
        let (file, content) = data.file(Self::FILE, include_str!("../../../data/entities/anaphors.tsv"))?;
        let mut heads = Vec::new();
        for row in data_lines(&file, &content, Some("head")) {
            let (line, cols) = row?;
            match cols.as_slice() {
                [w] if !w.trim().is_empty() && !w.trim().contains(' ') => heads.push(match_key(w.trim())),
                _ => return Err(LoadError::new(&file, line, "expected one word per line")),
            }
        }
        Ok(AnaphorHeads(heads))
    }

    fn contains(&self, stem: &str) -> bool {
        self.0.iter().any(|h| h == stem)
    }
}

/// What the entity stage gives the later stages.
pub struct Entities {
    /// The entity records, in text order.
    pub records: Vec<EntityRecord>,
    /// The tagger's per-token information, by sentence (keys, stems, clitics).
    pub infos: Vec<Vec<TokenInfo>>,
    /// Generic actors and anaphors that events may use as participants.
    pub generic: Vec<GenericMention>,
}

/// Actor links, mentions and places of one document, as one pass leaves them.
struct Linked {
    /// Each sentence's actor aliases, ambiguous ones kept only with support.
    matches: Vec<Vec<ActorMatch>>,
    mentions: Vec<Mention>,
    /// The place of each mention.
    resolved: Vec<Option<PlaceRef>>,
    /// The country (alpha-2) most of the places are in.
    focus: Option<String>,
}

impl Pipeline {
    /// Named entities: the tagger over each sentence, then actor links, places and ids.
    pub(crate) fn entities(&self, text: &str, layer: &isnad_text::TextLayer, chars: &CharOffsets) -> Entities {
        let sentences: Vec<&[Token]> =
            layer.sentences.iter().map(|s| &layer.tokens[s.first_token as usize..s.end_token as usize]).collect();
        let mut seg = isnad_text::Segmenter::new(&self.text);
        let mut infos: Vec<Vec<TokenInfo>> =
            sentences.iter().map(|toks| ner::sentence_infos(text, toks, &mut seg, &self.names)).collect();
        let labels = self.tagger.predict(&mut infos, usize::MAX);
        let Linked { matches, mut mentions, resolved, focus } = self.link(text, &sentences, &infos, &labels);
        let mut generic = generic_mentions(&self.actors, &sentences, &matches);
        // In a document about one country, a transnational actor is its branch there.
        if let Some(iso2) = focus.as_deref() {
            for m in mentions.iter_mut() {
                m.actor = m.actor.map(|i| self.actors.refine(i, iso2));
            }
        }
        let records = self.records(text, chars, &sentences, &infos, &mentions, resolved);
        anaphors(&self.anaphor_heads, &sentences, &infos, &records, &mut generic);
        Entities { records, infos, generic }
    }

    /// Actor links, mentions and places; in a document about one country, linked
    /// again with what that country supports (its ambiguous and country-dependent
    /// aliases: المقاومة الشعبية and الجيش الوطني in a report on Yemen).
    fn link(&self, text: &str, sentences: &[&[Token]], infos: &[Vec<TokenInfo>], labels: &[Vec<Label>]) -> Linked {
        let first = self.link_with(text, sentences, infos, labels, self.actor_matches(infos, None));
        let dateline = dateline_mentions(text, sentences, &first.mentions);
        let Some(country) = self.document_country(&first.mentions[dateline..], &first.resolved[dateline..]) else {
            return first;
        };
        let matches = self.actor_matches(infos, Some(&country));
        if matches == first.matches {
            return first;
        }
        self.link_with(text, sentences, infos, labels, matches)
    }

    /// Mentions from the tagger's spans and `matches`, and their places.
    fn link_with(
        &self,
        text: &str,
        sentences: &[&[Token]],
        infos: &[Vec<TokenInfo>],
        labels: &[Vec<Label>],
        matches: Vec<Vec<ActorMatch>>,
    ) -> Linked {
        let mut mentions = self.mentions(labels, &matches);
        places::cue_mentions(&self.gazetteer, text, sentences, &mut mentions);
        let (resolved, focus) = places::resolve(&self.gazetteer, text, sentences, infos, &mentions, Some(&self.actors));
        Linked { matches, mentions, resolved, focus }
    }

    /// The country a document is about (ISO 3166-1 alpha-3): the one most of
    /// its mentions are in, counting resolved places (twice a governorate,
    /// district or city) and the other mentions' linked actors (outlets apart);
    /// on a tie, the one named first. A country only villages and small towns
    /// are in does not count (those names recur across countries: البليدة is
    /// also a Yemeni village).
    fn document_country(&self, mentions: &[Mention], resolved: &[Option<PlaceRef>]) -> Option<String> {
        // (country, weight, whether the country is named or a major place in it)
        let mut counts: Vec<(&str, usize, bool)> = Vec::new();
        for (m, place) in mentions.iter().zip(resolved) {
            let actor = m.actor.map(|a| &self.actors.all()[a].record);
            let (country, weight, sure) = match (place, actor) {
                (Some(p), _) => {
                    let major = matches!(p.level, PlaceLevel::Admin1 | PlaceLevel::Admin2 | PlaceLevel::City);
                    (self.actors.iso3(&p.country), 1 + major as usize, major || p.level == PlaceLevel::Country)
                }
                (None, Some(r)) if r.kind != "media" => (r.country.as_deref(), 1, true),
                _ => continue,
            };
            let Some(country) = country else { continue };
            match counts.iter_mut().find(|(c, _, _)| *c == country) {
                Some(e) => {
                    e.1 += weight;
                    e.2 |= sure;
                }
                None => counts.push((country, weight, sure)),
            }
        }
        counts.retain(|(_, _, sure)| *sure);
        let top = counts.iter().map(|(_, n, _)| *n).max()?;
        counts.iter().find(|(_, n, _)| *n == top).map(|(c, _, _)| c.to_string())
    }

    /// The actor aliases of each sentence (with the aliases of `country`, the
    /// document's, alpha-3), ambiguous ones kept only with support.
    fn actor_matches(&self, infos: &[Vec<TokenInfo>], country: Option<&str>) -> Vec<Vec<ActorMatch>> {
        let mut matches: Vec<Vec<ActorMatch>> = infos
            .iter()
            .map(|s| {
                let words: Vec<isnad_text::Word> =
                    s.iter().map(|t| isnad_text::Word { key: &t.key, stem: &t.stem }).collect();
                self.actors.find_in(&words, country)
            })
            .collect();
        self.actors.supported(&mut matches, |s, i| infos[s][i].prefix.starts_with('c'), country);
        matches
    }

    /// The tagger's spans, linked to the named actors they overlap; actor aliases the tagger
    /// missed are added (persons as PER, states as LOC, the rest as ORG).
    fn mentions(&self, labels: &[Vec<isnad_tagger::Label>], matches: &[Vec<ActorMatch>]) -> Vec<Mention> {
        let mut mentions = Vec::new();
        for (s, (labels, matches)) in labels.iter().zip(matches).enumerate() {
            let mut found: Vec<Mention> = isnad_tagger::spans(labels)
                .into_iter()
                .map(|sp| Mention { sentence: s, start: sp.start, end: sp.end, ty: ner::type_name(sp.ty), actor: None })
                .collect();
            for m in matches {
                let actor = &self.actors.all()[m.actor];
                if actor.is_generic() {
                    continue;
                }
                let ty = match actor.record.kind.as_str() {
                    "person" => EntityType::Per,
                    "state" => EntityType::Loc,
                    _ => EntityType::Org,
                };
                link_match(&mut found, Mention { sentence: s, start: m.start, end: m.end, ty, actor: Some(m.actor) });
            }
            found.sort_by_key(|f| f.start);
            mentions.extend(found);
        }
        mentions
    }

    /// One record per mention; mentions of one actor, one place or one stem sequence share an id.
    fn records(
        &self,
        text: &str,
        chars: &CharOffsets,
        sentences: &[&[Token]],
        infos: &[Vec<TokenInfo>],
        mentions: &[Mention],
        resolved: Vec<Option<PlaceRef>>,
    ) -> Vec<EntityRecord> {
        let mut ids: HashMap<String, String> = HashMap::new();
        mentions
            .iter()
            .zip(resolved)
            .map(|(m, place)| {
                let toks = sentences[m.sentence];
                let (start, end) = (toks[m.start].start, toks[m.end - 1].end);
                let actor = m.actor.map(|i| &self.actors.all()[i]);
                let target = match (actor, &place) {
                    (Some(x), _) => format!("actor:{}", x.record.id),
                    (None, Some(p)) => format!("place:{}", p.id),
                    _ => {
                        let stems: Vec<&str> =
                            infos[m.sentence][m.start..m.end].iter().map(|t| t.stem.as_str()).collect();
                        format!("text:{}", stems.join(" "))
                    }
                };
                let n = ids.len() + 1;
                let id = ids.entry(target).or_insert_with(|| format!("E{n}")).clone();
                EntityRecord {
                    id,
                    start,
                    end,
                    text: chars.slice(text, start, end).to_string(),
                    ty: m.ty,
                    actor: actor.map(|x| x.record.clone()),
                    place,
                }
            })
            .collect()
    }
}

/// How many mentions (from the first) make up a dateline: the places that open a
/// text before a parenthesis (`دبي، الإمارات العربية المتحدة (CNN)`, `القاهرة (رويترز)`),
/// where the report was filed rather than what it is about.
fn dateline_mentions(text: &str, sentences: &[&[Token]], mentions: &[Mention]) -> usize {
    let Some(toks) = sentences.first() else { return 0 };
    let Some(open) = toks.iter().take(DATELINE_TOKENS).position(|t| t.text(text) == "(") else { return 0 };
    let leading: Vec<&Mention> = mentions.iter().take_while(|m| m.sentence == 0 && m.end <= open).collect();
    let covered = |i: usize| leading.iter().any(|m| m.ty == EntityType::Loc && m.start <= i && i < m.end);
    let place_only = (0..open).all(|i| toks[i].kind != isnad_text::TokenKind::Word || covered(i));
    if open > 0 && place_only {
        leading.len()
    } else {
        0
    }
}

/// Links the tagger's spans of a sentence to an actor alias (`alias`, a mention of
/// its actor): the spans it overlaps merge with it into one mention of the actor,
/// typed as the tagger typed a span that holds the whole alias, else as the actor
/// (`تحالف دعم الشرعية في اليمن` is the coalition, not a place). A span already
/// linked to another actor keeps its part before the alias (`الجيش اليمني والمقاومة`
/// read as one span: two actors).
fn link_match(found: &mut Vec<Mention>, alias: Mention) {
    let over: Vec<usize> =
        (0..found.len()).filter(|&i| found[i].start < alias.end && alias.start < found[i].end).collect();
    if let Some(&i) = over.iter().find(|&&i| found[i].actor.is_some_and(|a| Some(a) != alias.actor)) {
        let f = found[i];
        if f.start < alias.start {
            found[i].end = alias.start;
            found.push(Mention { end: alias.end.max(f.end), ..alias });
        }
        return;
    }
    let Some(&first) = over.first() else {
        found.push(alias);
        return;
    };
    let start = over.iter().map(|&i| found[i].start).min().unwrap_or(alias.start).min(alias.start);
    let end = over.iter().map(|&i| found[i].end).max().unwrap_or(alias.end).max(alias.end);
    let within = over.len() == 1 && found[first].start <= alias.start && alias.end <= found[first].end;
    let ty = if within { found[first].ty } else { alias.ty };
    for &i in over.iter().rev() {
        found.remove(i);
    }
    found.push(Mention { start, end, ty, ..alias });
}

/// Generic actors (gunmen, civilians …) are not named entities; events use them.
fn generic_mentions(actors: &Actors, sentences: &[&[Token]], matches: &[Vec<ActorMatch>]) -> Vec<GenericMention> {
    let mut generic = Vec::new();
    for (s, ms) in matches.iter().enumerate() {
        for m in ms.iter().filter(|m| actors.all()[m.actor].is_generic()) {
            generic.push(GenericMention {
                start: sentences[s][m.start].start,
                end: sentences[s][m.end - 1].end,
                actor: actors.all()[m.actor].record.clone(),
            });
        }
    }
    generic
}

/// Definite anaphors: "التنظيم" a few sentences after "تنظيم القاعدة" is that organisation
/// ("كان التنظيم قد تمكن من أسرهم"), likewise الجماعة and الحركة. The antecedent is the
/// nearest earlier named non-state group whose own mention carries the same head noun.
fn anaphors(
    heads: &AnaphorHeads,
    sentences: &[&[Token]],
    infos: &[Vec<TokenInfo>],
    entities: &[EntityRecord],
    generic: &mut Vec<GenericMention>,
) {
    for (toks, info) in sentences.iter().zip(infos) {
        for (t, i) in toks.iter().zip(info) {
            if !i.prefix.ends_with('d') || !heads.contains(&i.stem) {
                continue;
            }
            if entities.iter().any(|e| e.start < t.end && t.start < e.end) {
                continue;
            }
            let head = i.stem.trim_end_matches(['ه', 'ة']);
            let antecedent =
                entities.iter().rev().filter(|e| e.end <= t.start && t.start - e.end <= ANAPHOR_REACH).find(|e| {
                    e.actor
                        .as_ref()
                        .is_some_and(|a| !matches!(a.kind.as_str(), "media" | "generic" | "state" | "person"))
                        && match_key(&e.text).contains(head)
                });
            if let Some(actor) = antecedent.and_then(|e| e.actor.clone()) {
                generic.push(GenericMention { start: t.start, end: t.end, actor });
            }
        }
    }
    generic.sort_by_key(|g| g.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_anaphor_heads_are_keyed_like_the_stems_they_match() {
        let heads = AnaphorHeads::load(&Data::Embedded).unwrap();
        assert!(heads.contains(&match_key("تنظيم")));
        assert!(heads.contains(&match_key("جماعة")) && heads.contains(&match_key("جماعه")));
        assert!(!heads.contains(&match_key("التنظيم")), "stems carry no article");
    }

    /// (text, actor id) of the linked entities of `text`.
    fn links(text: &str) -> Vec<(String, String)> {
        let p = Pipeline::embedded().unwrap();
        let doc = p.analyze(crate::Input::new(text), crate::Options::default());
        doc.entities.iter().filter_map(|e| e.actor.as_ref().map(|a| (e.text.clone(), a.id.clone()))).collect()
    }

    fn linked_to(links: &[(String, String)], text: &str) -> Option<String> {
        links.iter().find(|(t, _)| t == text).map(|(_, id)| id.clone())
    }

    #[test]
    fn ambiguous_and_country_aliases_link_in_a_document_about_their_country() {
        let yemen = "تقدمت المقاومة الشعبية والجيش الوطني في مديرية حيس بمحافظة الحديدة وفي تعز وصعدة.";
        let l = links(yemen);
        assert_eq!(linked_to(&l, "المقاومة الشعبية").as_deref(), Some("ye.popular_resistance"), "{l:?}");
        assert_eq!(linked_to(&l, "والجيش الوطني").as_deref(), Some("ye.gov.army"), "{l:?}");
        let libya = "تقدم الجيش الوطني في درنة وبنغازي وسرت.";
        assert_eq!(linked_to(&links(libya), "الجيش الوطني").as_deref(), Some("ly.lna"));
        // No country to read them by: neither links.
        let l = links("تقدمت المقاومة الشعبية والجيش الوطني.");
        assert!(l.is_empty(), "{l:?}");
    }

    #[test]
    fn a_dateline_does_not_decide_the_documents_country() {
        // Without the dateline, Yemen (تعز) is the document's country; with it counted,
        // Dubai and the UAE would outweigh Taiz.
        let text = "دبي، الإمارات العربية المتحدة (CNN) -- قال الجيش الوطني إنه سيطر على مواقع في تعز.";
        let l = links(text);
        assert_eq!(linked_to(&l, "الجيش الوطني").as_deref(), Some("ye.gov.army"), "{l:?}");
    }

    #[test]
    fn a_national_actor_keeps_its_link_in_its_own_country() {
        let l = links("سيطرت قوات الجيش الوطني الليبي على درنة.");
        assert!(l.iter().any(|(_, id)| id == "ly.lna"), "{l:?}");
        assert!(!l.iter().any(|(_, id)| id == "ly.lna.haftar"), "{l:?}");
    }

    fn mention(start: usize, end: usize, ty: EntityType, actor: Option<usize>) -> Mention {
        Mention { sentence: 0, start, end, ty, actor }
    }

    #[test]
    fn an_alias_takes_in_the_tagger_spans_it_overlaps() {
        // "تحالف دعم الشرعية في اليمن": the tagger's ORG and LOC spans inside the alias
        // become one mention of the coalition, typed as the actor.
        let mut found = vec![mention(0, 3, EntityType::Org, None), mention(4, 5, EntityType::Loc, None)];
        link_match(&mut found, mention(0, 5, EntityType::Org, Some(7)));
        assert_eq!(found, vec![mention(0, 5, EntityType::Org, Some(7))]);
        // A span that holds the whole alias keeps the tagger's extent and type.
        let mut found = vec![mention(0, 4, EntityType::Per, None)];
        link_match(&mut found, mention(1, 3, EntityType::Org, Some(2)));
        assert_eq!(found, vec![mention(0, 4, EntityType::Per, Some(2))]);
    }

    #[test]
    fn a_span_holding_two_actors_is_split_between_them() {
        // "الجيش اليمني والمقاومة" tagged as one span: the army, then the resistance.
        let mut found = vec![mention(0, 3, EntityType::Org, None)];
        link_match(&mut found, mention(0, 2, EntityType::Org, Some(1)));
        link_match(&mut found, mention(2, 3, EntityType::Org, Some(5)));
        found.sort_by_key(|m| m.start);
        assert_eq!(found, vec![mention(0, 2, EntityType::Org, Some(1)), mention(2, 3, EntityType::Org, Some(5))]);
    }

    #[test]
    fn a_definite_organisation_noun_points_back_to_the_group_named_before() {
        let p = Pipeline::embedded().unwrap();
        let text = "أعلن تنظيم القاعدة في جزيرة العرب مسؤوليته عن الهجوم. وكان التنظيم قد هدد بذلك.";
        let doc = p.analyze(crate::Input::new(text), crate::Options::default());
        let aqap = doc.entities.iter().find_map(|e| e.actor.as_ref().map(|a| a.id.clone()));
        assert!(aqap.is_some(), "{:?}", doc.entities);
        let layer = isnad_text::analyze(text, &p.text);
        let ents = p.entities(text, &layer, &CharOffsets::new(text));
        let start = text.chars().count() as u32 - "التنظيم قد هدد بذلك.".chars().count() as u32;
        let anaphor = ents.generic.iter().find(|g| g.start == start).expect("the anaphor is a mention");
        assert_eq!(Some(anaphor.actor.id.clone()), aqap);
    }
}
