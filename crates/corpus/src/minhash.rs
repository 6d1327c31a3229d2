//! Near-duplicate texts: MinHash signatures of word shingles, LSH banding.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::{mix, CorpusDoc};
use isnad_text::hash::fnv1a;

/// MinHash values per signature.
const K: usize = 128;

/// Words per shingle.
const SHINGLE: usize = 5;

/// Failed comparisons per band bucket after which the bucket is left: bounds
/// the work on boilerplate that many unrelated texts share.
pub const MAX_FAILED_CHECKS: usize = 64;

/// The fixed hash family: `h_i(x) = (a_i·x + b_i) >> 32` with odd `a_i`.
fn family() -> &'static [(u64, u64); K] {
    static F: std::sync::OnceLock<[(u64, u64); K]> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let mut f = [(0u64, 0u64); K];
        for (i, slot) in f.iter_mut().enumerate() {
            let s = 0x6973_6e61_6400_0000 ^ (i as u64);
            *slot = (mix(s.wrapping_mul(2).wrapping_add(1)) | 1, mix(s ^ 0x5bd1_e995));
        }
        f
    })
}

/// True for the characters of a word: ASCII letters and digits and Arabic
/// letters on a fast path, other scripts' letters and digits after it.
#[inline]
fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{0621}'..='\u{064A}').contains(&c) || c.is_alphanumeric()
    }
}

/// Hashes of the 5-word shingles of the search key of `text` (one shingle
/// when the text is shorter).
pub(crate) fn shingles(text: &str) -> Vec<u64> {
    let key = isnad_text::search_key(text);
    let words: Vec<u64> =
        key.split(|c: char| !word_char(c)).filter(|w| !w.is_empty()).map(|w| fnv1a(w.as_bytes())).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let n = SHINGLE.min(words.len());
    let mut out: Vec<u64> = words
        .windows(n)
        .map(|win| {
            let mut h = 0u64;
            for &w in win {
                h = mix(h.rotate_left(17) ^ w);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash signature of a shingle set (`None` for an empty text).
pub(crate) fn signature(shingles: &[u64]) -> Option<[u32; K]> {
    if shingles.is_empty() {
        return None;
    }
    let f = family();
    let mut sig = [u32::MAX; K];
    for &x in shingles {
        for (s, &(a, b)) in sig.iter_mut().zip(f.iter()) {
            let h = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
            if h < *s {
                *s = h;
            }
        }
    }
    Some(sig)
}

/// Estimated Jaccard similarity: the share of equal MinHash values.
pub(crate) fn similarity(a: &[u32; K], b: &[u32; K]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / K as f64
}

/// Rows per band for a threshold: the most rows whose S-curve midpoint
/// `(1/bands)^(1/rows)` stays well below it, so pairs at the threshold are
/// almost never missed (0.6 → 4 rows × 32 bands, a pair at 0.6 is missed
/// with probability 0.012).
fn rows_for(threshold: f64) -> usize {
    let mut best = 1;
    for r in [2usize, 4, 8, 16] {
        let bands = (K / r) as f64;
        if (1.0 / bands).powf(1.0 / r as f64) <= threshold * 0.75 {
            best = r;
        }
    }
    best
}

/// No entry.
const NONE: u32 = u32::MAX;

/// See [`crate::near_duplicates`]; `order` is the corpus order.
pub(crate) fn near_duplicates_in_order(docs: &[CorpusDoc<'_>], order: &[usize], threshold: f64) -> Vec<usize> {
    let mut root: Vec<usize> = (0..docs.len()).collect();
    if !(threshold > 0.0 && threshold <= 1.0) {
        return root;
    }
    let sigs: Vec<Option<[u32; K]>> = docs.iter().map(|d| signature(&shingles(d.text))).collect();
    let rows = rows_for(threshold);
    let bands = K / rows;
    // Band buckets as lists threaded through one array, in corpus order:
    // entry `pos * bands + band` is document `order[pos]` in its bucket of `band`.
    let mut buckets: FxHashMap<u64, (u32, u32)> = FxHashMap::default(); // first, last entry
    let mut next: Vec<u32> = vec![NONE; order.len() * bands];
    let mut failed: FxHashSet<usize> = FxHashSet::default();
    for (pos, &d) in order.iter().enumerate() {
        let Some(sig) = &sigs[d] else { continue };
        failed.clear();
        // The earliest earlier document (by position in `order`) that verifies.
        let mut best: Option<(u32, usize)> = None;
        for (band, chunk) in sig.chunks(rows).enumerate() {
            let mut h = mix(band as u64 + 1);
            for &v in chunk {
                h = mix(h ^ u64::from(v));
            }
            let me = (pos * bands + band) as u32;
            let (first, _) = *buckets
                .entry(h)
                .and_modify(|(_, last)| {
                    next[*last as usize] = me;
                    *last = me;
                })
                .or_insert((me, me));
            let mut fails = 0;
            let mut entry = first;
            while entry != me {
                let at = entry / bands as u32;
                entry = next[entry as usize];
                if best.is_some_and(|(p, _)| p <= at) {
                    break;
                }
                let other = order[at as usize];
                if failed.contains(&other) {
                    continue;
                }
                let other_sig = sigs[other].as_ref().expect("only signed documents are bucketed");
                if similarity(sig, other_sig) >= threshold {
                    best = Some((at, other));
                    break;
                }
                failed.insert(other);
                fails += 1;
                if fails >= MAX_FAILED_CHECKS {
                    break;
                }
            }
        }
        if let Some((_, other)) = best {
            root[d] = root[other];
        }
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_fold_spelling_and_punctuation() {
        assert_eq!(shingles("قال مسؤول إن الهجوم وقع فجرا."), shingles("قال مسؤولٌ ان الهجومَ وقع فجراً"));
        assert_eq!(shingles("").len(), 0);
        assert_eq!(shingles("عاجل: انفجار").len(), 1);
        assert_eq!(shingles("a b c d e f g").len(), 3);
    }

    #[test]
    fn estimates_track_jaccard() {
        // Sets of 100 shingles sharing 60: Jaccard 60/140 ≈ 0.43.
        let a: Vec<u64> = (0..100u64).map(|i| mix(i + 1)).collect();
        let b: Vec<u64> = (40..140u64).map(|i| mix(i + 1)).collect();
        let s = similarity(&signature(&a).unwrap(), &signature(&b).unwrap());
        assert!((s - 60.0 / 140.0).abs() < 0.12, "estimate {s}");
        assert_eq!(similarity(&signature(&a).unwrap(), &signature(&a).unwrap()), 1.0);
    }

    #[test]
    fn band_rows_follow_the_threshold() {
        assert_eq!(rows_for(0.6), 4);
        assert_eq!(rows_for(0.95), 8);
        assert_eq!(rows_for(0.2), 2);
        assert_eq!(rows_for(0.1), 1);
    }
}
