//! The server over real HTTP on 127.0.0.1 (a free port), against a demo database.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use isnad_server::{demo_db, serve, ServeOptions};
use serde_json::Value;

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    /// Asserts a JSON error with this status.
    fn assert_error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "body: {}", self.text());
        assert!(self.header("content-type").unwrap_or("").starts_with("application/json"), "{:?}", self.headers);
        let j = self.json();
        assert_eq!(j["error"]["status"], status, "{j}");
        let msg = j["error"]["message"].as_str().expect("message").to_string();
        assert!(!msg.is_empty());
        msg
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let nl = b.windows(2).position(|w| w == b"\r\n").expect("chunk size line");
        let size = usize::from_str_radix(std::str::from_utf8(&b[..nl]).unwrap().trim(), 16).unwrap();
        b = &b[nl + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size + 2..];
    }
}

/// One HTTP/1.1 request with `Connection: close`; `path` is sent exactly as given.
fn request(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    read_response(s)
}

fn read_response(mut s: TcpStream) -> Resp {
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers");
    let head = String::from_utf8(raw[..end].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    if headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")) {
        body = dechunk(&body);
    }
    Resp { status, headers, body }
}

fn get(addr: SocketAddr, path: &str) -> Resp {
    request(addr, "GET", path, &[], b"")
}

fn post_json(addr: SocketAddr, path: &str, body: &Value) -> Resp {
    request(addr, "POST", path, &[("Content-Type", "application/json")], body.to_string().as_bytes())
}

fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-server-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts a server on a fresh demo database; it lives as long as the test process.
fn start(name: &str, allow_ingest: bool) -> (SocketAddr, PathBuf) {
    let db = temp_dir(name).join("demo.db");
    demo_db(&db).unwrap();
    let mut opts = ServeOptions::new(&db);
    opts.addr = "127.0.0.1:0".parse().unwrap();
    opts.allow_ingest = allow_ingest;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(serve(opts, move |addr| tx.send(addr).unwrap())).unwrap();
    });
    (rx.recv_timeout(Duration::from_secs(60)).expect("server ready"), db)
}

fn read_only() -> &'static (SocketAddr, PathBuf) {
    static S: OnceLock<(SocketAddr, PathBuf)> = OnceLock::new();
    S.get_or_init(|| start("ro", false))
}

fn server() -> SocketAddr {
    read_only().0
}

fn ingest_server() -> SocketAddr {
    static S: OnceLock<(SocketAddr, PathBuf)> = OnceLock::new();
    S.get_or_init(|| start("rw", true)).0
}

const SEED: &str = "khabar-2023-11-23";

#[test]
fn health() {
    let r = get(server(), "/api/health");
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["ok"], true);
    assert_eq!(j["documents"], isnad_server::EXAMPLES.len());
    assert_eq!(j["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(j["ingest"], false);
    get(server(), "/api/health?x=1").assert_error(400);
}

#[test]
fn documents_list_and_get() {
    let a = server();
    let all = get(a, "/api/documents").json();
    assert_eq!(all.as_array().unwrap().len(), isnad_server::EXAMPLES.len());
    // Newest first: the echo (24 November), then the seed.
    assert_eq!(all[0]["id"], "echo-2023-11-24");
    let list = serde_json::json!([all[1].clone()]);
    assert_eq!(list[0]["id"], SEED);
    assert_eq!(list[0]["published"], "2023-11-23");
    assert_eq!(list[0]["source"], "Khabar news agency (وكالة خبر)");
    assert!(list[0]["events"].as_u64().unwrap() >= 5);
    assert_eq!(get(a, "/api/documents?limit=10&offset=1").json().as_array().unwrap().len(), 1);
    assert_eq!(get(a, "/api/documents?limit=10&offset=2").json().as_array().unwrap().len(), 0);

    let doc = get(a, &format!("/api/documents/{SEED}")).json();
    assert_eq!(doc["schema"], "isnad/1");
    assert_eq!(doc["document"]["id"], SEED);
    assert!(doc["text"].as_str().unwrap().starts_with("انفراد"));

    for bad in ["limit=0", "limit=abc", "limit=-1", "offset=x", "limit=1&limit=2", "colour=red"] {
        let msg = get(a, &format!("/api/documents?{bad}")).assert_error(400);
        assert!(!msg.contains("panicked"), "{msg}");
    }
    get(a, "/api/documents/no-such-doc").assert_error(404);
    get(a, &format!("/api/documents/{}", enc("../../etc/passwd"))).assert_error(404);
}

#[test]
fn events_and_filters() {
    let a = server();
    let all = get(a, "/api/events").json();
    let all = all.as_array().unwrap();
    assert!(all.len() >= 5, "{}", all.len());
    assert!(all.iter().any(|e| e["event"]["type"] == "CONSULT"));
    assert!(all.iter().all(|e| e["doc"] == SEED || e["doc"] == "echo-2023-11-24"));

    let consult = get(a, "/api/events?type=CONSULT").json();
    let consult = consult.as_array().unwrap();
    assert!(!consult.is_empty() && consult.iter().all(|e| e["event"]["type"] == "CONSULT"));

    let aqap = get(a, "/api/events?actor=ye.aqap").json();
    assert!(!aqap.as_array().unwrap().is_empty());

    let bayda = get(a, &format!("/api/events?place={}", enc("Al Bayda"))).json();
    assert!(bayda.as_array().unwrap().iter().any(|e| e["event"]["place"]["id"] == "ocha:YE14"));

    let nov20 = get(a, "/api/events?from=2023-11-20&to=2023-11-20").json();
    let nov20 = nov20.as_array().unwrap();
    assert!(!nov20.is_empty() && nov20.len() < all.len());

    let limited = get(a, "/api/events?limit=3").json();
    assert_eq!(limited.as_array().unwrap().len(), 3);

    let asserted = get(a, "/api/events?factuality=asserted").json();
    assert!(asserted.as_array().unwrap().iter().all(|e| e["event"]["factuality"] == "asserted"));

    for bad in [
        "from=2023-13-01",
        "from=2023-02-30",
        "from=yesterday",
        "to=2023-11-20T10:00",
        "from=2023-11-21&to=2023-11-20",
        "factuality=certain",
        "limit=0",
        "limit=100000",
        "actors=ye.aqap",
    ] {
        get(a, &format!("/api/events?{bad}")).assert_error(400);
    }
}

#[test]
fn search() {
    let a = server();
    let hits = get(a, &format!("/api/search?q={}", enc("مطولة"))).json();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["doc"]["id"], SEED);
    assert!(!hits[0]["snippet"].as_str().unwrap().is_empty());
    let none = get(a, "/api/search?q=zzzzqqq").json();
    assert!(none.as_array().unwrap().is_empty());
    get(a, "/api/search").assert_error(400);
    get(a, "/api/search?q=").assert_error(400);
    get(a, "/api/search?q=x&limit=0").assert_error(400);
}

#[test]
fn network() {
    let a = server();
    let n = get(a, "/api/network").json();
    let nodes = n["nodes"].as_array().unwrap();
    let edges = n["edges"].as_array().unwrap();
    let houthis = nodes.iter().find(|x| x["id"] == "ye.houthis").expect("houthis node");
    assert_eq!(houthis["name_ar"], "جماعة الحوثي");
    assert!(houthis["events"].as_u64().unwrap() > 0);
    let e = edges
        .iter()
        .find(|e| e["source"] == "ye.houthis" && e["target"] == "ye.aqap" && e["type"] == "CONSULT")
        .expect("houthis → aqap CONSULT");
    assert_eq!(e["quad"], 1);
    assert_eq!(e["weight"].as_u64().unwrap() as usize, e["events"].as_array().unwrap().len());
    assert!(e["first"].as_str().unwrap() <= e["last"].as_str().unwrap());
    assert!(edges.iter().all(|e| e["source"] != e["target"]));
    // Generic actors keep their generic ids.
    assert!(nodes.iter().any(|x| x["id"].as_str().unwrap().starts_with("generic.")));

    let narrow = get(a, "/api/network?from=2023-10-10&to=2023-10-10").json();
    assert!(narrow["edges"].as_array().unwrap().len() < edges.len());
    get(a, "/api/network?from=10/10/2023").assert_error(400);
    get(a, "/api/network?from=2023-11-02&to=2023-11-01").assert_error(400);
}

#[test]
fn clusters() {
    // Its own database: this test rewrites the clusters.
    let (a, db) = start("clusters", false);
    // The demo database is clustered: every event of the example is in exactly one cluster.
    let demo = get(a, "/api/clusters").json();
    let members: usize = demo.as_array().unwrap().iter().map(|c| c["members"].as_array().unwrap().len()).sum();
    assert!(members > 0);
    let events = get(a, "/api/events?limit=10000").json();
    assert_eq!(members, events.as_array().unwrap().len());
    get(a, "/api/clusters/c-none").assert_error(404);
    get(a, "/api/clusters?min_members=0").assert_error(400);
    get(a, "/api/clusters?min_members=two").assert_error(400);

    // Clusters come from `isnad ingest`; write one the way it would.
    let doc = {
        let s = isnad_store::Store::open_read_only(&db).unwrap();
        s.document(SEED).unwrap().unwrap()
    };
    let ev = &doc.events[0];
    let member = |event: &str| isnad_schema::ClusterMember {
        doc: SEED.into(),
        event: event.into(),
        outlet: doc.document.source.clone(),
        published: doc.document.published.clone(),
        url: None,
        evidence: "اجتماعات".into(),
        origin: "outlet:khabar".into(),
    };
    let cluster = isnad_schema::ClusterRecord {
        id: "ctest".into(),
        ty: ev.ty,
        mode: ev.mode,
        quad: ev.quad,
        acled: ev.acled.clone(),
        actors: ev.actors.clone(),
        recipients: ev.recipients.clone(),
        place: ev.place.clone(),
        time: ev.time.clone(),
        counts: ev.counts.clone(),
        factuality: ev.factuality,
        members: vec![member(&ev.id), member(&doc.events[1].id)],
        origins: vec![isnad_schema::Origin {
            key: "outlet:khabar".into(),
            kind: isnad_schema::OriginKind::Outlet,
            label: "Khabar".into(),
            documents: vec![SEED.into()],
        }],
        independent_sources: 1,
        contradictions: vec![],
    };
    isnad_store::Store::open(&db).unwrap().replace_clusters(&[cluster]).unwrap();

    let list = get(a, "/api/clusters").json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["independent_sources"], 1);
    assert_eq!(get(a, "/api/clusters?min_members=2").json().as_array().unwrap().len(), 1);
    assert!(get(a, "/api/clusters?min_members=3").json().as_array().unwrap().is_empty());
    let one = get(a, "/api/clusters/ctest");
    assert_eq!(one.status, 200);
    assert_eq!(one.json()["members"].as_array().unwrap().len(), 2);
}

#[test]
fn analyze() {
    let a = server();
    let text = "قتل 3 أشخاص في صنعاء يوم الاثنين. <script>alert(1)</script>";
    let r = post_json(a, "/api/analyze", &serde_json::json!({"text": text, "published": "2023-11-23", "title": "t"}));
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["schema"], "isnad/1");
    assert_eq!(j["text"], text, "the text comes back as a JSON string, unchanged");
    assert_eq!(j["document"]["published"], "2023-11-23");
    assert!(r.header("content-type").unwrap().starts_with("application/json"));
    // Monday before Thursday 23 November 2023.
    assert!(j["times"].as_array().unwrap().iter().any(|t| t["from"] == "2023-11-20"), "{}", j["times"]);
    // Nothing was stored.
    assert_eq!(get(a, "/api/health").json()["documents"], isnad_server::EXAMPLES.len());

    post_json(a, "/api/analyze", &serde_json::json!({"text": "نص", "published": "23/11/2023"})).assert_error(400);
    post_json(a, "/api/analyze", &serde_json::json!({"text": "   "})).assert_error(400);
    post_json(a, "/api/analyze", &serde_json::json!({"text": "نص", "id": "a b"})).assert_error(400);
    request(a, "POST", "/api/analyze", &[("Content-Type", "application/json")], b"").assert_error(400);
    request(a, "POST", "/api/analyze", &[("Content-Type", "application/json")], b"{\"text\": ").assert_error(422);
    post_json(a, "/api/analyze", &serde_json::json!({"body": "نص"})).assert_error(422);
    post_json(a, "/api/analyze", &serde_json::json!({"text": 5})).assert_error(422);
    post_json(a, "/api/analyze", &serde_json::json!({"text": "نص", "extra": 1})).assert_error(422);
    request(a, "POST", "/api/analyze", &[("Content-Type", "text/plain")], "{\"text\": \"x\"}".as_bytes())
        .assert_error(415);
    request(a, "POST", "/api/analyze", &[], "{\"text\": \"x\"}".as_bytes()).assert_error(415);
    get(a, "/api/analyze").assert_error(405);
}

#[test]
fn oversized_body_is_413() {
    let a = server();
    // Announced larger than the limit: refused before the body is read.
    let mut s = TcpStream::connect(a).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let len = isnad_server::DEFAULT_MAX_BODY + 1;
    write!(
        s,
        "POST /api/analyze HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {len}\r\n\r\n{{\"text\": \""
    )
    .unwrap();
    let r = read_response(s);
    let msg = r.assert_error(413);
    assert!(msg.contains("limit"), "{msg}");
    // A body just under the limit is read (and analysed).
    let text = "ا ".repeat(1000);
    let r = post_json(a, "/api/analyze", &serde_json::json!({ "text": text }));
    assert_eq!(r.status, 200);
}

#[test]
fn ingest_forbidden_when_read_only() {
    let a = server();
    let msg = post_json(a, "/api/documents", &serde_json::json!({"text": "نص جديد", "published": "2023-11-23"}))
        .assert_error(403);
    assert!(msg.contains("read-only"));
    assert_eq!(get(a, "/api/health").json()["documents"], isnad_server::EXAMPLES.len());
}

#[test]
fn ingest_when_allowed() {
    let a = ingest_server();
    assert_eq!(get(a, "/api/health").json()["ingest"], true);
    let body = serde_json::json!({
        "text": "أعلنت مصادر محلية مقتل 3 أشخاص في صنعاء يوم الاثنين.",
        "published": "2023-11-23",
        "source": "test outlet",
        "id": "t-1"
    });
    let r = post_json(a, "/api/documents", &body);
    assert_eq!(r.status, 201, "{}", r.text());
    let j = r.json();
    assert_eq!(j["id"], "t-1");
    assert_eq!(j["inserted"], "added");
    assert!(j["clusters"].as_str().unwrap().contains("isnad ingest"));
    let again = post_json(a, "/api/documents", &body);
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["inserted"], "duplicate");
    let clash = post_json(a, "/api/documents", &serde_json::json!({"text": "نص مختلف تماما", "id": "t-1"}));
    clash.assert_error(409);
    assert_eq!(clash.json()["inserted"], "id_taken");
    assert_eq!(get(a, "/api/health").json()["documents"], isnad_server::EXAMPLES.len() + 1);
    let doc = get(a, "/api/documents/t-1").json();
    assert_eq!(doc["document"]["source"], "test outlet");
    let events = get(a, &format!("/api/events?place={}", enc("Sanaa"))).json();
    assert!(events.as_array().unwrap().iter().any(|e| e["doc"] == "t-1"));
    // Without an id, the id comes from the content.
    let r = post_json(a, "/api/documents", &serde_json::json!({"text": "اندلعت اشتباكات في عدن أمس."}));
    assert_eq!(r.status, 201);
    assert!(r.json()["id"].as_str().unwrap().starts_with("doc-"));
    post_json(a, "/api/documents", &serde_json::json!({"text": ""})).assert_error(400);
}

#[test]
fn basemap() {
    let a = server();
    let r = get(a, "/api/basemap");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/geo+json"));
    assert!(r.header("cache-control").unwrap().contains("max-age="));
    let j = r.json();
    assert_eq!(j["type"], "FeatureCollection");
    let feats = j["features"].as_array().unwrap();
    let has = |level: &str, pcode: &str| {
        feats.iter().any(|f| f["properties"]["level"] == level && f["properties"]["pcode"] == pcode)
    };
    assert!(has("admin1", "YE14") && has("admin2", "YE1405"));
    assert!(feats.iter().any(|f| f["properties"]["iso_a2"] == "YE" && f["properties"]["name_ar"] == "اليمن"));
    let etag = r.header("etag").unwrap().to_string();
    let again = request(a, "GET", "/api/basemap", &[("If-None-Match", &etag)], b"");
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
}

#[test]
fn openapi_describes_every_route() {
    let a = server();
    let j = get(a, "/api/openapi.json").json();
    assert!(j["openapi"].as_str().unwrap().starts_with("3.0"));
    let paths = j["paths"].as_object().unwrap();
    for p in [
        "/api/health",
        "/api/analyze",
        "/api/documents",
        "/api/documents/{id}",
        "/api/events",
        "/api/clusters",
        "/api/clusters/{id}",
        "/api/search",
        "/api/network",
        "/api/basemap",
        "/api/openapi.json",
        "/api/vocabulary",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
    }
    // Every parameter listed is accepted (no 400 for an empty value, no 404).
    for (path, item) in paths {
        let Some(op) = item.get("get") else { continue };
        if path.contains('{') {
            continue;
        }
        let names: Vec<&str> = op["parameters"]
            .as_array()
            .map(|ps| ps.iter().filter(|p| p["in"] == "query").map(|p| p["name"].as_str().unwrap()).collect())
            .unwrap_or_default();
        let q = names.iter().map(|n| if *n == "q" { "q=x".to_string() } else { format!("{n}=") }).collect::<Vec<_>>();
        let url = if q.is_empty() { path.clone() } else { format!("{path}?{}", q.join("&")) };
        assert_eq!(get(a, &url).status, 200, "{url}");
    }
    // The routes left for later are not there.
    get(a, "/api/export/csv").assert_error(404);
}

#[test]
fn vocabulary_lists_the_schema_values() {
    let a = server();
    let r = get(a, "/api/vocabulary");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v = r.json();
    assert_eq!(v["schema"], "isnad/1");
    let types = v["plover_types"].as_array().unwrap();
    let values: Vec<&str> = types.iter().map(|t| t["value"].as_str().unwrap()).collect();
    assert_eq!(values.len(), 16);
    assert_eq!(values.first(), Some(&"AGREE"));
    assert!(values.contains(&"CONSULT") && values.contains(&"ASSAULT"));
    let consult = types.iter().find(|t| t["value"] == "CONSULT").unwrap();
    assert_eq!((consult["quad"].as_u64(), consult["label"].as_str()), (Some(1), Some("Consult")));
    assert_eq!(v["entity_types"].as_array().unwrap().len(), 4);
    assert!(v["source_kinds"].as_array().unwrap().iter().any(|k| k["value"] == "named_person"));
    assert!(v["place_levels"].as_array().unwrap().iter().any(|k| k["value"] == "admin2"));
    assert_eq!(v["acled_event_types"][0]["value"], "Battles");
    // Every listed factuality value filters events; others are refused.
    let fact = v["factuality"].as_array().unwrap();
    assert_eq!(fact.len(), 6);
    for f in fact {
        assert_eq!(get(a, &format!("/api/events?factuality={}", f["value"].as_str().unwrap())).status, 200, "{f}");
    }
    let msg = get(a, "/api/events?factuality=certain").assert_error(400);
    assert!(msg.contains("\"certain\"") && msg.contains("negated"), "{msg}");
    // The OpenAPI document names every list the route returns.
    let spec = get(a, "/api/openapi.json").json();
    let required = spec["components"]["schemas"]["Vocabulary"]["required"].as_array().unwrap();
    let mut documented: Vec<&str> = required.iter().map(|k| k.as_str().unwrap()).collect();
    let mut served: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    documented.sort();
    served.sort();
    assert_eq!(documented, served);
    assert_eq!(spec["components"]["schemas"]["PloverType"]["enum"].as_array().unwrap().len(), 16);
    get(a, "/api/vocabulary?lang=ar").assert_error(400);
}

#[test]
fn ui_and_security_headers() {
    let a = server();
    let r = get(a, "/");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let csp = r.header("content-security-policy").expect("CSP");
    assert_eq!(csp, "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let html = r.text();
    assert!(html.contains("/assets/app.js"));
    assert!(!html.contains("<script>"), "no inline scripts");
    assert!(!html.contains("style="), "no inline styles");
    for (path, ty) in [
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/article.js", "text/javascript; charset=utf-8"),
        ("/assets/app.css", "text/css; charset=utf-8"),
        ("/assets/icon.svg", "image/svg+xml"),
    ] {
        let r = get(a, path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(ty), "{path}");
        assert!(r.header("content-security-policy").is_some());
        assert!(!r.body.is_empty());
    }
    // API responses and errors carry the headers too.
    let r = get(a, "/api/nothing-here");
    r.assert_error(404);
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert!(r.header("content-security-policy").is_some());
    request(a, "DELETE", "/api/events", &[], b"").assert_error(405);
    request(a, "PUT", "/api/documents", &[], b"").assert_error(405);
}

#[test]
fn no_path_traversal() {
    let a = server();
    for path in [
        "/assets/../Cargo.toml",
        "/assets/../../Cargo.toml",
        "/assets/../../../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/assets/%2e%2e/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2FCargo.toml",
        "/assets/..%2f..%2f..%2fCargo.toml",
        "/assets/..%5c..%5cCargo.toml",
        "/assets//etc/passwd",
        "/assets/%2fetc%2fpasswd",
        "/assets/",
        "/assets/app.js/",
        "/assets/./app.js",
        "/assets/index.html",
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/Cargo.toml",
        "/etc/passwd",
        "//etc/passwd",
        "/ui/app.js",
        "/index.html",
        "/api/basemap/../../Cargo.toml",
    ] {
        let r = get(a, path);
        assert_eq!(r.status, 404, "{path}: {}", r.status);
        let body = r.text();
        assert!(!body.contains("[package]") && !body.contains("root:"), "{path}");
    }
    // Absolute-form request targets are not files either.
    assert_eq!(get(a, "http://127.0.0.1/etc/passwd").status, 404);
}

#[test]
fn many_concurrent_clients() {
    let a = server();
    let threads: Vec<_> = (0..200)
        .map(|i| {
            std::thread::spawn(move || {
                let path = match i % 4 {
                    0 => "/api/events".to_string(),
                    1 => format!("/api/documents/{SEED}"),
                    2 => "/api/network".to_string(),
                    _ => "/api/health".to_string(),
                };
                get(a, &path).status
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 200);
    }
}

#[test]
fn exports() {
    let a = server();
    let csv = get(a, "/api/export/acled-csv");
    assert_eq!(csv.status, 200, "{}", csv.text());
    assert!(csv.header("content-type").unwrap_or("").starts_with("text/csv"));
    let text = csv.text();
    assert!(text.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type"));
    let all_rows = text.lines().count();
    assert!(all_rows > 5);
    let assault = get(a, "/api/export/acled-csv?type=ASSAULT").text();
    assert!(assault.lines().count() >= 2 && assault.lines().count() < all_rows);
    let geo = get(a, "/api/export/geojson").json();
    assert_eq!(geo["type"], "FeatureCollection");
    let graph = get(a, "/api/export/graphml").text();
    assert!(graph.contains("<graphml") && graph.contains("ye.aqap"));
    let docs = get(a, "/api/export/jsonl").text();
    let first: Value = serde_json::from_str(docs.lines().next().unwrap()).unwrap();
    assert_eq!(first["schema"], "isnad/1");
    get(a, "/api/export/xlsx").assert_error(404);
    get(a, "/api/export/geojson?from=tomorrow").assert_error(400);
    get(a, "/api/export/geojson?colour=red").assert_error(400);
}

#[test]
fn the_demo_echo_adds_no_independent_source() {
    // The constructed echo relays Khabar: its meetings and the release join the seed's clusters,
    // and each still rests on one origin, Khabar.
    let a = server();
    let multi = get(a, "/api/clusters?min_members=2").json();
    let multi = multi.as_array().unwrap();
    assert!(multi.len() >= 3, "{multi:?}");
    for c in multi {
        let docs: Vec<&str> = c["members"].as_array().unwrap().iter().map(|m| m["doc"].as_str().unwrap()).collect();
        assert!(docs.contains(&SEED) && docs.contains(&"echo-2023-11-24"), "{docs:?}");
        assert_eq!(c["independent_sources"], 1, "{}", c["origins"]);
        assert_eq!(c["origins"][0]["key"], "actor:ye.media.khabar");
    }
    let second = multi.iter().find(|c| c["time"]["from"] == "2023-11-07").expect("the 7–14 November meeting");
    assert_eq!(second["type"], "CONSULT");
    assert!(second["contradictions"].as_array().unwrap().is_empty());
}
