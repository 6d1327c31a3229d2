//! GeoJSON (RFC 7946).

use std::io::{self, Write};

use isnad_schema::{ClusterRecord, Factuality, PloverMode, PloverType, Quad};
use serde::Serialize;

use crate::util;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    features: Vec<Feature<'a>>,
    /// A foreign member (RFC 7946 §6.1): what was left out.
    isnad: Summary,
}

#[derive(Serialize)]
struct Summary {
    clusters: usize,
    features: usize,
    skipped_without_coordinates: usize,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    id: &'a str,
    geometry: Point,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    ty: &'static str,
    /// Longitude first (RFC 7946 §3.1.1).
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    ty: PloverType,
    mode: Option<PloverMode>,
    quad: Quad,
    acled_event_type: Option<&'a str>,
    sub_event_type: Option<&'a str>,
    date: Option<String>,
    enddate: Option<String>,
    precision: Option<u8>,
    geo_precision: u8,
    actors: Vec<&'a str>,
    recipients: Vec<&'a str>,
    place_id: &'a str,
    place_name: &'a str,
    place_name_ar: &'a str,
    place_level: &'a str,
    country: &'a str,
    pcode: Option<&'a str>,
    admin1: Option<String>,
    admin2: Option<String>,
    fatalities: u64,
    factuality: Factuality,
    independent_sources: usize,
}

/// Rounds to six decimals (about 0.1 m), the precision RFC 7946 §11.2 suggests.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Writes an RFC 7946 FeatureCollection with one Point feature per cluster
/// that has a place with valid coordinates (`[longitude, latitude]`).
/// Clusters without a place or with unusable coordinates are skipped; the
/// collection's foreign member `isnad` gives the counts (`clusters`,
/// `features`, `skipped_without_coordinates`). Returns the number of
/// features written.
pub fn write_geojson<W: Write>(clusters: &[ClusterRecord], w: W) -> io::Result<usize> {
    let mut features = Vec::new();
    for c in clusters {
        let Some(p) = &c.place else { continue };
        let Some((lat, lon)) = util::coordinates(p.lat, p.lon) else { continue };
        let date = util::event_date(c);
        let (admin1, admin2, _) = crate::acled::admin_names(p);
        features.push(Feature {
            ty: "Feature",
            id: &c.id,
            geometry: Point { ty: "Point", coordinates: [round6(lon), round6(lat)] },
            properties: Properties {
                id: &c.id,
                ty: c.ty,
                mode: c.mode,
                quad: c.quad,
                acled_event_type: c.acled.as_ref().map(|t| t.event_type.as_str()),
                sub_event_type: c.acled.as_ref().map(|t| t.sub_event_type.as_str()),
                date: date.as_ref().map(|d| d.day.iso()),
                enddate: date.as_ref().and_then(|d| d.last).map(|l| l.iso()),
                precision: date.as_ref().map(|d| d.precision),
                geo_precision: util::precision(p.precision),
                actors: util::names(&c.actors),
                recipients: util::names(&c.recipients),
                place_id: &p.id,
                place_name: &p.name,
                place_name_ar: &p.name_ar,
                place_level: p.level.as_str(),
                country: &p.country,
                pcode: p.pcode.as_deref().filter(|s| !s.is_empty()),
                admin1: Some(admin1).filter(|s| !s.is_empty()),
                admin2: Some(admin2).filter(|s| !s.is_empty()),
                fatalities: util::whole_count(c, "killed"),
                factuality: c.factuality,
                independent_sources: c.independent_sources,
            },
        });
    }
    let n = features.len();
    let collection = Collection {
        ty: "FeatureCollection",
        features,
        isnad: Summary { clusters: clusters.len(), features: n, skipped_without_coordinates: clusters.len() - n },
    };
    let mut w = io::BufWriter::new(w);
    serde_json::to_writer(&mut w, &collection)?;
    w.write_all(b"\n")?;
    w.flush()?;
    Ok(n)
}
