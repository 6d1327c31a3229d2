//! Canonical actors and entity linking.
//!
//! [`Actors`] loads `data/actors.tsv` (one line per actor: ids, names, ACLED
//! and PLOVER codes, Arabic aliases). [`Actors::find`] matches aliases over a
//! token sequence by longest match on clitic-stripped stems, so `والحوثيين`
//! and `مليشيا الحوثي` both reach the Houthis. An alias flagged ambiguous
//! (`القاعدة` is also "the base") is kept only with support: the same actor
//! named unambiguously elsewhere in the document, or the alias coordinated
//! with another actor (`الحوثي والقاعدة`).

mod actors;

pub use actors::{Actor, ActorMatch, Actors, Word};
