//! The function words the record rules look for (`data/records/words.tsv`)
//! and the ordinals read after a trigger (`data/records/ordinals.tsv`).
//!
//! Every form is kept as its match key ([`isnad_text::match_key`]), the key
//! the tokens carry, so a spelling variant the key folds (آنفة, انفة) is one
//! entry and cannot miss.

use isnad_text::{columns, data_lines};
use isnad_text::{match_key, LoadError};

/// A set of words, each kept as its match key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordSet(Vec<String>);

impl WordSet {
    /// Whether `key` (a match key) is one of the words.
    pub fn has(&self, key: &str) -> bool {
        self.0.iter().any(|w| w == key)
    }

    /// Whether `key` starts with one of the words.
    pub fn starts(&self, key: &str) -> bool {
        self.0.iter().any(|w| key.starts_with(w.as_str()))
    }

    /// The words' keys, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    fn add(&mut self, key: String) {
        if !self.has(&key) {
            self.0.push(key);
        }
    }
}

/// The function words, by the role they play in a rule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// Nouns naming a media outlet (وكالة، صحيفة …), compared with stems.
    pub outlet_nouns: WordSet,
    /// The word before a relayed report's source (عن), compared with keys.
    pub relay: WordSet,
    /// What opens the content of a report (أن، بأن …), compared with keys.
    pub complementizers: WordSet,
    /// Prepositions of topic (حول، بشأن …), compared with stems.
    pub topic_prepositions: WordSet,
    /// Adjectives pointing back (السابقة، المذكور …), compared with stems.
    pub back_references: WordSet,
    /// Verbs of attending (حضر، شارك), prefixes of stems.
    pub attendance_verbs: WordSet,
    /// Words naming attendees (بحضور …), compared with keys.
    pub attendance_words: WordSet,
    /// Relative pronouns (الذي، التي …), compared with keys.
    pub relative_pronouns: WordSet,
    /// The attendees of a meeting (المجتمعون), compared with stems.
    pub attendees: WordSet,
    /// The two parties (الطرفين), compared with stems.
    pub both_parties: WordSet,
    /// Auxiliaries that make قد a pluperfect (كان …), compared with stems.
    pub pluperfect_auxiliaries: WordSet,
    /// The article with its leading clitics (ال، وال، لل …), prefixes of keys.
    pub article: WordSet,
    /// Words marking the current month or year (الجاري، الحالي), within time keys.
    pub current_markers: WordSet,
    /// Words for a year (العام، السنة …), within time keys.
    pub year_words: WordSet,
    /// Prepositions after which a participant undergoes the happening.
    pub target_prepositions: WordSet,
    /// Words after which a participant did the happening (على يد، من قبل، برصاص).
    pub agent_markers: WordSet,
    /// Verbs whose object a ل introduces: a ل after them is no aim (تعرضت لهجوم), compared with stems.
    pub lam_object_verbs: WordSet,
    /// Words making the verbal noun after them an aim (بهدف، بغية), compared with keys.
    pub purpose_words: WordSet,
    /// Participles describing the noun before them (المحاصرة), compared with stems.
    pub state_participles: WordSet,
    /// Words saying an agreement was reached or took effect (توصل، بدأت، تم), compared with stems.
    pub conclusion_words: WordSet,
    /// Demonstratives pointing at the happening told last (هذا، هذه), compared with keys.
    pub demonstratives: WordSet,
    /// Words of expectation or fear (توقعات، احتمال), compared with stems.
    pub conjecture_words: WordSet,
}

/// The roles of `data/records/words.tsv`, as written in its `role` column.
const ROLES: [&str; 22] = [
    "outlet_noun",
    "relay",
    "complementizer",
    "topic_preposition",
    "back_reference",
    "attendance_verb",
    "attendance_word",
    "relative_pronoun",
    "attendees",
    "both_parties",
    "pluperfect_auxiliary",
    "article",
    "current_marker",
    "year_word",
    "target_preposition",
    "agent_marker",
    "lam_object_verb",
    "purpose_word",
    "state_participle",
    "conclusion_word",
    "demonstrative",
    "conjecture_word",
];

impl Words {
    /// The set a role's words go to.
    fn role(&mut self, role: &str) -> Option<&mut WordSet> {
        Some(match role {
            "outlet_noun" => &mut self.outlet_nouns,
            "relay" => &mut self.relay,
            "complementizer" => &mut self.complementizers,
            "topic_preposition" => &mut self.topic_prepositions,
            "back_reference" => &mut self.back_references,
            "attendance_verb" => &mut self.attendance_verbs,
            "attendance_word" => &mut self.attendance_words,
            "relative_pronoun" => &mut self.relative_pronouns,
            "attendees" => &mut self.attendees,
            "both_parties" => &mut self.both_parties,
            "pluperfect_auxiliary" => &mut self.pluperfect_auxiliaries,
            "article" => &mut self.article,
            "current_marker" => &mut self.current_markers,
            "year_word" => &mut self.year_words,
            "target_preposition" => &mut self.target_prepositions,
            "agent_marker" => &mut self.agent_markers,
            "lam_object_verb" => &mut self.lam_object_verbs,
            "purpose_word" => &mut self.purpose_words,
            "state_participle" => &mut self.state_participles,
            "conclusion_word" => &mut self.conclusion_words,
            "demonstrative" => &mut self.demonstratives,
            "conjecture_word" => &mut self.conjecture_words,
            _ => return None,
        })
    }

    /// Parses `data/records/words.tsv` (`file` is the name errors report).
    /// Every role must have a word: a rule whose words went missing would
    /// silently stop applying.
    pub fn parse(file: &str, content: &str) -> Result<Words, LoadError> {
        let mut words = Words::default();
        for row in data_lines(file, content, Some("role\tforms\tnotes")) {
            let (line, cols) = row?;
            let cols = columns(file, line, cols, 3)?;
            let Some(set) = words.role(cols[0]) else {
                return Err(LoadError::new(file, line, format!("unknown role {:?}", cols[0])));
            };
            for key in keys(file, line, cols[1])? {
                set.add(key);
            }
        }
        for role in ROLES {
            if words.role(role).is_some_and(|set| set.0.is_empty()) {
                return Err(LoadError::new(file, 0, format!("role {role:?} has no words")));
            }
        }
        Ok(words)
    }
}

/// The match keys of a `|`-separated list of single words.
fn keys(file: &str, line: usize, forms: &str) -> Result<Vec<String>, LoadError> {
    let mut out = Vec::new();
    for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
        let key = match_key(form);
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(LoadError::new(file, line, format!("{form:?} is not one word")));
        }
        out.push(key);
    }
    Ok(out)
}

/// The rank an ordinal word gives a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// First, second … (1–4).
    Nth(u8),
    /// The latest (الأخير).
    Last,
}

/// Ordinal words, by match key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ordinals(Vec<(String, Rank)>);

impl Ordinals {
    /// The rank of a word's match key, when it is an ordinal.
    pub fn rank(&self, key: &str) -> Option<Rank> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, r)| *r)
    }

    /// Parses `data/records/ordinals.tsv` (`file` is the name errors report).
    pub fn parse(file: &str, content: &str) -> Result<Ordinals, LoadError> {
        let mut out = Ordinals::default();
        for row in data_lines(file, content, Some("forms\trank\tnotes")) {
            let (line, cols) = row?;
            let cols = columns(file, line, cols, 3)?;
            let rank = match cols[1] {
                "last" => Rank::Last,
                n => match n.parse::<u8>() {
                    Ok(n @ 1..=4) => Rank::Nth(n),
                    _ => return Err(LoadError::new(file, line, format!("rank {n:?} is not 1–4 or last"))),
                },
            };
            for key in keys(file, line, cols[0])? {
                if out.rank(&key).is_some() {
                    return Err(LoadError::new(file, line, format!("{key:?} is listed twice")));
                }
                out.0.push((key, rank));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &str = include_str!("../../../data/records/words.tsv");

    #[test]
    fn a_form_with_hamza_or_madda_is_kept_as_the_key_the_tokens_carry() {
        let w = Words::parse("words.tsv", WORDS).unwrap();
        // آنفة and انفة have one key: the madda spelling cannot miss.
        assert!(w.back_references.has(&match_key("آنفة")));
        assert!(w.back_references.has("انفة"));
        assert!(w.topic_prepositions.has("بشان") && w.topic_prepositions.has("ازاء"));
        assert!(w.complementizers.has("ان") && w.complementizers.has("بان"));
        // A word listed twice is kept once.
        assert_eq!(w.outlet_nouns.keys().filter(|k| *k == "وكالة").count(), 1);
    }

    #[test]
    fn the_roles_of_the_happening_rules_load_their_words() {
        let w = Words::parse("words.tsv", WORDS).unwrap();
        assert!(w.lam_object_verbs.has("تعرضت") && w.purpose_words.has("بهدف"));
        assert!(w.state_participles.has("محاصرة") && w.conclusion_words.has("توصل"));
        assert!(w.demonstratives.has("هذه") && w.conjecture_words.has("توقعات"));
        // Kept as match keys: a hamza is folded.
        assert!(w.conclusion_words.has(&match_key("أبرم")) && !w.conclusion_words.has("أبرم"));
    }

    #[test]
    fn the_article_covers_the_article_after_lam() {
        let w = Words::parse("words.tsv", WORDS).unwrap();
        for k in ["الاجتماع", "والاجتماع", "للاجتماع", "وللاجتماع", "بالاجتماع"]
        {
            assert!(w.article.starts(k), "{k}");
        }
        assert!(!w.article.starts("اجتماع"));
    }

    #[test]
    fn an_unknown_role_or_a_role_without_words_is_an_error() {
        let bad = "role\tforms\tnotes\nrelay\tعن\t-\nrelayy\tعن\t-\n";
        let e = Words::parse("w.tsv", bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("w.tsv", 3));
        let e = Words::parse("w.tsv", "role\tforms\tnotes\nrelay\tعن\t-\n").unwrap_err();
        assert!(e.message.contains("has no words"), "{e}");
        let bad = WORDS.replace("relay\tعن", "relay\tعن فلان");
        assert!(Words::parse("w.tsv", &bad).unwrap_err().message.contains("not one word"));
    }

    #[test]
    fn ordinals_rank_their_words_and_refuse_bad_ranks() {
        let o = Ordinals::parse("o.tsv", include_str!("../../../data/records/ordinals.tsv")).unwrap();
        assert_eq!(o.rank(&match_key("الثانية")), Some(Rank::Nth(2)));
        assert_eq!(o.rank(&match_key("الأولى")), Some(Rank::Nth(1)));
        assert_eq!(o.rank(&match_key("الأخيرة")), Some(Rank::Last));
        assert_eq!(o.rank("الخامس"), None);
        let e = Ordinals::parse("o.tsv", "forms\trank\tnotes\nالخامس\t5\t-\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
