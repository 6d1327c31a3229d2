//! Named entities: the tagger's spans and the actor lexicon's aliases merged into mentions, places
//! resolved, one id per actor or place, and the mentions that events use without being names
//! (generic actors such as gunmen or civilians, and definite anaphors such as التنظيم).

use std::collections::HashMap;

use isnad_entities::{ActorMatch, Actors};
use isnad_records::GenericMention;
use isnad_schema::{EntityRecord, EntityType, PlaceRef};
use isnad_tagger::TokenInfo;
use isnad_text::{data_lines, match_key, CharOffsets, Data, LoadError, Token};

use crate::{ner, places, Pipeline};

/// How far back (code points) a definite anaphor looks for the organisation it stands for.
const ANAPHOR_REACH: u32 = 2000;

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

impl Pipeline {
    /// Named entities: the tagger over each sentence, then actor links, places and ids.
    pub(crate) fn entities(&self, text: &str, layer: &isnad_text::TextLayer, chars: &CharOffsets) -> Entities {
        let sentences: Vec<&[Token]> =
            layer.sentences.iter().map(|s| &layer.tokens[s.first_token as usize..s.end_token as usize]).collect();
        let mut seg = isnad_text::Segmenter::new(&self.text);
        let mut infos: Vec<Vec<TokenInfo>> =
            sentences.iter().map(|toks| ner::sentence_infos(text, toks, &mut seg, &self.names)).collect();
        let labels = self.tagger.predict(&mut infos, usize::MAX);
        let matches = self.actor_matches(&infos);
        let mut mentions = self.mentions(&labels, &matches);
        let mut generic = generic_mentions(&self.actors, &sentences, &matches);
        places::cue_mentions(&self.gazetteer, text, &sentences, &mut mentions);
        let (resolved, focus) =
            places::resolve(&self.gazetteer, text, &sentences, &infos, &mentions, Some(&self.actors));
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

    /// The actor aliases of each sentence, ambiguous ones kept only with support.
    fn actor_matches(&self, infos: &[Vec<TokenInfo>]) -> Vec<Vec<ActorMatch>> {
        let mut matches: Vec<Vec<ActorMatch>> = infos
            .iter()
            .map(|s| {
                let words: Vec<isnad_text::Word> =
                    s.iter().map(|t| isnad_text::Word { key: &t.key, stem: &t.stem }).collect();
                self.actors.find(&words)
            })
            .collect();
        self.actors.supported(&mut matches, |s, i| infos[s][i].prefix.starts_with('c'));
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
                match found.iter_mut().find(|f| f.start < m.end && m.start < f.end) {
                    Some(f) => {
                        f.actor = f.actor.or(Some(m.actor));
                    }
                    None => {
                        let ty = match actor.record.kind.as_str() {
                            "person" => EntityType::Per,
                            "state" => EntityType::Loc,
                            _ => EntityType::Org,
                        };
                        found.push(Mention { sentence: s, start: m.start, end: m.end, ty, actor: Some(m.actor) });
                    }
                }
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
