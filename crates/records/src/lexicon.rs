//! The records' data: event triggers, reporting cues, source phrases,
//! factuality cues and framing terms (`data/events`, `data/attribution`,
//! `data/factuality`, `data/framing.tsv`), and the function words and
//! ordinals the rules look for (`data/records`).

use isnad_schema::{
    AcledEventType, AcledSubEventType, Factuality, PloverMode, PloverType, SourceKind, Stance, UnknownValue,
};
use isnad_text::{data_lines, Data, LoadError, PhraseIndex};

use crate::words::{Ordinals, Words};

/// An event trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// Lexicon id (`attack.airstrike`).
    pub id: String,
    /// noun, verb or phrase.
    pub pos: String,
    /// PLOVER type (its quad class is [`PloverType::quad`]).
    pub plover: PloverType,
    /// PLOVER mode.
    pub mode: Option<PloverMode>,
    /// ACLED sub-event type (its event type is [`AcledSubEventType::event_type`]).
    pub acled: Option<AcledSubEventType>,
}

/// A reporting cue (قال، أكد، بحسب …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// say, reveal, quote, according_to, claim, deny, confirm …
    pub kind: String,
    /// neutral, distancing, affirming, denying.
    pub stance: Stance,
}

/// What a factuality cue says of the happening it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueValue {
    /// It has this factuality (probable, possible, unknown, negated or planned).
    Gives(Factuality),
    /// A strong assertion (`asserted_strong`): it changes nothing, and no weaker cue governs.
    StrongAssertion,
}

impl std::str::FromStr for CueValue {
    type Err = String;

    /// A `value` column of `factuality/cues.tsv`: a factuality other than `asserted`, or `asserted_strong`.
    fn from_str(s: &str) -> Result<Self, String> {
        if s == "asserted_strong" {
            return Ok(CueValue::StrongAssertion);
        }
        match s.parse::<Factuality>() {
            Ok(Factuality::Asserted) | Err(_) => Err(format!(
                "unknown value {s:?} (expected asserted_strong or one of {})",
                Factuality::VALUES[1..].join(", ")
            )),
            Ok(f) => Ok(CueValue::Gives(f)),
        }
    }
}

/// A factuality cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactCue {
    /// What it says.
    pub value: CueValue,
    /// next_verb, next_verb_imperfect, clause, sentence, following_event.
    pub scope: String,
}

/// A framing term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Category.
    pub category: String,
    /// Leaning.
    pub leaning: String,
    /// English gloss.
    pub gloss: String,
}

/// What a word near a number says of the count (`events/count_words.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountRole {
    /// A noun right after a number that counts people (42 حوثيا).
    People,
    /// After a partitive, the group the counted people belong to (3 من مليشيات …).
    Group,
    /// May stand between a counted noun and a cue after it (آخرين، على الأقل).
    Filler,
    /// A number right after it is part of a total already given (بينهم 3 أطفال).
    Part,
    /// The nearest number is a running total over many happenings (منذ بدء …).
    RunningTotal,
    /// A count cue with a singular pronoun: one victim (مقتله).
    OneVictim,
    /// A singular person noun right after a count cue: one victim (مقتل القيادي).
    OnePerson,
    /// A count cue that names no single victim even before a person noun (حياة المواطن).
    NotForOne,
    /// "Two" where the text layer reads no number (مقتل اثنين من …، فلسطينيين اثنين).
    Two,
}

impl CountRole {
    /// The role named in the `role` column; `partitive` is kept apart (compared on keys).
    fn parse(s: &str) -> Option<CountRole> {
        Some(match s {
            "people" => CountRole::People,
            "group" => CountRole::Group,
            "filler" => CountRole::Filler,
            "part" => CountRole::Part,
            "running_total" => CountRole::RunningTotal,
            "one_victim" => CountRole::OneVictim,
            "one_person" => CountRole::OnePerson,
            "not_for_one" => CountRole::NotForOne,
            "two" => CountRole::Two,
            _ => return None,
        })
    }
}

/// The roles of `events/count_words.tsv`, as written in its `role` column.
const COUNT_ROLES: [&str; 10] = [
    "people",
    "group",
    "partitive",
    "filler",
    "part",
    "running_total",
    "one_victim",
    "one_person",
    "not_for_one",
    "two",
];

/// All of it, indexed for phrase lookup.
#[derive(Debug)]
pub struct RecordsLexicon {
    /// Event triggers.
    pub triggers: PhraseIndex<Trigger>,
    /// Reporting cues.
    pub cues: PhraseIndex<Cue>,
    /// Source phrases → kind.
    pub sources: PhraseIndex<SourceKind>,
    /// Factuality cues.
    pub factuality: PhraseIndex<FactCue>,
    /// Framing terms.
    pub framing: PhraseIndex<Term>,
    /// Words before a bare number that name what it counts.
    pub count_cues: PhraseIndex<String>,
    /// Words around a number that say whom it counts, and whether it is one happening's count.
    pub count_words: PhraseIndex<CountRole>,
    /// Partitive words (3 من …), as match keys of whole tokens.
    pub partitives: Vec<String>,
    /// Function words the rules look for, by role.
    pub words: Words,
    /// Ordinal words read after a trigger.
    pub ordinals: Ordinals,
}

/// One data file of the lexicon: its path under `data/`, its embedded copy
/// and the parser that adds it to the lexicon (given the name errors report).
struct DataFile {
    rel: &'static str,
    embedded: &'static str,
    parse: fn(&mut RecordsLexicon, &str, &str) -> Result<(), LoadError>,
}

/// A [`DataFile`] at `rel` under `data/`, embedded from that path.
macro_rules! data_file {
    ($rel:literal, $parse:expr) => {
        DataFile { rel: $rel, embedded: include_str!(concat!("../../../data/", $rel)), parse: $parse }
    };
}

/// The files, in load order.
const DATA_FILES: [DataFile; 9] = [
    data_file!("events/triggers.tsv", parse_triggers),
    data_file!("attribution/cues.tsv", parse_cues),
    data_file!("attribution/sources.tsv", parse_sources),
    data_file!("factuality/cues.tsv", parse_factuality),
    data_file!("framing.tsv", parse_framing),
    data_file!("events/count_cues.tsv", parse_count_cues),
    data_file!("records/words.tsv", parse_words),
    data_file!("records/ordinals.tsv", parse_ordinals),
    data_file!("events/count_words.tsv", parse_count_words),
];

/// The lexicon's files, as paths under `data/`, in load order.
pub fn files() -> impl Iterator<Item = &'static str> {
    DATA_FILES.iter().map(|s| s.rel)
}

impl RecordsLexicon {
    /// Loads the lexicon from `data` (the embedded files, or a directory laid
    /// out like `data/`); a malformed line is an error naming file and line.
    pub fn load(data: &Data) -> Result<RecordsLexicon, LoadError> {
        let mut lex = RecordsLexicon::empty(&isnad_text::Affixes::load(data)?);
        for src in &DATA_FILES {
            let (name, text) = data.file(src.rel, src.embedded)?;
            (src.parse)(&mut lex, &name, &text)?;
        }
        Ok(lex)
    }

    /// An empty lexicon whose phrases are read through `affixes`.
    fn empty(affixes: &isnad_text::Affixes) -> RecordsLexicon {
        RecordsLexicon {
            triggers: PhraseIndex::new(affixes),
            cues: PhraseIndex::new(affixes),
            sources: PhraseIndex::new(affixes),
            factuality: PhraseIndex::new(affixes),
            framing: PhraseIndex::new(affixes),
            count_cues: PhraseIndex::new(affixes),
            count_words: PhraseIndex::new(affixes),
            partitives: Vec::new(),
            words: Words::default(),
            ordinals: Ordinals::default(),
        }
    }

    /// The embedded lexicon (loaded once).
    pub fn embedded() -> Result<&'static RecordsLexicon, LoadError> {
        static LEX: std::sync::OnceLock<Result<RecordsLexicon, LoadError>> = std::sync::OnceLock::new();
        LEX.get_or_init(|| RecordsLexicon::load(&Data::Embedded)).as_ref().map_err(|e| e.clone())
    }
}

fn err(file: &str, line: usize, message: impl Into<String>) -> LoadError {
    LoadError::new(file, line, message)
}

fn rows<'a>(
    file: &'a str,
    content: &'a str,
    header: &'a str,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), LoadError>> + 'a {
    let n = header.split('\t').count();
    data_lines(file, content, Some(header)).map(move |row| {
        let (line, cols) = row?;
        Ok((line, isnad_text::columns(file, line, cols, n)?))
    })
}

fn forms(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|f| !f.is_empty())
}

/// A vocabulary value read from column text `v`; an unknown value is an error at `file`:`line`.
fn vocab<T: std::str::FromStr<Err = UnknownValue>>(file: &str, line: usize, v: &str) -> Result<T, LoadError> {
    v.parse().map_err(|e: UnknownValue| err(file, line, e.to_string()))
}

/// The ACLED sub-event type of a trigger row (`-` `-` for none); the sub-event type must belong to the event type.
fn acled_columns(f: &str, line: usize, ty: &str, sub: &str) -> Result<Option<AcledSubEventType>, LoadError> {
    if (ty, sub) == ("-", "-") {
        return Ok(None);
    }
    let ty: AcledEventType = vocab(f, line, ty)?;
    let sub: AcledSubEventType = vocab(f, line, sub)?;
    if sub.event_type() != ty {
        return Err(err(
            f,
            line,
            format!("{sub:?} is not a sub-event type of {ty:?}", sub = sub.as_str(), ty = ty.as_str()),
        ));
    }
    Ok(Some(sub))
}

/// `events/triggers.tsv`: triggers with their PLOVER type and mode and ACLED types, each a schema value.
fn parse_triggers(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    for row in rows(f, c, "id\tforms\tpos\tplover\tmode\tacled_type\tacled_subtype\tnotes") {
        let (line, cols) = row?;
        let trig = Trigger {
            id: cols[0].to_string(),
            pos: cols[2].to_string(),
            plover: vocab(f, line, cols[3])?,
            mode: if cols[4] == "-" { None } else { Some(vocab(f, line, cols[4])?) },
            acled: acled_columns(f, line, cols[5], cols[6])?,
        };
        for form in forms(cols[1]) {
            lex.triggers.add(form, trig.clone());
        }
    }
    Ok(())
}

/// `attribution/cues.tsv`: reporting cues with their kind and stance.
fn parse_cues(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    for row in rows(f, c, "forms\tkind\tstance\tnotes") {
        let (line, cols) = row?;
        let cue = Cue { kind: cols[1].to_string(), stance: vocab(f, line, cols[2])? };
        for form in forms(cols[0]) {
            lex.cues.add(form, cue.clone());
        }
    }
    Ok(())
}

/// `attribution/sources.tsv`: source phrases with their kind.
fn parse_sources(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    for row in rows(f, c, "forms\tkind\tnotes") {
        let (line, cols) = row?;
        let kind: SourceKind = vocab(f, line, cols[1])?;
        for form in forms(cols[0]) {
            lex.sources.add(form, kind);
        }
    }
    Ok(())
}

/// `factuality/cues.tsv`: factuality cues with their value and scope.
fn parse_factuality(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    for row in rows(f, c, "forms\tvalue\tscope\tnotes") {
        let (line, cols) = row?;
        let value = cols[1].parse().map_err(|e: String| err(f, line, e))?;
        let cue = FactCue { value, scope: cols[2].to_string() };
        for form in forms(cols[0]) {
            lex.factuality.add(form, cue.clone());
        }
    }
    Ok(())
}

/// `framing.tsv`: loaded terms with their category, leaning and gloss.
fn parse_framing(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    for row in rows(f, c, "forms\tcategory\tleaning\tconflict\tgloss_en\tnotes") {
        let (_, cols) = row?;
        let term = Term { category: cols[1].to_string(), leaning: cols[2].to_string(), gloss: cols[4].to_string() };
        for form in forms(cols[0]) {
            lex.framing.add(form, term.clone());
        }
    }
    Ok(())
}

/// `events/count_cues.tsv`: words before a number with the count they name.
fn parse_count_cues(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    for row in rows(f, c, "forms\tcount\tnotes") {
        let (_, cols) = row?;
        for form in forms(cols[0]) {
            lex.count_cues.add(form, cols[1].to_string());
        }
    }
    Ok(())
}

/// `events/count_words.tsv`: the words around a number, by role; every role
/// must have a form (a rule whose words went missing would silently stop applying).
fn parse_count_words(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    let mut seen = [false; COUNT_ROLES.len()];
    for row in rows(f, c, "role\tforms\tnotes") {
        let (line, cols) = row?;
        let Some(at) = COUNT_ROLES.iter().position(|r| *r == cols[0]) else {
            return Err(err(f, line, format!("unknown role {:?}", cols[0])));
        };
        for form in forms(cols[1]) {
            seen[at] = true;
            match CountRole::parse(cols[0]) {
                Some(role) => {
                    lex.count_words.add(form, role);
                }
                None => lex.partitives.push(isnad_text::match_key(form)),
            }
        }
    }
    match seen.iter().position(|s| !s) {
        Some(i) => Err(err(f, 0, format!("role {:?} has no words", COUNT_ROLES[i]))),
        None => Ok(()),
    }
}

/// `records/words.tsv`: the function words, by role.
fn parse_words(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    lex.words = Words::parse(f, c)?;
    Ok(())
}

/// `records/ordinals.tsv`: the ordinal words.
fn parse_ordinals(lex: &mut RecordsLexicon, f: &str, c: &str) -> Result<(), LoadError> {
    lex.ordinals = Ordinals::parse(f, c)?;
    Ok(())
}

/// The phrases of `attribution/sources.tsv` as written, one per `|`-separated
/// form, for readers that need the list itself rather than the phrase
/// lookup (the corpus merge tells a source that names no one by them).
pub fn source_phrases(data: &Data) -> Result<Vec<String>, LoadError> {
    let rel = "attribution/sources.tsv";
    let src = DATA_FILES.iter().find(|s| s.rel == rel).ok_or_else(|| err(rel, 0, "not a lexicon file"))?;
    let (file, content) = data.file(src.rel, src.embedded)?;
    let mut out = Vec::new();
    for row in rows(&file, &content, "forms\tkind\tnotes") {
        out.extend(forms(row?.1[0]).map(str::to_string));
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use isnad_schema::Quad;

    pub const TRIGGERS: &str = "id\tforms\tpos\tplover\tmode\tacled_type\tacled_subtype\tnotes
meet\tاجتماع|اجتماعات|عقد اجتماعا\tnoun\tCONSULT\t-\t-\t-\tmeeting
agree\tاتفاق|اتفاقية|اتفاقيات|التوقيع على اتفاق\tnoun\tAGREE\t-\tStrategic developments\tAgreement\tagreement
release\tالإفراج عن|إفراج|أفرج\tphrase\tRETREAT\trelease\tStrategic developments\tOther\trelease
ambush\tكمين\tnoun\tASSAULT\tfirearms\tBattles\tArmed clash\tambush
ied\tعبوات ناسفة|عبوة ناسفة\tnoun\tASSAULT\texplosives\tExplosions/Remote violence\tRemote explosive/landmine/IED\tIED
";
    pub const CUES: &str = "forms\tkind\tstance\tnotes\nأكدت|أكد|تؤكد|أكدته\tsay\taffirming\t-\nبحسب|وفقا ل|وفقا لما\taccording_to\tneutral\t-\nكشفت|انفردت\treveal\tneutral\t-\n";
    pub const SOURCES: &str = "forms\tkind\tnotes\nمصادر خاصة|مصادر|المصادر\tanonymous\t-\nكانت قد كشفت\tself\t-\n";
    pub const FACT: &str = "forms\tvalue\tscope\tnotes\nمن المرجح\tprobable\tsentence\t-\nيبدو|يعتقد\tpossible\tsentence\t-\nلم يتم معرفة\tunknown\tclause\t-\nأن يتم تنفيذه\tplanned\tclause\t-\n";
    pub const FRAMING: &str = "forms\tcategory\tleaning\tconflict\tgloss_en\tnotes\nالعاصمة المختطفة\tdelegitimising_label\tanti_houthi\tyemen\tthe kidnapped capital\t-\nالمحافظات المحررة\tlegitimising_label\tanti_houthi\tyemen\tthe liberated governorates\t-\n";

    pub const COUNTS: &str = "forms\tcount\tnotes\nمقتل\tkilled\t-\nإصابة\tinjured\t-\n";

    /// Parses the files given as (name, content) in load order; the files
    /// not given are the embedded ones.
    pub fn parse(files: &[(&str, &str)]) -> Result<RecordsLexicon, LoadError> {
        let mut lex = RecordsLexicon::empty(&isnad_text::Affixes::load(&Data::Embedded)?);
        for (i, src) in DATA_FILES.iter().enumerate() {
            let (name, text) = files.get(i).copied().unwrap_or((src.rel, src.embedded));
            (src.parse)(&mut lex, name, text)?;
        }
        Ok(lex)
    }

    pub fn small() -> RecordsLexicon {
        parse(&[
            ("triggers", TRIGGERS),
            ("cues", CUES),
            ("sources", SOURCES),
            ("fact", FACT),
            ("framing", FRAMING),
            ("counts", COUNTS),
        ])
        .unwrap()
    }

    #[test]
    fn parses_and_reports_bad_lines() {
        let lex = small();
        assert_eq!(lex.triggers.get("كمين")[0].plover, PloverType::Assault);
        let bad = TRIGGERS.replace("Armed clash", "Armed clashes");
        let e = parse(&[("t.tsv", &bad), ("c", CUES), ("s", SOURCES), ("f", FACT), ("r", FRAMING), ("n", COUNTS)])
            .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("t.tsv", 5));
        let bad = CUES.replace("affirming", "sure");
        let e = parse(&[("t", TRIGGERS), ("c.tsv", &bad), ("s", SOURCES), ("f", FACT), ("r", FRAMING), ("n", COUNTS)])
            .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("c.tsv", 2));
    }

    #[test]
    fn a_value_outside_the_schema_vocabularies_is_an_error_at_its_line() {
        let files = |t: &str, f: &str| {
            parse(&[("t.tsv", t), ("c", CUES), ("s", SOURCES), ("f.tsv", f), ("r", FRAMING), ("n", COUNTS)])
        };
        let e = files(&TRIGGERS.replace("\tfirearms\t", "\trifles\t"), FACT).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("t.tsv", 5), "{e}");
        assert!(e.to_string().contains("rifles"), "{e}");
        let e = files(TRIGGERS, &FACT.replace("\tprobable\t", "\tasserted\t")).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("f.tsv", 2), "{e}");
        let lex = files(TRIGGERS, FACT).unwrap();
        let ied = &lex.triggers.get("عبوة ناسفة")[0];
        assert_eq!(
            (ied.plover.quad(), ied.acled.map(|a| a.event_type())),
            (Quad::MaterialConflict, Some(AcledEventType::ExplosionsRemoteViolence))
        );
    }

    #[test]
    fn the_embedded_files_load() {
        let lex = RecordsLexicon::embedded().unwrap();
        assert!(!lex.triggers.is_empty() && !lex.cues.is_empty() && !lex.sources.is_empty());
        assert!(lex.words.relay.has("عن"));
        assert_eq!(files().count(), DATA_FILES.len());
    }

    /// A copy of the embedded files in a fresh directory, laid out like `data/`.
    fn data_copy(tag: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("isnad-records-{tag}-{}", std::process::id()));
        for src in &DATA_FILES {
            let path = dir.join(src.rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, src.embedded).unwrap();
        }
        // Phrases are read through the text layer's affix table.
        std::fs::create_dir_all(dir.join("lexicon")).unwrap();
        std::fs::write(dir.join("lexicon/affixes.tsv"), include_str!("../../../data/lexicon/affixes.tsv")).unwrap();
        dir
    }

    #[test]
    fn a_directory_copy_loads_like_the_embedded_files() {
        let dir = data_copy("same");
        let lex = RecordsLexicon::load(&Data::Dir(dir.clone())).unwrap();
        let embedded = RecordsLexicon::embedded().unwrap();
        assert_eq!(lex.triggers.len(), embedded.triggers.len());
        assert_eq!(lex.words, embedded.words);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_broken_line_in_a_directory_copy_names_its_file_and_line() {
        for (rel, from, to) in [
            ("events/triggers.tsv", "\tASSAULT\t", "\tASSAULTS\t"),
            ("attribution/sources.tsv", "\tanonymous\t", "\tanonymus\t"),
            ("records/words.tsv", "\nrelay\t", "\nrelays\t"),
            ("records/ordinals.tsv", "\t2\t", "\ttwo\t"),
            ("events/count_words.tsv", "\npart\t", "\nparts\t"),
        ] {
            let dir = data_copy("broken");
            let path = dir.join(rel);
            let text = std::fs::read_to_string(&path).unwrap();
            let at = text.find(from).unwrap();
            let line = text[..at + 1].lines().count() + usize::from(from.starts_with('\n'));
            std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
            let e = RecordsLexicon::load(&Data::Dir(dir.clone())).unwrap_err();
            assert_eq!((e.file.as_str(), e.line), (path.display().to_string().as_str(), line), "{e}");
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn count_words_load_by_role_and_every_role_needs_a_form() {
        let lex = RecordsLexicon::embedded().unwrap();
        assert_eq!(lex.count_words.get("حوثيا"), vec![&CountRole::People]);
        assert_eq!(lex.count_words.get("منذ بدء"), vec![&CountRole::RunningTotal]);
        assert_eq!(lex.partitives, vec!["من".to_string()]);
        let mut fresh = RecordsLexicon::empty(&isnad_text::Affixes::load(&Data::Embedded).unwrap());
        let text = include_str!("../../../data/events/count_words.tsv");
        let without_two: String = text.lines().filter(|l| !l.starts_with("two\t")).map(|l| format!("{l}\n")).collect();
        let e = parse_count_words(&mut fresh, "w.tsv", &without_two).unwrap_err();
        assert!(e.message.contains("\"two\" has no words"), "{e}");
    }

    #[test]
    fn a_missing_file_in_a_directory_copy_is_an_error() {
        let dir = data_copy("missing");
        std::fs::remove_file(dir.join("records/words.tsv")).unwrap();
        let e = RecordsLexicon::load(&Data::Dir(dir.clone())).unwrap_err();
        assert!(e.file.ends_with("records/words.tsv") && e.line == 0, "{e}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
