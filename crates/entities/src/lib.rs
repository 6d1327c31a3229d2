//! Canonical actors and entity linking.
//!
//! [`Actors`] loads `data/actors.tsv` (one line per actor: ids, names, ACLED
//! and PLOVER codes, Arabic aliases). [`Actors::find`] matches aliases over a
//! token sequence by longest match on clitic-stripped stems, so `والحوثيين`
//! and `مليشيا الحوثي` both reach the Houthis; a word the segmenter keeps
//! whole (`وعيدروس`) is read without its proclitics when the rest starts an
//! alias. An alias flagged ambiguous (`القاعدة` is also "the base") is kept
//! only with support: the same actor named unambiguously elsewhere in the
//! document, the alias coordinated with another actor (`الحوثي والقاعدة`), or
//! a document about the actor's country (`المقاومة الشعبية` in a report on
//! Yemen). [`Actors::find_in`] adds the aliases whose actor depends on that
//! country (`data/entities/country_aliases.tsv`: `الجيش الوطني` is Yemen's
//! army in Yemen, Haftar's forces in Libya).
//!
//! ```
//! use isnad_entities::{Actors, Word};
//! use isnad_text::{match_key, segment, Data, TextLexicon};
//!
//! let lex = TextLexicon::load(&Data::Embedded).unwrap();
//! let actors = Actors::load(&Data::Embedded).unwrap();
//! let text = ["قالت", "مليشيا", "الحوثي"];
//! let keys: Vec<String> = text.iter().map(|w| match_key(w)).collect();
//! let stems: Vec<String> = text.iter().map(|w| segment(w, 0, &lex).stem.to_string()).collect();
//! let words: Vec<Word> = keys.iter().zip(&stems).map(|(k, s)| Word { key: k, stem: s }).collect();
//! let found = actors.find(&words);
//! assert_eq!((found[0].start, found[0].end), (1, 3));
//! assert_eq!(actors.all()[found[0].actor].record.id, "ye.houthis");
//! ```

mod actors;
mod country;

pub use actors::{Actor, ActorMatch, Actors, Word};
