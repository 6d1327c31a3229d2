//! The closed vocabularies of the other record fields: factuality and sourcing,
//! entities and places, times, quantities, tokens, checks and origins.

use crate::vocab::{number_vocab, string_vocab};

string_vocab! {
    /// How firmly the text reports an event (`EventRecord.factuality`, `ClusterRecord.factuality`).
    pub enum Factuality ("factuality") {
        /// Reported as having happened.
        Asserted = "asserted",
        /// Reported as likely (من المرجح).
        Probable = "probable",
        /// Reported as possible (يبدو، قد).
        Possible = "possible",
        /// Reported as not known (لم يتم معرفة).
        Unknown = "unknown",
        /// Reported as not having happened (نفى).
        Negated = "negated",
        /// Reported as intended or announced for later.
        Planned = "planned",
    }
}

impl Factuality {
    /// The values from strongest to weakest: a cluster takes the strongest any member asserts.
    pub const BY_STRENGTH: [Factuality; 6] = [
        Factuality::Asserted,
        Factuality::Probable,
        Factuality::Possible,
        Factuality::Planned,
        Factuality::Unknown,
        Factuality::Negated,
    ];

    /// The position in [`Factuality::BY_STRENGTH`]: 0 for the strongest.
    pub fn strength_rank(self) -> usize {
        Factuality::BY_STRENGTH.iter().position(|f| *f == self).unwrap_or(Factuality::BY_STRENGTH.len())
    }
}

string_vocab! {
    /// Who a source in an attribution chain is (`SourceRecord.kind`).
    pub enum SourceKind ("source kind") {
        /// Unnamed sources (مصادر).
        Anonymous = "anonymous",
        /// A named person.
        NamedPerson = "named_person" ("named person"),
        /// A named organisation.
        NamedOrg = "named_org" ("named organisation"),
        /// Officials, spokespeople, statements, ministries.
        Official = "official",
        /// Eyewitnesses, residents, activists.
        Witness = "witness",
        /// A news outlet (the reporting one, or another it quotes).
        Outlet = "outlet",
        /// The outlet's own earlier reporting.
        SelfCitation = "self" ("the outlet's earlier reporting"),
        /// Documents, reports, letters.
        Document = "document",
        /// Social-media posts and accounts.
        Social = "social",
    }
}

string_vocab! {
    /// Where an attribution comes from (`Attribution.basis`).
    pub enum AttributionBasis ("attribution basis") {
        /// Stated in the event's sentence.
        Explicit = "explicit",
        /// Carried over from the report the sentence continues.
        Carried = "carried",
        /// None stated: the outlet vouches for it.
        Outlet = "outlet",
    }
}

string_vocab! {
    /// How a reporting cue frames what it reports (`Attribution.stance`).
    pub enum Stance ("stance") {
        /// Plain reporting (قال).
        Neutral = "neutral",
        /// The reporter keeps its distance (زعم).
        Distancing = "distancing",
        /// The source confirms (أكد).
        Affirming = "affirming",
        /// The source denies (نفى).
        Denying = "denying",
    }
}

string_vocab! {
    /// Where an event's time comes from (`EventTime.basis`).
    pub enum TimeBasis ("time basis") {
        /// A time expression in the event's clause.
        Clause = "clause",
        /// A time expression elsewhere in its sentence.
        Sentence = "sentence",
        /// The time of an earlier sentence.
        Context = "context",
        /// Re-dated because the text numbers a later event of its kind before it.
        Sequence = "sequence",
        /// No time in the text: the publication date.
        Publication = "publication",
    }
}

string_vocab! {
    /// What a cluster's report goes back to (`Origin.kind`).
    pub enum OriginKind ("origin kind") {
        /// A named source.
        Named = "named",
        /// An official source.
        Official = "official",
        /// A news agency the outlets quote (or an agency's own story).
        Agency = "agency",
        /// The outlet itself.
        Outlet = "outlet",
        /// The outlet, on anonymous sources.
        Anonymous = "anonymous",
        /// The outlet, on witnesses.
        Witness = "witness",
        /// Copies of one text.
        Copy = "copy",
    }
}

string_vocab! {
    /// A named entity's type (`EntityRecord.type`).
    pub enum EntityType ("entity type") {
        /// A person.
        Per = "PER" ("person"),
        /// An organisation.
        Org = "ORG" ("organisation"),
        /// A location.
        Loc = "LOC" ("location"),
        /// Another name.
        Misc = "MISC" ("other"),
    }
}

string_vocab! {
    /// The kind of a gazetteer place (`PlaceRef.level`), largest first.
    pub enum PlaceLevel ("place level") {
        /// A country (or a de-facto state).
        Country = "country",
        /// First-order division (a Yemeni governorate).
        Admin1 = "admin1",
        /// Second-order division (a Yemeni district).
        Admin2 = "admin2",
        /// Third-order division (a Yemeni sub-district).
        Admin3 = "admin3",
        /// A populated place of 50,000 people or more.
        City = "city",
        /// A smaller populated place.
        Town = "town",
        /// A village, placed at its sub-district's point.
        Village = "village",
    }
}

impl PlaceLevel {
    /// True for countries and administrative units.
    pub const fn is_admin(self) -> bool {
        matches!(self, PlaceLevel::Country | PlaceLevel::Admin1 | PlaceLevel::Admin2 | PlaceLevel::Admin3)
    }
}

number_vocab! {
    /// ACLED's geo-precision of a place mention (`PlaceRef.precision`).
    pub enum GeoPrecision ("geo precision") {
        /// 1: the town itself.
        Exact = 1 ("the place itself"),
        /// 2: near a town, or part of a region.
        Near = 2 ("near a place or part of a region"),
        /// 3: a larger region.
        Region = 3 ("a larger region"),
    }
}

string_vocab! {
    /// The kind of a time expression (`TimeRecord.kind`).
    pub enum TimeKind ("time kind") {
        /// A day or coarser.
        Date = "date",
        /// Finer than a day.
        Datetime = "datetime",
        /// A span between two points.
        Interval = "interval",
        /// A length of time.
        Duration = "duration",
        /// A recurring time.
        Set = "set",
    }
}

string_vocab! {
    /// The granularity of a time value (`TimeRecord.grain`, `EventTime.grain`), finest first.
    pub enum Grain ("grain") {
        /// A second.
        Second = "second",
        /// A minute.
        Minute = "minute",
        /// An hour.
        Hour = "hour",
        /// A day.
        Day = "day",
        /// A week.
        Week = "week",
        /// A month.
        Month = "month",
        /// A quarter.
        Quarter = "quarter",
        /// A year.
        Year = "year",
    }
}

string_vocab! {
    /// What a time expression was resolved against (`TimeRecord.anchor`).
    pub enum TimeAnchor ("time anchor") {
        /// The publication date.
        Publication = "publication",
        /// A date the text gives for itself.
        Text = "text",
        /// Nothing (absolute, or unresolved).
        Unanchored = "none",
    }
}

number_vocab! {
    /// ACLED's time precision (`TimeRecord.precision`, `EventTime.precision`).
    pub enum TimePrecision ("time precision") {
        /// 1: the day.
        Day = 1 ("the day"),
        /// 2: within a week.
        Week = 2 ("within a week"),
        /// 3: a month or coarser.
        Month = 3 ("a month or coarser"),
    }
}

string_vocab! {
    /// The kind of a number (`QuantityRecord.kind`).
    pub enum QuantityKind ("quantity kind") {
        /// A count.
        Cardinal = "cardinal",
        /// A rank (the second).
        Ordinal = "ordinal",
        /// An approximate count (about, more than …).
        Approximate = "approximate",
    }
}

string_vocab! {
    /// How an approximate count relates to its number (`QuantityRecord.relation`).
    pub enum QuantityRelation ("quantity relation") {
        /// About (نحو).
        About = "about",
        /// More than (أكثر من).
        MoreThan = "more_than" ("more than"),
        /// Less than (أقل من).
        LessThan = "less_than" ("less than"),
        /// At least.
        AtLeast = "at_least" ("at least"),
        /// At most.
        AtMost = "at_most" ("at most"),
        /// An order of magnitude (عشرات، مئات).
        OrderOfMagnitude = "order_of_magnitude" ("order of magnitude"),
    }
}

string_vocab! {
    /// The kind of a token (`TokenRecord.kind`).
    pub enum TokenKind ("token kind") {
        /// Letters with their marks.
        Word = "word",
        /// Digits.
        Number = "number",
        /// One punctuation character.
        Punct = "punct",
        /// Another visible symbol.
        Symbol = "symbol",
    }
}

string_vocab! {
    /// The kind of a clitic segment (`SegmentRecord.kind`).
    pub enum SegmentKind ("segment kind") {
        /// A conjunction (و، ف).
        Conj = "conj",
        /// A preposition (ب، ل، ك).
        Prep = "prep",
        /// The future prefix (س).
        Fut = "fut",
        /// The article (ال).
        Det = "det",
        /// The stem.
        Stem = "stem",
        /// An enclitic pronoun.
        Pron = "pron",
    }
}

string_vocab! {
    /// What a consistency check compared (`CheckRecord.kind`).
    pub enum CheckKind ("check kind") {
        /// A named weekday against its date.
        WeekdayDate = "weekday_date",
        /// "This month" against the publication month.
        CurrentMonth = "current_month",
        /// "This year" against the publication year.
        CurrentYear = "current_year",
        /// A date that does not exist.
        ImpossibleDate = "impossible_date",
        /// A date against the publication date.
        DateVsPublication = "date_vs_publication",
        /// An announced count against the items listed.
        AnnouncedCount = "announced_count",
        /// Parts against their total.
        PartsTotal = "parts_total",
        /// An interval against its stated length.
        IntervalDuration = "interval_duration",
        /// A past-tense event dated after publication.
        PastAfterPublication = "past_after_publication",
        /// An event told before "the second …" but dated after it.
        Sequence = "sequence",
    }
}

string_vocab! {
    /// The outcome of a consistency check (`CheckRecord.status`).
    pub enum CheckStatus ("check status") {
        /// The text agrees with itself.
        Consistent = "consistent",
        /// It does not.
        Inconsistent = "inconsistent",
    }
}
