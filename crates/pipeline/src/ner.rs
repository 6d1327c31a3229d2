//! Named-entity recognition glue: turns text-layer tokens into tagger input
//! (clitic stems, name-dictionary and cue flags) and tagger output into
//! entity spans. The dictionaries come from the project's data files.

use isnad_tagger::{NameDict, NameType, TokenInfo};
use isnad_text::lexicon::{data_lines, LoadError};
use isnad_text::{Segmenter, Token, TokenKind};

/// Corpus frequency from which a one-word minor place name counts as a
/// common word for the dictionary features.
const COMMON_WORD_FREQ: u32 = 20;

const CUES: &str = include_str!("../../../data/ner/cues.tsv");
const NAME_LISTS: [(&str, &str, NameType); 4] = [
    ("data/ner/names_person.txt", include_str!("../../../data/ner/names_person.txt"), NameType::Pers),
    ("data/ner/names_location.txt", include_str!("../../../data/ner/names_location.txt"), NameType::Loc),
    ("data/ner/names_org.txt", include_str!("../../../data/ner/names_org.txt"), NameType::Org),
    ("data/ner/names_misc.txt", include_str!("../../../data/ner/names_misc.txt"), NameType::Misc),
];

/// Builds the name dictionary and cue list from the embedded data.
pub fn name_dict() -> Result<NameDict, LoadError> {
    let mut d = NameDict::new();
    for row in data_lines("data/ner/cues.tsv", CUES, Some("word\tclass")) {
        let (line, cols) = row?;
        let class = match cols.as_slice() {
            [_, "title"] => "title",
            [_, "loc"] => "loc",
            [_, "org"] => "org",
            [_, "misc"] => "misc",
            [_, "kunya"] => "kunya",
            _ => {
                return Err(LoadError {
                    file: "data/ner/cues.tsv".into(),
                    line,
                    message: "expected `word<TAB>title|kunya|loc|org|misc`".into(),
                })
            }
        };
        d.add_cue(cols[0], class);
    }
    for (file, content, ty) in NAME_LISTS {
        for row in data_lines(file, content, None) {
            let (line, cols) = row?;
            if cols.len() != 1 {
                return Err(LoadError { file: file.into(), line, message: "expected one name per line".into() });
            }
            d.add(cols[0].trim(), ty);
        }
    }
    for actor in isnad_entities::Actors::embedded()?.all() {
        let ty = match actor.kind.as_str() {
            "generic" => continue,
            "person" => NameType::Pers,
            "state" => NameType::Loc,
            _ => NameType::Org,
        };
        for alias in actor.aliases_ar.iter().chain([&actor.name_ar]) {
            if !actor.ambiguous.contains(&isnad_text::match_key(alias)) {
                d.add(alias, ty);
            }
        }
    }
    // Gazetteer names down to towns; a one-word name that is a frequent
    // word of the corpus (الخميس، خبر، حول) is left out below admin1.
    let gaz = isnad_gazetteer::Gazetteer::embedded()?;
    let lex = isnad_text::TextLexicon::embedded();
    for (name, level) in gaz.names() {
        use isnad_gazetteer::Level;
        let major = matches!(level, Level::Country | Level::Admin1);
        let minor = matches!(level, Level::Admin2 | Level::City | Level::Town);
        let common = !name.contains(' ') && {
            let k = isnad_text::match_key(name);
            let bare = k.strip_prefix("ال").unwrap_or(&k);
            lex.freq(&k).max(lex.freq(bare)).max(lex.freq(&format!("ال{bare}"))) >= COMMON_WORD_FREQ
        };
        if major || (minor && !common) {
            d.add(name, NameType::Loc);
        }
    }
    Ok(d)
}

/// The embedded name dictionary (built once).
pub fn embedded_dict() -> Result<&'static NameDict, String> {
    static DICT: std::sync::OnceLock<Result<NameDict, String>> = std::sync::OnceLock::new();
    DICT.get_or_init(|| name_dict().map_err(|e| e.to_string())).as_ref().map_err(|e| e.clone())
}

/// The schema's name of a tagger type (`PER` for persons).
pub fn type_name(ty: u8) -> &'static str {
    match isnad_tagger::TYPES.get(ty as usize) {
        Some(&"PERS") => "PER",
        Some(t) => t,
        None => "MISC",
    }
}

fn distribution(infos: &mut [TokenInfo], lex: &isnad_text::TextLexicon) {
    let mut buf = String::new();
    for t in infos.iter_mut() {
        if t.shape != 'A' {
            continue;
        }
        buf.clear();
        buf.push_str("ال");
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
