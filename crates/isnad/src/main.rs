//! The `isnad` command: analyse Arabic conflict reporting into isnad/1 records.

mod bench;
mod conflict_eval;
mod corpus;
mod eval;
mod events_eval;
mod ingest;
mod input;
mod ner;
mod report;
mod topic;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use isnad_pipeline::{Options, Pipeline};

#[derive(Parser)]
#[command(name = "isnad", version, about = "Arabic conflict reporting → structured, sourced, checkable records")]
struct Cli {
    /// Use edited data files from this directory (a copy of the repository's data/) instead of the embedded ones.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Json,
    Text,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse documents: text files, `-` for stdin, or .jsonl corpora (id, title, text, published, source, url).
    Analyze {
        /// Inputs; none means stdin.
        paths: Vec<String>,
        /// Publication date or datetime (ISO 8601) of plain-text inputs.
        #[arg(long)]
        published: Option<String>,
        /// Title of a plain-text input (default: its first line when it reads as a title).
        #[arg(long)]
        title: Option<String>,
        /// Outlet of plain-text inputs.
        #[arg(long)]
        source: Option<String>,
        /// URL of a plain-text input.
        #[arg(long)]
        url: Option<String>,
        /// Identifier of a plain-text input (default: the file name, or a content hash for stdin).
        #[arg(long)]
        id: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Include tokens with their clitic segmentation.
        #[arg(long)]
        tokens: bool,
        /// Resolve bare weekdays and dates without a year forward (default: backward, as news reports the past).
        #[arg(long)]
        prefer_future: bool,
        /// One JSON document per line even for a single input.
        #[arg(long)]
        compact: bool,
        /// Largest accepted document (or JSON line), in bytes.
        #[arg(long, default_value_t = input::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Analyse the bundled example article into a temporary database and serve the web app
    /// (or, with --report, print its report).
    Demo {
        /// Print the analysis instead of serving it.
        #[arg(long)]
        report: bool,
        /// Report format (with --report).
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Where to listen.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
    /// Serve the corpus database: the JSON API (/api, described at /api/openapi.json) and the web app.
    Serve {
        /// The database (default $ISNAD_DB or ./isnad.db).
        #[arg(long)]
        db: Option<PathBuf>,
        /// Where to listen (localhost by default).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Accept POST /api/documents (stores analysed documents).
        #[arg(long)]
        allow_ingest: bool,
        /// Largest accepted request body, in bytes.
        #[arg(long, default_value_t = 2 << 20)]
        max_body: usize,
    },
    /// Score a component against a reference data set.
    Eval {
        #[command(subcommand)]
        what: eval::EvalCommand,
    },
    /// Train a model.
    Train {
        #[command(subcommand)]
        what: ner::TrainCommand,
    },
    /// Measure throughput and peak memory over a JSON Lines corpus.
    Bench(bench::BenchArgs),
    /// Ingest documents into the corpus database: text, HTML, RSS/Atom, JSON, JSON Lines, directories, stdin.
    Ingest(corpus::IngestArgs),
    /// Full-text search of the corpus (clitic- and spelling-insensitive).
    Search {
        /// Words to find (all must match; each as a prefix).
        query: String,
        #[command(flatten)]
        args: corpus::QueryArgs,
    },
    /// Events of the corpus, filtered.
    Events {
        #[command(flatten)]
        filter: corpus::FilterArgs,
        #[command(flatten)]
        args: corpus::QueryArgs,
    },
    /// One stored document: its report, or its isnad/1 JSON with --json.
    Show {
        /// Document id.
        id: String,
        #[command(flatten)]
        args: corpus::QueryArgs,
    },
    /// Events merged across documents, with their independent sources.
    Clusters {
        /// Only clusters with at least this many members.
        #[arg(long, default_value_t = 1)]
        min_members: usize,
        #[command(flatten)]
        args: corpus::QueryArgs,
    },
    /// Export the corpus: acled-csv, plover-jsonl, geojson, graphml, jsonl.
    Export(corpus::ExportArgs),
    /// Rebuild derived data files.
    Data {
        #[command(subcommand)]
        what: DataCommand,
    },
}

#[derive(Subcommand)]
enum DataCommand {
    /// Rebuild data/places/ (places.tsv, villages.tsv) from the shared gazetteer and OCHA sources.
    Places {
        /// The shared data folder (with gazetteer/ and geo/).
        #[arg(long, default_value = "../shared/data")]
        shared: PathBuf,
        /// Output folder.
        #[arg(long, default_value = "data/places")]
        out: PathBuf,
    },
    /// Rebuild data/lexicon/wordfreq.tsv (match-key frequencies for clitic decisions).
    Wordfreq {
        /// CoNLL files (token TAB tag).
        #[arg(long)]
        conll: Vec<PathBuf>,
        /// JSON Lines corpora with a "text" field.
        #[arg(long)]
        jsonl: Vec<PathBuf>,
        /// Keep words seen at least this often.
        #[arg(long, default_value_t = 2)]
        min_count: u32,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    // Like other Unix filters: a closed pipe (`isnad … | head`) ends the
    // process quietly instead of failing on the next write.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("isnad: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The pipeline over `--data DIR` (every data file read from there), or over the embedded data.
/// A missing or malformed file stops start-up with its path and line. It lives as long as the
/// process: a command ends right after its work, and tearing down the tables (tens of MB of small
/// allocations) would only add to its wall time.
fn pipeline(data: &Option<PathBuf>) -> anyhow::Result<&'static Pipeline> {
    let data = data.clone().map_or(isnad_text::Data::Embedded, isnad_text::Data::Dir);
    Ok(Box::leak(Box::new(Pipeline::load(&data)?)))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Analyze {
            paths,
            published,
            title,
            source,
            url,
            id,
            format,
            tokens,
            prefer_future,
            compact,
            max_bytes,
        } => {
            let published =
                published.map(|p| isnad_schema::parse_published(&p)).transpose().map_err(anyhow::Error::msg)?;
            let meta = input::Meta { id, title, source, url, published };
            let paths = if paths.is_empty() { vec!["-".to_string()] } else { paths };
            let p = pipeline(&cli.data)?;
            let many = paths.len() > 1 || paths.iter().any(|p| p.ends_with(".jsonl") || p.ends_with(".ndjson"));
            analyze(p, &paths, &meta, format, Options { tokens, prefer_future }, compact || many, max_bytes)
        }
        Command::Demo { report: false, addr, .. } => demo_serve(addr),
        Command::Serve { db, addr, allow_ingest, max_body } => serve(db, addr, allow_ingest, max_body),
        Command::Demo { report: true, format, .. } => demo_report(pipeline(&cli.data)?, format),
        Command::Ingest(args) => ingest::ingest(args, pipeline(&cli.data)?),
        Command::Search { query, args } => corpus::search(&query, args),
        Command::Events { filter, args } => corpus::events(filter, args),
        Command::Show { id, args } => corpus::show(&id, args),
        Command::Clusters { min_members, args } => corpus::clusters(args, min_members),
        Command::Export(args) => corpus::export(args),
        Command::Eval { what } => eval::run(what, pipeline(&cli.data)?),
        Command::Train { what } => ner::train(what, pipeline(&cli.data)?),
        Command::Bench(args) => bench::run(args, pipeline(&cli.data)?),
        Command::Data { what: DataCommand::Places { shared, out } } => data_places(&shared, &out),
        Command::Data { what: DataCommand::Wordfreq { conll, jsonl, min_count, out } } => {
            data_wordfreq(&conll, &jsonl, min_count, &out)
        }
    }
}

/// `isnad demo`: the bundled examples in a temporary database, served until Ctrl-C.
fn demo_serve(addr: std::net::SocketAddr) -> anyhow::Result<ExitCode> {
    let dir = std::env::temp_dir().join(format!("isnad-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("demo.db");
    let _ = std::fs::remove_file(&db);
    let counts = isnad_server::demo_db(&db)?;
    eprintln!(
        "isnad: demo database {}: {} document(s), {} events, {} clusters",
        db.display(),
        counts.documents,
        counts.events,
        counts.clusters
    );
    let mut opts = isnad_server::ServeOptions::new(&db);
    opts.addr = addr;
    let served = isnad_server::run(opts, |a| {
        println!("isnad demo: open http://{a}/  (Ctrl-C to stop)");
        let _ = io::stdout().flush();
    });
    let _ = std::fs::remove_dir_all(&dir);
    served.map_err(|e| anyhow::anyhow!("{addr}: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// `isnad serve`: the JSON API and the web app over one database.
fn serve(
    db: Option<PathBuf>,
    addr: std::net::SocketAddr,
    allow_ingest: bool,
    max_body: usize,
) -> anyhow::Result<ExitCode> {
    let db = db.unwrap_or_else(corpus::default_db);
    if !db.exists() {
        anyhow::bail!("{}: no such database (run `isnad ingest` first, or `isnad demo`)", db.display());
    }
    let mut opts = isnad_server::ServeOptions::new(&db);
    opts.addr = addr;
    opts.allow_ingest = allow_ingest;
    opts.max_body = max_body;
    isnad_server::run(opts, |a| {
        println!("isnad: serving {} at http://{a}/", db.display());
        let _ = io::stdout().flush();
    })
    .map_err(|e| anyhow::anyhow!("{addr}: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// `isnad demo --report`: the seed article's report or isnad/1 JSON.
fn demo_report(p: &Pipeline, format: Format) -> anyhow::Result<ExitCode> {
    let input = isnad_server::EXAMPLES[0].input();
    let doc = p.analyze(input, Options::default());
    let mut out = io::stdout().lock();
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?,
        Format::Text => report::write(&mut out, &doc)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `isnad data places`: rebuilds `data/places/` from the shared gazetteers.
fn data_places(shared: &std::path::Path, out: &std::path::Path) -> anyhow::Result<ExitCode> {
    let built = isnad_gazetteer::build(shared).map_err(anyhow::Error::msg)?;
    built.write_to(out)?;
    eprintln!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// `isnad data wordfreq`: rebuilds the match-key frequency table.
fn data_wordfreq(
    conll: &[PathBuf],
    jsonl: &[PathBuf],
    min_count: u32,
    out: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    let mut texts = Vec::new();
    for path in conll {
        let content = std::fs::read_to_string(path)?;
        let words: Vec<&str> = content.lines().filter_map(|l| l.split('\t').next()).collect();
        texts.push(words.join(" "));
    }
    for path in jsonl {
        for line in std::fs::read_to_string(path)?.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line)?;
            if let Some(t) = v["text"].as_str() {
                texts.push(t.to_string());
            }
        }
    }
    let table = isnad_text::build_wordfreq(texts.iter().map(|s| s.as_str()), min_count);
    let sources: Vec<String> =
        conll.iter().chain(jsonl).map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned()).collect();
    let header = format!(
        "# Match-key frequencies of Arabic words, used only to decide clitic cuts.\n\
         # Derived facts (counts) from: {}. See NOTICE for provenance and licenses.\n\
         # Rebuild: isnad data wordfreq --conll ../shared/data/ner/anercorp/train.conll \\\n\
         #   --jsonl ../shared/data/news/ant/articles.jsonl --min-count {min_count} --out data/lexicon/wordfreq.tsv\n",
        sources.join(", ")
    );
    std::fs::write(out, header + &table)?;
    eprintln!("wrote {} ({} words)", out.display(), table.lines().count() - 1);
    Ok(ExitCode::SUCCESS)
}

fn analyze(
    p: &Pipeline,
    paths: &[String],
    meta: &input::Meta,
    format: Format,
    opts: Options,
    lines: bool,
    max_bytes: u64,
) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut io_err: Option<io::Error> = None;
    for path in paths {
        input::read_path(path, meta, max_bytes, &mut |doc| match doc {
            Err(e) => {
                failed += 1;
                eprintln!("isnad: {e}");
            }
            Ok(input) => {
                let doc = p.analyze(input, opts);
                let r = match format {
                    Format::Json if lines => {
                        serde_json::to_writer(&mut out, &doc).map_err(io::Error::from).and_then(|_| writeln!(out))
                    }
                    Format::Json => serde_json::to_writer_pretty(&mut out, &doc)
                        .map_err(io::Error::from)
                        .and_then(|_| writeln!(out)),
                    Format::Text => report::write(&mut out, &doc),
                };
                if let Err(e) = r {
                    io_err.get_or_insert(e);
                }
            }
        });
        if io_err.is_some() {
            break;
        }
    }
    if let Some(e) = io_err {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e.into());
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("isnad: {failed} input(s) failed; the others were processed");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
