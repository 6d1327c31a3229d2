//! The pipeline: each stage is a plain function over the document, and the
//! result is one [`isnad_schema::Document`].

pub mod ner;
mod places;

use isnad_schema::{
    Document, DocumentMeta, EntityRecord, QuantityRecord, SegmentRecord, Span, TimeRecord, TokenRecord, SCHEMA,
};
use isnad_text::{match_key, TextLexicon};

pub use isnad_schema::InputMeta;

/// One input document: its text and what it declares about itself.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// Identifier, title, outlet, URL and publication date (already validated), when given;
    /// the identifier is derived from the content when absent.
    pub meta: InputMeta,
    /// The text.
    pub text: String,
}

impl Input {
    /// An input with this text and nothing declared.
    pub fn new(text: impl Into<String>) -> Input {
        Input { meta: InputMeta::default(), text: text.into() }
    }
}

/// What to include beyond the default records.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Include tokens with their clitic segmentation.
    pub tokens: bool,
    /// Resolve bare weekdays and dates without a year forward (an
    /// assistant's convention) instead of backward (news).
    pub prefer_future: bool,
}

/// The loaded data every stage needs.
pub struct Pipeline {
    lex: &'static TextLexicon,
}

impl Pipeline {
    /// A pipeline over the embedded data.
    pub fn new() -> Result<Pipeline, isnad_text::LoadError> {
        Ok(Pipeline { lex: TextLexicon::embedded()? })
    }

    /// A pipeline over an edited copy of the lexicon files.
    pub fn with_lexicon(lex: TextLexicon) -> Pipeline {
        Pipeline { lex: Box::leak(Box::new(lex)) }
    }

    /// The text lexicon in use.
    pub fn lexicon(&self) -> &TextLexicon {
        self.lex
    }

    /// The embedded named-entity model (parsed on first use).
    pub fn ner_model(&self) -> Result<&'static isnad_tagger::Tagger, String> {
        static MODEL: std::sync::OnceLock<Result<isnad_tagger::Tagger, String>> = std::sync::OnceLock::new();
        MODEL.get_or_init(load_ner_model).as_ref().map_err(|e| e.clone())
    }

    /// Analyses one document.
    pub fn analyze(&self, input: Input, opts: Options) -> Document {
        let text = input.text;
        let layer = isnad_text::analyze(&text, self.lex);
        let chars = CharIndex::new(&text);
        let anchor = input.meta.published.as_deref().and_then(|p| isnad_time::Anchor::parse(p).ok());
        let times = self.times(&text, &layer.tokens, anchor.as_ref(), opts.prefer_future);
        // Numbers inside dates, intervals and sets (day numbers, years) are
        // parts of the time, not counts; durations keep theirs (15 يوماً).
        // (Times are sorted by start: only those starting before the number can hold it.)
        let in_time = |q: &isnad_text::Quantity| {
            let upto = times.partition_point(|t| t.start <= q.number_start);
            times[..upto].iter().rev().take(8).any(|t| t.kind != "duration" && q.number_end <= t.end)
        };
        let quantities = layer
            .quantities
            .iter()
            .filter(|q| !in_time(q))
            .map(|q| QuantityRecord {
                start: q.start,
                end: q.end,
                text: chars.slice(&text, q.start, q.end).to_string(),
                value: q.value,
                unit: q.unit.clone(),
                unit_en: q.unit_en.clone(),
                kind: kind_name(q.kind).to_string(),
                relation: q.relation.map(|r| relation_name(r).to_string()),
                unit_category: q.unit_category.clone(),
            })
            .collect();
        let tokens = opts.tokens.then(|| {
            let segs = isnad_text::segment_words(&text, &layer.tokens, self.lex);
            layer
                .tokens
                .iter()
                .zip(segs)
                .map(|(t, seg)| TokenRecord {
                    start: t.start,
                    end: t.end,
                    text: t.text(&text).to_string(),
                    kind: token_kind_name(t.kind).to_string(),
                    key: match_key(t.text(&text)),
                    stem: seg.as_ref().map(|s| s.stem.to_string()),
                    segments: seg.map(|s| {
                        s.segments()
                            .iter()
                            .map(|g| SegmentRecord {
                                start: g.start,
                                end: g.end,
                                kind: segment_kind_name(g.kind).to_string(),
                            })
                            .collect()
                    }),
                })
                .collect()
        });
        let (entities, infos, generic) = self.entities(&text, &layer, &chars);
        let quantities: Vec<QuantityRecord> = quantities;
        let sentence_of = |o: u32| layer.sentences.partition_point(|s| s.end <= o);
        let records = isnad_records::RecordsLexicon::embedded();
        let mut checks = match records {
            Ok(lex) => isnad_records::checks(&times, &quantities, &sentence_of, lex),
            Err(_) => Vec::new(),
        };
        let views: Vec<isnad_records::SentenceView> = layer
            .sentences
            .iter()
            .zip(&infos)
            .map(|(s, infos)| isnad_records::SentenceView {
                start: s.start,
                end: s.end,
                toks: layer.tokens[s.first_token as usize..s.end_token as usize]
                    .iter()
                    .zip(infos)
                    .map(|(t, i)| isnad_records::Tok {
                        start: t.start,
                        end: t.end,
                        key: i.key.clone(),
                        stem: i.stem.clone(),
                        conj: i.prefix.starts_with('c'),
                        clause_break: t.kind == isnad_text::TokenKind::Punct
                            && matches!(t.text(&text), "،" | "؛" | ";" | ":" | "," | "(" | ")" | "«" | "»"),
                    })
                    .collect(),
            })
            .collect();
        let extracted = match records {
            Ok(lex) => isnad_records::extract(
                &isnad_records::Doc {
                    text: &text,
                    outlet: input.meta.source.as_deref(),
                    sentences: &views,
                    times: &times,
                    quantities: &quantities,
                    entities: &entities,
                    generic: &generic,
                    published: input.meta.published.as_deref(),
                },
                lex,
            ),
            Err(_) => isnad_records::Extracted::default(),
        };
        checks.extend(extracted.checks.iter().cloned());
        let InputMeta { id, title, source, url, published } = input.meta;
        let id = id.unwrap_or_else(|| content_id(&text));
        Document {
            schema: SCHEMA.to_string(),
            document: DocumentMeta { id, title, source, url, published, language: language(&text).to_string() },
            sentences: layer.sentences.iter().map(|s| Span { start: s.start, end: s.end }).collect(),
            quantities,
            times,
            entities,
            events: extracted.events,
            checks,
            framing: extracted.framing,
            sourcing: extracted.sourcing,
            tokens,
            text,
        }
    }
}

impl Pipeline {
    /// The time expressions of `text` (the embedded time lexicon; none when
    /// it cannot be loaded).
    fn times(
        &self,
        text: &str,
        tokens: &[isnad_text::Token],
        published: Option<&isnad_time::Anchor>,
        prefer_future: bool,
    ) -> Vec<TimeRecord> {
        let Ok(time_lex) = isnad_time::TimeLexicon::embedded() else { return Vec::new() };
        let opts = isnad_time::TimeOptions { prefer_future };
        isnad_time::Times::new(time_lex, self.lex).find(text, tokens, published, &opts)
    }

    /// Named entities: the tagger over each sentence, then linking.
    fn entities(
        &self,
        text: &str,
        layer: &isnad_text::TextLayer,
        chars: &CharIndex,
    ) -> (Vec<EntityRecord>, Vec<Vec<isnad_tagger::TokenInfo>>, Vec<isnad_records::GenericMention>) {
        let (Ok(model), Ok(dict)) = (self.ner_model(), ner::embedded_dict()) else {
            return (Vec::new(), Vec::new(), Vec::new());
        };
        let mut seg = isnad_text::Segmenter::new(self.lex);
        let sentences: Vec<&[isnad_text::Token]> =
            layer.sentences.iter().map(|s| &layer.tokens[s.first_token as usize..s.end_token as usize]).collect();
        let mut infos: Vec<Vec<isnad_tagger::TokenInfo>> =
            sentences.iter().map(|toks| ner::sentence_infos(text, toks, &mut seg, dict)).collect();
        let labels = model.predict(&mut infos, usize::MAX);
        let actors = isnad_entities::Actors::embedded().ok();
        let mut matches: Vec<Vec<isnad_entities::ActorMatch>> = match actors {
            Some(a) => infos
                .iter()
                .map(|s| {
                    let words: Vec<isnad_entities::Word> =
                        s.iter().map(|t| isnad_entities::Word { key: &t.key, stem: &t.stem }).collect();
                    a.find(&words)
                })
                .collect(),
            None => vec![Vec::new(); infos.len()],
        };
        if let Some(a) = actors {
            a.supported(&mut matches, |s, i| infos[s][i].prefix.starts_with('c'));
        }
        // Mentions: (sentence, token start, token end, type, actor index).
        let mut mentions: Vec<(usize, usize, usize, &'static str, Option<usize>)> = Vec::new();
        for (s, _) in sentences.iter().enumerate() {
            let mut found: Vec<(usize, usize, &'static str, Option<usize>)> = isnad_tagger::spans(&labels[s])
                .into_iter()
                .map(|sp| (sp.start, sp.end, ner::type_name(sp.ty), None))
                .collect();
            for m in &matches[s] {
                let Some(actor) = actors.map(|a| &a.all()[m.actor]) else { continue };
                if actor.is_generic() {
                    continue;
                }
                match found.iter_mut().find(|f| f.0 < m.end && m.start < f.1) {
                    Some(f) => {
                        if f.3.is_none() {
                            f.3 = Some(m.actor);
                        }
                    }
                    None => {
                        let ty = match actor.record.kind.as_str() {
                            "person" => "PER",
                            "state" => "LOC",
                            _ => "ORG",
                        };
                        found.push((m.start, m.end, ty, Some(m.actor)));
                    }
                }
            }
            found.sort_by_key(|f| f.0);
            mentions.extend(found.into_iter().map(|(a, b, ty, actor)| (s, a, b, ty, actor)));
        }
        // Generic actors (gunmen, civilians …) are not named entities; events use them.
        let mut generic = Vec::new();
        if let Some(a) = actors {
            for (s, ms) in matches.iter().enumerate() {
                for m in ms.iter().filter(|m| a.all()[m.actor].is_generic()) {
                    generic.push(isnad_records::GenericMention {
                        start: sentences[s][m.start].start,
                        end: sentences[s][m.end - 1].end,
                        actor: a.all()[m.actor].record.clone(),
                    });
                }
            }
        }
        let Ok(gaz) = isnad_gazetteer::Gazetteer::embedded() else { return (Vec::new(), Vec::new(), Vec::new()) };
        places::cue_mentions(gaz, text, &sentences, &mut mentions);
        let (resolved, focus) = places::resolve(gaz, text, &sentences, &infos, &mentions, actors);
        // In a document about one country, a transnational actor is its branch there.
        if let (Some(a), Some(iso2)) = (actors, focus.as_deref()) {
            for m in mentions.iter_mut() {
                if let Some(i) = m.4 {
                    m.4 = Some(a.refine(i, iso2));
                }
            }
        }

        let mut out = Vec::new();
        let mut ids: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        for (k, &(s, a, b, ty, actor)) in mentions.iter().enumerate() {
            let toks = sentences[s];
            let (start, end) = (toks[a].start, toks[b - 1].end);
            let actor = actor.and_then(|i| actors.map(|x| &x.all()[i]));
            let place = resolved[k].clone();
            let target = match (actor, &place) {
                (Some(x), _) => format!("actor:{}", x.record.id),
                (None, Some(p)) => format!("place:{}", p.id),
                _ => format!("text:{}", infos[s][a..b].iter().map(|t| t.stem.as_str()).collect::<Vec<_>>().join(" ")),
            };
            let n = ids.len() + 1;
            let id = ids.entry(target).or_insert_with(|| format!("E{n}")).clone();
            out.push(EntityRecord {
                id,
                start,
                end,
                text: chars.slice(text, start, end).to_string(),
                ty: ty.to_string(),
                actor: actor.map(|x| x.record.clone()),
                place,
            });
        }
        anaphors(&sentences, &infos, &out, &mut generic);
        (out, infos, generic)
    }
}

/// How far back (code points) a definite anaphor looks for the organisation it stands for.
const ANAPHOR_REACH: u32 = 2000;

/// Definite anaphors: "التنظيم" a few sentences after "تنظيم القاعدة" is that organisation
/// ("كان التنظيم قد تمكن من أسرهم"), likewise الجماعة and الحركة. The antecedent is the
/// nearest earlier named non-state group whose own mention carries the same head noun.
fn anaphors(
    sentences: &[&[isnad_text::Token]],
    infos: &[Vec<isnad_tagger::TokenInfo>],
    entities: &[EntityRecord],
    generic: &mut Vec<isnad_records::GenericMention>,
) {
    let heads = ["تنظيم", "جماعه", "جماعة", "حركه", "حركة"];
    for (toks, info) in sentences.iter().zip(infos) {
        for (t, i) in toks.iter().zip(info) {
            if !i.prefix.ends_with('d') || !heads.contains(&i.stem.as_str()) {
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
                        && isnad_text::match_key(&e.text).contains(head)
                });
            if let Some(actor) = antecedent.and_then(|e| e.actor.clone()) {
                generic.push(isnad_records::GenericMention { start: t.start, end: t.end, actor });
            }
        }
    }
    generic.sort_by_key(|g| g.start);
}

/// Parses the embedded model (what start-up pays once).
pub fn load_ner_model() -> Result<isnad_tagger::Tagger, String> {
    isnad_tagger::Tagger::load(&isnad_text::Data::Embedded).map_err(|e| e.to_string())
}

/// A stable content identifier: FNV-1a 64 of the text, in hex.
pub fn content_id(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("doc-{h:016x}")
}

/// The main script of the text: `ar` when most letters are Arabic, `en`
/// when most are Latin, `und` otherwise.
pub fn language(text: &str) -> &'static str {
    let (mut ar, mut latin, mut other) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c as u32 {
            0x0621..=0x064A | 0x066E..=0x06D3 | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC => ar += 1,
            _ if c.is_ascii_alphabetic() => latin += 1,
            0..=0x7F | 0x0600..=0x06FF => {}
            _ if c.is_alphabetic() => other += 1,
            _ => {}
        }
    }
    let total = ar + latin + other;
    if total == 0 {
        "und"
    } else if ar * 2 > total {
        "ar"
    } else if latin * 2 > total {
        "en"
    } else {
        "und"
    }
}

fn kind_name(k: isnad_text::QuantityKind) -> &'static str {
    match k {
        isnad_text::QuantityKind::Cardinal => "cardinal",
        isnad_text::QuantityKind::Ordinal => "ordinal",
        isnad_text::QuantityKind::Approximate => "approximate",
    }
}

fn relation_name(r: isnad_text::Relation) -> &'static str {
    use isnad_text::Relation::*;
    match r {
        About => "about",
        MoreThan => "more_than",
        LessThan => "less_than",
        AtLeast => "at_least",
        AtMost => "at_most",
        OrderOfMagnitude => "order_of_magnitude",
    }
}

fn token_kind_name(k: isnad_text::TokenKind) -> &'static str {
    match k {
        isnad_text::TokenKind::Word => "word",
        isnad_text::TokenKind::Number => "number",
        isnad_text::TokenKind::Punct => "punct",
        isnad_text::TokenKind::Symbol => "symbol",
    }
}

fn segment_kind_name(k: isnad_text::SegmentKind) -> &'static str {
    use isnad_text::SegmentKind::*;
    match k {
        Conj => "conj",
        Prep => "prep",
        Fut => "fut",
        Det => "det",
        Stem => "stem",
        Pron => "pron",
    }
}

/// Code-point → byte offsets of one text (the text crate's sparse index).
pub use isnad_text::CharOffsets as CharIndex;
