//! Builds `data/places/places.tsv` and `villages.tsv` from the source
//! extracts (see `data/places/README.md` for provenance and licenses).
//!
//! Inputs, under the shared data directory:
//!
//! * `geo/yemen_adm1_adm2_ocha/yem_adm{1,2}.tsv`, `yem_adm2_simplified.geojson`,
//!   `geo/yemen_adm3_uzal_ocha/yem_adm3.tsv` (OCHA COD-AB);
//! * `geo/yemen_info_crosswalk/` (Yemen-info sub-districts without a P-code,
//!   villages with their sub-district);
//! * `gazetteer/mideast/geonames_*` and `gazetteer/yemen/geonames_admin*_YE.tsv`
//!   (GeoNames);
//! * `geo/world_basemap/country_names_ar.tsv` and `countries-50m.geojson`.
//!
//! Choices:
//!
//! * Country codes are ISO 3166-1 alpha-2 (GeoNames' own), `XK` for Kosovo;
//!   Somaliland and Northern Cyprus are countries of `SO` and `CY`.
//! * Arabic names: the Yemen-info spelling (hamza, ة) is preferred for
//!   display over OCHA's normalized one; variants are kept only when their
//!   name key ([`crate::Gazetteer::name_key`]) differs. GeoNames
//!   Arabic-script names are kept when they are Arabic letters only (Persian
//!   گ پ چ ژ and Kurdish letters are dropped), at most four words, without
//!   brackets or commas.
//! * Villages and GeoNames variants whose name is a common word are left out:
//!   a one-word name in `generic_names.txt` or seen 20 times or more in the
//!   text layer's word frequencies (`القاعدة`، `الشعب`، `هذا` are village names).
//! * Precision (ACLED): countries and governorates 3; districts 2, or 3 when
//!   their bounding box spans more than 1° (20 desert districts), or 1 when
//!   the district is a city or part of one (OCHA name "… City", and the
//!   districts of Amanat al-Asimah but its outskirts);
//!   sub-districts 2; cities and towns 1; villages 2 (at their sub-district's
//!   point); a Yemen-info sub-district without P-code sits at its district's
//!   point and takes the district's precision.
//! * Cities have 50,000 people or more (GeoNames population), towns fewer.

use crate::geo::{polygons, representative_point, Polygon};
use crate::keys::{english_key, NameKeys};
use crate::{Level, COMMON_WORD_FREQ, PLACES_HEADER, VILLAGES_HEADER, VILLAGE_ID_PREFIX};
use isnad_text::{match_key, Data, LoadError, TextLexicon};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt::Write as _;
use std::path::Path;

/// Common words that are also names of villages or variants of town names
/// (one per line, compared by name key), under `data/`.
const GENERIC_NAMES_FILE: &str = "places/generic_names.txt";
/// The comment lines written at the top of the generated files, under `data/`.
const PREAMBLES_FILE: &str = "places/build_preambles.txt";

/// Districts whose bounding box spans more than this many degrees are
/// reported with precision 3.
const LARGE_DISTRICT_DEG: f64 = 1.0;
/// Population from which a GeoNames place is a city.
const CITY_POPULATION: u32 = 50_000;
/// Population from which a GeoNames place keeps Latin variants.
const LATIN_VARIANTS_POPULATION: u32 = 100_000;

/// The generated files and what they hold.
#[derive(Debug, Default)]
pub struct BuildOutput {
    /// (file name under `data/places/`, content).
    pub files: Vec<(&'static str, String)>,
    /// Places per level.
    pub counts: Vec<(Level, usize)>,
    /// What was left out or approximated, for the build log.
    pub notes: Vec<String>,
}

impl BuildOutput {
    /// Writes the files into `dir`.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, content) in &self.files {
            std::fs::write(dir.join(name), content)?;
        }
        Ok(())
    }
}

/// A TSV with a header; rows split across lines by a quoted field are joined.
struct Table {
    path: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(path: &Path) -> Result<Table, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut lines = text.lines();
        let header: Vec<String> = lines.next().unwrap_or("").split('\t').map(str::to_string).collect();
        let mut rows = Vec::new();
        let mut pending = String::new();
        for line in lines {
            if !pending.is_empty() {
                pending.push(' ');
            }
            pending.push_str(line);
            if pending.split('\t').count() < header.len() {
                continue;
            }
            let row: Vec<String> = std::mem::take(&mut pending)
                .split('\t')
                .map(|f| f.trim().trim_matches('"').trim().to_string())
                .collect();
            rows.push(row);
        }
        Ok(Table { path: path.display().to_string(), header, rows })
    }

    fn col(&self, name: &str) -> Result<usize, String> {
        self.header.iter().position(|h| h == name).ok_or_else(|| format!("{}: no column {name:?}", self.path))
    }

    /// The indexes of several columns, in the order named.
    fn cols<const N: usize>(&self, names: [&str; N]) -> Result<[usize; N], String> {
        let mut out = [0; N];
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = self.col(name)?;
        }
        Ok(out)
    }
}

fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn num(s: &str, what: &str) -> Result<f64, String> {
    s.trim().parse::<f64>().map_err(|_| format!("bad {what} {s:?}"))
}

/// Arabic text for display: diacritics, tatweel and controls dropped,
/// spaces collapsed.
fn clean_ar(s: &str) -> String {
    let kept: String = s.chars().filter(|&c| !isnad_text::is_ignorable(c)).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "جزيرة التمساح(تونجو-العالية)" → ("جزيرة التمساح", ["تونجو العالية"]).
fn split_parens(s: &str) -> (String, Vec<String>) {
    let mut main = String::new();
    let mut alts = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                cur.clear();
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                let a = clean_ar(&cur.replace(['-', '/'], " "));
                if !a.is_empty() {
                    alts.push(a);
                }
                cur.clear();
            }
            _ if depth > 0 => cur.push(c),
            _ => main.push(c),
        }
    }
    (clean_ar(&main), alts)
}

/// True when a name is written in Arabic letters only (after folding) and
/// has one to four words.
fn arabic_letters_only(s: &str) -> bool {
    // Persian ی and ک are the Arabic letters' other code points; any other
    // Persian, Kurdish or Urdu letter is not Arabic spelling.
    let arabic =
        |c: char| matches!(c, ' ' | '\u{0621}'..='\u{064A}' | '\u{06CC}' | '\u{06A9}') || isnad_text::is_ignorable(c);
    if !s.chars().all(arabic) {
        return false;
    }
    let k = match_key(s);
    let words = k.split(' ').filter(|w| !w.is_empty()).count();
    (1..=4).contains(&words)
        && k.chars().filter(|c| *c != ' ').count() >= 2
        && k.chars().all(|c| c == ' ' || ('\u{0621}'..='\u{064A}').contains(&c))
}

/// What the build reads from `data/` to choose names: the name key, the
/// generic names and the text layer's word frequencies.
struct Filters {
    keys: NameKeys,
    generic: FxHashSet<String>,
    lex: &'static TextLexicon,
}

impl Filters {
    fn load(data: &Data) -> Result<Filters, LoadError> {
        let keys = NameKeys::load(data)?;
        let (_, text) = data.file(GENERIC_NAMES_FILE, include_str!("../../../data/places/generic_names.txt"))?;
        let generic =
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| keys.key(l)).collect();
        Ok(Filters { keys, generic, lex: TextLexicon::embedded()? })
    }

    /// True for a one-word name that is a common word.
    fn is_generic(&self, name: &str) -> bool {
        if self.generic.contains(&self.keys.key(name)) {
            return true;
        }
        let k = match_key(name);
        if k.contains(' ') {
            return false;
        }
        let alt = match (k.strip_suffix('ه'), k.strip_suffix('ة')) {
            (Some(r), _) => format!("{r}ة"),
            (_, Some(r)) => format!("{r}ه"),
            _ => k.clone(),
        };
        self.lex.freq(&k).max(self.lex.freq(&alt)) >= COMMON_WORD_FREQ
    }
}

/// One row of places.tsv.
#[derive(Clone, Debug, Default)]
struct Row {
    id: String,
    level: Option<Level>,
    name_en: String,
    name_ar: String,
    alt_ar: Vec<String>,
    alt_en: Vec<String>,
    lat: f64,
    lon: f64,
    coord_decimals: usize,
    country: String,
    admin1: String,
    admin1_name: String,
    admin2: String,
    admin2_name: String,
    pcode: String,
    geonameid: Option<u32>,
    population: Option<u32>,
    precision: u8,
    source: &'static str,
}

impl Row {
    /// Adds Arabic variants whose name key is new.
    fn add_ar(&mut self, names: impl IntoIterator<Item = String>, keys: &NameKeys) {
        let mut seen: FxHashSet<String> =
            std::iter::once(&self.name_ar).chain(&self.alt_ar).map(|n| keys.key(n)).collect();
        for n in names {
            let n = clean_ar(&n);
            if !n.is_empty() && seen.insert(keys.key(&n)) {
                self.alt_ar.push(n);
            }
        }
    }

    /// Adds English variants whose English key is new.
    fn add_en(&mut self, names: impl IntoIterator<Item = String>) {
        let mut seen: FxHashSet<String> =
            std::iter::once(&self.name_en).chain(&self.alt_en).map(|n| english_key(n)).collect();
        for n in names {
            let n = n.trim().to_string();
            if !n.is_empty() && seen.insert(english_key(&n)) {
                self.alt_en.push(n);
            }
        }
    }

    fn write(&self, out: &mut String) {
        let dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.replace(['\t', '\n'], " ") };
        let list = |v: &[String]| if v.is_empty() { "-".to_string() } else { dash(&v.join("|")) };
        let opt = |v: Option<u32>| v.map_or("-".to_string(), |n| n.to_string());
        let d = self.coord_decimals;
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{:.d$}\t{:.d$}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            self.id,
            self.level.map_or("-", Level::as_str),
            dash(&self.name_en),
            dash(&self.name_ar),
            list(&self.alt_ar),
            list(&self.alt_en),
            self.lat,
            self.lon,
            self.country,
            dash(&self.admin1),
            dash(&self.admin1_name),
            dash(&self.admin2),
            dash(&self.admin2_name),
            dash(&self.pcode),
            opt(self.geonameid),
            opt(self.population),
            self.precision,
            self.source,
        );
    }
}

/// An OCHA admin unit.
#[derive(Clone, Debug)]
struct Unit {
    pcode: String,
    name_en: String,
    parent: String,
    precision: u8,
    lat: f64,
    lon: f64,
}

/// Builds the gazetteer files from the shared data directory.
pub fn build(shared: &Path) -> Result<BuildOutput, String> {
    let data = Data::Embedded;
    let filters = Filters::load(&data).map_err(|e| e.to_string())?;
    let (places_preamble, villages_preamble) = preambles(&data).map_err(|e| e.to_string())?;
    let mut notes = Vec::new();
    let codes = AdminCodes::read(shared)?;
    let mut yemen = Yemen::default();
    yemen.governorates(shared, &codes, &filters)?;
    yemen.districts(shared, &codes, &filters)?;
    yemen.sub_districts(shared, &filters)?;
    yemen.yemeninfo_sub_districts(shared, &filters, &mut notes)?;
    let geonames_rows = geonames_places(shared, &codes, &yemen.units, &filters, &mut notes)?;
    let mut country_rows = countries(shared, &mut notes)?;
    country_rows.sort_by(|a, b| a.id.cmp(&b.id));
    let (villages, n_villages) = villages(shared, &yemen, &filters, &villages_preamble, &mut notes)?;

    let mut all: Vec<Row> = country_rows;
    all.extend(yemen.rows);
    all.extend(geonames_rows);
    let (places, mut counts) = write_places(&all, &places_preamble);
    counts[Level::Village as usize] = n_villages;
    Ok(BuildOutput {
        files: vec![("places.tsv", places), ("villages.tsv", villages)],
        counts: Level::ALL.iter().copied().zip(counts).collect(),
        notes,
    })
}

/// places.tsv from its rows, with the places per level.
fn write_places(rows: &[Row], preamble: &str) -> (String, [usize; 7]) {
    let mut counts = [0usize; 7];
    let mut places = String::with_capacity(rows.len() * 160);
    places.push_str(preamble);
    places.push_str(PLACES_HEADER);
    places.push('\n');
    for r in rows {
        counts[r.level.map_or(0, |l| l as usize)] += 1;
        r.write(&mut places);
    }
    (places, counts)
}

/// The comment lines written at the top of places.tsv and villages.tsv
/// (`places/build_preambles.txt`: a line `== FILE` starts the preamble of
/// FILE; the lines before the first such line describe the file itself).
fn preambles(data: &Data) -> Result<(String, String), LoadError> {
    let (file, text) = data.file(PREAMBLES_FILE, include_str!("../../../data/places/build_preambles.txt"))?;
    let mut sections: Vec<(&str, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(name) = line.strip_prefix("== ") {
            sections.push((name.trim(), String::new()));
        } else if let Some((_, body)) = sections.last_mut() {
            body.push_str(line);
            body.push('\n');
        } else if !line.is_empty() && !line.starts_with('#') {
            return Err(LoadError::new(&file, i + 1, "text before the first \"== FILE\" line"));
        }
    }
    let mut take = |name: &str| {
        let i = sections.iter().position(|(n, _)| *n == name);
        i.map(|i| sections.remove(i).1).ok_or_else(|| LoadError::new(&file, 0, format!("no \"== {name}\" section")))
    };
    let places = take("places.tsv")?;
    let villages = take("villages.tsv")?;
    Ok((places, villages))
}

/// GeoNames' admin codes: Yemen's governorates and districts by OCHA
/// P-code (YE.20 = YE14 via YE.20.1405), other countries' first-order
/// divisions by GeoNames code.
struct AdminCodes {
    /// GeoNames admin1 code (`YE.20`, `SA.10`) → (name, GeoNames id).
    g1_names: FxHashMap<String, (String, u32)>,
    /// Yemeni district P-code → (GeoNames name, GeoNames id).
    adm2: FxHashMap<String, (String, u32)>,
    /// GeoNames admin1 code of Yemen → governorate P-code.
    g1_to_ocha: FxHashMap<String, String>,
    /// Governorate P-code → GeoNames admin1 code.
    ocha_to_g1: FxHashMap<String, String>,
}

impl AdminCodes {
    fn read(shared: &Path) -> Result<AdminCodes, String> {
        let g1 = Table::read(&shared.join("gazetteer/mideast/geonames_admin1_mideast.tsv"))?;
        let g1_names: FxHashMap<String, (String, u32)> = {
            let (c, n, g) = (g1.col("code")?, g1.col("name")?, g1.col("geonameid")?);
            g1.rows.iter().map(|r| (r[c].clone(), (r[n].clone(), r[g].parse().unwrap_or(0)))).collect()
        };
        let g2 = Table::read(&shared.join("gazetteer/yemen/geonames_admin2_YE.tsv"))?;
        let mut adm2: FxHashMap<String, (String, u32)> = FxHashMap::default();
        let mut g1_to_ocha: FxHashMap<String, String> = FxHashMap::default();
        let (c, n, g) = (g2.col("code")?, g2.col("name")?, g2.col("geonameid")?);
        for r in &g2.rows {
            let parts: Vec<&str> = r[c].split('.').collect();
            if let [_, a1, digits] = parts[..] {
                let pcode = format!("YE{digits}");
                g1_to_ocha.insert(format!("YE.{a1}"), pcode[..4].to_string());
                adm2.insert(pcode, (r[n].clone(), r[g].parse().unwrap_or(0)));
            }
        }
        let ocha_to_g1 = g1_to_ocha.iter().map(|(k, v)| (v.clone(), k.clone())).collect();
        Ok(AdminCodes { g1_names, adm2, g1_to_ocha, ocha_to_g1 })
    }
}

/// Yemen's admin units as read so far: their rows, and the units by P-code.
#[derive(Default)]
struct Yemen {
    rows: Vec<Row>,
    units: FxHashMap<String, Unit>,
    /// OCHA sub-district P-codes.
    adm3: FxHashSet<String>,
    /// Yemen-info sub-districts without a P-code (`2/13/20`).
    yi_uzla: FxHashSet<String>,
}

impl Yemen {
    /// Keeps `row` as an admin unit under `parent` (a P-code, or empty).
    fn add_unit(&mut self, row: Row, parent: String) {
        let unit = Unit {
            pcode: row.pcode.clone(),
            name_en: row.name_en.clone(),
            parent,
            precision: row.precision,
            lat: row.lat,
            lon: row.lon,
        };
        self.units.insert(row.pcode.clone(), unit);
        self.rows.push(row);
    }

    /// OCHA governorates, with GeoNames' id and English name.
    fn governorates(&mut self, shared: &Path, codes: &AdminCodes, filters: &Filters) -> Result<(), String> {
        let t = Table::read(&shared.join("geo/yemen_adm1_adm2_ocha/yem_adm1.tsv"))?;
        let cols = OchaCols::of(&t)?;
        for r in &t.rows {
            let pcode = r[cols.pcode].clone();
            let mut row = ocha_row(r, &cols, Level::Admin1, 3, filters)?;
            row.admin1 = pcode.clone();
            row.admin1_name = row.name_en.clone();
            if let Some((name, gid)) = codes.ocha_to_g1.get(&pcode).and_then(|g| codes.g1_names.get(g)) {
                row.geonameid = Some(*gid);
                row.add_en([name.clone()]);
            }
            self.add_unit(row, String::new());
        }
        Ok(())
    }

    /// OCHA districts: precision 1 for a city or part of one, 3 for a
    /// district wider than [`LARGE_DISTRICT_DEG`], else 2.
    fn districts(&mut self, shared: &Path, codes: &AdminCodes, filters: &Filters) -> Result<(), String> {
        let t = Table::read(&shared.join("geo/yemen_adm1_adm2_ocha/yem_adm2.tsv"))?;
        let cols = OchaCols::of(&t)?;
        let (c_parent, c_bbox) = (t.col("parent_pcode")?, t.col("bbox")?);
        for r in &t.rows {
            let pcode = r[cols.pcode].clone();
            let bbox: Vec<f64> = r[c_bbox].split(',').map(|x| num(x, "bbox")).collect::<Result<_, _>>()?;
            let span = if bbox.len() == 4 { (bbox[2] - bbox[0]).max(bbox[3] - bbox[1]) } else { 0.0 };
            let name = &r[cols.name_en];
            let urban = (name.ends_with("City") || pcode.starts_with("YE13")) && !name.contains("Outskirts");
            let precision = if urban {
                1
            } else if span > LARGE_DISTRICT_DEG {
                3
            } else {
                2
            };
            let mut row = ocha_row(r, &cols, Level::Admin2, precision, filters)?;
            let parent = &self.units[&r[c_parent]];
            row.admin1 = parent.pcode.clone();
            row.admin1_name = parent.name_en.clone();
            row.admin2 = pcode.clone();
            row.admin2_name = row.name_en.clone();
            if let Some((name, gid)) = codes.adm2.get(&pcode) {
                row.geonameid = Some(*gid);
                row.add_en([name.clone()]);
            }
            let parent = parent.pcode.clone();
            self.add_unit(row, parent);
        }
        Ok(())
    }

    /// OCHA sub-districts.
    fn sub_districts(&mut self, shared: &Path, filters: &Filters) -> Result<(), String> {
        let t = Table::read(&shared.join("geo/yemen_adm3_uzal_ocha/yem_adm3.tsv"))?;
        let cols = OchaCols::of(&t)?;
        let c_parent = t.col("parent_pcode")?;
        for r in &t.rows {
            let mut row = ocha_row(r, &cols, Level::Admin3, 2, filters)?;
            let district =
                self.units.get(&r[c_parent]).ok_or_else(|| format!("adm3 {}: unknown district", row.pcode))?;
            let gov = &self.units[&district.parent];
            row.admin1 = gov.pcode.clone();
            row.admin1_name = gov.name_en.clone();
            row.admin2 = district.pcode.clone();
            row.admin2_name = district.name_en.clone();
            self.adm3.insert(row.pcode.clone());
            self.rows.push(row);
        }
        Ok(())
    }

    /// Yemen-info sub-districts without a P-code (islands, outskirts), at
    /// their district's point and precision.
    fn yemeninfo_sub_districts(
        &mut self,
        shared: &Path,
        filters: &Filters,
        notes: &mut Vec<String>,
    ) -> Result<(), String> {
        let t = Table::read(&shared.join("geo/yemen_info_crosswalk/crosswalk_yemeninfo_adm3.tsv"))?;
        let [c_id, c_ar, c_en, c_match, c_lat, c_lon, c_src] =
            t.cols(["yi_id", "yi_name_ar", "yi_name_en", "match", "lat", "lon", "coord_source"])?;
        for r in t.rows.iter().filter(|r| r[c_match] == "none") {
            let Some(district) = r[c_src].strip_prefix("district ").and_then(|p| self.units.get(p.trim())) else {
                notes.push(format!("Yemen-info sub-district {} has no district; left out", r[c_id]));
                continue;
            };
            let gov = &self.units[&district.parent];
            let (name_ar, alts) = split_parens(&r[c_ar]);
            let (name_en, _) = split_parens(&r[c_en]);
            let mut row = Row {
                id: format!("yemeninfo:uzla/{}", r[c_id]),
                level: Some(Level::Admin3),
                name_en,
                name_ar,
                lat: num(&r[c_lat], "lat")?,
                lon: num(&r[c_lon], "lon")?,
                coord_decimals: 5,
                country: "YE".into(),
                admin1: gov.pcode.clone(),
                admin1_name: gov.name_en.clone(),
                admin2: district.pcode.clone(),
                admin2_name: district.name_en.clone(),
                precision: district.precision,
                source: "yemeninfo",
                ..Row::default()
            };
            row.add_ar(alts.into_iter().filter(|a| !filters.is_generic(a)), &filters.keys);
            self.yi_uzla.insert(r[c_id].clone());
            self.rows.push(row);
        }
        Ok(())
    }
}

/// GeoNames populated places of the Middle East with a usable Arabic name,
/// by country, population (largest first) and id; Yemeni ones inside their
/// OCHA district.
fn geonames_places(
    shared: &Path,
    codes: &AdminCodes,
    units: &FxHashMap<String, Unit>,
    filters: &Filters,
    notes: &mut Vec<String>,
) -> Result<Vec<Row>, String> {
    let districts: Vec<(String, Vec<Polygon>)> = {
        let gj = read_json(&shared.join("geo/yemen_adm1_adm2_ocha/yem_adm2_simplified.geojson"))?;
        let features = gj["features"].as_array().ok_or("adm2 geojson: no features")?;
        features
            .iter()
            .filter_map(|f| Some((f["properties"]["ADM2_PCODE"].as_str()?.to_string(), polygons(&f["geometry"]))))
            .collect()
    };
    let t = Table::read(&shared.join("gazetteer/mideast/geonames_cities500_mideast.tsv"))?;
    let cols = t.cols(GEONAMES_COLS)?;
    let (c_admin1, c_admin1_name) = (cols[6], cols[7]);
    let (mut no_arabic, mut outside) = (0, 0);
    let mut rows = Vec::new();
    for r in &t.rows {
        let Some(mut row) = geonames_row(r, &cols, filters)? else {
            no_arabic += 1;
            continue;
        };
        if row.country == "YE" {
            let gov = codes.g1_to_ocha.get(&format!("YE.{}", r[c_admin1]));
            let (district, inside) = yemen_district(&row, &districts, units, gov);
            outside += usize::from(!inside);
            if let Some(district) = district {
                let gov = &units[&district.parent];
                row.admin1 = gov.pcode.clone();
                row.admin1_name = gov.name_en.clone();
                row.admin2 = district.pcode.clone();
                row.admin2_name = district.name_en.clone();
            }
        } else if !r[c_admin1].is_empty() {
            row.admin1 = format!("{}.{}", row.country, r[c_admin1]);
            let name = codes.g1_names.get(&row.admin1).map_or_else(|| r[c_admin1_name].clone(), |(n, _)| n.clone());
            row.admin1_name = name;
        }
        rows.push(row);
    }
    notes.push(format!("GeoNames: {no_arabic} places without a usable Arabic name left out"));
    notes.push(format!("GeoNames: {outside} Yemeni places outside the simplified districts, given the nearest one"));
    rows.sort_by(|a, b| {
        a.country.cmp(&b.country).then(b.population.cmp(&a.population)).then(a.geonameid.cmp(&b.geonameid))
    });
    Ok(rows)
}

/// Columns of the GeoNames places table, in the order [`geonames_row`] reads them.
const GEONAMES_COLS: [&str; 10] = [
    "geonameid",
    "name",
    "country",
    "latitude",
    "longitude",
    "population",
    "admin1_code",
    "admin1_name",
    "arabic_names",
    "all_alternatenames",
];

/// The row of one GeoNames place (admin codes left to the caller); `None`
/// when it has no usable Arabic name.
fn geonames_row(r: &[String], cols: &[usize; 10], filters: &Filters) -> Result<Option<Row>, String> {
    let [gid, name, country, lat, lon, population, _, _, arabic, alternate] = *cols;
    let Some((name_ar, alts)) = pick_arabic(&r[arabic], filters) else {
        return Ok(None);
    };
    let population: u32 = r[population].parse().unwrap_or(0);
    let mut row = Row {
        id: format!("geonames:{}", r[gid]),
        level: Some(if population >= CITY_POPULATION { Level::City } else { Level::Town }),
        name_en: r[name].clone(),
        name_ar,
        lat: num(&r[lat], "latitude")?,
        lon: num(&r[lon], "longitude")?,
        coord_decimals: 5,
        country: r[country].clone(),
        geonameid: r[gid].parse().ok(),
        population: (population > 0).then_some(population),
        precision: 1,
        source: "geonames",
        ..Row::default()
    };
    row.add_ar(alts, &filters.keys);
    if population >= LATIN_VARIANTS_POPULATION {
        row.add_en(latin_variants(&r[name], &r[alternate]));
    }
    Ok(Some(row))
}

/// The OCHA district of a Yemeni place: the simplified district shape it
/// falls in, else (off the simplified coast) the nearest district of its
/// governorate `gov` (any governorate when unknown). The flag says whether it
/// fell inside a shape.
fn yemen_district<'u>(
    row: &Row,
    districts: &[(String, Vec<Polygon>)],
    units: &'u FxHashMap<String, Unit>,
    gov: Option<&String>,
) -> (Option<&'u Unit>, bool) {
    let pt = (row.lon, row.lat);
    if let Some((pcode, _)) = districts.iter().find(|(_, parts)| parts.iter().any(|p| p.contains(pt))) {
        return (units.get(pcode), true);
    }
    let nearest = units.values().filter(|u| u.pcode.len() == 6 && gov.is_none_or(|g| &u.parent == g)).min_by(|a, b| {
        let d = |u: &Unit| (u.lat - row.lat).powi(2) + (u.lon - row.lon).powi(2);
        d(a).total_cmp(&d(b))
    });
    (nearest, false)
}

/// Column indexes shared by the OCHA tables.
struct OchaCols {
    pcode: usize,
    name_en: usize,
    name_ar: usize,
    lat: usize,
    lon: usize,
    yi_ar: usize,
    yi_en: usize,
}

impl OchaCols {
    fn of(t: &Table) -> Result<OchaCols, String> {
        Ok(OchaCols {
            pcode: t.col("pcode")?,
            name_en: t.col("name_en")?,
            name_ar: t.col("name_ar")?,
            lat: t.col("inside_lat")?,
            lon: t.col("inside_lon")?,
            yi_ar: t.col("yemeninfo_name_ar")?,
            yi_en: t.col("yemeninfo_name_en")?,
        })
    }
}

/// A row for an OCHA unit: the Yemen-info Arabic spelling first (it keeps
/// hamza and ة), OCHA's as a variant; the inside point.
fn ocha_row(r: &[String], c: &OchaCols, level: Level, precision: u8, filters: &Filters) -> Result<Row, String> {
    let pcode = r[c.pcode].clone();
    let (ocha_ar, ocha_alts) = split_parens(&r[c.name_ar]);
    let (yi_ar, yi_alts) = split_parens(&r[c.yi_ar]);
    let name_ar = if yi_ar.is_empty() { ocha_ar.clone() } else { yi_ar };
    let mut row = Row {
        id: format!("ocha:{pcode}"),
        level: Some(level),
        name_en: r[c.name_en].clone(),
        name_ar,
        lat: num(&r[c.lat], "inside_lat")?,
        lon: num(&r[c.lon], "inside_lon")?,
        coord_decimals: 5,
        country: "YE".into(),
        pcode,
        precision,
        source: if r[c.yi_ar].is_empty() { "ocha" } else { "ocha+yemeninfo" },
        ..Row::default()
    };
    let alts = ocha_alts.into_iter().chain(yi_alts).filter(|a| !filters.is_generic(a));
    row.add_ar(std::iter::once(ocha_ar).chain(alts), &filters.keys);
    if !r[c.yi_en].is_empty() {
        row.add_en([r[c.yi_en].clone()]);
    }
    Ok(row)
}

/// Chooses the display name among GeoNames' Arabic-script names and keeps
/// the usable variants: Arabic letters only, no Persian forms (ی ک) in the
/// display name when another exists, spelled with hamza or ة preferred.
fn pick_arabic(field: &str, filters: &Filters) -> Option<(String, Vec<String>)> {
    // (raw, cleaned): diacritics (shadda) tell careful spelling, so score the raw form.
    let names: Vec<(&str, String)> = field
        .split('|')
        .filter(|n| !n.contains(['(', ')', '،', ',', '/']))
        // A word starting with ئ is Kurdish or Uyghur spelling (ئاممان).
        .filter(|n| !n.split_whitespace().any(|w| w.starts_with('ئ')))
        .map(|n| (n, clean_ar(n)))
        .filter(|(_, n)| arabic_letters_only(n))
        .collect();
    let score = |raw: &str| {
        let persian = raw.contains(['ی', 'ک']) as u8;
        let careful = raw
            .contains(['أ', 'إ', 'آ', 'ء', 'ة', 'ؤ', '\u{064B}', '\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}'])
            as u8;
        (persian, 1 - careful, raw.split_whitespace().count(), raw.contains('ى') as u8)
    };
    let best = names.iter().enumerate().min_by_key(|(i, (raw, _))| (score(raw), *i))?.1 .1.clone();
    let alts = names.into_iter().map(|(_, n)| n).filter(|n| *n != best && !filters.is_generic(n)).collect();
    Some((best, alts))
}

/// Latin-script variants of a GeoNames place close to its name (ASCII
/// letters, spaces, hyphens, apostrophes; English key of 4+ letters within
/// three edits of the name's): other languages' transliterations are left out.
fn latin_variants(name: &str, field: &str) -> Vec<String> {
    let key = english_key(name);
    let mut out: Vec<String> = Vec::new();
    for n in field.split('|') {
        if !n.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\''))
            || n.split_whitespace().count() > 2
        {
            continue;
        }
        let k = english_key(n);
        let d = edit_distance(&k, &key);
        if k.len() >= 4 && d <= 3 && d * 2 <= k.len() && !out.iter().any(|o| english_key(o) == k) {
            out.push(n.to_string());
            if out.len() == 6 {
                break;
            }
        }
    }
    out
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + (ca != *cb) as usize).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Countries from the world base map: Arabic names from
/// i18n-iso-countries, points inside the Natural Earth 50m shapes.
fn countries(shared: &Path, notes: &mut Vec<String>) -> Result<Vec<Row>, String> {
    let dir = shared.join("geo/world_basemap");
    let t = Table::read(&dir.join("country_names_ar.tsv"))?;
    let (c_a2, c_en, c_ar) = (t.col("iso_a2")?, t.col("name_en")?, t.col("name_ar")?);
    let mut shapes: FxHashMap<String, Vec<Polygon>> = FxHashMap::default();
    for file in ["countries-50m.geojson", "countries-110m.geojson"] {
        let gj = read_json(&dir.join(file))?;
        for f in gj["features"].as_array().into_iter().flatten() {
            if let Some(name) = f["properties"]["name"].as_str() {
                shapes.entry(name.to_string()).or_insert_with(|| polygons(&f["geometry"]));
            }
        }
    }
    // Features without an ISO code that news name as countries.
    let special: FxHashMap<&str, (&str, &str)> = [
        ("Kosovo", ("country:XK", "XK")),
        ("Somaliland", ("country:somaliland", "SO")),
        ("N. Cyprus", ("country:northern-cyprus", "CY")),
    ]
    .into_iter()
    .collect();
    let mut out: Vec<(Row, f64)> = Vec::new();
    for r in &t.rows {
        let (id, cc) = match special.get(r[c_en].as_str()) {
            Some(&(id, cc)) => (id.to_string(), cc.to_string()),
            None if r[c_a2].len() == 2 => (format!("country:{}", r[c_a2]), r[c_a2].clone()),
            None => continue,
        };
        if r[c_ar].is_empty() {
            continue;
        }
        let Some(parts) = shapes.get(&r[c_en]) else {
            notes.push(format!("country {} has no shape; left out", r[c_en]));
            continue;
        };
        let Some((lon, lat)) = representative_point(parts) else { continue };
        // Two features may share a code (Australia, Ashmore and Cartier Is.): the larger one stays.
        let area: f64 = parts.iter().map(Polygon::area).sum();
        if let Some(i) = out.iter().position(|(row, _): &(Row, f64)| row.id == id) {
            if out[i].1 >= area {
                continue;
            }
            out.remove(i);
        }
        out.push((
            Row {
                id,
                level: Some(Level::Country),
                name_en: r[c_en].clone(),
                name_ar: clean_ar(&r[c_ar]),
                lat,
                lon,
                coord_decimals: 3,
                country: cc,
                precision: 3,
                source: "naturalearth+i18n-iso-countries",
                ..Row::default()
            },
            area,
        ));
    }
    Ok(out.into_iter().map(|(row, _)| row).collect())
}

/// villages.tsv: every Yemen-info village with a distinctive name, under
/// its sub-district (OCHA P-code, or the Yemen-info sub-district, or the
/// district). Returns (content, count).
fn villages(
    shared: &Path,
    yemen: &Yemen,
    filters: &Filters,
    preamble: &str,
    notes: &mut Vec<String>,
) -> Result<(String, usize), String> {
    let (adm3, yi_uzla, units) = (&yemen.adm3, &yemen.yi_uzla, &yemen.units);
    let t = Table::read(&shared.join("geo/yemen_info_crosswalk/yemeninfo_villages_approx_coords.tsv"))?;
    let [c_id, c_path, c_ar, c_en, c_p3, c_src] =
        t.cols(["yi_village_id", "yi_path", "name_ar", "name_en", "adm3_pcode", "coord_source"])?;
    let mut out = String::from(preamble);
    out.push_str(VILLAGES_HEADER);
    out.push('\n');
    let (mut n, mut generic, mut dup, mut orphan) = (0, 0, 0, 0);
    let mut seen: FxHashSet<(String, String)> = FxHashSet::default();
    for r in &t.rows {
        let parent = if adm3.contains(&r[c_p3]) {
            format!("ocha:{}", r[c_p3])
        } else {
            let uzla: Vec<&str> = r[c_path].split('/').take(3).collect();
            let uzla = uzla.join("/");
            if yi_uzla.contains(&uzla) {
                format!("yemeninfo:uzla/{uzla}")
            } else if let Some(d) = r[c_src].split_whitespace().last().filter(|p| units.contains_key(*p)) {
                format!("ocha:{d}")
            } else {
                orphan += 1;
                continue;
            }
        };
        let (name, alts) = split_parens(&r[c_ar]);
        let names: Vec<String> = std::iter::once(name).chain(alts).filter(|n| arabic_letters_only(n)).collect();
        let Some(name) = names.iter().find(|n| !filters.is_generic(n)) else {
            generic += 1;
            continue;
        };
        if !seen.insert((filters.keys.key(name), parent.clone())) {
            dup += 1;
            continue;
        }
        if !r[c_id].bytes().all(|b| b.is_ascii_digit()) || r[c_id].is_empty() {
            orphan += 1;
            continue;
        }
        let (en, _) = split_parens(&r[c_en]);
        let _ = writeln!(out, "{}\t{}\t{}\t{}", r[c_id], name, if en.is_empty() { "-" } else { &en }, parent);
        n += 1;
    }
    notes.push(format!(
        "villages: {n} kept ({VILLAGE_ID_PREFIX}<id>); {generic} with a common-word name, {dup} repeated in their sub-district, {orphan} without parent left out"
    ));
    Ok((out, n))
}
