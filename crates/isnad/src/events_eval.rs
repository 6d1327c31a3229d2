//! `isnad eval events`: the pipeline's events against the hand-annotated
//! development set (eval/events/*.json; texts stay in the shared corpus).

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;
use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
use isnad_schema::{AcledSubEventType, EventRecord, Factuality, PloverType};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Gold {
    id: String,
    published: Option<String>,
    events: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct GoldEvent {
    plover: PloverType,
    acled_sub_event_type: Option<AcledSubEventType>,
    #[serde(default)]
    actors: Vec<String>,
    place: Option<GoldPlace>,
    date: Option<GoldDate>,
    #[serde(default)]
    counts: HashMap<String, Option<f64>>,
    factuality: Factuality,
    evidence: Vec<GoldSpan>,
}

#[derive(Deserialize)]
struct GoldPlace {
    name_en: Option<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
struct GoldDate {
    from: Option<String>,
    to: Option<String>,
}

#[derive(Deserialize)]
struct GoldSpan {
    start: u32,
    end: u32,
}

#[derive(Default)]
struct Tally {
    gold: usize,
    pred: usize,
    detected: usize,
    typed: usize,
    acled_ok: usize,
    acled_n: usize,
    place_ok: usize,
    place_n: usize,
    date_ok: usize,
    date_n: usize,
    fact_ok: usize,
    actor_ok: usize,
    actor_n: usize,
    count_ok: usize,
    count_n: usize,
}

/// An English place name folded for comparison: ASCII letters only, no
/// diacritics, no article, lower case (Şabrātah ~ Sabratha, Al Ḩudaydah ~ Hudaydah).
fn fold_en(s: &str) -> String {
    let ascii: String = s
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | 'A'..='Z' => Some(c.to_ascii_lowercase()),
            'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' => Some('a'),
            'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' => Some('e'),
            'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' => Some('i'),
            'Ò'..='Ö' | 'ò'..='ö' | 'Ō' | 'ō' => Some('o'),
            'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' => Some('u'),
            'Ş' | 'ş' | 'Š' | 'š' => Some('s'),
            'Ḩ' | 'ḩ' | 'Ḥ' | 'ḥ' => Some('h'),
            'Ţ' | 'ţ' | 'Ṭ' | 'ṭ' => Some('t'),
            'Ḑ' | 'ḑ' | 'Ḍ' | 'ḍ' => Some('d'),
            'Ẓ' | 'ẓ' => Some('z'),
            ' ' | '-' => Some(' '),
            _ => None,
        })
        .collect();
    ascii
        .split_whitespace()
        .filter(|w| !matches!(*w, "al" | "el" | "as" | "ash" | "ad" | "ar" | "az" | "an" | "at" | "port" | "city"))
        .collect::<Vec<_>>()
        .join("")
        .replace("ou", "u")
        .replace("ee", "i")
}

pub fn prf(correct: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { 100.0 * correct as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { 100.0 * correct as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn pct(a: usize, n: usize) -> String {
    if n == 0 {
        "-".into()
    } else {
        format!("{:.1}% ({a}/{n})", 100.0 * a as f64 / n as f64)
    }
}

/// Scores the pipeline's events against the gold files in `gold_dir`, reading the articles'
/// texts from `corpus`; prints the scores and returns the gated figures.
pub fn eval(p: &Pipeline, gold_dir: &Path, corpus: &Path, verbose: bool) -> anyhow::Result<Vec<(String, f64)>> {
    let texts = load_texts(corpus, |_| true)?;
    let files = gold_files(gold_dir)?;
    let mut t = Tally::default();
    for f in &files {
        let gold: Gold =
            serde_json::from_str(&std::fs::read_to_string(f)?).with_context(|| format!("{}", f.display()))?;
        let Some((text, date)) = texts.get(&gold.id) else {
            anyhow::bail!("{}: article {} is not in {}", f.display(), gold.id, corpus.display());
        };
        let published = gold.published.clone().or_else(|| date.clone());
        let doc = p.analyze(
            Input {
                meta: InputMeta { id: Some(gold.id.clone()), published, ..InputMeta::default() },
                text: text.clone(),
            },
            Options::default(),
        );
        // This set's guide codes background happenings too (README, guideline 1), so they are
        // scored with the reported events.
        let events: Vec<EventRecord> = doc.events.into_iter().chain(doc.background).collect();
        score_document(&events, &gold, &mut t, verbose);
    }
    Ok(summary(&t, files.len()))
}

/// Article id → (text, day of publication) from a JSON Lines corpus (`date` or `published`),
/// for the ids `wanted` accepts.
pub fn load_texts(
    corpus: &Path,
    wanted: impl Fn(&str) -> bool,
) -> anyhow::Result<HashMap<String, (String, Option<String>)>> {
    let mut texts = HashMap::new();
    let content = std::fs::read_to_string(corpus).with_context(|| format!("cannot read {}", corpus.display()))?;
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line)?;
        if let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) {
            if !wanted(id) {
                continue;
            }
            let date = v["date"].as_str().or_else(|| v["published"].as_str()).map(|d| d[..10.min(d.len())].to_string());
            texts.insert(id.to_string(), (text.to_string(), date));
        }
    }
    Ok(texts)
}

/// The `.json` gold files of a directory, sorted.
pub fn gold_files(gold_dir: &Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(gold_dir)
        .with_context(|| format!("cannot read {}", gold_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// Whether a predicted event's evidence overlaps a gold event's.
fn overlaps(g: &GoldEvent, e: &EventRecord) -> bool {
    e.evidence.iter().any(|s| g.evidence.iter().any(|gs| s.start < gs.end && gs.start < s.end))
}

/// Matches one document's events to its gold events (same type first, then any overlap) and
/// counts detections, typed matches and the attributes of typed matches.
fn score_document(events: &[EventRecord], gold: &Gold, t: &mut Tally, verbose: bool) {
    t.gold += gold.events.len();
    t.pred += events.len();
    let mut used = vec![false; gold.events.len()];
    for e in events {
        let typed =
            (0..gold.events.len()).find(|&i| !used[i] && gold.events[i].plover == e.ty && overlaps(&gold.events[i], e));
        let any = typed.or_else(|| (0..gold.events.len()).find(|&i| !used[i] && overlaps(&gold.events[i], e)));
        let Some(i) = any else {
            if verbose {
                println!("  spurious {} {} {:?}", gold.id, e.ty, e.evidence.first().map(|s| (s.start, s.end)));
            }
            continue;
        };
        used[i] = true;
        t.detected += 1;
        if typed.is_some() {
            t.typed += 1;
            score_attributes(e, &gold.events[i], t);
        }
    }
    if verbose {
        for (_, g) in gold.events.iter().enumerate().filter(|(i, _)| !used[*i]) {
            println!("  missed   {} {} {:?}", gold.id, g.plover, g.evidence.first().map(|s| (s.start, s.end)));
        }
    }
}

/// Counts the attributes of one typed match that the gold event gives.
fn score_attributes(e: &EventRecord, g: &GoldEvent, t: &mut Tally) {
    if let Some(sub) = &g.acled_sub_event_type {
        t.acled_n += 1;
        t.acled_ok += usize::from(e.acled.as_ref().is_some_and(|a| a.sub_event_type == *sub));
    }
    if let Some(gp) = &g.place {
        t.place_n += 1;
        t.place_ok += usize::from(e.place.as_ref().is_some_and(|pl| same_place(gp, pl)));
    }
    if let Some(GoldDate { from: Some(gf), to }) = &g.date {
        t.date_n += 1;
        let gt = to.as_deref().unwrap_or(gf);
        t.date_ok += usize::from(e.time.as_ref().and_then(|x| x.from.as_deref()).is_some_and(|f| in_range(f, gf, gt)));
    }
    t.fact_ok += usize::from(e.factuality == g.factuality);
    if !g.actors.is_empty() {
        t.actor_n += 1;
        t.actor_ok += usize::from(names_an_actor(e, &g.actors));
    }
    for (k, v) in &g.counts {
        if let Some(v) = v {
            t.count_n += 1;
            t.count_ok += usize::from(e.counts.get(k).is_some_and(|x| (x - v).abs() < 1e-9));
        }
    }
}

/// The gold place (country, English name) and the predicted one agree, leniently: one name
/// contains the other, their first four letters agree, or the prediction is the country.
fn same_place(gp: &GoldPlace, pl: &isnad_schema::PlaceRef) -> bool {
    let same_country = gp.country.as_deref().is_none_or(|c| c.eq_ignore_ascii_case(&pl.country));
    let same_name = gp.name_en.as_deref().is_none_or(|n| {
        let (a, b) = (fold_en(n), fold_en(&pl.name));
        a.contains(&b) || b.contains(&a) || pl.level == isnad_schema::PlaceLevel::Country || a.get(..4) == b.get(..4)
    });
    same_country && same_name
}

/// The predicted start day lies in the gold range `[from, to)` (or is its first day).
fn in_range(f: &str, gf: &str, gt: &str) -> bool {
    fn day(s: &str) -> &str {
        &s[..10.min(s.len())]
    }
    let f = day(f);
    f >= day(gf) && (f < day(gt) || f == day(gf))
}

/// Some participant's name (or linked actor's name) contains a gold actor name, or is in it.
fn names_an_actor(e: &EventRecord, gold: &[String]) -> bool {
    let names: Vec<String> = e
        .actors
        .iter()
        .chain(&e.recipients)
        .flat_map(|p| [Some(p.name.to_lowercase()), p.actor.as_ref().map(|a| a.name.to_lowercase())])
        .flatten()
        .collect();
    gold.iter().any(|a| {
        let a = a.to_lowercase();
        names.iter().any(|n| n.contains(&a) || a.contains(n.as_str()))
    })
}

/// Prints the scores; returns the gated figures.
fn summary(t: &Tally, articles: usize) -> Vec<(String, f64)> {
    let (dp, dr, df) = prf(t.detected, t.pred, t.gold);
    let (tp, tr, tf) = prf(t.typed, t.pred, t.gold);
    println!("{articles} articles, {} gold events, {} predicted", t.gold, t.pred);
    println!("detection (evidence overlaps): precision {dp:.1}  recall {dr:.1}  F1 {df:.1}");
    println!("typed (and same PLOVER type):  precision {tp:.1}  recall {tr:.1}  F1 {tf:.1}");
    println!(
        "on typed matches: ACLED sub-type {}, place {}, date {}, factuality {}, actors {}, counts {}",
        pct(t.acled_ok, t.acled_n),
        pct(t.place_ok, t.place_n),
        pct(t.date_ok, t.date_n),
        pct(t.fact_ok, t.typed),
        pct(t.actor_ok, t.actor_n),
        pct(t.count_ok, t.count_n)
    );
    vec![("events.typed_f1".into(), tf), ("events.detection_f1".into(), df)]
}
