//! Link following against a small HTTP server on 127.0.0.1 started by each
//! test (bounded: it stops after a few seconds or a few requests).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use isnad_ingest::{read_bytes, read_path, Item, ItemError, Options};

/// One request the server saw: path, User-Agent, arrival.
type Seen = Arc<Mutex<Vec<(String, String, Instant)>>>;

const ARTICLE: &str = "<html><head><title>مقال كامل</title></head><body><article>\
    <p>هذا هو النص الكامل للمقال كما نشر على موقع الصحيفة، وهو أطول بكثير من الملخص القصير الذي يظهر في الخلاصة.</p>\
    <p>ويتناول المقال تفاصيل الاجتماع الذي عقد في مبنى البلدية بحضور ممثلين عن الأحياء المتضررة من انقطاع الكهرباء.</p>\
    <p>وقد اتفق المجتمعون على جدول زمني لإصلاح الشبكة يبدأ مطلع الشهر المقبل ويستمر ستة أسابيع على الأقل.</p>\
    </article></body></html>";

struct Server {
    base: String,
    seen: Seen,
}

impl Server {
    /// Serves at most `max_requests` connections, for at most 20 seconds.
    fn start(max_requests: usize) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        listener.set_nonblocking(true).unwrap();
        let seen: Seen = Arc::default();
        let log = Arc::clone(&seen);
        let feed_base = base.clone();
        // Detached: it ends by itself.
        std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(20);
            let mut served = 0;
            while served < max_requests && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        served += 1;
                        serve(stream, &feed_base, &log);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server { base, seen }
    }

    fn requests(&self) -> Vec<(String, String, Instant)> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(mut stream: TcpStream, base: &str, log: &Seen) {
    stream.set_nonblocking(false).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut req = Vec::new();
    let mut buf = [0u8; 1024];
    while !req.windows(4).any(|w| w == b"\r\n\r\n") && req.len() < 65536 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => req.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&req).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
    let ua = head
        .lines()
        .find_map(|l| l.strip_prefix("user-agent: ").or_else(|| l.strip_prefix("User-Agent: ")))
        .unwrap_or("")
        .to_string();
    if path.is_empty() {
        return;
    }
    log.lock().unwrap().push((path.clone(), ua, Instant::now()));
    let (status, ctype, body, length): (&str, &str, Vec<u8>, bool) = match path.as_str() {
        "/article" => {
            // windows-1256, announced only by the HTTP header.
            let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(ARTICLE);
            ("200 OK", "text/html; charset=windows-1256", bytes.into_owned(), true)
        }
        "/feed.xml" => ("200 OK", "application/rss+xml", feed(base).into_bytes(), true),
        "/big" => ("200 OK", "text/html", vec![b'a'; 5000], true),
        "/big-unannounced" => ("200 OK", "text/html", vec![b'a'; 5000], false),
        "/slow" => {
            std::thread::sleep(Duration::from_millis(1500));
            ("200 OK", "text/html", ARTICLE.as_bytes().to_vec(), true)
        }
        _ => ("404 Not Found", "text/plain", b"not here".to_vec(), true),
    };
    let mut resp = format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nConnection: close\r\n");
    if length {
        resp.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    resp.push_str("\r\n");
    let _ = stream.write_all(resp.as_bytes());
    let _ = stream.write_all(&body);
}

fn feed(base: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>خلاصة محلية</title>
<item><title>اجتماع في البلدية</title><link>{base}/article</link><description>ملخص قصير.</description></item>
<item><title>رابط مفقود</title><link>{base}/missing</link><description>ملخص آخر.</description></item>
</channel></rss>"#
    )
}

fn opts() -> Options {
    Options {
        follow_links: true,
        min_interval_per_host: Duration::from_millis(200),
        timeout: Duration::from_secs(5),
        ..Options::default()
    }
}

fn collect(run: impl FnOnce(&mut dyn FnMut(Result<Item, ItemError>))) -> (Vec<Item>, Vec<ItemError>) {
    let (mut items, mut errors) = (Vec::new(), Vec::new());
    run(&mut |r| match r {
        Ok(i) => items.push(i),
        Err(e) => errors.push(e),
    });
    (items, errors)
}

#[test]
fn short_feed_entries_are_completed_from_their_links() {
    let server = Server::start(3);
    let feed_url = format!("{}/feed.xml", server.base);
    let (items, errors) = collect(|each| read_path(Path::new(&feed_url), &opts(), each));

    // Entry 1: the page was fetched, decoded from the header's charset and extracted.
    assert_eq!(items.len(), 2, "{errors:?}");
    let a = &items[0];
    assert_eq!(a.name, format!("{feed_url}#1"));
    assert!(a.text.contains("هذا هو النص الكامل للمقال"), "{}", a.text);
    assert!(a.text.contains("ستة أسابيع على الأقل"));
    assert!(!a.text.contains("ملخص قصير"));
    assert_eq!(a.meta.declared.title.as_deref(), Some("اجتماع في البلدية"));
    assert_eq!(a.meta.declared.source.as_deref(), Some("خلاصة محلية"));
    assert!(a.meta.notes.iter().any(|n| n.starts_with("text fetched from")), "{:?}", a.meta.notes);
    assert!(a.meta.notes.iter().any(|n| n.contains("windows-1256")), "{:?}", a.meta.notes);

    // Entry 2: the fetch failed; the error names the entry, the summary stays.
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].name, format!("{feed_url}#2"));
    assert!(errors[0].message.contains("HTTP 404 Not Found"), "{}", errors[0]);
    assert_eq!(items[1].text, "ملخص آخر.");

    let seen = server.requests();
    let paths: Vec<&str> = seen.iter().map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(paths, ["/feed.xml", "/article", "/missing"]);
    for (_, ua, _) in &seen {
        assert!(ua.starts_with("isnad/"), "User-Agent {ua:?}");
    }
    // Politeness: requests to one host are spaced by the interval (with a
    // margin for when the server saw them).
    for pair in seen.windows(2) {
        let gap = pair[1].2.duration_since(pair[0].2);
        assert!(gap >= Duration::from_millis(150), "{gap:?}");
    }
}

#[test]
fn nothing_is_fetched_unless_asked() {
    let server = Server::start(1);
    let rss = feed(&server.base);
    let off = Options { follow_links: false, ..opts() };
    let (items, errors) = collect(|each| read_bytes("local.rss", rss.as_bytes(), &off, each));
    assert!(errors.is_empty());
    assert_eq!(items[0].text, "ملخص قصير.");
    // Long enough entries are not fetched either.
    let few = Options { fetch_below_chars: 5, ..opts() };
    let (items, _) = collect(|each| read_bytes("local.rss", rss.as_bytes(), &few, each));
    assert_eq!(items[1].text, "ملخص آخر.");
    assert!(server.requests().is_empty());
}

#[test]
fn size_limit_and_timeout() {
    let server = Server::start(3);
    let small = Options { max_bytes: 2000, ..opts() };
    for path in ["/big", "/big-unannounced"] {
        let url = format!("{}{path}", server.base);
        let (items, errors) = collect(|each| read_path(Path::new(&url), &small, each));
        assert!(items.is_empty());
        assert_eq!(errors[0].name, url);
        assert!(errors[0].message.ends_with("response larger than the 2000 bytes limit"), "{}", errors[0]);
    }
    let url = format!("{}/slow", server.base);
    let hasty = Options { timeout: Duration::from_millis(300), ..opts() };
    let (items, errors) = collect(|each| read_path(Path::new(&url), &hasty, each));
    assert!(items.is_empty());
    assert!(errors[0].message.to_lowercase().contains("timeout"), "{}", errors[0]);
}

#[test]
fn https_needs_the_tls_feature() {
    if cfg!(feature = "tls") {
        return;
    }
    let (_, errors) = collect(|each| read_path(Path::new("https://127.0.0.1:9/x"), &opts(), each));
    assert!(errors[0].message.contains("`tls` feature"), "{}", errors[0]);
}
