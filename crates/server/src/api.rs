//! Routes and handlers.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use isnad_pipeline::{Input, InputMeta};
use isnad_store::{EventFilter, Inserted};
use serde::Deserialize;

use crate::error::ApiError;
use crate::{assets, network, openapi, AppState};

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'";

pub fn routes(state: AppState) -> Router {
    let limit = state.max_body();
    Router::new()
        .route("/api/health", get(health))
        .route("/api/analyze", axum::routing::post(analyze))
        .route("/api/documents", get(documents).post(ingest))
        .route("/api/documents/{id}", get(document))
        .route("/api/events", get(events))
        .route("/api/clusters", get(clusters))
        .route("/api/clusters/{id}", get(cluster))
        .route("/api/search", get(search))
        .route("/api/export/{format}", get(export))
        .route("/api/network", get(network_route))
        .route("/api/basemap", get(asset))
        .route("/api/openapi.json", get(openapi_route))
        .route("/api/vocabulary", get(vocabulary))
        .route("/", get(asset))
        .route("/assets/{*path}", get(asset))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn_with_state(state.clone(), announced_size))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Refuses a body announced larger than the limit before reading any of it
/// (bodies without a length are cut at the limit as they are read).
async fn announced_size(
    State(st): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let announced = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > st.max_body() as u64) {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body larger than the {}-byte limit", st.max_body()),
        )
        .into_response();
    }
    next.run(req).await
}

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("no such resource: {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, format!("{method} is not allowed on {}", uri.path()))
}

/// A JSON response from bytes serialised elsewhere.
fn json_response(status: StatusCode, body: Vec<u8>) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(v).map_err(|e| ApiError::internal(format!("cannot serialise the response: {e}")))
}

// ---------------------------------------------------------------------------
// Query parameters

/// Query parameters, checked against the names a route takes.
struct Params(BTreeMap<String, String>);

impl Params {
    fn parse(q: Result<Query<Vec<(String, String)>>, QueryRejection>, allowed: &[&str]) -> Result<Params, ApiError> {
        let Query(pairs) =
            q.map_err(|e| ApiError::bad_request(format!("malformed query string: {}", e.body_text())))?;
        let mut map = BTreeMap::new();
        for (k, v) in pairs {
            if !allowed.contains(&k.as_str()) {
                let takes = if allowed.is_empty() { "no parameters".to_string() } else { allowed.join(", ") };
                return Err(ApiError::bad_request(format!("unknown parameter {k:?} (this route takes {takes})")));
            }
            if map.insert(k.clone(), v).is_some() {
                return Err(ApiError::bad_request(format!("parameter {k:?} given twice")));
            }
        }
        Ok(Params(map))
    }

    /// A non-empty string value.
    fn str(&self, name: &str) -> Option<String> {
        self.0.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    }

    /// A whole number in `min..=max`, or `default` when absent.
    fn num(&self, name: &str, default: usize, min: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.str(name) else { return Ok(default) };
        match v.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!("{name} must be a whole number from {min} to {max}, not {v:?}"))),
        }
    }

    /// A date `YYYY-MM-DD`.
    fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.str(name) else { return Ok(None) };
        if v.len() != 10 {
            return Err(ApiError::bad_request(format!("{name} must be a date YYYY-MM-DD, not {v:?}")));
        }
        isnad_schema::parse_published(&v)
            .map(Some)
            .map_err(|e| ApiError::bad_request(format!("{name} must be a date YYYY-MM-DD: {e}")))
    }

    /// `from` and `to`, in order.
    fn range(&self) -> Result<(Option<String>, Option<String>), ApiError> {
        let (from, to) = (self.date("from")?, self.date("to")?);
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err(ApiError::bad_request(format!("from ({f}) is after to ({t})")));
            }
        }
        Ok((from, to))
    }
}

// ---------------------------------------------------------------------------
// Request bodies

/// The body of `POST /api/analyze` and `POST /api/documents`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentBody {
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    id: Option<String>,
}

fn parse_body(headers: &HeaderMap, body: Result<Bytes, BytesRejection>, limit: usize) -> Result<Input, ApiError> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("request body larger than the {limit}-byte limit"))
        } else {
            ApiError::new(e.status(), format!("cannot read the request body: {}", e.body_text()))
        }
    })?;
    let ty = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = ty.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence != "application/json" {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("send the body as application/json, not {:?}", if ty.is_empty() { "(none)" } else { ty }),
        ));
    }
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ApiError::bad_request("empty request body; send {\"text\": \"…\"}"));
    }
    let b: DocumentBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, format!("invalid JSON body: {e}")))?;
    if b.text.trim().is_empty() {
        return Err(ApiError::bad_request("text is empty"));
    }
    if b.text.contains('\0') {
        return Err(ApiError::bad_request("text contains a NUL character"));
    }
    let clean = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let published = clean(b.published)
        .map(|p| isnad_schema::parse_published(&p))
        .transpose()
        .map_err(|e| ApiError::bad_request(format!("published: {e}")))?;
    let id = clean(b.id);
    if let Some(id) = &id {
        let ok = id.len() <= 200 && id.chars().all(|c| c.is_ascii_alphanumeric() || "._:-".contains(c));
        if !ok {
            return Err(ApiError::bad_request("id: at most 200 characters of A–Z, a–z, 0–9 and . _ : -".to_string()));
        }
    }
    Ok(Input {
        meta: InputMeta { id, title: clean(b.title), source: clean(b.source), url: clean(b.url), published },
        text: b.text,
    })
}

// ---------------------------------------------------------------------------
// Handlers

async fn health(
    State(st): State<AppState>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    Params::parse(q, &[])?;
    let ingest = st.allow_ingest();
    let counts = st.read(|s| s.counts().map_err(ApiError::store)).await?;
    let body = serde_json::json!({
        "ok": true,
        "version": env!("CARGO_PKG_VERSION"),
        "schema": isnad_schema::SCHEMA,
        "documents": counts.documents,
        "events": counts.events,
        "clusters": counts.clusters,
        "ingest": ingest,
    });
    Ok(json_response(StatusCode::OK, to_json(&body)?))
}

async fn analyze(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let input = parse_body(&headers, body, st.max_body())?;
    let doc = st.analyze(input).await?;
    Ok(json_response(StatusCode::OK, to_json(&doc)?))
}

async fn ingest(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    if !st.allow_ingest() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only; start it with ingest allowed to add documents",
        ));
    }
    let input = parse_body(&headers, body, st.max_body())?;
    let name = input.meta.id.clone().unwrap_or_else(|| "api".to_string());
    let doc = st.analyze(input).await?;
    let id = doc.document.id.clone();
    let inserted = st.insert(doc, format!("api:{name}")).await?;
    let (status, word) = match inserted {
        Inserted::Added => (StatusCode::CREATED, "added"),
        Inserted::Duplicate => (StatusCode::OK, "duplicate"),
        Inserted::IdTaken => (StatusCode::CONFLICT, "id_taken"),
    };
    let note = "clusters are refreshed by the next `isnad ingest` on this database";
    if inserted == Inserted::IdTaken {
        let mut e = ApiError::new(status, format!("another document is stored under id {id:?}"));
        let mut extra = serde_json::Map::new();
        extra.insert("id".into(), id.into());
        extra.insert("inserted".into(), word.into());
        e.extra = Some(extra);
        return Err(e);
    }
    let body = serde_json::json!({ "id": id, "inserted": word, "clusters": note });
    Ok(json_response(status, to_json(&body)?))
}

async fn documents(
    State(st): State<AppState>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = Params::parse(q, &["limit", "offset"])?;
    let limit = p.num("limit", 50, 1, 1000)?;
    let offset = p.num("offset", 0, 0, usize::MAX >> 1)?;
    let body = st.read(move |s| to_json(&s.documents(limit, offset).map_err(ApiError::store)?)).await?;
    Ok(json_response(StatusCode::OK, body))
}

async fn document(
    State(st): State<AppState>,
    Path(id): Path<String>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    Params::parse(q, &[])?;
    one(st, "document", id, |s, id| s.document(id)).await
}

/// One stored record by id (`/api/documents/{id}`, `/api/clusters/{id}`); 404 when there is none.
async fn one<T, F>(st: AppState, what: &'static str, id: String, get: F) -> Result<Response, ApiError>
where
    T: serde::Serialize,
    F: FnOnce(&isnad_store::Store, &str) -> Result<Option<T>, isnad_store::StoreError> + Send + 'static,
{
    let body = st
        .read(move |s| match get(s, &id).map_err(ApiError::store)? {
            Some(record) => to_json(&record),
            None => Err(ApiError::not_found(format!("no {what} {id:?}"))),
        })
        .await?;
    Ok(json_response(StatusCode::OK, body))
}

/// The event filter of `/api/events` and `/api/export`: checked dates and factuality.
fn event_filter(p: &Params, limit: usize) -> Result<EventFilter, ApiError> {
    let (from, to) = p.range()?;
    let factuality = p
        .str("factuality")
        .map(|f| f.parse::<isnad_schema::Factuality>())
        .transpose()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(EventFilter {
        actor: p.str("actor"),
        place: p.str("place"),
        ty: p.str("type"),
        from,
        to,
        factuality,
        dated_only: false,
        limit,
    })
}

async fn events(
    State(st): State<AppState>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = Params::parse(q, &["actor", "place", "type", "from", "to", "factuality", "limit"])?;
    let filter = event_filter(&p, p.num("limit", 500, 1, 10_000)?)?;
    let body = st.read(move |s| to_json(&s.events(&filter).map_err(ApiError::store)?)).await?;
    Ok(json_response(StatusCode::OK, body))
}

/// `GET /api/export/{format}`: the corpus (or the clusters with a member event
/// passing the filters) as acled-csv, plover-jsonl, geojson, graphml or jsonl.
async fn export(
    State(st): State<AppState>,
    Path(format): Path<String>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let format: isnad_export::Format =
        format.parse().map_err(|e: isnad_export::UnknownFormat| ApiError::not_found(e.to_string()))?;
    let p = Params::parse(q, &["actor", "place", "type", "from", "to", "factuality"])?;
    let filter = event_filter(&p, 0)?;
    let body = st
        .read(move |s| {
            let mut out = Vec::new();
            let io = |e: std::io::Error| ApiError::internal(format!("export: {e}"));
            if format == isnad_export::Format::Jsonl {
                s.for_each_document(|d| {
                    isnad_export::write_documents_jsonl([&d], &mut out)
                        .map_err(|e| isnad_store::StoreError(format!("export: {e}")))?;
                    Ok(())
                })
                .map_err(ApiError::store)?;
            } else {
                let clusters = s.clusters_matching(&filter).map_err(ApiError::store)?;
                isnad_export::write_clusters(format, &clusters, &mut out).map_err(io)?;
            }
            Ok(out)
        })
        .await?;
    let mut res = Response::new(axum::body::Body::from(body));
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(format.media_type()));
    let file = format!("attachment; filename=\"isnad-{}.{}\"", format.name(), format.extension());
    if let Ok(v) = HeaderValue::from_str(&file) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

async fn clusters(
    State(st): State<AppState>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = Params::parse(q, &["min_members"])?;
    let min = p.num("min_members", 1, 1, 1_000_000)?;
    let body = st
        .read(move |s| {
            let mut all = s.clusters().map_err(ApiError::store)?;
            all.retain(|c| c.members.len() >= min);
            to_json(&all)
        })
        .await?;
    Ok(json_response(StatusCode::OK, body))
}

async fn cluster(
    State(st): State<AppState>,
    Path(id): Path<String>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    Params::parse(q, &[])?;
    one(st, "cluster", id, |s, id| s.cluster(id)).await
}

async fn search(
    State(st): State<AppState>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = Params::parse(q, &["q", "limit"])?;
    let Some(query) = p.str("q") else {
        return Err(ApiError::bad_request("q is required: the words to search for"));
    };
    if query.chars().count() > 500 {
        return Err(ApiError::bad_request("q is longer than 500 characters"));
    }
    let limit = p.num("limit", 20, 1, 200)?;
    let body = st.read(move |s| to_json(&s.search(&query, limit).map_err(ApiError::store)?)).await?;
    Ok(json_response(StatusCode::OK, body))
}

async fn network_route(
    State(st): State<AppState>,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let p = Params::parse(q, &["from", "to"])?;
    let (from, to) = p.range()?;
    let filter = EventFilter { from, to, ..EventFilter::default() };
    let body = st
        .read(move |s| {
            let events = s.events(&filter).map_err(ApiError::store)?;
            to_json(&network::network(&events))
        })
        .await?;
    Ok(json_response(StatusCode::OK, body))
}

async fn openapi_route(q: Result<Query<Vec<(String, String)>>, QueryRejection>) -> Result<Response, ApiError> {
    Params::parse(q, &[])?;
    Ok(json_response(StatusCode::OK, openapi::spec().as_bytes().to_vec()))
}

/// `GET /api/vocabulary`: the schema's closed vocabularies (PLOVER types with
/// their quad class and English label, factuality values, source kinds …).
async fn vocabulary(q: Result<Query<Vec<(String, String)>>, QueryRejection>) -> Result<Response, ApiError> {
    Params::parse(q, &[])?;
    Ok(json_response(StatusCode::OK, to_json(&isnad_schema::Vocabulary::new())?))
}

/// Embedded files, by exact path (the raw, undecoded request path).
async fn asset(uri: Uri, headers: HeaderMap) -> Result<Response, ApiError> {
    let Some((a, etag)) = assets::get(uri.path()) else {
        return Err(ApiError::not_found(format!("no such resource: {}", uri.path())));
    };
    let mut res = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (StatusCode::OK, a.body).into_response()
    };
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(a.content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(a.cache));
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    Ok(res)
}
