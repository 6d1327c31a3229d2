//! `--format text`: a readable English summary quoting the Arabic.

use std::io::{self, Write};

use isnad_schema::{Document, EntityRecord, EventRecord, EventTime, Participant, TimeBasis, TimePrecision};
use isnad_text::CharOffsets;

/// Writes the report of one document.
pub fn write(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let idx = CharOffsets::new(&doc.text);
    header(out, doc)?;
    quantities(out, doc)?;
    times(out, doc)?;
    entities(out, doc)?;
    events(out, doc, &idx)?;
    timeline(out, doc)?;
    sourcing(out, doc)?;
    framing(out, doc)?;
    checks(out, doc)?;
    sentences(out, doc, &idx)
}

/// Identification: id, title, source, date, language, length.
fn header(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let d = &doc.document;
    writeln!(out, "Document   {}", d.id)?;
    if let Some(t) = &d.title {
        writeln!(out, "Title      {t}")?;
    }
    if let Some(s) = &d.source {
        writeln!(out, "Source     {s}")?;
    }
    writeln!(out, "Published  {}", d.published.as_deref().unwrap_or("(not given)"))?;
    writeln!(out, "Language   {}", d.language)?;
    writeln!(out, "Length     {} characters, {} sentences", doc.text.chars().count(), doc.sentences.len())?;
    writeln!(out)
}

/// One line per quantity: value, kind (and relation), counted noun.
fn quantities(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "Quantities ({})", doc.quantities.len())?;
    if !doc.quantities.is_empty() {
        writeln!(out, "  {:>12}  {:<11}  {:<28}  text", "value", "kind", "counted noun")?;
    }
    for q in &doc.quantities {
        let value = if q.value.fract() == 0.0 { format!("{}", q.value as i64) } else { format!("{}", q.value) };
        let kind = match &q.relation {
            Some(r) => format!("{} ({r})", q.kind),
            None => q.kind.to_string(),
        };
        let noun = match (&q.unit, &q.unit_en) {
            (Some(u), Some(en)) => format!("{en} ({u})"),
            (Some(u), None) => u.clone(),
            _ => "-".into(),
        };
        writeln!(out, "  {value:>12}  {kind:<11}  {noun:<28}  «{}» @{}-{}", q.text, q.start, q.end)?;
    }
    writeln!(out)
}

/// One line per time expression with its resolved value, and its conflict if any.
fn times(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "Times ({})", doc.times.len())?;
    for t in &doc.times {
        let value = match (&t.from, &t.to, &t.duration) {
            (Some(f), Some(to), _) => format!("{f} → {to} (excl.)"),
            (Some(f), None, _) => f.clone(),
            (None, _, Some(d)) => d.clone(),
            _ => "unresolved".to_string(),
        };
        let prec = t.precision.map_or("-".to_string(), |p| p.to_string());
        writeln!(
            out,
            "  {:<9} {value:<40} grain {:<6} prec {prec}  «{}» @{}-{}",
            t.kind, t.grain, t.text, t.start, t.end
        )?;
        if let Some(c) = &t.conflict {
            writeln!(out, "            ⚠ {c}")?;
        }
    }
    writeln!(out)
}

/// One line per entity id: type, canonical link, mentions.
fn entities(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "Entities ({} mentions)", doc.entities.len())?;
    let mut order: Vec<&str> = Vec::new();
    for e in &doc.entities {
        if !order.contains(&e.id.as_str()) {
            order.push(&e.id);
        }
    }
    for id in order {
        let mentions: Vec<&EntityRecord> = doc.entities.iter().filter(|e| e.id == id).collect();
        let first = mentions[0];
        let link = match (&first.actor, &first.place) {
            (Some(a), _) => format!("{} [{}]", a.name, a.id),
            (None, Some(p)) => format!("{} [{}] {:.4},{:.4}", p.name, p.id, p.lat, p.lon),
            _ => "(not linked)".to_string(),
        };
        let mut forms: Vec<&str> = Vec::new();
        for m in &mentions {
            if !forms.contains(&m.text.as_str()) {
                forms.push(&m.text);
            }
        }
        writeln!(out, "  {id:<4} {:<4} {link:<48} ×{}  «{}»", first.ty, mentions.len(), forms.join("» «"))?;
    }
    writeln!(out)
}

/// Names of participants, or `-`.
fn names(ps: &[Participant]) -> String {
    if ps.is_empty() {
        "-".to_string()
    } else {
        ps.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
    }
}

/// `from → to`, `from`, or `fallback` when the time is unresolved.
fn span(from: &Option<String>, to: &Option<String>, fallback: &str) -> String {
    match (from, to) {
        (Some(f), Some(to)) => format!("{f} → {to}"),
        (Some(f), None) => f.clone(),
        _ => fallback.into(),
    }
}

/// Five lines per event: type and ACLED kind; who, whom, where; when and counts; factuality and
/// attribution; the evidence quoted.
fn events(out: &mut impl Write, doc: &Document, idx: &CharOffsets) -> io::Result<()> {
    writeln!(out, "Events ({})", doc.events.len())?;
    for e in &doc.events {
        let acled = e.acled.as_ref().map_or("-".to_string(), |a| format!("{} / {}", a.event_type, a.sub_event_type));
        let when = e.time.as_ref().map_or("-".to_string(), |t| {
            let v = span(&t.from, &t.to, "?");
            format!("{v} (precision {}, from {})", t.precision.map_or("-".into(), |p| p.to_string()), t.basis)
        });
        let place = e.place.as_ref().map_or("-".to_string(), |p| format!("{} [{}]", p.name, p.id));
        let counts = if e.counts.is_empty() {
            "-".to_string()
        } else {
            e.counts.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
        };
        let quotes: Vec<String> =
            e.evidence.iter().map(|s| format!("«{}»", idx.slice(&doc.text, s.start, s.end))).collect();
        writeln!(
            out,
            "  {} {}{} — ACLED {acled}",
            e.id,
            e.ty,
            e.mode.as_ref().map_or(String::new(), |m| format!(" ({m})"))
        )?;
        writeln!(out, "      who {} | whom {} | where {place}", names(&e.actors), names(&e.recipients))?;
        writeln!(out, "      when {when} | counts {counts}")?;
        writeln!(out, "      {} | says: {} [{}]", e.factuality, e.attribution.chain, e.attribution.basis)?;
        writeln!(out, "      evidence {}", quotes.join(" "))?;
    }
    writeln!(out)
}

/// Events dated from the text (not by publication), earliest first.
fn timeline(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let mut dated: Vec<(&EventRecord, &EventTime)> = doc
        .events
        .iter()
        .filter_map(|e| e.time.as_ref().map(|t| (e, t)))
        .filter(|(_, t)| t.basis != TimeBasis::Publication && t.from.is_some())
        .collect();
    dated.sort_by(|a, b| a.1.from.cmp(&b.1.from));
    writeln!(out, "Timeline ({} events dated by the text)", dated.len())?;
    for (e, t) in dated {
        let span = span(&t.from, &t.to, "");
        let who = e.actors.iter().chain(&e.recipients).map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ");
        writeln!(out, "  {span:<26} p{} {:<10} {} {who}", t.precision.map_or(0, TimePrecision::number), e.ty, e.id)?;
    }
    writeln!(out)
}

/// Who the claims rest on.
fn sourcing(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let s = &doc.sourcing;
    writeln!(
        out,
        "Sourcing: {} claims — anonymous {}, named {}, official {}, witness {}, the outlet's earlier reporting {}, the outlet alone {}",
        s.claims, s.anonymous, s.named, s.official, s.witness, s.self_citation, s.outlet_only
    )?;
    writeln!(out)
}

/// Loaded terms, by leaning, and the dominant vocabulary.
fn framing(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "Framing ({} loaded terms)", doc.framing.terms.len())?;
    for (l, n) in &doc.framing.profile.by_leaning {
        writeln!(out, "  {l:<24} {n}")?;
    }
    if let Some(d) = &doc.framing.profile.dominant {
        writeln!(out, "  dominant vocabulary: {d}")?;
    }
    for t in &doc.framing.terms {
        writeln!(out, "  «{}» {} / {} — {}", t.text, t.category, t.leaning, t.gloss)?;
    }
    writeln!(out)
}

/// Consistency checks, flagged when inconsistent.
fn checks(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "Checks ({})", doc.checks.len())?;
    for c in &doc.checks {
        let mark = if c.status == isnad_schema::CheckStatus::Consistent { "ok " } else { "⚠  " };
        writeln!(out, "  {mark}{:<20} {}", c.kind, c.message)?;
    }
    writeln!(out)
}

/// Numbered sentences, shortened to 90 characters.
fn sentences(out: &mut impl Write, doc: &Document, idx: &CharOffsets) -> io::Result<()> {
    writeln!(out, "Sentences")?;
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = idx.slice(&doc.text, s.start, s.end);
        let short: String = text.chars().take(90).collect();
        let more = if text.chars().count() > 90 { "…" } else { "" };
        writeln!(out, "  {:>3}. [{}-{}] {short}{more}", i + 1, s.start, s.end)?;
    }
    writeln!(out)
}
