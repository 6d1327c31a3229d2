// The schema's closed vocabularies as the server lists them (GET /api/vocabulary,
// built from the schema's enums): PLOVER types with their quad class and English
// label, ACLED event types, factuality values … Every list of values the UI
// offers comes from here; i18n.js adds the Arabic names, keyed by value.

/** The lists, filled by loadVocabulary(); each entry is {value, label, …}. */
export const vocabulary = { plover_types: [], quad_classes: [], acled_event_types: [], factuality: [] };

let loading = null;

/** Fetches the vocabularies once; later calls return the same promise. */
export function loadVocabulary() {
  if (!loading) {
    loading = fetch('/api/vocabulary', { headers: { Accept: 'application/json' } })
      .then(async (res) => {
        const data = await res.json().catch(() => null);
        if (!res.ok) {
          throw new Error(data && data.error ? data.error.message : 'vocabulary: ' + res.status + ' ' + res.statusText);
        }
        return Object.assign(vocabulary, data);
      });
  }
  return loading;
}

/** The values of one list (`'factuality'`, `'plover_types'` …), in the schema's order. */
export function values(list) {
  return (vocabulary[list] || []).map((e) => e.value);
}

/** The English label of `value` in `list`, or the value itself when it is not listed. */
export function englishLabel(list, value) {
  const e = (vocabulary[list] || []).find((x) => x.value === value);
  return e ? e.label : String(value);
}
