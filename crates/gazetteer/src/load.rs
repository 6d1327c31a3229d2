//! Loading the gazetteer from its data files: places, villages, aliases,
//! cue words and the name key's affixes. A malformed line is a
//! [`LoadError`] naming the file and the line.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use isnad_text::data_lines;
use isnad_text::{Data, LoadError};
use rustc_hash::FxHashMap;

use crate::keys::NameKeys;
use crate::{
    find, hash_str, slice, Cue, CueWord, Entry, Gazetteer, Level, Span, FILES, NONE, PLACES_HEADER, VILLAGES_HEADER,
    VILLAGE_ID_PREFIX,
};

const ALIASES_HEADER: &str = "id\tname";
const CUES_HEADER: &str = "word\tcue";

/// The embedded copies of the first four [`FILES`], in the order
/// [`Gazetteer::parse`] takes them.
const EMBEDDED: [&str; 4] = [
    include_str!("../../../data/places/places.tsv"),
    include_str!("../../../data/places/villages.tsv"),
    include_str!("../../../data/places/aliases.tsv"),
    include_str!("../../../data/places/cues.tsv"),
];

/// A file as read: its reported name and its content.
type File = (String, Cow<'static, str>);

fn err(file: &str, line: usize, message: impl Into<String>) -> LoadError {
    LoadError::new(file, line, message)
}

impl Gazetteer {
    /// The gazetteer embedded at build time (parsed once).
    pub fn embedded() -> Result<&'static Gazetteer, LoadError> {
        static GAZ: OnceLock<Result<Gazetteer, LoadError>> = OnceLock::new();
        GAZ.get_or_init(|| Gazetteer::load(&Data::Embedded)).as_ref().map_err(Clone::clone)
    }

    /// Loads the gazetteer from `data` (the embedded files, or a directory
    /// laid out like `data/`: `places/places.tsv`, `places/villages.tsv`,
    /// `places/aliases.tsv`, `places/cues.tsv`, `places/name_keys.tsv`).
    pub fn load(data: &Data) -> Result<Gazetteer, LoadError> {
        let keys = NameKeys::load(data)?;
        let mut files = Vec::with_capacity(EMBEDDED.len());
        for (rel, embedded) in FILES.into_iter().zip(EMBEDDED) {
            files.push(data.file(rel, embedded)?);
        }
        let files: [File; 4] = files.try_into().map_err(|_| err("places", 0, "expected four files"))?;
        Gazetteer::parse(&files, keys)
    }

    /// Parses places, villages, aliases and cues (in that order).
    fn parse(files: &[File; 4], keys: NameKeys) -> Result<Gazetteer, LoadError> {
        let [(places, _), (villages, _), (aliases, _), (cues, _)] = files;
        // All files live in one string; entries keep byte spans into it.
        let (text, ranges) = concat(files);
        let (mut entries, lines) = parse_places(places, &text, ranges[0].clone())?;
        let mut id_index = index_ids(&text, &entries);
        check_unique_ids(places, &text, &entries, &id_index, &lines)?;
        let n_places = entries.len();
        parse_villages(villages, &text, ranges[1].clone(), &id_index, &mut entries)?;
        index_village_ids(&text, &entries, n_places, &mut id_index);
        let mut gaz = Gazetteer {
            text: String::new(),
            entries,
            keys,
            extra: FxHashMap::default(),
            ar_index: Vec::new(),
            id_index,
            en_index: OnceLock::new(),
            names: OnceLock::new(),
            cues: FxHashMap::default(),
            words: None,
        };
        gaz.extra = gaz.parse_aliases(aliases, &text, ranges[2].clone())?;
        gaz.cues = gaz.parse_cues(cues, &text[ranges[3].clone()])?;
        gaz.ar_index = gaz.arabic_index(&text);
        gaz.text = text;
        Ok(gaz)
    }

    /// aliases.tsv: extra names by place id.
    fn parse_aliases(
        &self,
        file: &str,
        text: &str,
        range: Range<usize>,
    ) -> Result<FxHashMap<u32, Vec<Span>>, LoadError> {
        let mut extra: FxHashMap<u32, Vec<Span>> = FxHashMap::default();
        for row in data_lines(file, &text[range], Some(ALIASES_HEADER)) {
            let (line, cols) = row?;
            if cols.len() != 2 || cols.iter().any(|c| c.trim().is_empty()) {
                return Err(err(file, line, "expected an id and a name, tab-separated"));
            }
            let Some(i) = self.find_id_in(text, cols[0]) else {
                return Err(err(file, line, format!("unknown id {:?}", cols[0])));
            };
            extra.entry(i).or_default().push(span_in(text, cols[1].trim()));
        }
        Ok(extra)
    }

    /// cues.tsv: what each cue word does, by name key.
    fn parse_cues(&self, file: &str, text: &str) -> Result<FxHashMap<String, CueWord>, LoadError> {
        let mut cues = FxHashMap::default();
        for row in data_lines(file, text, Some(CUES_HEADER)) {
            let (line, cols) = row?;
            if cols.len() != 2 || cols.iter().any(|c| c.trim().is_empty()) {
                return Err(err(file, line, "expected a word and a cue, tab-separated"));
            }
            let cue = match cols[1] {
                "link" => CueWord::Link,
                "prep" => CueWord::Prep,
                "near" => CueWord::Near,
                c => CueWord::Level(Cue::parse(c).ok_or_else(|| err(file, line, format!("unknown cue {c:?}")))?),
            };
            cues.insert(self.name_key(cols[0]), cue);
        }
        Ok(cues)
    }

    /// The Arabic name index: (hash of a name key, entry) for every Arabic
    /// name, variant and alias, sorted.
    fn arabic_index(&self, text: &str) -> Vec<(u64, u32)> {
        let (mut buf, mut key) = (String::new(), String::new());
        let mut index = Vec::with_capacity(self.entries.len() * 2);
        for i in 0..self.entries.len() as u32 {
            self.for_each_ar_name_in(text, i, |name| {
                self.keys.key_into(name, &mut buf, &mut key);
                if !key.is_empty() {
                    index.push((hash_str(&key), i));
                }
            });
        }
        index.sort_unstable();
        index.dedup();
        index
    }
}

/// The files joined into one string (each followed by a newline), with the
/// byte range of each.
fn concat(files: &[File; 4]) -> (String, Vec<Range<usize>>) {
    let mut text = String::with_capacity(files.iter().map(|f| f.1.len() + 1).sum());
    let mut ranges = Vec::with_capacity(files.len());
    for (_, c) in files {
        let s = text.len();
        text.push_str(c);
        text.push('\n');
        ranges.push(s..s + c.len());
    }
    (text, ranges)
}

/// The span of `field`, a slice of `text`; empty for `-`.
fn span_in(text: &str, field: &str) -> Span {
    if field == "-" || field.is_empty() {
        Span::default()
    } else {
        Span((field.as_ptr() as usize - text.as_ptr() as usize) as u32, field.len() as u32)
    }
}

/// places.tsv: the entries, with the line of each.
fn parse_places(file: &str, text: &str, range: Range<usize>) -> Result<(Vec<Entry>, Vec<usize>), LoadError> {
    let (mut entries, mut lines) = (Vec::new(), Vec::new());
    for row in data_lines(file, &text[range], Some(PLACES_HEADER)) {
        let (line, cols) = row?;
        if cols.len() != 18 {
            return Err(err(file, line, format!("expected 18 tab-separated columns, found {}", cols.len())));
        }
        entries.push(parse_place(file, line, &cols, text)?);
        lines.push(line);
    }
    Ok((entries, lines))
}

/// (hash of id, entry) for every entry, sorted.
fn index_ids(text: &str, entries: &[Entry]) -> Vec<(u64, u32)> {
    let mut index: Vec<(u64, u32)> =
        entries.iter().enumerate().map(|(i, e)| (hash_str(slice(text, e.id)), i as u32)).collect();
    index.sort_unstable();
    index
}

/// An error at the later line of two entries with the same id.
fn check_unique_ids(
    file: &str,
    text: &str,
    entries: &[Entry],
    index: &[(u64, u32)],
    lines: &[usize],
) -> Result<(), LoadError> {
    for w in index.windows(2) {
        let (a, b) = (w[0].1 as usize, w[1].1 as usize);
        if w[0].0 == w[1].0 && slice(text, entries[a].id) == slice(text, entries[b].id) {
            return Err(err(file, lines[a.max(b)], format!("duplicate id {:?}", slice(text, entries[b].id))));
        }
    }
    Ok(())
}

/// villages.tsv: villages under a district or sub-district of places.tsv,
/// at its point and with its codes.
fn parse_villages(
    file: &str,
    text: &str,
    range: Range<usize>,
    id_index: &[(u64, u32)],
    entries: &mut Vec<Entry>,
) -> Result<(), LoadError> {
    for row in data_lines(file, &text[range], Some(VILLAGES_HEADER)) {
        let (line, cols) = row?;
        if cols.len() != 4 {
            return Err(err(file, line, format!("expected 4 tab-separated columns, found {}", cols.len())));
        }
        if cols[0].is_empty() || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(file, line, format!("village id must be a number, not {:?}", cols[0])));
        }
        if cols[1].trim().is_empty() || cols[1] == "-" {
            return Err(err(file, line, "empty Arabic name"));
        }
        let Some(p) = find(id_index, hash_str(cols[3])).find(|&i| slice(text, entries[i as usize].id) == cols[3])
        else {
            return Err(err(file, line, format!("unknown parent {:?}", cols[3])));
        };
        let parent = &entries[p as usize];
        if !matches!(parent.level, Level::Admin2 | Level::Admin3) {
            return Err(err(file, line, format!("parent {:?} is not a district or sub-district", cols[3])));
        }
        let village = Entry {
            id: span_in(text, cols[0]),
            name_en: span_in(text, cols[2]),
            name_ar: span_in(text, cols[1]),
            alt_ar: Span::default(),
            alt_en: Span::default(),
            parent: p,
            level: Level::Village,
            precision: parent.precision.max(2),
            village: true,
            ..parent.clone()
        };
        entries.push(village);
    }
    Ok(())
}

/// Adds the villages (entries from `first` on) to the id index under their
/// full id, and sorts it again.
fn index_village_ids(text: &str, entries: &[Entry], first: usize, index: &mut Vec<(u64, u32)>) {
    let mut buf = String::new();
    for (i, e) in entries.iter().enumerate().skip(first) {
        buf.clear();
        buf.push_str(VILLAGE_ID_PREFIX);
        buf.push_str(slice(text, e.id));
        index.push((hash_str(&buf), i as u32));
    }
    index.sort_unstable();
}

/// One row of places.tsv (18 columns).
fn parse_place(file: &str, line: usize, c: &[&str], text: &str) -> Result<Entry, LoadError> {
    let e = |m: String| err(file, line, m);
    for (i, name) in [(0, "id"), (1, "level"), (2, "name_en"), (3, "name_ar"), (8, "country")] {
        if c[i].trim().is_empty() || c[i] == "-" {
            return Err(e(format!("empty {name}")));
        }
    }
    let level: Level = c[1].parse().map_err(|_| e(format!("unknown level {:?}", c[1])))?;
    let coord = |s: &str, max: f64, what: &str| -> Result<f64, LoadError> {
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= max => Ok(v),
            _ => Err(e(format!("bad {what} {s:?}"))),
        }
    };
    let lat = coord(c[6], 90.0, "latitude")?;
    let lon = coord(c[7], 180.0, "longitude")?;
    if c[8].len() != 2 || !c[8].bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(e(format!("country must be an ISO 3166-1 alpha-2 code, not {:?}", c[8])));
    }
    let number = |s: &str, what: &str| -> Result<u32, LoadError> {
        if s == "-" {
            return Ok(0);
        }
        s.parse::<u32>().map_err(|_| e(format!("bad {what} {s:?}")))
    };
    let geonameid = number(c[14], "geonameid")?;
    let population = number(c[15], "population")?;
    let precision = match c[16] {
        "1" => 1,
        "2" => 2,
        "3" => 3,
        p => return Err(e(format!("precision must be 1, 2 or 3, not {p:?}"))),
    };
    let spans: [Span; 18] = std::array::from_fn(|i| span_in(text, c[i]));
    let [id, _, name_en, name_ar, alt_ar, alt_en, _, _, country, admin1, admin1_name, admin2, admin2_name, pcode, _, _, _, source] =
        spans;
    Ok(Entry {
        id,
        name_en,
        name_ar,
        alt_ar,
        alt_en,
        country,
        admin1,
        admin1_name,
        admin2,
        admin2_name,
        pcode,
        source,
        lat,
        lon,
        population,
        geonameid,
        parent: NONE,
        level,
        precision,
        village: false,
    })
}
