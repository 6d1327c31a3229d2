//! HTTP fetching for `follow_links`: timeouts, a size limit, and at most one
//! request per interval to each host (across the whole process).

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::Options;

/// The User-Agent of every request.
pub(crate) const USER_AGENT: &str = concat!("isnad/", env!("CARGO_PKG_VERSION"), " (news ingest)");

/// A fetched response body.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub bytes: Vec<u8>,
    /// MIME type without parameters, lower case.
    pub mime: Option<String>,
    pub charset: Option<String>,
}

/// Whether `s` is a URL this crate may fetch.
pub(crate) fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// `host[:port]` of an http(s) URL, lower case, without user info.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// When the next request to a host may start.
pub(crate) fn next_slot(last: Option<Instant>, now: Instant, interval: Duration) -> Instant {
    match last {
        Some(last) => (last + interval).max(now),
        None => now,
    }
}

fn wait_turn(host: &str, interval: Duration) {
    static LAST: OnceLock<Mutex<HashMap<String, Instant>>> = OnceLock::new();
    let now = Instant::now();
    let slot = {
        let mut map = LAST.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
        let slot = next_slot(map.get(host).copied(), now, interval);
        map.insert(host.to_string(), slot);
        slot
    };
    if slot > now {
        std::thread::sleep(slot - now);
    }
}

/// GETs `url` within the limits of `opts`.
pub(crate) fn get(url: &str, opts: &Options) -> Result<Fetched, String> {
    if !is_url(url) {
        return Err(format!("not an http(s) URL: {url}"));
    }
    if url.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("https://")) && !cfg!(feature = "tls") {
        return Err("https:// needs the `tls` feature of isnad-ingest (built without it)".into());
    }
    let host = host_of(url).ok_or_else(|| format!("no host in {url}"))?;
    wait_turn(&host, opts.min_interval_per_host);

    let client: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(opts.timeout))
        .timeout_recv_response(Some(opts.timeout))
        .timeout_recv_body(Some(opts.timeout))
        .timeout_global(Some(opts.timeout.saturating_mul(3)))
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .max_redirects(5)
        .build()
        .into();
    let mut resp = client
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
        .call()
        .map_err(|e| format!("cannot fetch {url}: {e}"))?;
    let status = resp.status();
    if !status.is_success() {
        return Err(format!(
            "cannot fetch {url}: HTTP {}{}",
            status.as_u16(),
            status.canonical_reason().map(|r| format!(" {r}")).unwrap_or_default()
        ));
    }
    let max = opts.max_bytes;
    let too_large = || format!("{url}: response larger than the {} limit", crate::read::human_bytes(max));
    if resp.body().content_length().is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let mime = resp.body().mime_type().map(|m| m.to_ascii_lowercase());
    let charset = resp.body().charset().map(str::to_string);
    let mut bytes = Vec::new();
    resp.body_mut()
        .as_reader()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot fetch {url}: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    Ok(Fetched { bytes, mime, charset })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host_of("http://User@Example.ORG:8080/a?b#c").as_deref(), Some("example.org:8080"));
        assert_eq!(host_of("https://example.org").as_deref(), Some("example.org"));
        assert_eq!(host_of("http:///path"), None);
        assert!(is_url("HTTP://x") && !is_url("ftp://x") && !is_url("htt"));
    }

    #[test]
    fn one_request_per_interval() {
        let t0 = Instant::now();
        let second = Duration::from_secs(1);
        assert_eq!(next_slot(None, t0, second), t0);
        // Just after a request: wait until a second after it.
        assert_eq!(next_slot(Some(t0), t0 + Duration::from_millis(200), second), t0 + second);
        // Long after: go now.
        assert_eq!(next_slot(Some(t0), t0 + 2 * second, second), t0 + 2 * second);
        // A reserved future slot pushes the next one further.
        assert_eq!(next_slot(Some(t0 + second), t0, second), t0 + 2 * second);
    }

    #[test]
    fn user_agent_names_isnad() {
        assert!(USER_AGENT.starts_with("isnad/"));
    }
}
