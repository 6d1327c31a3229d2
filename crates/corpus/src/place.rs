//! How two places relate: the same, one inside the other, near, or apart.

use isnad_schema::{PlaceLevel, PlaceRef};

/// Depth of a gazetteer level: country 0 … village 6 (unknown levels as a city).
pub(crate) fn level_rank(level: PlaceLevel) -> u8 {
    match level {
        PlaceLevel::Country => 0,
        PlaceLevel::Admin1 => 1,
        PlaceLevel::Admin2 => 2,
        PlaceLevel::Admin3 => 3,
        PlaceLevel::City => 4,
        PlaceLevel::Town => 5,
        PlaceLevel::Village => 6,
    }
}

/// The relation of two places.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    /// One place.
    Same,
    /// The first contains the second.
    Contains,
    /// The second contains the first.
    Within,
    /// Distinct but within the distance limit, in one country.
    Near,
    /// Neither.
    Apart,
}

/// True when both name one place: the same id, P-code or GeoNames id.
pub(crate) fn same(a: &PlaceRef, b: &PlaceRef) -> bool {
    a.id == b.id
        || (a.pcode.is_some() && a.pcode == b.pcode)
        || (a.geonameid.is_some() && a.geonameid == b.geonameid && level_rank(a.level) == level_rank(b.level))
}

/// True when `outer` contains `inner` by its codes: a country its places, an
/// admin1 or admin2 unit the places coded under it.
pub(crate) fn contains(outer: &PlaceRef, inner: &PlaceRef) -> bool {
    if level_rank(outer.level) >= level_rank(inner.level) || !outer.country.eq_ignore_ascii_case(&inner.country) {
        return false;
    }
    let code = |own: &Option<String>, fallback: &Option<String>| own.clone().or_else(|| fallback.clone());
    match outer.level.as_str() {
        "country" => true,
        "admin1" => code(&outer.pcode, &outer.admin1).is_some_and(|c| inner.admin1.as_deref() == Some(c.as_str())),
        "admin2" => code(&outer.pcode, &outer.admin2).is_some_and(|c| inner.admin2.as_deref() == Some(c.as_str())),
        _ => false,
    }
}

/// Great-circle distance in kilometres.
pub(crate) fn haversine_km(a: &PlaceRef, b: &PlaceRef) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let (dla, dlo) = ((b.lat - a.lat).to_radians(), (b.lon - a.lon).to_radians());
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// How `a` relates to `b`.
pub(crate) fn relation(a: &PlaceRef, b: &PlaceRef, max_km: f64) -> Relation {
    if same(a, b) {
        Relation::Same
    } else if contains(a, b) {
        Relation::Contains
    } else if contains(b, a) {
        Relation::Within
    } else if a.country.eq_ignore_ascii_case(&b.country)
        && level_rank(a.level) > 0
        && level_rank(b.level) > 0
        && haversine_km(a, b) <= max_km
    {
        Relation::Near
    } else {
        Relation::Apart
    }
}

/// Merge evidence of two places (see the crate docs); `None` when they
/// cannot be one happening's place.
pub(crate) fn score(a: &PlaceRef, b: &PlaceRef, max_km: f64) -> Option<u32> {
    let by_level = |p: &PlaceRef, precise: u32| match level_rank(p.level) {
        0 => 0,
        1 => 2,
        _ => precise,
    };
    match relation(a, b, max_km) {
        Relation::Same => Some(by_level(a, 3)),
        Relation::Contains => Some(by_level(a, 2)),
        Relation::Within => Some(by_level(b, 2)),
        Relation::Near => Some(2),
        Relation::Apart => None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn place(
        id: &str,
        level: &str,
        lat: f64,
        lon: f64,
        admin1: Option<&str>,
        pcode: Option<&str>,
    ) -> PlaceRef {
        PlaceRef {
            id: id.into(),
            name: id.into(),
            name_ar: String::new(),
            lat,
            lon,
            level: level.parse().unwrap(),
            country: "YE".into(),
            admin1: admin1.map(Into::into),
            admin2: None,
            geonameid: None,
            precision: match level {
                "country" | "admin1" => 3,
                "admin2" | "admin3" => 2,
                _ => 1,
            },
            pcode: pcode.map(Into::into),
            admin1_name: None,
            admin2_name: None,
            candidates: Vec::new(),
        }
    }

    #[test]
    fn relations() {
        let yemen = place("country:YE", "country", 15.9, 47.5, None, None);
        let marib_gov = place("ocha:YE26", "admin1", 15.5, 45.3, Some("YE26"), Some("YE26"));
        let marib = place("geonames:72968", "town", 15.46, 45.32, Some("YE26"), None);
        let near_marib = place("geonames:1", "village", 15.55, 45.40, Some("YE26"), None);
        let sanaa = place("geonames:71137", "city", 15.35, 44.21, Some("YE13"), None);
        let aden = place("geonames:415189", "city", 12.78, 45.04, Some("YE24"), None);
        assert_eq!(relation(&marib, &marib, 25.0), Relation::Same);
        assert_eq!(relation(&yemen, &marib, 25.0), Relation::Contains);
        assert_eq!(relation(&marib, &marib_gov, 25.0), Relation::Within);
        assert_eq!(relation(&marib, &near_marib, 25.0), Relation::Near);
        assert_eq!(relation(&sanaa, &aden, 25.0), Relation::Apart);
        assert_eq!(relation(&marib_gov, &sanaa, 25.0), Relation::Apart);
        assert!(haversine_km(&sanaa, &aden) > 250.0 && haversine_km(&sanaa, &aden) < 350.0);
        let mut riyadh = place("geonames:108410", "city", 24.69, 46.72, Some("SA.10"), None);
        riyadh.country = "SA".into();
        assert_eq!(relation(&yemen, &riyadh, 25.0), Relation::Apart);
        assert_eq!(score(&yemen, &marib, 25.0), Some(0));
        assert_eq!(score(&marib, &marib_gov, 25.0), Some(2));
        assert_eq!(score(&marib, &marib, 25.0), Some(3));
        assert_eq!(score(&sanaa, &aden, 25.0), None);
    }
}
