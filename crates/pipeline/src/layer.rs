//! The text layer as records: quantities (less the numbers that belong to times) and, on request,
//! tokens with their clitic segments.

use isnad_schema::{self as schema, QuantityRecord, SegmentRecord, TimeKind, TimeRecord, TokenRecord};
use isnad_text::{
    match_key, CharOffsets, Quantity, QuantityKind, Relation, SegmentKind, TextLayer, TextLexicon, TokenKind,
};

/// The quantities that are counts. Numbers inside dates, intervals and sets (day numbers, years)
/// are parts of the time, not counts; durations keep theirs (15 يوماً).
pub fn quantities(text: &str, layer: &TextLayer, times: &[TimeRecord], chars: &CharOffsets) -> Vec<QuantityRecord> {
    // Times are sorted by start: only those starting before the number can hold it.
    let in_time = |q: &Quantity| {
        let upto = times.partition_point(|t| t.start <= q.number_start);
        times[..upto].iter().rev().take(8).any(|t| t.kind != TimeKind::Duration && q.number_end <= t.end)
    };
    layer
        .quantities
        .iter()
        .filter(|q| !in_time(q))
        .map(|q| QuantityRecord {
            start: q.start,
            end: q.end,
            text: chars.slice(text, q.start, q.end).to_string(),
            value: q.value,
            unit: q.unit.clone(),
            unit_en: q.unit_en.clone(),
            kind: kind_name(q.kind),
            relation: q.relation.map(relation_name),
            unit_category: q.unit_category.clone(),
        })
        .collect()
}

/// Every token with its match key and, for words, its clitic segmentation.
pub fn tokens(text: &str, layer: &TextLayer, lex: &TextLexicon) -> Vec<TokenRecord> {
    let segs = isnad_text::segment_words(text, &layer.tokens, lex);
    layer
        .tokens
        .iter()
        .zip(segs)
        .map(|(t, seg)| TokenRecord {
            start: t.start,
            end: t.end,
            text: t.text(text).to_string(),
            kind: token_kind_name(t.kind),
            key: match_key(t.text(text)),
            stem: seg.as_ref().map(|s| s.stem.to_string()),
            segments: seg.map(|s| {
                s.segments()
                    .iter()
                    .map(|g| SegmentRecord { start: g.start, end: g.end, kind: segment_kind_name(g.kind) })
                    .collect()
            }),
        })
        .collect()
}

/// The text layer's kinds map one to one onto the schema's vocabularies.
fn kind_name(k: QuantityKind) -> schema::QuantityKind {
    match k {
        QuantityKind::Cardinal => schema::QuantityKind::Cardinal,
        QuantityKind::Ordinal => schema::QuantityKind::Ordinal,
        QuantityKind::Approximate => schema::QuantityKind::Approximate,
    }
}

fn relation_name(r: Relation) -> schema::QuantityRelation {
    match r {
        Relation::About => schema::QuantityRelation::About,
        Relation::MoreThan => schema::QuantityRelation::MoreThan,
        Relation::LessThan => schema::QuantityRelation::LessThan,
        Relation::AtLeast => schema::QuantityRelation::AtLeast,
        Relation::AtMost => schema::QuantityRelation::AtMost,
        Relation::OrderOfMagnitude => schema::QuantityRelation::OrderOfMagnitude,
    }
}

fn token_kind_name(k: TokenKind) -> schema::TokenKind {
    match k {
        TokenKind::Word => schema::TokenKind::Word,
        TokenKind::Number => schema::TokenKind::Number,
        TokenKind::Punct => schema::TokenKind::Punct,
        TokenKind::Symbol => schema::TokenKind::Symbol,
    }
}

fn segment_kind_name(k: SegmentKind) -> schema::SegmentKind {
    match k {
        SegmentKind::Conj => schema::SegmentKind::Conj,
        SegmentKind::Prep => schema::SegmentKind::Prep,
        SegmentKind::Fut => schema::SegmentKind::Fut,
        SegmentKind::Det => schema::SegmentKind::Det,
        SegmentKind::Stem => schema::SegmentKind::Stem,
        SegmentKind::Pron => schema::SegmentKind::Pron,
    }
}
