//! `isnad ingest`: one reader thread, N analysis threads, and the calling thread writing batches of
//! documents to the store, one transaction per batch; then clustering and a summary.

use std::collections::HashSet;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use isnad_pipeline::{Input, Options, Pipeline};
use isnad_schema::Document;
use isnad_store::{Inserted, Store};

use crate::corpus::{default_db, IngestArgs};
use crate::input;

/// Documents written per transaction.
const BATCH: usize = 64;

/// An input the reader did not pass on for analysis.
enum Skipped {
    /// Its text is stored already, or came earlier in this run (counted, not reported).
    Duplicate,
    /// It could not be read: the message names it.
    Failed(String),
}

/// Counters of one ingest.
#[derive(Default)]
struct Tally {
    added: usize,
    duplicates: usize,
    failed: usize,
}

/// An analysed document with its content hash and its name for messages.
type Analysed = (Document, String, String);

/// `isnad ingest PATH... [--db FILE]`.
pub fn ingest(args: IngestArgs, p: &Pipeline) -> anyhow::Result<ExitCode> {
    let db = args.db.clone().unwrap_or_else(default_db);
    let mut store = Store::open(&db)?;
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let started = Instant::now();
    let progress = progress_bar(args.quiet);
    let (tally, write_err) = run(&args, p, &mut store, threads, &progress)?;
    if let Some(e) = write_err {
        return Err(e.context(format!("{}: writing stopped", db.display())));
    }
    let analysed = started.elapsed();
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    summary(&mut store, &db, &tally, threads, analysed)?;
    Ok(if tally.failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// A spinner on a terminal, nothing otherwise (or with `--quiet`).
fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    (!quiet && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {elapsed}  {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    })
}

/// Reads, analyses and writes every input; returns the counts and the write error that stopped
/// the run, if any.
fn run(
    args: &IngestArgs,
    p: &Pipeline,
    store: &mut Store,
    threads: usize,
    progress: &Option<indicatif::ProgressBar>,
) -> anyhow::Result<(Tally, Option<anyhow::Error>)> {
    let published =
        args.published.as_deref().map(isnad_schema::parse_published).transpose().map_err(anyhow::Error::msg)?;
    let defaults = input::Meta { source: args.source.clone(), published, ..Default::default() };
    let known = store.hashes()?;
    let mut tally = Tally::default();
    let mut write_err = None;
    std::thread::scope(|scope| {
        let (item_tx, item_rx) = mpsc::sync_channel::<(String, Input)>(threads * 8);
        let (doc_tx, doc_rx) = mpsc::sync_channel::<Analysed>(threads * 8);
        let (err_tx, err_rx) = mpsc::channel::<Skipped>();
        let opts = isnad_ingest::Options { max_bytes: args.max_bytes, follow_links: args.fetch, ..Default::default() };
        let paths = args.paths.clone();
        scope.spawn(move || read(&paths, &opts, &defaults, known, item_tx, err_tx));
        // Each analyser holds the receiver: when the writer stops and they all exit, the reader's
        // next send fails and it stops too, instead of waiting on a full channel.
        let item_rx = Arc::new(Mutex::new(item_rx));
        for _ in 0..threads {
            let (rx, tx) = (Arc::clone(&item_rx), doc_tx.clone());
            scope.spawn(move || analyse(p, &rx, &tx));
        }
        drop(item_rx);
        drop(doc_tx);
        write_err = write(store, doc_rx, &err_rx, &mut tally, progress).err();
        drain(&err_rx, &mut tally, progress);
    });
    // The reader may have reported after the writer's last drain.
    Ok((tally, write_err))
}

/// The reader: inputs in order, duplicates skipped by content hash; errors are named and counted,
/// never fatal. Stops when the analysers are gone.
fn read(
    paths: &[String],
    opts: &isnad_ingest::Options,
    defaults: &input::Meta,
    mut seen: HashSet<String>,
    items: mpsc::SyncSender<(String, Input)>,
    skipped: mpsc::Sender<Skipped>,
) {
    let stop = AtomicBool::new(false);
    for path in paths {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        isnad_ingest::read_path(Path::new(path), opts, &mut |r| {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let item = match r {
                Err(e) => {
                    let _ = skipped.send(Skipped::Failed(e.to_string()));
                    return;
                }
                Ok(item) => item,
            };
            let hash = isnad_store::content_hash(&item.text);
            if !seen.insert(hash.clone()) {
                let _ = skipped.send(Skipped::Duplicate);
                return;
            }
            let name = item.name.clone();
            match input::to_input(item, defaults) {
                Ok(input) => {
                    if items.send((hash, input)).is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
                Err(e) => {
                    let _ = skipped.send(Skipped::Failed(format!("{name}: {e}")));
                }
            }
        });
    }
}

/// One analysis thread: documents until the reader is done or the writer has stopped.
fn analyse(p: &Pipeline, items: &Mutex<mpsc::Receiver<(String, Input)>>, docs: &mpsc::SyncSender<Analysed>) {
    loop {
        let next = items.lock().map(|r| r.recv());
        let Ok(Ok((hash, input))) = next else { break };
        let name = input.meta.id.clone().unwrap_or_default();
        let doc = p.analyze(input, Options::default());
        if docs.send((doc, hash, name)).is_err() {
            break;
        }
    }
}

/// The writer: batches of documents, one transaction each, until the analysers are done or a
/// write fails.
fn write(
    store: &mut Store,
    docs: mpsc::Receiver<Analysed>,
    skipped: &mpsc::Receiver<Skipped>,
    tally: &mut Tally,
    progress: &Option<indicatif::ProgressBar>,
) -> anyhow::Result<()> {
    let mut batch: Vec<Analysed> = Vec::new();
    for item in docs.iter() {
        batch.push(item);
        if let Some(bar) = progress {
            bar.inc(1);
        }
        if batch.len() >= BATCH {
            drain(skipped, tally, progress);
            flush(store, &mut batch, tally, progress)?;
        }
    }
    flush(store, &mut batch, tally, progress)
}

/// Writes one batch in one transaction and counts what happened to each document.
fn flush(
    store: &mut Store,
    batch: &mut Vec<Analysed>,
    tally: &mut Tally,
    progress: &Option<indicatif::ProgressBar>,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let outcome = store.insert_batch(batch)?;
    for ((doc, _, _), o) in batch.iter().zip(outcome) {
        match o {
            Inserted::Added => tally.added += 1,
            Inserted::Duplicate => tally.duplicates += 1,
            Inserted::IdTaken => {
                tally.failed += 1;
                report(progress, &format!("{}: another document is stored under this id", doc.document.id));
            }
        }
    }
    batch.clear();
    Ok(())
}

/// Counts (and reports) what the reader skipped so far.
fn drain(skipped: &mpsc::Receiver<Skipped>, tally: &mut Tally, progress: &Option<indicatif::ProgressBar>) {
    for e in skipped.try_iter() {
        match e {
            Skipped::Duplicate => tally.duplicates += 1,
            Skipped::Failed(msg) => {
                tally.failed += 1;
                report(progress, &msg);
            }
        }
    }
}

/// Reclusters when needed and prints what was added and what the database holds.
fn summary(store: &mut Store, db: &PathBuf, tally: &Tally, threads: usize, analysed: Duration) -> anyhow::Result<()> {
    let clusters = if store.clusters_dirty()? {
        let t = Instant::now();
        let clusters = store.recluster()?;
        Some((clusters, t.elapsed()))
    } else {
        None
    };
    let counts = store.counts()?;
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
    let secs = analysed.as_secs_f64().max(1e-9);
    eprintln!(
        "isnad: {} added, {} already stored (or repeated in the input), {} failed; {:.0} documents/s ({} threads) in {:.1} s",
        tally.added,
        tally.duplicates,
        tally.failed,
        tally.added as f64 / secs,
        threads,
        secs
    );
    if let Some((n, t)) = clusters {
        eprintln!("isnad: {n} clusters ({:.1} s)", t.as_secs_f64());
    }
    eprintln!(
        "isnad: {}: {} documents, {} events, {} clusters ({} across documents), {:.1} MiB",
        db.display(),
        counts.documents,
        counts.events,
        counts.clusters,
        counts.multi_document_clusters,
        size as f64 / (1 << 20) as f64
    );
    Ok(())
}

/// A message above the progress bar, or on stderr.
fn report(progress: &Option<indicatif::ProgressBar>, msg: &str) {
    match progress {
        Some(bar) => bar.println(format!("isnad: {msg}")),
        None => eprintln!("isnad: {msg}"),
    }
}
