//! Small planar geometry for the build: GeoJSON polygons, point in polygon,
//! and a representative inside point. Coordinates are (lon, lat) degrees.

use serde_json::Value;

/// A polygon: the outer ring first, then holes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Polygon {
    pub rings: Vec<Vec<(f64, f64)>>,
    /// (min lon, min lat, max lon, max lat) of the outer ring.
    pub bbox: (f64, f64, f64, f64),
}

fn ring_of(v: &Value) -> Option<Vec<(f64, f64)>> {
    v.as_array()?.iter().map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?))).collect()
}

fn polygon_of(v: &Value) -> Option<Polygon> {
    let rings: Vec<Vec<(f64, f64)>> = v.as_array()?.iter().map(ring_of).collect::<Option<_>>()?;
    let outer = rings.first()?;
    let mut bbox = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in outer {
        bbox = (bbox.0.min(x), bbox.1.min(y), bbox.2.max(x), bbox.3.max(y));
    }
    Some(Polygon { rings, bbox })
}

/// The polygons of a GeoJSON `Polygon` or `MultiPolygon` geometry.
pub(crate) fn polygons(geometry: &Value) -> Vec<Polygon> {
    let coords = &geometry["coordinates"];
    match geometry["type"].as_str() {
        Some("Polygon") => polygon_of(coords).into_iter().collect(),
        Some("MultiPolygon") => {
            coords.as_array().map(|a| a.iter().filter_map(polygon_of).collect()).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

fn ring_area(r: &[(f64, f64)]) -> f64 {
    let mut a = 0.0;
    for i in 0..r.len() {
        let (x1, y1) = r[i];
        let (x2, y2) = r[(i + 1) % r.len()];
        a += x1 * y2 - x2 * y1;
    }
    a / 2.0
}

fn ring_centroid(r: &[(f64, f64)]) -> Option<(f64, f64)> {
    let a = ring_area(r);
    if a.abs() < 1e-12 {
        return None;
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..r.len() {
        let (x1, y1) = r[i];
        let (x2, y2) = r[(i + 1) % r.len()];
        let f = x1 * y2 - x2 * y1;
        cx += (x1 + x2) * f;
        cy += (y1 + y2) * f;
    }
    Some((cx / (6.0 * a), cy / (6.0 * a)))
}

impl Polygon {
    /// Area of the outer ring (square degrees).
    pub fn area(&self) -> f64 {
        self.rings.first().map_or(0.0, |r| ring_area(r).abs())
    }

    /// Even-odd point in polygon over all rings (holes excluded).
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        if x < self.bbox.0 || x > self.bbox.2 || y < self.bbox.1 || y > self.bbox.3 {
            return false;
        }
        let mut inside = false;
        for r in &self.rings {
            let n = r.len();
            let mut j = n.wrapping_sub(1);
            for i in 0..n {
                let (xi, yi) = r[i];
                let (xj, yj) = r[j];
                if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }

    /// A point inside: the area centroid when it falls inside, otherwise the
    /// middle of the widest inside stretch of the parallel through it.
    pub fn inside_point(&self) -> Option<(f64, f64)> {
        let outer = self.rings.first()?;
        let c = ring_centroid(outer).unwrap_or(outer[0]);
        if self.contains(c) {
            return Some(c);
        }
        let y = c.1;
        let mut xs: Vec<f64> = Vec::new();
        for r in &self.rings {
            for i in 0..r.len() {
                let (x1, y1) = r[i];
                let (x2, y2) = r[(i + 1) % r.len()];
                if (y1 > y) != (y2 > y) {
                    xs.push(x1 + (y - y1) * (x2 - x1) / (y2 - y1));
                }
            }
        }
        xs.sort_by(f64::total_cmp);
        let best = xs.chunks_exact(2).max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])));
        Some(best.map_or(outer[0], |s| ((s[0] + s[1]) / 2.0, y)))
    }
}

/// A representative inside point of a multi-part shape: the inside point of
/// its largest part.
pub(crate) fn representative_point(parts: &[Polygon]) -> Option<(f64, f64)> {
    parts.iter().max_by(|a, b| a.area().total_cmp(&b.area()))?.inside_point()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_with_hole_and_concave_shape() {
        let sq = |x0: f64, y0: f64, s: f64| vec![(x0, y0), (x0 + s, y0), (x0 + s, y0 + s), (x0, y0 + s), (x0, y0)];
        let p = polygon_of(&serde_json::json!([sq(0.0, 0.0, 4.0), sq(1.0, 1.0, 2.0)])).unwrap();
        assert!(p.contains((0.5, 0.5)));
        assert!(!p.contains((2.0, 2.0)), "inside the hole");
        assert!(!p.contains((5.0, 2.0)));
        let ip = p.inside_point().unwrap();
        assert!(p.contains(ip), "{ip:?}");
        // A U shape whose centroid falls in the notch.
        let u = vec![(0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (2.0, 3.0), (2.0, 1.0), (1.0, 1.0), (1.0, 3.0), (0.0, 3.0)];
        let p = polygon_of(&serde_json::json!([u])).unwrap();
        let ip = p.inside_point().unwrap();
        assert!(p.contains(ip), "{ip:?}");
    }
}
