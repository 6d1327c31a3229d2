//! The records' data: event triggers, reporting cues, source phrases,
//! factuality cues and framing terms (`data/events`, `data/attribution`,
//! `data/factuality`, `data/framing.tsv`).

use isnad_text::lexicon::{data_lines, LoadError};
use isnad_text::PhraseIndex;

/// PLOVER types with their quad class (1 verbal cooperation … 4 material conflict).
pub const PLOVER: [(&str, u8); 16] = [
    ("AGREE", 1),
    ("CONSULT", 1),
    ("SUPPORT", 1),
    ("CONCEDE", 1),
    ("COOPERATE", 2),
    ("AID", 2),
    ("RETREAT", 2),
    ("REQUEST", 3),
    ("ACCUSE", 3),
    ("REJECT", 3),
    ("THREATEN", 3),
    ("SANCTION", 3),
    ("PROTEST", 4),
    ("MOBILIZE", 4),
    ("COERCE", 4),
    ("ASSAULT", 4),
];

/// ACLED event types and their sub-event types.
pub const ACLED: [(&str, &[&str]); 6] = [
    ("Battles", &["Armed clash", "Government regains territory", "Non-state actor overtakes territory"]),
    (
        "Explosions/Remote violence",
        &[
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
    ),
    ("Violence against civilians", &["Sexual violence", "Attack", "Abduction/forced disappearance"]),
    ("Protests", &["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]),
    ("Riots", &["Violent demonstration", "Mob violence"]),
    (
        "Strategic developments",
        &[
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
    ),
];

/// An event trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// Lexicon id (`attack.airstrike`).
    pub id: String,
    /// noun, verb or phrase.
    pub pos: String,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// ACLED event type and sub-type.
    pub acled: Option<(String, String)>,
}

impl Trigger {
    /// The PLOVER quad class.
    pub fn quad(&self) -> u8 {
        PLOVER.iter().find(|(t, _)| *t == self.plover).map_or(0, |(_, q)| *q)
    }
}

/// A reporting cue (قال، أكد، بحسب …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// say, reveal, quote, according_to, claim, deny, confirm …
    pub kind: String,
    /// neutral, distancing, affirming, denying.
    pub stance: String,
}

/// A factuality cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactCue {
    /// probable, possible, unknown, negated, planned, asserted_strong.
    pub value: String,
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

/// All of it, indexed for phrase lookup.
#[derive(Debug, Default)]
pub struct RecordsLexicon {
    /// Event triggers.
    pub triggers: PhraseIndex<Trigger>,
    /// Reporting cues.
    pub cues: PhraseIndex<Cue>,
    /// Source phrases → kind.
    pub sources: PhraseIndex<String>,
    /// Factuality cues.
    pub factuality: PhraseIndex<FactCue>,
    /// Framing terms.
    pub framing: PhraseIndex<Term>,
    /// Words before a bare number that name what it counts.
    pub count_cues: PhraseIndex<String>,
}

/// The files, in the order [`RecordsLexicon::parse`] takes them.
pub const FILES: [&str; 6] = [
    "data/events/triggers.tsv",
    "data/attribution/cues.tsv",
    "data/attribution/sources.tsv",
    "data/factuality/cues.tsv",
    "data/framing.tsv",
    "data/events/count_cues.tsv",
];

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
        Ok((line, isnad_text::lexicon::columns(file, line, cols, n)?))
    })
}

fn forms(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|f| !f.is_empty())
}

fn one_of(file: &str, line: usize, what: &str, v: &str, allowed: &[&str]) -> Result<(), LoadError> {
    if allowed.contains(&v) {
        Ok(())
    } else {
        Err(err(file, line, format!("unknown {what} {v:?}")))
    }
}

const EMBEDDED: [&str; 6] = [
    include_str!("../../../data/events/triggers.tsv"),
    include_str!("../../../data/attribution/cues.tsv"),
    include_str!("../../../data/attribution/sources.tsv"),
    include_str!("../../../data/factuality/cues.tsv"),
    include_str!("../../../data/framing.tsv"),
    include_str!("../../../data/events/count_cues.tsv"),
];

impl RecordsLexicon {
    /// The embedded lexicon (parsed once).
    pub fn embedded() -> Result<&'static RecordsLexicon, LoadError> {
        static LEX: std::sync::OnceLock<Result<RecordsLexicon, LoadError>> = std::sync::OnceLock::new();
        LEX.get_or_init(|| {
            RecordsLexicon::parse(&[
                (FILES[0], EMBEDDED[0]),
                (FILES[1], EMBEDDED[1]),
                (FILES[2], EMBEDDED[2]),
                (FILES[3], EMBEDDED[3]),
                (FILES[4], EMBEDDED[4]),
                (FILES[5], EMBEDDED[5]),
            ])
        })
        .as_ref()
        .map_err(|e| e.clone())
    }

    /// Parses the files given as (name, content) in the order of [`FILES`].
    pub fn parse(files: &[(&str, &str); 6]) -> Result<RecordsLexicon, LoadError> {
        let mut lex = RecordsLexicon::default();
        let (f, c) = files[0];
        for row in rows(f, c, "id\tforms\tpos\tplover\tmode\tacled_type\tacled_subtype\tnotes") {
            let (line, cols) = row?;
            if !PLOVER.iter().any(|(t, _)| *t == cols[3]) {
                return Err(err(f, line, format!("unknown PLOVER type {:?}", cols[3])));
            }
            let acled = match (cols[5], cols[6]) {
                ("-", "-") => None,
                (t, s) => match ACLED.iter().find(|(name, _)| *name == t) {
                    Some((_, subs)) if subs.contains(&s) => Some((t.to_string(), s.to_string())),
                    Some(_) => return Err(err(f, line, format!("{s:?} is not a sub-event type of {t:?}"))),
                    None => return Err(err(f, line, format!("unknown ACLED event type {t:?}"))),
                },
            };
            let trig = Trigger {
                id: cols[0].to_string(),
                pos: cols[2].to_string(),
                plover: cols[3].to_string(),
                mode: (cols[4] != "-").then(|| cols[4].to_string()),
                acled,
            };
            for form in forms(cols[1]) {
                lex.triggers.add(form, trig.clone());
            }
        }
        let (f, c) = files[1];
        for row in rows(f, c, "forms\tkind\tstance\tnotes") {
            let (line, cols) = row?;
            one_of(f, line, "stance", cols[2], &["neutral", "distancing", "affirming", "denying"])?;
            let cue = Cue { kind: cols[1].to_string(), stance: cols[2].to_string() };
            for form in forms(cols[0]) {
                lex.cues.add(form, cue.clone());
            }
        }
        let (f, c) = files[2];
        for row in rows(f, c, "forms\tkind\tnotes") {
            let (line, cols) = row?;
            one_of(
                f,
                line,
                "source kind",
                cols[1],
                &[
                    "anonymous",
                    "witness",
                    "official",
                    "outlet",
                    "self",
                    "document",
                    "social",
                    "named_person",
                    "named_org",
                ],
            )?;
            for form in forms(cols[0]) {
                lex.sources.add(form, cols[1].to_string());
            }
        }
        let (f, c) = files[3];
        for row in rows(f, c, "forms\tvalue\tscope\tnotes") {
            let (line, cols) = row?;
            one_of(
                f,
                line,
                "value",
                cols[1],
                &["probable", "possible", "unknown", "negated", "planned", "asserted_strong"],
            )?;
            let cue = FactCue { value: cols[1].to_string(), scope: cols[2].to_string() };
            for form in forms(cols[0]) {
                lex.factuality.add(form, cue.clone());
            }
        }
        let (f, c) = files[4];
        for row in rows(f, c, "forms\tcategory\tleaning\tconflict\tgloss_en\tnotes") {
            let (_, cols) = row?;
            let term = Term { category: cols[1].to_string(), leaning: cols[2].to_string(), gloss: cols[4].to_string() };
            for form in forms(cols[0]) {
                lex.framing.add(form, term.clone());
            }
        }
        let (f, c) = files[5];
        for row in rows(f, c, "forms\tcount\tnotes") {
            let (_, cols) = row?;
            for form in forms(cols[0]) {
                lex.count_cues.add(form, cols[1].to_string());
            }
        }
        Ok(lex)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

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

    pub fn small() -> RecordsLexicon {
        RecordsLexicon::parse(&[
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
        assert_eq!(lex.triggers.get("كمين")[0].plover, "ASSAULT");
        let bad = TRIGGERS.replace("Armed clash", "Armed clashes");
        let e = RecordsLexicon::parse(&[
            ("t.tsv", &bad),
            ("c", CUES),
            ("s", SOURCES),
            ("f", FACT),
            ("r", FRAMING),
            ("n", COUNTS),
        ])
        .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("t.tsv", 5));
        let bad = CUES.replace("affirming", "sure");
        let e = RecordsLexicon::parse(&[
            ("t", TRIGGERS),
            ("c.tsv", &bad),
            ("s", SOURCES),
            ("f", FACT),
            ("r", FRAMING),
            ("n", COUNTS),
        ])
        .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("c.tsv", 2));
    }
}
