//! isnad's HTTP server: a JSON API over a corpus store and the offline web UI.
//!
//! - **Read-only by default.** Queries run on a small pool of read-only SQLite
//!   connections ([`isnad_store::Store::open_read_only`]), opened on demand and
//!   reused, each query on a blocking thread; a semaphore bounds how many run at
//!   once, so a burst of clients queues instead of opening a connection each.
//! - **Ingest** (`POST /api/documents`) only when [`ServeOptions::allow_ingest`]
//!   is set; writes are serialised and each opens the store for writing.
//!   Clusters are not recomputed here: `isnad ingest` refreshes them.
//! - **The UI** (`/`, `/assets/…`) and the basemap are compiled into the
//!   binary from a fixed table; nothing is read from the file system, so no
//!   request path can reach a file.
//!
//! Every response carries a strict Content-Security-Policy; errors are JSON:
//! `{"error": {"status": 404, "message": "…"}}`. `GET /api/vocabulary` lists
//! the schema's closed vocabularies (PLOVER types with their quad class and
//! label, factuality values …): the UI takes its lists from there.
//!
//! Serving a new, empty store on a free port and asking for the vocabularies:
//!
//! ```
//! use std::io::{Read, Write};
//!
//! let dir = std::env::temp_dir().join(format!("isnad-server-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let mut opts = isnad_server::ServeOptions::new(dir.join("empty.db"));
//! opts.addr = "127.0.0.1:0".parse()?; // a free port
//! opts.allow_ingest = true; // creates the store
//! let (tx, rx) = std::sync::mpsc::channel();
//! std::thread::spawn(move || isnad_server::run(opts, move |addr| tx.send(addr).unwrap()));
//! let addr = rx.recv()?;
//!
//! let mut http = std::net::TcpStream::connect(addr)?;
//! write!(http, "GET /api/vocabulary HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")?;
//! let mut reply = String::new();
//! http.read_to_string(&mut reply)?;
//! assert!(reply.starts_with("HTTP/1.1 200"));
//! assert!(reply.contains(r#"{"value":"ASSAULT","label":"Assault","quad":4"#));
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod api;
mod assets;
mod error;
mod network;
mod openapi;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
use isnad_store::{Counts, Inserted, Store, StoreError};
use tokio::sync::Semaphore;

pub use error::ApiError;
pub use network::{network, Network, NetworkEdge, NetworkNode};

/// The default listening address.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// The default request body limit (2 MiB).
pub const DEFAULT_MAX_BODY: usize = 2 << 20;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The store file.
    pub db: PathBuf,
    /// Where to listen (port 0 picks a free port).
    pub addr: SocketAddr,
    /// Accept `POST /api/documents` (writes to the store).
    pub allow_ingest: bool,
    /// Largest accepted request body, in bytes.
    pub max_body: usize,
}

impl ServeOptions {
    /// Options for `db` with the defaults: 127.0.0.1:8080, read-only, 2 MiB bodies.
    pub fn new(db: impl Into<PathBuf>) -> ServeOptions {
        ServeOptions {
            db: db.into(),
            addr: DEFAULT_ADDR.parse().expect("default address"),
            allow_ingest: false,
            max_body: DEFAULT_MAX_BODY,
        }
    }
}

/// Connections kept open for reuse, and the most queries run at once.
const POOL_SIZE: usize = 8;

/// At most this many analyses run at once (each takes a core).
const ANALYSES: usize = 2;

/// Shared server state: the database path, the connection pool, the pipeline.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: PathBuf,
    allow_ingest: bool,
    max_body: usize,
    pool: Mutex<Vec<Store>>,
    queries: Semaphore,
    analyses: Semaphore,
    writer: tokio::sync::Mutex<()>,
    pipeline: &'static Pipeline,
}

impl AppState {
    /// Checks that the store opens (creating it when ingest is allowed) and
    /// keeps the first connection in the pool.
    pub fn new(opts: &ServeOptions) -> Result<AppState, StoreError> {
        if opts.allow_ingest {
            Store::open(&opts.db)?;
        }
        let first = Store::open_read_only(&opts.db)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                db: opts.db.clone(),
                allow_ingest: opts.allow_ingest,
                max_body: opts.max_body,
                pool: Mutex::new(vec![first]),
                queries: Semaphore::new(POOL_SIZE),
                analyses: Semaphore::new(ANALYSES),
                writer: tokio::sync::Mutex::new(()),
                pipeline: Pipeline::embedded().map_err(|e| StoreError(e.to_string()))?,
            }),
        })
    }

    /// The store file.
    pub fn db(&self) -> &Path {
        &self.inner.db
    }

    /// Whether ingest is allowed.
    pub fn allow_ingest(&self) -> bool {
        self.inner.allow_ingest
    }

    /// Runs `f` on a pooled read-only connection, on a blocking thread.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let _permit = self.inner.queries.acquire().await.map_err(|_| ApiError::internal("server is shutting down"))?;
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let taken = inner.pool.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let store = match taken {
                Some(s) => s,
                None => Store::open_read_only(&inner.db).map_err(ApiError::store)?,
            };
            let out = f(&store);
            let mut pool = inner.pool.lock().unwrap_or_else(|p| p.into_inner());
            if pool.len() < POOL_SIZE {
                pool.push(store);
            }
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("query failed: {e}")))?
    }

    /// Analyses one input on a blocking thread (at most [`ANALYSES`] at once).
    pub(crate) async fn analyze(&self, input: Input) -> Result<isnad_schema::Document, ApiError> {
        let _permit = self.inner.analyses.acquire().await.map_err(|_| ApiError::internal("server is shutting down"))?;
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || inner.pipeline.analyze(input, Options::default()))
            .await
            .map_err(|e| ApiError::internal(format!("analysis failed: {e}")))
    }

    /// Stores one analysed document (writers take turns).
    pub(crate) async fn insert(&self, doc: isnad_schema::Document, input: String) -> Result<Inserted, ApiError> {
        let _turn = self.inner.writer.lock().await;
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut store = Store::open(&inner.db).map_err(ApiError::store)?;
            let hash = isnad_store::content_hash(&doc.text);
            store.insert(&doc, &hash, &input).map_err(ApiError::store)
        })
        .await
        .map_err(|e| ApiError::internal(format!("insert failed: {e}")))?
    }

    pub(crate) fn max_body(&self) -> usize {
        self.inner.max_body
    }
}

/// The router: the API under `/api/`, the UI at `/` and `/assets/`.
pub fn router(state: AppState) -> axum::Router {
    api::routes(state)
}

/// Binds `opts.addr`, calls `ready` with the bound address, and serves until
/// Ctrl-C (or SIGTERM on Unix).
pub async fn serve(opts: ServeOptions, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let state = AppState::new(&opts).map_err(|e| std::io::Error::other(e.0))?;
    let listener = tokio::net::TcpListener::bind(opts.addr).await?;
    ready(listener.local_addr()?);
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown()).await
}

/// [`serve`] on a runtime of its own, for callers without one (the CLI).
pub fn run(opts: ServeOptions, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build()?.block_on(serve(opts, ready))
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term => {},
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}

/// One bundled example article.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// Document id.
    pub id: &'static str,
    /// Outlet.
    pub source: &'static str,
    /// Publication date.
    pub published: &'static str,
    /// URL, when known.
    pub url: Option<&'static str>,
    /// The text; its first line is the title.
    pub text: &'static str,
}

/// The bundled examples; the first is the demo's seed article.
pub const EXAMPLES: &[Example] = &[
    Example {
        id: "khabar-2023-11-23",
        source: "Khabar news agency (وكالة خبر)",
        published: "2023-11-23",
        url: None,
        text: include_str!("../../../examples/khabar-2023-11-23.txt"),
    },
    // A constructed report that only relays Khabar: its events join the seed's clusters
    // without adding an independent source (see examples/README.md).
    Example {
        id: "echo-2023-11-24",
        source: "Illustrative echo (constructed example)",
        published: "2023-11-24",
        url: None,
        text: include_str!("../../../examples/echo-2023-11-24.txt"),
    },
];

impl Example {
    /// The pipeline input.
    pub fn input(&self) -> Input {
        let meta = InputMeta {
            id: Some(self.id.to_string()),
            title: self.text.lines().next().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()),
            source: Some(self.source.to_string()),
            url: self.url.map(str::to_string),
            published: Some(self.published.to_string()),
        };
        Input { meta, text: self.text.to_string() }
    }
}

/// Analyses the bundled examples into a new database at `path` (which must
/// not exist yet) and returns its row counts. Clusters are left for
/// `isnad ingest` to compute.
pub fn demo_db(path: &Path) -> Result<Counts, StoreError> {
    if path.exists() {
        return Err(StoreError(format!("{}: already exists; the demo writes a new database", path.display())));
    }
    let mut store = Store::open(path)?;
    let pipeline = Pipeline::embedded().map_err(|e| StoreError(e.to_string()))?;
    let docs: Vec<_> = EXAMPLES
        .iter()
        .map(|ex| {
            let doc = pipeline.analyze(ex.input(), Options::default());
            let hash = isnad_store::content_hash(&doc.text);
            (doc, hash, format!("examples/{}.txt", ex.id))
        })
        .collect();
    store.insert_batch(&docs)?;
    store.recluster()?;
    store.counts()
}
