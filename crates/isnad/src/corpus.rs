//! Corpus commands: ingest into the store, search, events, show, clusters, export.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use isnad_schema::ClusterRecord;
use isnad_store::{EventFilter, Store};

use crate::input;

/// The database used when `--db` is not given.
pub const DEFAULT_DB: &str = "isnad.db";

pub fn default_db() -> PathBuf {
    std::env::var_os("ISNAD_DB").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(DEFAULT_DB))
}

/// `isnad ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Files or directories (recursively): text, HTML, RSS/Atom, JSON, JSON Lines; `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// The database (created when missing; default $ISNAD_DB or ./isnad.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Publication date of inputs that carry none (ISO 8601).
    #[arg(long)]
    pub published: Option<String>,
    /// Outlet of inputs that name none.
    #[arg(long)]
    pub source: Option<String>,
    /// Analysis threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Largest accepted document, in bytes.
    #[arg(long, default_value_t = input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Follow feed entries' links over HTTP when an entry carries little text (timeouts, size
    /// limit, one request per second per host).
    #[arg(long)]
    pub fetch: bool,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// Filters shared by `events` and `export`.
#[derive(Args, Clone, Default)]
pub struct FilterArgs {
    /// Actor id or part of a name (English or Arabic).
    #[arg(long)]
    pub actor: Option<String>,
    /// Place id, P-code or part of a place or governorate name.
    #[arg(long)]
    pub place: Option<String>,
    /// PLOVER type, ACLED event type or sub-type.
    #[arg(long = "type")]
    pub ty: Option<String>,
    /// From this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// To this date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Factuality (asserted, probable, possible, unknown, negated, planned).
    #[arg(long)]
    pub factuality: Option<String>,
}

impl FilterArgs {
    /// `--factuality` as a schema value (an empty value sets no condition).
    fn factuality(&self) -> anyhow::Result<Option<isnad_schema::Factuality>> {
        let given = self.factuality.as_deref().map(str::trim).filter(|f| !f.is_empty());
        given.map(|f| f.parse().map_err(|e| anyhow::anyhow!("--factuality: {e}"))).transpose()
    }

    fn to_filter(&self, limit: usize) -> anyhow::Result<EventFilter> {
        for d in [&self.from, &self.to].into_iter().flatten() {
            isnad_schema::parse_published(d).map_err(|e| anyhow::anyhow!("--from/--to: {e}"))?;
        }
        Ok(EventFilter {
            actor: self.actor.clone(),
            place: self.place.clone(),
            ty: self.ty.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            factuality: self.factuality()?,
            dated_only: false,
            limit,
        })
    }
}

/// `isnad search`, `events`, `show`, `clusters`.
#[derive(Args)]
pub struct QueryArgs {
    /// The database (default $ISNAD_DB or ./isnad.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// JSON output (one array) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// At most this many rows (0 = all).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

pub(crate) fn open_existing(db: &Option<PathBuf>) -> anyhow::Result<Store> {
    let path = db.clone().unwrap_or_else(default_db);
    if !path.exists() {
        anyhow::bail!("{}: no such database (run `isnad ingest` first, or pass --db)", path.display());
    }
    Ok(Store::open(&path)?)
}

/// `isnad search QUERY`.
pub fn search(query: &str, args: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let hits = store.search(query, args.limit)?;
    let mut out = io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?;
    } else {
        for h in &hits {
            writeln!(
                out,
                "{}  {}  {}  {}",
                h.doc.id,
                h.doc.published.as_deref().map_or("", |p| p.get(..10).unwrap_or(p)),
                h.doc.source.as_deref().unwrap_or("-"),
                h.doc.title.as_deref().unwrap_or("")
            )?;
            writeln!(out, "    {}", h.snippet)?;
        }
        writeln!(out, "{} document(s)", hits.len())?;
    }
    Ok(if hits.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `isnad events [filters]`.
pub fn events(filter: FilterArgs, args: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let events = store.events(&filter.to_filter(args.limit)?)?;
    let mut out = io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&events)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{:<22} {:<8} {:<10} {:<24} {:<24} {:<18} {:<10} doc",
        "date", "type", "mode", "actor", "recipient", "place", "factuality"
    )?;
    for s in &events {
        let e = &s.event;
        let date = e.time.as_ref().and_then(|t| t.from.as_deref()).map_or("-".to_string(), |f| {
            let by_publication = e.time.as_ref().is_some_and(|t| t.basis == isnad_schema::TimeBasis::Publication);
            format!("{}{}", f.get(..10).unwrap_or(f), if by_publication { " (pub)" } else { "" })
        });
        let names = |ps: &[isnad_schema::Participant]| {
            let s: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
            if s.is_empty() {
                "-".to_string()
            } else {
                clip(&s.join("; "), 24)
            }
        };
        writeln!(
            out,
            "{:<22} {:<8} {:<10} {:<24} {:<24} {:<18} {:<10} {}",
            date,
            e.ty,
            e.mode.map_or("-", |m| m.as_str()),
            names(&e.actors),
            names(&e.recipients),
            clip(e.place.as_ref().map_or("-", |p| p.name.as_str()), 18),
            e.factuality,
            s.doc
        )?;
    }
    writeln!(out, "{} event(s)", events.len())?;
    Ok(ExitCode::SUCCESS)
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// `isnad show DOC_ID`.
pub fn show(id: &str, args: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let Some(doc) = store.document(id)? else {
        eprintln!("isnad: {id}: no such document");
        return Ok(ExitCode::from(1));
    };
    let mut out = io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else {
        crate::report::write(&mut out, &doc)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `isnad clusters`.
pub fn clusters(args: QueryArgs, min_members: usize) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let mut clusters: Vec<ClusterRecord> =
        store.clusters()?.into_iter().filter(|c| c.members.len() >= min_members).collect();
    if args.limit > 0 {
        clusters.truncate(args.limit);
    }
    let mut out = io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&clusters)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    for c in &clusters {
        let date = c.time.as_ref().and_then(|t| t.from.as_deref()).map_or("-", |f| f.get(..10).unwrap_or(f));
        writeln!(
            out,
            "{}  {}  {:<8} {}  members {}  independent sources {}{}",
            c.id,
            date,
            c.ty,
            c.place.as_ref().map_or("-", |p| p.name.as_str()),
            c.members.len(),
            c.independent_sources,
            if c.contradictions.is_empty() {
                String::new()
            } else {
                format!(
                    "  contradictions: {}",
                    c.contradictions.iter().map(|x| x.field.as_str()).collect::<Vec<_>>().join(", ")
                )
            }
        )?;
    }
    writeln!(out, "{} cluster(s)", clusters.len())?;
    Ok(ExitCode::SUCCESS)
}

/// `isnad export`.
#[derive(Args)]
pub struct ExportArgs {
    /// acled-csv, plover-jsonl, geojson, graphml or jsonl (the isnad/1 documents).
    #[arg(long)]
    pub format: String,
    /// The database (default $ISNAD_DB or ./isnad.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Output file (default stdout).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `isnad export --format …`.
pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format: isnad_export::Format = args.format.parse().map_err(|e| anyhow::anyhow!("--format: {e}"))?;
    let store = open_existing(&args.db)?;
    let mut sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", p.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let n = match format {
        isnad_export::Format::Jsonl => {
            let mut n = 0;
            store.for_each_document(|d| {
                n += isnad_export::write_documents_jsonl([&d], &mut sink)
                    .map_err(|e| isnad_store::StoreError(format!("writing: {e}")))?;
                Ok(())
            })?;
            n
        }
        _ => {
            let clusters = store.clusters_matching(&args.filter.to_filter(0)?)?;
            isnad_export::write_clusters(format, &clusters, &mut sink)?
        }
    };
    sink.flush()?;
    eprintln!("isnad: {n} record(s) written");
    Ok(ExitCode::SUCCESS)
}
