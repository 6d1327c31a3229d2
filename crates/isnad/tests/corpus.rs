//! The corpus commands end to end: ingest (idempotent, kill-safe, per-input
//! errors), search, events, show, clusters, export.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use isnad_store::Store;
use serde_json::Value;

const SEED: &str = include_str!("../../../examples/khabar-2023-11-23.txt");

fn isnad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad")).args(args).stdin(Stdio::null()).output().expect("run isnad")
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("isnad-corpus-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A synthetic corpus: the seed's sentences recombined into `n` distinct
/// documents, with ids, outlets and dates, as JSON Lines.
fn synthetic_corpus(path: &Path, n: usize) {
    let sentences: Vec<&str> = SEED.split(['.', '\n']).map(str::trim).filter(|x| x.chars().count() > 20).collect();
    let mut out = String::new();
    for i in 0..n {
        let k = sentences.len();
        let text: Vec<&str> = (0..4).map(|j| sentences[(i * 7 + j * 3) % k]).collect();
        let doc = serde_json::json!({
            "id": format!("syn-{i:05}"),
            "source": format!("outlet {}", i % 5),
            "date": format!("2023-11-{:02}", 1 + i % 28),
            "title": format!("تقرير رقم {i}"),
            "text": format!("{}. العدد {i}.", text.join(". ")),
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn ingest_is_idempotent_and_reports_bad_inputs() {
    let d = dir("idem");
    let db = d.join("c.db");
    let seed = d.join("seed.txt");
    std::fs::write(&seed, SEED).unwrap();
    let jsonl = d.join("b.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"a1\", \"text\": \"قتل 3 أشخاص في هجوم على صنعاء.\", \"date\": \"2023-11-20\", \"source\": \"X\"}\nnot json\n{\"id\": \"a2\", \"text\": \"اجتمع المبعوث الأممي في عدن.\", \"date\": \"2023-11-21\"}\n",
    )
    .unwrap();
    let bin = d.join("blob.txt");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let out = isnad(&["ingest", "--db", s(&db), "--published", "2023-11-23", s(&seed), s(&jsonl), s(&bin)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("{}:2", jsonl.display())), "the bad line is named: {err}");
    assert!(err.contains(&format!("{}", bin.display())) && err.contains("binary"), "{err}");
    assert!(err.contains("3 added"), "{err}");
    let first = Store::open(&db).unwrap().fingerprint().unwrap();
    // Again: nothing new (the bad line is reported again).
    let again = isnad(&["ingest", "--db", s(&db), "--published", "2023-11-23", s(&seed), s(&jsonl)]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(2), "{err}");
    assert!(err.contains("0 added") && err.contains("3 already stored"), "{err}");
    assert_eq!(Store::open(&db).unwrap().fingerprint().unwrap(), first);

    // Queries.
    let search = isnad(&["search", "--db", s(&db), "--json", "بالعاصمة"]);
    let hits: Value = serde_json::from_slice(&search.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["doc"]["id"], "seed");
    let ev = isnad(&["events", "--db", s(&db), "--json", "--actor", "ye.aqap", "--type", "CONSULT", "--limit", "0"]);
    let evs: Value = serde_json::from_slice(&ev.stdout).unwrap();
    assert!(evs.as_array().unwrap().len() >= 3, "the meetings: {evs}");
    let table = isnad(&["events", "--db", s(&db), "--place", "Sanaa"]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("Sanaa"));
    let show = isnad(&["show", "--db", s(&db), "--json", "a1"]);
    let doc: Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(doc["document"]["published"], "2023-11-20");
    assert_eq!(isnad(&["show", "--db", s(&db), "nope"]).status.code(), Some(1));
    let bad = isnad(&["events", "--db", s(&db), "--from", "yesterday"]);
    assert!(!bad.status.success());
    assert!(!isnad(&["search", "--db", s(&d.join("missing.db")), "x"]).status.success());
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_killed_ingest_resumes_to_the_same_database() {
    let d = dir("kill");
    let corpus = d.join("corpus.jsonl");
    synthetic_corpus(&corpus, 1500);
    // A clean run.
    let clean = d.join("clean.db");
    let out = isnad(&["ingest", "--db", s(&clean), "--quiet", s(&corpus)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = Store::open(&clean).unwrap().fingerprint().unwrap();
    assert!(expected.contains("syn-01499"));

    // A run killed part-way, then run again.
    let db = d.join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["ingest", "--db", s(&db), "--quiet", s(&corpus)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    let mut killed_at = None;
    while t0.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
        if child.try_wait().unwrap().is_some() {
            break;
        }
        let n = Store::open_read_only(&db).ok().and_then(|st| st.counts().ok()).map_or(0, |c| c.documents);
        if n >= 100 {
            child.kill().unwrap(); // SIGKILL
            killed_at = Some(n);
            break;
        }
    }
    let _ = child.kill();
    child.wait().unwrap();
    let n = killed_at.expect("the ingest was killed part-way (it finished first: enlarge the corpus)");
    assert!(n < 1500, "killed with {n} documents stored");
    let partial = Store::open(&db).unwrap().counts().unwrap();
    assert!(partial.documents >= n && partial.documents < 1500);
    let out = isnad(&["ingest", "--db", s(&db), "--quiet", s(&corpus)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(Store::open(&db).unwrap().fingerprint().unwrap(), expected);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn exports_read_back() {
    let d = dir("export");
    let db = d.join("e.db");
    let seed = d.join("seed.txt");
    std::fs::write(&seed, SEED).unwrap();
    let out = isnad(&["ingest", "--db", s(&db), "--published", "2023-11-23", "--source", "Khabar", s(&seed)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let export = |format: &str| {
        let f = d.join(format);
        let out = isnad(&["export", "--db", s(&db), "--format", format, "--out", s(&f)]);
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        std::fs::read_to_string(f).unwrap()
    };
    let csv = export("acled-csv");
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type"));
    assert!(csv.lines().count() > 5);
    let geo: Value = serde_json::from_str(&export("geojson")).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    assert!(!geo["features"].as_array().unwrap().is_empty());
    let plover = export("plover-jsonl");
    for line in plover.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(v["event"].is_string() && v["id"].is_string());
    }
    let graph = export("graphml");
    assert!(graph.contains("<graphml") && graph.contains("ye.houthis") && graph.contains("ye.aqap"));
    let docs = export("jsonl");
    assert_eq!(docs.lines().count(), 1);
    // Filters narrow the clusters.
    let f = d.join("ied.csv");
    let out = isnad(&["export", "--db", s(&db), "--format", "acled-csv", "--type", "ASSAULT", "--out", s(&f)]);
    assert!(out.status.success());
    let ied = std::fs::read_to_string(f).unwrap();
    assert!(ied.lines().count() >= 2 && ied.lines().count() < csv.lines().count());
    assert!(!isnad(&["export", "--db", s(&db), "--format", "xlsx"]).status.success());
    std::fs::remove_dir_all(&d).unwrap();
}
