//! Hand-built documents and events for the merge tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use isnad_corpus::CorpusDoc;
use isnad_schema::{
    AcledEventType, AcledSubEventType, AcledType, ActorRef, Attribution, AttributionBasis, DocumentMeta, EventRecord,
    EventTime, Factuality, Grain, Participant, PlaceRef, PloverMode, PloverType, Quad, SourceKind, SourceRecord, Span,
    TimeBasis, TimePrecision,
};

/// A document that owns its parts.
#[derive(Clone, Debug)]
pub struct Doc {
    pub meta: DocumentMeta,
    pub text: String,
    pub events: Vec<EventRecord>,
}

impl Doc {
    /// A document of "Outlet ID" (the id in capitals) published on `published`.
    pub fn by_outlet(id: &str, published: &str, events: Vec<EventRecord>) -> Doc {
        Doc::new(id, Some(&format!("Outlet {}", id.to_uppercase())), published, events)
    }

    /// A document of `outlet` published on `published`, with a text of its own.
    pub fn new(id: &str, outlet: Option<&str>, published: &str, events: Vec<EventRecord>) -> Doc {
        Doc {
            meta: DocumentMeta {
                id: id.into(),
                title: None,
                source: outlet.map(Into::into),
                url: Some(format!("https://example.org/{id}")),
                published: Some(published.into()),
                language: "ar".into(),
            },
            text: words(fnv(id), 120),
            events,
        }
    }

    pub fn with_text(mut self, text: String) -> Doc {
        self.text = text;
        self
    }

    pub fn view(&self) -> CorpusDoc<'_> {
        CorpusDoc { meta: &self.meta, text: &self.text, events: &self.events }
    }
}

/// Views of owned documents.
pub fn views(docs: &[Doc]) -> Vec<CorpusDoc<'_>> {
    docs.iter().map(Doc::view).collect()
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A deterministic pseudo-random generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0.max(1);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `n` pseudo-Arabic words (3–6 letters) from `seed`.
pub fn words(seed: u64, n: usize) -> String {
    const LETTERS: &[char] = &[
        'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك',
        'ل', 'م', 'ن', 'ه', 'و', 'ي',
    ];
    let mut rng = Rng(seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let len = 3 + rng.below(4);
        for _ in 0..len {
            out.push(LETTERS[rng.below(LETTERS.len() as u64) as usize]);
        }
    }
    out
}

pub fn actor(id: &str, kind: &str) -> ActorRef {
    ActorRef { country: Some("YEM".into()), ..ActorRef::bare(id, kind) }
}

pub fn participant(id: &str, kind: &str) -> Participant {
    Participant { entity: None, actor: Some(actor(id, kind)), name: id.into(), start: 0, end: 5 }
}

fn place(id: &str, name: &str, level: &str, lat: f64, lon: f64, admin1: Option<&str>, precision: u8) -> PlaceRef {
    PlaceRef {
        id: id.into(),
        name: name.into(),
        name_ar: String::new(),
        lat,
        lon,
        level: level.parse().unwrap(),
        country: "YE".into(),
        admin1: admin1.map(Into::into),
        admin2: None,
        geonameid: None,
        precision,
        pcode: None,
        admin1_name: None,
        admin2_name: None,
        candidates: Vec::new(),
    }
}

pub fn marib() -> PlaceRef {
    place("geonames:72968", "Marib", "town", 15.4629, 45.3253, Some("YE26"), 1)
}

pub fn marib_governorate() -> PlaceRef {
    let mut p = place("ocha:YE26", "Marib governorate", "admin1", 15.62, 45.55, Some("YE26"), 3);
    p.pcode = Some("YE26".into());
    p
}

pub fn sirwah() -> PlaceRef {
    place("geonames:70793", "Sirwah", "town", 15.4470, 45.5470, Some("YE26"), 1)
}

pub fn sanaa() -> PlaceRef {
    place("geonames:71137", "Sanaa", "city", 15.3547, 44.2066, Some("YE13"), 1)
}

pub fn aden() -> PlaceRef {
    place("geonames:415189", "Aden", "city", 12.7794, 45.0367, Some("YE24"), 1)
}

pub fn yemen() -> PlaceRef {
    place("country:YE", "Yemen", "country", 15.936, 47.541, None, 3)
}

/// A time the text gives: `from` (YYYY-MM-DD) to `to` exclusive, with ACLED precision.
pub fn span(from: &str, to: &str, precision: u8) -> EventTime {
    EventTime {
        from: Some(from.into()),
        to: Some(to.into()),
        grain: Grain::Day,
        precision: Some(TimePrecision::try_from(precision).unwrap()),
        basis: TimeBasis::Clause,
        span: Some(Span { start: 0, end: 4 }),
    }
}

/// A day the text gives.
pub fn day(d: &str) -> EventTime {
    let (y, rest) = d.split_at(8);
    let next: u32 = rest.parse::<u32>().unwrap() + 1;
    span(d, &format!("{y}{next:02}"), 1)
}

/// The publication fallback.
pub fn publication(d: &str) -> EventTime {
    EventTime {
        from: Some(d.into()),
        to: None,
        grain: Grain::Day,
        precision: Some(TimePrecision::Month),
        basis: TimeBasis::Publication,
        span: None,
    }
}

/// A source in a chain (explicit, with a span).
pub fn source(text: &str, kind: &str, actor: Option<ActorRef>) -> SourceRecord {
    SourceRecord {
        text: text.into(),
        kind: kind.parse().unwrap(),
        start: 20,
        end: 20 + text.chars().count() as u32,
        actor,
    }
}

/// The document's own outlet at the end of a chain.
pub fn own_outlet() -> SourceRecord {
    SourceRecord { text: "the outlet".into(), kind: SourceKind::Outlet, start: 0, end: 0, actor: None }
}

pub fn chain(mut sources: Vec<SourceRecord>) -> Attribution {
    let basis = if sources.is_empty() { AttributionBasis::Outlet } else { AttributionBasis::Explicit };
    sources.push(own_outlet());
    Attribution { sources, cue: None, chain: String::new(), basis, stance: None }
}

/// An attack with the given parts; refine with struct update syntax.
pub fn attack(id: &str, place: Option<PlaceRef>, time: Option<EventTime>, sources: Vec<SourceRecord>) -> EventRecord {
    EventRecord {
        id: id.into(),
        ty: PloverType::Assault,
        mode: Some(PloverMode::Drone),
        quad: Quad::MaterialConflict,
        acled: Some(AcledType {
            event_type: AcledEventType::ExplosionsRemoteViolence,
            sub_event_type: AcledSubEventType::AirDroneStrike,
        }),
        actors: vec![participant("ye.houthis", "rebel")],
        recipients: vec![participant("generic.displaced", "generic")],
        place,
        time,
        counts: BTreeMap::new(),
        evidence: vec![Span { start: 0, end: 5 }],
        attribution: chain(sources),
        factuality: Factuality::Asserted,
        factuality_cue: None,
        trigger: "assault.drone".into(),
    }
}

/// A protest (another PLOVER and ACLED type).
pub fn protest(id: &str, place: Option<PlaceRef>, time: Option<EventTime>) -> EventRecord {
    EventRecord {
        ty: PloverType::Protest,
        mode: None,
        quad: Quad::VerbalConflict,
        acled: Some(AcledType {
            event_type: AcledEventType::Protests,
            sub_event_type: AcledSubEventType::PeacefulProtest,
        }),
        actors: vec![participant("generic.protesters", "generic")],
        recipients: Vec::new(),
        trigger: "protest.demonstration".into(),
        ..attack(id, place, time, Vec::new())
    }
}

/// Counts from pairs.
pub fn counts(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// Saba (government), a media actor.
pub fn saba() -> ActorRef {
    actor("ye.media.saba_gov", "media")
}
