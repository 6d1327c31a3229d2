//! Named-entity recognition glue: turns text-layer tokens into tagger input
//! (clitic stems, name-dictionary and cue flags) and tagger output into
//! entity spans. The dictionaries come from the project's data files.

use isnad_entities::Actors;
use isnad_gazetteer::Gazetteer;
use isnad_schema::EntityType;
use isnad_tagger::{NameDict, NameType, TokenInfo};
use isnad_text::{data_lines, Data, LoadError, Segmenter, TextLexicon, Token, TokenKind};

/// Corpus frequency from which a one-word minor place name counts as a
/// common word for the dictionary features.
const COMMON_WORD_FREQ: u32 = 20;

/// The cue words, under `data/`, with the embedded copy.
const CUES: (&str, &str) = ("ner/cues.tsv", include_str!("../../../data/ner/cues.tsv"));
/// The name lists, under `data/`, with their embedded copies and types.
const NAME_LISTS: [(&str, &str, NameType); 4] = [
    ("ner/names_person.txt", include_str!("../../../data/ner/names_person.txt"), NameType::Pers),
    ("ner/names_location.txt", include_str!("../../../data/ner/names_location.txt"), NameType::Loc),
    ("ner/names_org.txt", include_str!("../../../data/ner/names_org.txt"), NameType::Org),
    ("ner/names_misc.txt", include_str!("../../../data/ner/names_misc.txt"), NameType::Misc),
];

/// Builds the name dictionary and cue list from `data` (cue words, name
/// lists), the actors' aliases and the gazetteer's names; `lex` decides which
/// place names are common words. Errors name the file and line.
pub fn name_dict(data: &Data, lex: &TextLexicon, actors: &Actors, gaz: &Gazetteer) -> Result<NameDict, LoadError> {
    let mut d = NameDict::new(lex.affixes());
    add_cues(&mut d, data)?;
    add_name_lists(&mut d, data)?;
    add_actors(&mut d, actors);
    add_places(&mut d, lex, gaz);
    Ok(d)
}

/// `word<TAB>class` lines of `ner/cues.tsv`.
fn add_cues(d: &mut NameDict, data: &Data) -> Result<(), LoadError> {
    let (file, content) = data.file(CUES.0, CUES.1)?;
    for row in data_lines(&file, &content, Some("word\tclass")) {
        let (line, cols) = row?;
        let class = match cols.as_slice() {
            [_, "title"] => "title",
            [_, "loc"] => "loc",
            [_, "org"] => "org",
            [_, "misc"] => "misc",
            [_, "kunya"] => "kunya",
            _ => return Err(LoadError::new(&file, line, "expected `word<TAB>title|kunya|loc|org|misc`")),
        };
        d.add_cue(cols[0], class);
    }
    Ok(())
}

/// One name per line of each `ner/names_*.txt`.
fn add_name_lists(d: &mut NameDict, data: &Data) -> Result<(), LoadError> {
    for (rel, embedded, ty) in NAME_LISTS {
        let (file, content) = data.file(rel, embedded)?;
        for row in data_lines(&file, &content, None) {
            let (line, cols) = row?;
            if cols.len() != 1 {
                return Err(LoadError::new(&file, line, "expected one name per line"));
            }
            d.add(cols[0].trim(), ty);
        }
    }
    Ok(())
}

/// The Arabic names and unambiguous aliases of the actors, by kind.
fn add_actors(d: &mut NameDict, actors: &Actors) {
    for actor in actors.all() {
        let ty = match actor.record.kind.as_str() {
            "generic" => continue,
            "person" => NameType::Pers,
            "state" => NameType::Loc,
            _ => NameType::Org,
        };
        for alias in actor.aliases_ar.iter().chain([&actor.record.name_ar]) {
            if !actor.ambiguous.contains(&isnad_text::match_key(alias)) {
                d.add(alias, ty);
            }
        }
    }
}

/// Gazetteer names down to towns; a one-word name that is a frequent word
/// of the corpus (الخميس، خبر، حول) is left out below admin1.
fn add_places(d: &mut NameDict, lex: &TextLexicon, gaz: &Gazetteer) {
    use isnad_gazetteer::Level;
    let article = lex.affixes().article();
    for (name, level) in gaz.names() {
        let major = matches!(level, Level::Country | Level::Admin1);
        let minor = matches!(level, Level::Admin2 | Level::City | Level::Town);
        let common = !name.contains(' ') && {
            let k = isnad_text::match_key(name);
            let bare = k.strip_prefix(article).unwrap_or(&k);
            lex.freq(&k).max(lex.freq(bare)).max(lex.freq(&format!("{article}{bare}"))) >= COMMON_WORD_FREQ
        };
        if major || (minor && !common) {
            d.add(name, NameType::Loc);
        }
    }
}

/// The schema's entity type of a tagger type (persons are `PERS` to the tagger).
pub fn type_name(ty: u8) -> EntityType {
    match isnad_tagger::TYPES.get(ty as usize) {
        Some(&"PERS") => EntityType::Per,
        Some(&"LOC") => EntityType::Loc,
        Some(&"ORG") => EntityType::Org,
        _ => EntityType::Misc,
    }
}

/// Sets the corpus-frequency classes of the Arabic tokens: the stem's
/// frequency bare and with the article.
fn distribution(infos: &mut [TokenInfo], lex: &TextLexicon) {
    let mut buf = String::new();
    for t in infos.iter_mut() {
        if t.shape != 'A' {
            continue;
        }
        buf.clear();
        buf.push_str(lex.affixes().article());
        buf.push_str(&t.stem);
        t.set_distribution(lex.freq(&t.stem), lex.freq(&buf));
    }
}

/// Tagger input for a sequence of token texts (CoNLL tokens).
pub fn token_infos(words: &[&str], seg: &mut Segmenter<'_>, dict: &NameDict) -> Vec<TokenInfo> {
    let items = words.iter().map(|w| (*w, isnad_text::tokenize(w).first().is_some_and(|t| t.kind == TokenKind::Word)));
    infos_of(items, seg, dict)
}

/// Tagger input for the tokens of a document sentence.
pub fn sentence_infos(text: &str, tokens: &[Token], seg: &mut Segmenter<'_>, dict: &NameDict) -> Vec<TokenInfo> {
    infos_of(tokens.iter().map(|t| (t.text(text), t.kind == TokenKind::Word)), seg, dict)
}

/// (token text, is a word) → tagger input, with dictionary and corpus features.
fn infos_of<'a>(
    items: impl Iterator<Item = (&'a str, bool)>,
    seg: &mut Segmenter<'_>,
    dict: &NameDict,
) -> Vec<TokenInfo> {
    let mut infos: Vec<TokenInfo> = items
        .map(|(w, word)| if word { TokenInfo::new(w, Some(&seg.segment(w, 0))) } else { TokenInfo::new(w, None) })
        .collect();
    dict.mark(&mut infos);
    distribution(&mut infos, seg.lexicon());
    infos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_dictionary_marks_names_and_cues() {
        let p = crate::Pipeline::embedded().unwrap();
        let dict = p.name_dict();
        let mut seg = Segmenter::new(p.lexicon());
        let infos = token_infos(&["قال", "وزير", "الخارجية", "في", "صنعاء"], &mut seg, dict);
        assert_eq!(infos[1].cue, "title");
        assert_ne!(infos[4].names, 0, "صنعاء is a dictionary place");
    }

    #[test]
    fn a_malformed_cue_line_in_a_copied_data_dir_names_the_file_and_line() {
        let dir = std::env::temp_dir().join(format!("isnad-ner-dict-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("ner")).unwrap();
        std::fs::write(dir.join("ner/cues.tsv"), "# cues\nword\tclass\nوزير\ttitle\nقائد\tgeneral\n").unwrap();
        let p = crate::Pipeline::embedded().unwrap();
        let (lex, actors, gaz) = (p.lexicon(), &p.actors, &p.gazetteer);
        let e = name_dict(&Data::Dir(dir.clone()), lex, actors, gaz).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(e.file.ends_with("ner/cues.tsv"), "{e}");
        assert_eq!(e.line, 4, "{e}");
    }
}
