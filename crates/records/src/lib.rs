//! Records built from a document's annotations: consistency checks (and,
//! in the same shape, events, attribution, factuality and framing).
//!
//! Every function here is plain: annotations in, records out; offsets are
//! the document's code-point offsets.

pub mod checks;
pub mod events;
pub mod lexicon;

pub use checks::checks;
pub use events::{extract, Doc, Extracted, GenericMention, SentenceView, Tok};
pub use lexicon::RecordsLexicon;
