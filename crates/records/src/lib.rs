//! Records built from a document's annotations: consistency checks (and,
//! in the same shape, events, attribution, factuality and framing).
//!
//! Every function here is plain: annotations in, records out; offsets are
//! the document's code-point offsets. The words the rules look for are data
//! ([`RecordsLexicon`], loaded from `data/` or an edited copy of it).
//!
//! ```
//! use isnad_records::{extract, Doc, RecordsLexicon, SentenceView, Tok};
//! use isnad_schema::{AcledSubEventType, PloverType};
//! use isnad_text::match_key;
//!
//! // "The forces clashed with the gunmen": one token per word, keyed like the
//! // text layer keys them (no clitics here, so each stem is its key).
//! let text = "اشتبكت القوات مع المسلحين";
//! let mut toks = Vec::new();
//! let mut at = 0;
//! for word in text.split(' ') {
//!     let end = at + word.chars().count() as u32;
//!     toks.push(Tok { start: at, end, key: match_key(word), stem: match_key(word), ..Tok::default() });
//!     at = end + 1;
//! }
//! let sentences = [SentenceView { start: 0, end: at - 1, toks }];
//! let doc = Doc {
//!     text,
//!     outlet: Some("Khabar"),
//!     sentences: &sentences,
//!     times: &[],
//!     quantities: &[],
//!     entities: &[],
//!     generic: &[],
//!     published: Some("2023-11-23"),
//! };
//! let lex = RecordsLexicon::embedded()?;
//! let out = extract(&doc, lex);
//! let clash = &out.events[0];
//! assert_eq!((clash.ty, clash.trigger.as_str()), (PloverType::Assault, "assault.clash-verb"));
//! assert_eq!(clash.acled.as_ref().unwrap().sub_event_type, AcledSubEventType::ArmedClash);
//! // No date in the text: the publication date, and no source but the outlet.
//! assert_eq!(clash.time.as_ref().unwrap().basis, isnad_schema::TimeBasis::Publication);
//! assert_eq!(clash.attribution.chain, "Khabar");
//! # Ok::<(), isnad_text::LoadError>(())
//! ```

pub mod checks;
pub mod events;
pub mod lexicon;
pub mod topic;
pub mod words;

pub use checks::checks;
pub use events::{extract, Doc, Extracted, GenericMention, SentenceView, Tok};
pub use lexicon::RecordsLexicon;
pub use topic::TopicModel;
