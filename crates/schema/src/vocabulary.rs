//! Every closed vocabulary in one value, for clients that list the values
//! (the API's `GET /api/vocabulary`, the web UI's filters and labels).

use serde::Serialize;

use crate::fields::*;
use crate::typing::*;
use crate::vocab::Vocab;

/// One value of a vocabulary with its English label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Term<T> {
    /// The value as records carry it.
    pub value: T,
    /// English label.
    pub label: &'static str,
}

/// A PLOVER type with its quad class and modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PloverTerm {
    /// The type.
    pub value: PloverType,
    /// English label.
    pub label: &'static str,
    /// Its quad class.
    pub quad: Quad,
    /// The modes it takes.
    pub modes: &'static [PloverMode],
}

/// An ACLED event type with its sub-event types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AcledTerm {
    /// The event type.
    pub value: AcledEventType,
    /// English label.
    pub label: &'static str,
    /// Its sub-event types.
    pub sub_event_types: &'static [AcledSubEventType],
}

/// The values of every closed vocabulary of the schema, each list in the schema's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Vocabulary {
    /// Always [`crate::SCHEMA`].
    pub schema: &'static str,
    /// PLOVER event types.
    pub plover_types: Vec<PloverTerm>,
    /// PLOVER modes.
    pub plover_modes: Vec<Term<PloverMode>>,
    /// PLOVER quad classes.
    pub quad_classes: Vec<Term<Quad>>,
    /// ACLED event types.
    pub acled_event_types: Vec<AcledTerm>,
    /// Factuality values.
    pub factuality: Vec<Term<Factuality>>,
    /// Source kinds of attribution chains.
    pub source_kinds: Vec<Term<SourceKind>>,
    /// Attribution bases.
    pub attribution_bases: Vec<Term<AttributionBasis>>,
    /// Stances of reporting cues.
    pub stances: Vec<Term<Stance>>,
    /// Bases of event times.
    pub time_bases: Vec<Term<TimeBasis>>,
    /// Kinds of cluster origins.
    pub origin_kinds: Vec<Term<OriginKind>>,
    /// Named-entity types.
    pub entity_types: Vec<Term<EntityType>>,
    /// Place levels.
    pub place_levels: Vec<Term<PlaceLevel>>,
    /// ACLED geo-precisions.
    pub geo_precisions: Vec<Term<GeoPrecision>>,
    /// Kinds of time expressions.
    pub time_kinds: Vec<Term<TimeKind>>,
    /// Time grains.
    pub grains: Vec<Term<Grain>>,
    /// Time anchors.
    pub time_anchors: Vec<Term<TimeAnchor>>,
    /// ACLED time precisions.
    pub time_precisions: Vec<Term<TimePrecision>>,
    /// Kinds of numbers.
    pub quantity_kinds: Vec<Term<QuantityKind>>,
    /// Relations of approximate counts.
    pub quantity_relations: Vec<Term<QuantityRelation>>,
    /// Token kinds.
    pub token_kinds: Vec<Term<TokenKind>>,
    /// Clitic segment kinds.
    pub segment_kinds: Vec<Term<SegmentKind>>,
    /// Consistency check kinds.
    pub check_kinds: Vec<Term<CheckKind>>,
    /// Consistency check outcomes.
    pub check_statuses: Vec<Term<CheckStatus>>,
}

/// The terms of one vocabulary.
fn terms<T: Vocab>() -> Vec<Term<T>> {
    T::all().iter().map(|&value| Term { value, label: value.label() }).collect()
}

impl Vocabulary {
    /// Every vocabulary of the schema.
    pub fn new() -> Vocabulary {
        Vocabulary {
            schema: crate::SCHEMA,
            plover_types: PloverType::ALL
                .iter()
                .map(|&t| PloverTerm { value: t, label: t.label(), quad: t.quad(), modes: t.modes() })
                .collect(),
            plover_modes: terms(),
            quad_classes: terms(),
            acled_event_types: AcledEventType::ALL
                .iter()
                .map(|&t| AcledTerm { value: t, label: t.label(), sub_event_types: t.sub_event_types() })
                .collect(),
            factuality: terms(),
            source_kinds: terms(),
            attribution_bases: terms(),
            stances: terms(),
            time_bases: terms(),
            origin_kinds: terms(),
            entity_types: terms(),
            place_levels: terms(),
            geo_precisions: terms(),
            time_kinds: terms(),
            grains: terms(),
            time_anchors: terms(),
            time_precisions: terms(),
            quantity_kinds: terms(),
            quantity_relations: terms(),
            token_kinds: terms(),
            segment_kinds: terms(),
            check_kinds: terms(),
            check_statuses: terms(),
        }
    }
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary::new()
    }
}
