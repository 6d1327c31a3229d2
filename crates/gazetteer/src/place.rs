//! A place of the gazetteer: a borrowed handle on one entry, and the
//! `isnad/1` record made from it.

use std::borrow::Cow;

use isnad_schema::{PlaceCandidate, PlaceRef};

use crate::{Entry, Gazetteer, Level, Span, NONE};

/// A place of the gazetteer, borrowed.
#[derive(Clone, Copy)]
pub struct Place<'g> {
    pub(crate) gaz: &'g Gazetteer,
    pub(crate) idx: u32,
}

impl std::fmt::Debug for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Place({} {} {})", self.id(), self.level().as_str(), self.name_ar())
    }
}

impl PartialEq for Place<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.gaz, other.gaz) && self.idx == other.idx
    }
}

impl<'g> Place<'g> {
    fn e(&self) -> &'g Entry {
        &self.gaz.entries[self.idx as usize]
    }

    fn opt(&self, sp: Span) -> Option<&'g str> {
        (sp != Span::default()).then(|| self.gaz.s(sp))
    }

    /// Stable id.
    pub fn id(&self) -> Cow<'g, str> {
        self.gaz.id_in(&self.gaz.text, self.idx)
    }
    /// Kind of place.
    pub fn level(&self) -> Level {
        self.e().level
    }
    /// English name.
    pub fn name_en(&self) -> &'g str {
        self.gaz.s(self.e().name_en)
    }
    /// Arabic name.
    pub fn name_ar(&self) -> &'g str {
        self.gaz.s(self.e().name_ar)
    }
    /// All Arabic names: the name, its variants, curated aliases.
    pub fn names_ar(&self) -> Vec<&'g str> {
        let mut v = Vec::new();
        self.gaz.for_each_ar_name_in(&self.gaz.text, self.idx, |n| v.push(n));
        v
    }
    /// Latitude.
    pub fn lat(&self) -> f64 {
        self.e().lat
    }
    /// Longitude.
    pub fn lon(&self) -> f64 {
        self.e().lon
    }
    /// ISO 3166-1 alpha-2 country code.
    pub fn country(&self) -> &'g str {
        self.gaz.s(self.e().country)
    }
    /// First-order division code.
    pub fn admin1(&self) -> Option<&'g str> {
        self.opt(self.e().admin1)
    }
    /// English name of the first-order division.
    pub fn admin1_name(&self) -> Option<&'g str> {
        self.opt(self.e().admin1_name)
    }
    /// Second-order division code.
    pub fn admin2(&self) -> Option<&'g str> {
        self.opt(self.e().admin2)
    }
    /// English name of the second-order division.
    pub fn admin2_name(&self) -> Option<&'g str> {
        self.opt(self.e().admin2_name)
    }
    /// OCHA P-code of the place itself (villages: none).
    pub fn pcode(&self) -> Option<&'g str> {
        if self.e().village {
            return None;
        }
        self.opt(self.e().pcode)
    }
    /// GeoNames id.
    pub fn geonameid(&self) -> Option<u32> {
        let g = self.e().geonameid;
        (g != 0 && !self.e().village).then_some(g)
    }
    /// Population, when known.
    pub fn population(&self) -> Option<u32> {
        let p = self.e().population;
        (p != 0 && !self.e().village).then_some(p)
    }
    /// ACLED geo-precision of a mention resolved to this place.
    pub fn precision(&self) -> u8 {
        self.e().precision
    }
    /// Data source(s).
    pub fn source(&self) -> &'g str {
        if self.e().village {
            return "yemeninfo";
        }
        self.gaz.s(self.e().source)
    }
    /// The containing place (villages: their sub-district).
    pub fn parent(&self) -> Option<Place<'g>> {
        let p = self.e().parent;
        (p != NONE).then_some(Place { gaz: self.gaz, idx: p })
    }

    /// True when this place lies inside `area` (and is not `area` itself):
    /// same country, governorate or district, or a village of a sub-district.
    pub fn is_inside(&self, area: &Place<'_>) -> bool {
        if std::ptr::eq(self.gaz, area.gaz) && self.idx == area.idx {
            return false;
        }
        match area.level() {
            Level::Country => self.country() == area.country(),
            Level::Admin1 => area.admin1().is_some() && self.admin1() == area.admin1(),
            Level::Admin2 => area.admin2().is_some() && self.admin2() == area.admin2(),
            Level::Admin3 => self.parent().is_some_and(|p| p.id() == area.id()),
            Level::City | Level::Town => {
                self.level() != Level::City
                    && self.country() == area.country()
                    && (self.lat() - area.lat()).abs() < 0.1
                    && (self.lon() - area.lon()).abs() < 0.1
            }
            Level::Village => false,
        }
    }

    /// The `isnad/1` record of this place (its own precision, no runners-up).
    pub fn to_record(&self) -> PlaceRef {
        PlaceRef {
            id: self.id().into_owned(),
            name: self.name_en().to_string(),
            name_ar: self.name_ar().to_string(),
            lat: self.lat(),
            lon: self.lon(),
            level: self.level(),
            country: self.country().to_string(),
            admin1: self.admin1().map(str::to_string),
            admin2: self.admin2().map(str::to_string),
            geonameid: self.geonameid().map(u64::from),
            precision: self.precision(),
            pcode: self.pcode().map(str::to_string),
            admin1_name: self.admin1_name().map(str::to_string),
            admin2_name: self.admin2_name().map(str::to_string),
            candidates: Vec::new(),
        }
    }

    /// This place as a runner-up reading of a mention, with its score.
    pub fn to_candidate(&self, score: f32) -> PlaceCandidate {
        PlaceCandidate {
            id: self.id().into_owned(),
            name: self.name_en().to_string(),
            name_ar: self.name_ar().to_string(),
            level: self.level(),
            country: self.country().to_string(),
            score,
        }
    }
}
