//! The conflict evaluation set (`eval/conflict/`, coded by `eval/CODING.md`): the pipeline's
//! ACLED-scope events against hand-coded gold, per split. The texts stay in the shared corpus;
//! the gold files hold ids, offsets and labels.
//!
//! Matching: a predicted event and a gold event match when their evidence spans overlap;
//! same-type pairs are matched first, then any remaining overlapping pairs. Attributes are
//! scored on same-type matches, each over the matches whose gold event gives that attribute.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context};
use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
use isnad_schema::{AcledSubEventType, EventRecord, Factuality, PloverType, SourceKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    id: String,
    published: String,
    relevance: String,
    events: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct GoldEvent {
    plover: PloverType,
    acled_sub_event_type: Option<AcledSubEventType>,
    initiators: Vec<GoldParticipant>,
    targets: Vec<GoldParticipant>,
    place: Option<GoldPlace>,
    date: Option<GoldDate>,
    counts: BTreeMap<String, f64>,
    factuality: Factuality,
    sources: Vec<GoldSource>,
    evidence: Vec<GoldSpan>,
}

#[derive(Deserialize)]
struct GoldParticipant {
    actor: String,
}

#[derive(Deserialize)]
struct GoldPlace {
    id: Option<String>,
    admin1: Option<String>,
    country: String,
}

#[derive(Deserialize)]
struct GoldDate {
    from: String,
    to: String,
}

#[derive(Deserialize)]
struct GoldSource {
    kind: SourceKind,
}

#[derive(Deserialize, Clone, Copy)]
struct GoldSpan {
    start: u32,
    end: u32,
}

/// Correct / scored counts of one attribute.
#[derive(Default, Clone, Copy)]
struct Ratio {
    ok: usize,
    n: usize,
}

impl Ratio {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }

    fn pct(self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            100.0 * self.ok as f64 / self.n as f64
        }
    }
}

/// The attributes scored on typed matches, in report order.
const ATTRIBUTES: [&str; 12] = [
    "initiator",
    "target",
    "acled_subtype",
    "admin1",
    "place",
    "date",
    "killed",
    "injured",
    "captured",
    "released",
    "factuality",
    "source_kind",
];

#[derive(Default)]
struct Tally {
    articles: usize,
    gold: usize,
    pred: usize,
    detected: usize,
    typed: usize,
    attrs: BTreeMap<&'static str, Ratio>,
    /// (gold type, predicted type) of detection matches.
    confusions: BTreeMap<(String, String), usize>,
    /// Predicted events in articles coded as having no relevant content.
    pred_in_none: usize,
    /// Unmatched predictions that overlap a gold event another prediction matched (unmerged mentions).
    duplicates: usize,
    none_articles: usize,
}

/// One split's scores, ready to print and gate.
pub struct SplitScores {
    pub split: String,
    pub figures: Vec<(String, f64)>,
    pub report: String,
}

/// Scores every split of the set in `dir` (articles.tsv + gold/); `errors` lists dev errors.
pub fn eval(p: &Pipeline, dir: &Path, corpus: &Path, errors: bool) -> anyhow::Result<Vec<SplitScores>> {
    let splits = read_splits(&dir.join("articles.tsv"))?;
    let texts = crate::events_eval::load_texts(corpus, |id| splits.contains_key(id))?;
    let mut by_split: BTreeMap<String, (Tally, String)> = BTreeMap::new();
    for f in crate::events_eval::gold_files(&dir.join("gold"))? {
        let gold: Gold = serde_json::from_str(&std::fs::read_to_string(&f)?)
            .with_context(|| format!("{}: not a gold file of eval/CODING.md", f.display()))?;
        let Some(split) = splits.get(&gold.id) else { bail!("{}: {} is not in articles.tsv", f.display(), gold.id) };
        let Some((text, _)) = texts.get(&gold.id) else {
            bail!("{}: article {} is not in {}", f.display(), gold.id, corpus.display())
        };
        let doc = p.analyze(
            Input {
                meta: InputMeta {
                    id: Some(gold.id.clone()),
                    published: Some(gold.published.clone()),
                    ..InputMeta::default()
                },
                text: text.clone(),
            },
            Options::default(),
        );
        let events: Vec<&EventRecord> = doc.events.iter().filter(|e| in_scope(e)).collect();
        let (t, log) = by_split.entry(split.clone()).or_default();
        let list = errors && split == "dev";
        score_document(&events, &gold, t, list.then_some((log, text.as_str())));
    }
    Ok(by_split.into_iter().map(|(split, (t, log))| summarise(&split, &t, &log)).collect())
}

/// Whether a predicted event is in the set's scope: ACLED-codable, or material violence,
/// coercion or protest.
fn in_scope(e: &EventRecord) -> bool {
    e.acled.is_some() || matches!(e.ty, PloverType::Assault | PloverType::Coerce | PloverType::Protest)
}

/// Article id → split, from `articles.tsv` (id, split, group, country).
fn read_splits(path: &Path) -> anyhow::Result<HashMap<String, String>> {
    let content = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = HashMap::new();
    for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        match (cols.next(), cols.next()) {
            (Some(id), Some(split @ ("dev" | "test"))) => out.insert(id.to_string(), split.to_string()),
            _ => bail!("{}:{}: expected id TAB dev|test", path.display(), i + 1),
        };
    }
    Ok(out)
}

fn overlaps(g: &GoldEvent, e: &EventRecord) -> bool {
    e.evidence.iter().any(|s| g.evidence.iter().any(|gs| s.start < gs.end && gs.start < s.end))
}

/// Pairs predicted with gold events: same-type overlapping pairs first, then any overlap.
/// Returns, per predicted event, the index of its gold event.
fn align(events: &[&EventRecord], gold: &[GoldEvent]) -> Vec<Option<usize>> {
    let mut pair = vec![None; events.len()];
    let mut used = vec![false; gold.len()];
    for typed in [true, false] {
        for (k, e) in events.iter().enumerate() {
            if pair[k].is_some() {
                continue;
            }
            let hit =
                (0..gold.len()).find(|&i| !used[i] && (!typed || gold[i].plover == e.ty) && overlaps(&gold[i], e));
            if let Some(i) = hit {
                used[i] = true;
                pair[k] = Some(i);
            }
        }
    }
    pair
}

fn score_document(events: &[&EventRecord], gold: &Gold, t: &mut Tally, mut log: Option<(&mut String, &str)>) {
    t.articles += 1;
    t.gold += gold.events.len();
    t.pred += events.len();
    if gold.relevance == "none" {
        t.none_articles += 1;
        t.pred_in_none += events.len();
    }
    let pair = align(events, &gold.events);
    for (e, g) in events.iter().zip(&pair) {
        let Some(i) = *g else {
            let duplicate = gold.events.iter().any(|g| overlaps(g, e));
            t.duplicates += usize::from(duplicate);
            if let Some((log, text)) = log.as_mut() {
                let what = if duplicate { "unmerged" } else { "spurious" };
                let at = snippet(text, e.evidence.first().map(|s| (s.start, s.end)));
                let _ = writeln!(log, "  {what} {} {} «{at}»", gold.id, e.ty);
            }
            continue;
        };
        let g = &gold.events[i];
        t.detected += 1;
        *t.confusions.entry((g.plover.to_string(), e.ty.to_string())).or_default() += 1;
        if g.plover == e.ty {
            t.typed += 1;
            let wrong = score_attributes(e, g, &mut t.attrs);
            if let (Some((log, text)), false) = (log.as_mut(), wrong.is_empty()) {
                let at = snippet(text, g.evidence.first().map(|s| (s.start, s.end)));
                let _ = writeln!(log, "  wrong    {} {} «{at}»: {}", gold.id, g.plover, wrong.join("; "));
            }
        }
    }
    if let Some((log, text)) = log.as_mut() {
        for (_, g) in gold.events.iter().enumerate().filter(|(i, _)| !pair.contains(&Some(*i))) {
            let _ = writeln!(
                log,
                "  missed   {} {} «{}»",
                gold.id,
                g.plover,
                snippet(text, g.evidence.first().map(|s| (s.start, s.end)))
            );
        }
    }
}

/// The text of a span, for error lists.
fn snippet(text: &str, span: Option<(u32, u32)>) -> String {
    let Some((a, b)) = span else { return String::new() };
    text.chars().skip(a as usize).take((b - a).min(60) as usize).collect()
}

/// Scores one typed match; returns what it got wrong, for the error list.
fn score_attributes(e: &EventRecord, g: &GoldEvent, attrs: &mut BTreeMap<&'static str, Ratio>) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut check = |name: &'static str, ok: bool, detail: &dyn Fn() -> String| {
        attrs.entry(name).or_default().add(ok);
        if !ok {
            wrong.push(format!("{name} {}", detail()));
        }
    };
    let ids = |ps: &[isnad_schema::Participant]| -> Vec<String> {
        ps.iter().filter_map(|p| p.actor.as_ref().map(|a| a.id.clone())).collect()
    };
    for (name, gold, pred) in [("initiator", &g.initiators, &e.actors), ("target", &g.targets, &e.recipients)] {
        if !gold.is_empty() {
            let got = ids(pred);
            let want: Vec<&str> = gold.iter().map(|p| p.actor.as_str()).collect();
            check(name, got.iter().any(|a| want.contains(&a.as_str())), &|| format!("{want:?} got {got:?}"));
        }
    }
    if let Some(sub) = g.acled_sub_event_type {
        let got = e.acled.as_ref().map(|a| a.sub_event_type);
        check("acled_subtype", got == Some(sub), &|| format!("{sub} got {got:?}"));
    }
    if let Some(gp) = &g.place {
        let pl = e.place.as_ref();
        if let Some(a1) = &gp.admin1 {
            let got = pl.and_then(|p| p.admin1.clone());
            check("admin1", got.as_deref() == Some(a1.as_str()), &|| format!("{a1} got {got:?}"));
        }
        if let Some(id) = &gp.id {
            let got = pl.map(|p| p.id.clone());
            let ok = got.as_deref() == Some(id.as_str()) && pl.is_some_and(|p| p.country == gp.country);
            check("place", ok, &|| format!("{id} got {got:?}"));
        }
    }
    if let Some(d) = &g.date {
        let got = e.time.as_ref().and_then(|x| x.from.clone());
        let ok = got.as_deref().is_some_and(|f| in_range(f, &d.from, &d.to));
        check("date", ok, &|| format!("[{}, {}) got {got:?}", d.from, d.to));
    }
    for key in ["killed", "injured", "captured", "released"] {
        if let Some(v) = g.counts.get(key) {
            let got = e.counts.get(key).copied();
            check(key, got.is_some_and(|x| (x - v).abs() < 1e-9), &|| format!("{v} got {got:?}"));
        }
    }
    check("factuality", e.factuality == g.factuality, &|| format!("{} got {}", g.factuality, e.factuality));
    if let Some(inner) = g.sources.last() {
        let got: Vec<SourceKind> = e.attribution.sources.iter().map(|s| s.kind).collect();
        let ok = got.contains(&inner.kind) || (inner.kind == SourceKind::SelfCitation && speaks_for_itself(e));
        check("source_kind", ok, &|| format!("{} got {got:?}", inner.kind));
    }
    wrong
}

/// The guide's `self` source is an actor telling of its own act: the record says so when a
/// source is one of the event's actors.
fn speaks_for_itself(e: &EventRecord) -> bool {
    let actors: Vec<&str> = e.actors.iter().filter_map(|p| p.actor.as_ref().map(|a| a.id.as_str())).collect();
    e.attribution.sources.iter().any(|s| s.actor.as_ref().is_some_and(|a| actors.contains(&a.id.as_str())))
}

/// The predicted start day lies in the gold range `[from, to)`.
fn in_range(f: &str, from: &str, to: &str) -> bool {
    let day = &f[..10.min(f.len())];
    day >= from && day < to
}

/// The report of one split and its gated figures (`conflict.<split>.<metric>`).
fn summarise(split: &str, t: &Tally, errors: &str) -> SplitScores {
    let mut r = String::new();
    let (dp, dr, df) = crate::events_eval::prf(t.detected, t.pred, t.gold);
    let (tp, tr, tf) = crate::events_eval::prf(t.typed, t.pred, t.gold);
    let per_gold = t.pred as f64 / t.gold.max(1) as f64;
    let _ = writeln!(
        r,
        "conflict {split}: {} articles, {} gold events, {} predicted ({per_gold:.2} per gold event)",
        t.articles, t.gold, t.pred
    );
    let _ = writeln!(r, "  detection: P {dp:.1}  R {dr:.1}  F1 {df:.1}");
    let _ = writeln!(r, "  typed:     P {tp:.1}  R {tr:.1}  F1 {tf:.1}");
    let unmatched = t.pred - t.detected;
    let _ = writeln!(
        r,
        "  unmatched predictions: {unmatched}, of which {} are unmerged mentions of a matched gold event",
        t.duplicates
    );
    let _ = writeln!(
        r,
        "  articles with no relevant content: {}, predicted events in them: {}",
        t.none_articles, t.pred_in_none
    );
    let _ = writeln!(r, "  on typed matches:");
    let mut figures = vec![(format!("conflict.{split}.typed_f1"), tf), (format!("conflict.{split}.detection_f1"), df)];
    for name in ATTRIBUTES {
        let a = t.attrs.get(name).copied().unwrap_or_default();
        let _ = writeln!(r, "    {name:<14} {:>5.1}% ({}/{})", a.pct(), a.ok, a.n);
        if a.n > 0 {
            figures.push((format!("conflict.{split}.{name}_pct"), a.pct()));
        }
    }
    let mut conf: Vec<_> = t.confusions.iter().filter(|((g, p), _)| g != p).collect();
    conf.sort_by(|a, b| b.1.cmp(a.1));
    if !conf.is_empty() {
        let line: Vec<String> = conf.iter().take(8).map(|((g, p), n)| format!("{g}→{p} {n}")).collect();
        let _ = writeln!(r, "  type confusions (gold→predicted): {}", line.join(", "));
    }
    r.push_str(errors);
    SplitScores { split: split.to_string(), figures, report: r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_range_is_end_exclusive() {
        assert!(in_range("2018-03-05", "2018-03-05", "2018-03-06"));
        assert!(in_range("2018-03-05T09:40", "2018-03-04", "2018-03-06"));
        assert!(!in_range("2018-03-06", "2018-03-05", "2018-03-06"));
        assert!(!in_range("2018-03-04", "2018-03-05", "2018-03-06"));
    }

    #[test]
    fn splits_file_rejects_an_unknown_split() {
        let dir = std::env::temp_dir().join(format!("isnad-splits-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("articles.tsv");
        std::fs::write(&f, "a\tdev\tg1\tYE\nb\ttrain\tg2\tSY\n").unwrap();
        let err = read_splits(&f).unwrap_err().to_string();
        assert!(err.contains("articles.tsv:2"), "{err}");
        std::fs::write(&f, "a\tdev\tg1\tYE\nb\ttest\tg2\tSY\n").unwrap();
        let s = read_splits(&f).unwrap();
        assert_eq!((s["a"].as_str(), s["b"].as_str()), ("dev", "test"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
