//! The text layer as records: quantities (less the numbers that belong to times) and, on request,
//! tokens with their clitic segments.

use isnad_schema::{QuantityRecord, SegmentRecord, TimeKind, TimeRecord, TokenRecord};
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
            kind: kind_name(q.kind).to_string(),
            relation: q.relation.map(|r| relation_name(r).to_string()),
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
            kind: token_kind_name(t.kind).to_string(),
            key: match_key(t.text(text)),
            stem: seg.as_ref().map(|s| s.stem.to_string()),
            segments: seg.map(|s| {
                s.segments()
                    .iter()
                    .map(|g| SegmentRecord { start: g.start, end: g.end, kind: segment_kind_name(g.kind).to_string() })
                    .collect()
            }),
        })
        .collect()
}

fn kind_name(k: QuantityKind) -> &'static str {
    match k {
        QuantityKind::Cardinal => "cardinal",
        QuantityKind::Ordinal => "ordinal",
        QuantityKind::Approximate => "approximate",
    }
}

fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::About => "about",
        Relation::MoreThan => "more_than",
        Relation::LessThan => "less_than",
        Relation::AtLeast => "at_least",
        Relation::AtMost => "at_most",
        Relation::OrderOfMagnitude => "order_of_magnitude",
    }
}

fn token_kind_name(k: TokenKind) -> &'static str {
    match k {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Punct => "punct",
        TokenKind::Symbol => "symbol",
    }
}

fn segment_kind_name(k: SegmentKind) -> &'static str {
    match k {
        SegmentKind::Conj => "conj",
        SegmentKind::Prep => "prep",
        SegmentKind::Fut => "fut",
        SegmentKind::Det => "det",
        SegmentKind::Stem => "stem",
        SegmentKind::Pron => "pron",
    }
}
