//! The pipeline: each stage is a plain function over the document, and the result is one
//! [`isnad_schema::Document`].
//!
//! ```
//! use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
//! let p = Pipeline::embedded().expect("the embedded data loads");
//! let meta = InputMeta { published: Some("2023-11-23".into()), ..InputMeta::default() };
//! let doc = p.analyze(Input { meta, text: "قتل 3 مدنيين أمس في صنعاء.".into() }, Options::default());
//! assert_eq!(doc.times[0].from.as_deref(), Some("2023-11-22"));
//! assert_eq!(doc.quantities[0].value, 3.0);
//! ```

mod entities;
mod layer;
pub mod ner;
mod places;
mod views;

use std::sync::{Arc, OnceLock};

use isnad_entities::Actors;
use isnad_gazetteer::Gazetteer;
use isnad_records::RecordsLexicon;
use isnad_schema::{Document, DocumentMeta, Span, SCHEMA};
use isnad_tagger::{NameDict, Tagger};
use isnad_text::{CharOffsets, Data, LoadError, TextLexicon};

pub use entities::AnaphorHeads;
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

/// Every resource the stages need, loaded once: lexicons, gazetteer, actors, the tagger and its
/// name dictionary. [`Pipeline::load`] reads them all from one [`Data`] source and fails with the
/// file and line of the first malformed one; nothing is loaded lazily or dropped silently.
pub struct Pipeline {
    data: Data,
    text: Arc<TextLexicon>,
    time: isnad_time::TimeLexicon,
    actors: Actors,
    gazetteer: Gazetteer,
    tagger: Tagger,
    names: NameDict,
    anaphor_heads: AnaphorHeads,
    records: RecordsLexicon,
    topic: isnad_records::TopicModel,
}

impl Pipeline {
    /// Loads every data file from `data` (the embedded copy, or a directory laid out like
    /// `data/`). A file that is missing or malformed is an error naming it and its line.
    pub fn load(data: &Data) -> Result<Pipeline, LoadError> {
        let text = Arc::new(TextLexicon::load(data)?);
        let actors = Actors::load(data)?;
        let mut gazetteer = Gazetteer::load(data)?;
        gazetteer.use_word_frequencies(Arc::clone(&text));
        let names = ner::name_dict(data, &text, &actors, &gazetteer)?;
        Ok(Pipeline {
            time: isnad_time::TimeLexicon::load(data)?,
            tagger: Tagger::load(data)?,
            anaphor_heads: AnaphorHeads::load(data)?,
            records: RecordsLexicon::load(data)?,
            topic: isnad_records::TopicModel::load(data)?,
            data: data.clone(),
            text,
            actors,
            gazetteer,
            names,
        })
    }

    /// The pipeline over the embedded data, loaded on first use and shared.
    pub fn embedded() -> Result<&'static Pipeline, LoadError> {
        static EMBEDDED: OnceLock<Result<Pipeline, LoadError>> = OnceLock::new();
        EMBEDDED.get_or_init(|| Pipeline::load(&Data::Embedded)).as_ref().map_err(Clone::clone)
    }

    /// Where the data came from.
    pub fn data(&self) -> &Data {
        &self.data
    }

    /// The text lexicon in use.
    pub fn lexicon(&self) -> &TextLexicon {
        &self.text
    }

    /// The time lexicon in use.
    pub fn time_lexicon(&self) -> &isnad_time::TimeLexicon {
        &self.time
    }

    /// The named-entity model in use.
    pub fn ner_model(&self) -> &Tagger {
        &self.tagger
    }

    /// The tagger's name dictionary in use.
    pub fn name_dict(&self) -> &NameDict {
        &self.names
    }

    /// Analyses one document: text layer → times → quantities → entities → checks and events.
    pub fn analyze(&self, input: Input, opts: Options) -> Document {
        let text = input.text;
        let layer = isnad_text::analyze(&text, &self.text);
        let chars = CharOffsets::new(&text);
        let anchor = input.meta.published.as_deref().and_then(|p| isnad_time::Anchor::parse(p).ok());
        let time_opts = isnad_time::TimeOptions { prefer_future: opts.prefer_future };
        let times =
            isnad_time::Times::new(&self.time, &self.text).find(&text, &layer.tokens, anchor.as_ref(), &time_opts);
        let quantities = layer::quantities(&text, &layer, &times, &chars);
        let tokens = opts.tokens.then(|| layer::tokens(&text, &layer, &self.text));
        let entities = self.entities(&text, &layer, &chars);
        let sentence_of = |o: u32| layer.sentences.partition_point(|s| s.end <= o);
        let mut checks = isnad_records::checks(&times, &quantities, &sentence_of, &self.records);
        let views = views::sentence_views(&text, &layer, &entities.infos);
        let doc = isnad_records::Doc {
            text: &text,
            outlet: input.meta.source.as_deref(),
            sentences: &views,
            times: &times,
            quantities: &quantities,
            entities: &entities.records,
            generic: &entities.generic,
            published: input.meta.published.as_deref(),
        };
        let mut extracted = isnad_records::extract(&doc, &self.records);
        let relevance = self.relevance(&views);
        if !relevance.reported {
            extracted.events.clear();
            extracted.background.clear();
        }
        checks.extend(extracted.checks.iter().cloned());
        let InputMeta { id, title, source, url, published } = input.meta;
        let id = id.unwrap_or_else(|| content_id(&text));
        Document {
            schema: SCHEMA.to_string(),
            document: DocumentMeta { id, title, source, url, published, language: language(&text).to_string() },
            sentences: layer.sentences.iter().map(|s| Span { start: s.start, end: s.end }).collect(),
            quantities,
            times,
            entities: entities.records,
            events: extracted.events,
            background: extracted.background,
            relevance: Some(relevance),
            checks,
            framing: extracted.framing,
            sourcing: extracted.sourcing,
            tokens,
            text,
        }
    }
}

impl Pipeline {
    /// The topic decision over a document's sentence views.
    fn relevance(&self, views: &[isnad_records::SentenceView]) -> isnad_schema::Relevance {
        let (news, reported) = self.topic.judge(views::stems(views));
        isnad_schema::Relevance { news: (news * 1000.0).round() / 1000.0, reported }
    }

    /// The stems the topic model reads of a text, each once (what `isnad train topic` learns from).
    pub fn topic_stems(&self, text: &str) -> Vec<String> {
        let layer = isnad_text::analyze(text, &self.text);
        let chars = CharOffsets::new(text);
        let entities = self.entities(text, &layer, &chars);
        let views = views::sentence_views(text, &layer, &entities.infos);
        let mut seen = std::collections::HashSet::new();
        views::stems(&views).filter(|s| seen.insert(*s)).map(str::to_string).collect()
    }
}

/// A stable content identifier: FNV-1a 64 of the text, in hex.
pub fn content_id(text: &str) -> String {
    format!("doc-{:016x}", isnad_text::hash::fnv1a(text.as_bytes()))
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
