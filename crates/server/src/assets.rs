//! The UI and the basemap, compiled in. Requests are looked up by exact name
//! in a fixed table: no path is ever joined onto a directory.

use std::sync::OnceLock;

/// One embedded file.
pub struct Asset {
    /// The URL path it is served at.
    pub path: &'static str,
    /// Content type.
    pub content_type: &'static str,
    /// Cache-Control value.
    pub cache: &'static str,
    /// The bytes.
    pub body: &'static [u8],
}

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const SVG: &str = "image/svg+xml";
/// UI files change with the binary: revalidate (cheap, by ETag).
const REVALIDATE: &str = "no-cache";
/// The basemap changes only with the data.
const LONG: &str = "public, max-age=604800";

macro_rules! ui {
    ($path:literal, $file:literal, $ty:expr) => {
        Asset { path: $path, content_type: $ty, cache: REVALIDATE, body: include_bytes!(concat!("../ui/", $file)) }
    };
}

/// Every file the server serves outside `/api/` (and the basemap).
pub static ASSETS: &[Asset] = &[
    ui!("/", "index.html", HTML),
    ui!("/assets/app.js", "app.js", JS),
    ui!("/assets/app.css", "app.css", CSS),
    ui!("/assets/i18n.js", "i18n.js", JS),
    ui!("/assets/vocabulary.js", "vocabulary.js", JS),
    ui!("/assets/dom.js", "dom.js", JS),
    ui!("/assets/article.js", "article.js", JS),
    ui!("/assets/events.js", "events.js", JS),
    ui!("/assets/timeline.js", "timeline.js", JS),
    ui!("/assets/map.js", "map.js", JS),
    ui!("/assets/network.js", "network.js", JS),
    ui!("/assets/clusters.js", "clusters.js", JS),
    ui!("/assets/analyse.js", "analyse.js", JS),
    ui!("/assets/icon.svg", "icon.svg", SVG),
    Asset {
        path: "/api/basemap",
        content_type: "application/geo+json",
        cache: LONG,
        body: include_bytes!("../../../data/geo/basemap.geojson"),
    },
];

/// The asset served at `path`, if any.
pub fn get(path: &str) -> Option<(&'static Asset, &'static str)> {
    let i = ASSETS.iter().position(|a| a.path == path)?;
    Some((&ASSETS[i], etags()[i].as_str()))
}

/// Strong ETags: a hash of each body, computed once.
fn etags() -> &'static Vec<String> {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    TAGS.get_or_init(|| {
        ASSETS.iter().map(|a| format!("\"{}\"", &isnad_store::content_hash_bytes(a.body)[..16])).collect()
    })
}
