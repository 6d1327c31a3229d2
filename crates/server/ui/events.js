// Event filters (shared by the events table, the timeline and the map) and
// the events table.

import { h, fill, api, query, errorBox, spanText, participantName, placeName, countsText } from './dom.js';
import { t, ploverLabel, acledLabel, factLabel } from './i18n.js';
import { values } from './vocabulary.js';

/** The current filters. */
export const filters = { type: '', actor: '', place: '', from: '', to: '', factuality: '' };

let cache = null;
let cacheKey = null;

/** Events matching the filters (cached until the filters change). */
export async function loadEvents() {
  const q = query({ ...filters, limit: 10000 });
  if (cache && cacheKey === q) return cache;
  const data = await api('/api/events' + q);
  cache = data;
  cacheKey = q;
  return data;
}

/** Forgets cached events (after an ingest). */
export function invalidateEvents() { cache = null; }

/** The filter form; `onApply` runs after the filters change. */
export function filterBar(onApply) {
  const field = (key, input) => h('label', { class: 'field' }, h('span', null, t('filter.' + key)), input);
  const typeIn = h('input', { type: 'text', list: 'event-types', value: filters.type, name: 'type', size: 14 });
  const actorIn = h('input', { type: 'search', value: filters.actor, name: 'actor', size: 14 });
  const placeIn = h('input', { type: 'search', value: filters.place, name: 'place', size: 14 });
  const fromIn = h('input', { type: 'date', value: filters.from, name: 'from' });
  const toIn = h('input', { type: 'date', value: filters.to, name: 'to' });
  const factIn = h('select', { name: 'factuality' }, h('option', { value: '' }, t('filter.any')),
    values('factuality').map((f) => h('option', { value: f, selected: filters.factuality === f }, factLabel(f))));
  const form = h('form', { class: 'filters' },
    h('datalist', { id: 'event-types' },
      values('plover_types').map((p) => h('option', { value: p }, ploverLabel(p))),
      values('acled_event_types').map((a) => h('option', { value: a }, acledLabel(a)))),
    field('type', typeIn), field('actor', actorIn), field('place', placeIn), field('from', fromIn), field('to', toIn),
    field('factuality', factIn),
    h('button', { type: 'submit' }, t('filter.apply')),
    h('button', { type: 'reset' }, t('filter.reset')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    Object.assign(filters, {
      type: typeIn.value.trim(), actor: actorIn.value.trim(), place: placeIn.value.trim(),
      from: fromIn.value, to: toIn.value, factuality: factIn.value,
    });
    onApply();
  });
  form.addEventListener('reset', () => {
    for (const k of Object.keys(filters)) filters[k] = '';
    setTimeout(onApply, 0);
  });
  return form;
}

function names(list) {
  return (list || []).map((p, i) => [i ? ', ' : '', h('span', { title: p.actor ? p.actor.name + ' / ' + p.actor.name_ar : p.name }, participantName(p))]);
}

/** Renders the events view into `root`; `openEvent(doc, id)` shows one in its article. */
export async function renderEvents(root, openEvent) {
  const out = h('div', { class: 'events-out' }, h('p', { class: 'loading' }, t('loading')));
  fill(root, filterBar(() => renderEvents(root, openEvent)), out);
  let rows;
  try {
    rows = await loadEvents();
  } catch (e) {
    fill(out, errorBox(e));
    return;
  }
  if (!rows.length) {
    fill(out, h('p', null, t('events.none')));
    return;
  }
  const head = ['col.date', 'col.type', 'col.acled', 'col.actors', 'col.recipients', 'col.place', 'col.counts',
    'col.factuality', 'col.sources', 'col.doc'];
  const table = h('table', { class: 'events-table' },
    h('thead', null, h('tr', null, head.map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, rows.map((r) => {
      const ev = r.event;
      const tm = ev.time;
      const tr = h('tr', { class: 'q' + ev.quad, 'data-type': ev.type, 'data-doc': r.doc, 'data-event': ev.id, tabindex: '0' },
        h('td', { class: 'nowrap' }, tm ? [spanText(tm.from, tm.to), h('span', { class: 'prec prec-' + (tm.precision || 3), title: t('f.precision') + ' ' + (tm.precision ?? '–') + ' · ' + tm.basis }, tm.precision ? ' ' + t('prec.' + tm.precision) : '')] : '–'),
        h('td', null, h('span', { class: 'quad-dot q' + ev.quad }), ' ', h('strong', null, ploverLabel(ev.type)), ' ', h('code', null, ev.type + (ev.mode ? '/' + ev.mode : ''))),
        h('td', null, ev.acled ? [acledLabel(ev.acled.event_type), h('br'), h('small', null, ev.acled.sub_event_type)] : '–'),
        h('td', null, names(ev.actors)),
        h('td', null, names(ev.recipients)),
        h('td', null, ev.place ? h('span', { title: ev.place.name + ' / ' + ev.place.name_ar + ' (' + ev.place.id + ')' }, placeName(ev.place)) : '–'),
        h('td', null, countsText(ev.counts)),
        h('td', null, h('span', { class: 'fact fact-' + ev.factuality }, factLabel(ev.factuality))),
        h('td', { class: 'chain' }, ev.attribution ? ev.attribution.chain : ''),
        h('td', null, h('bdi', null, r.doc)));
      const open = () => openEvent(r.doc, ev.id);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      return tr;
    })));
  fill(out, h('p', { class: 'count' }, rows.length + ' ' + t('events.count')), h('div', { class: 'table-wrap' }, table));
}
