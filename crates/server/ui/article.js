// The article view: the Arabic text with its records highlighted, a side
// panel with the record of a clicked span, checks, framing and sourcing.
//
// Offsets in isnad/1 are Unicode code points: the text is split with
// Array.from (code points), never indexed as UTF-16.

import { h, fill, spanText, actorName, participantName, placeName, countsText } from './dom.js';
import { t, ploverLabel, quadLabel, acledLabel, factLabel } from './i18n.js';

export const KINDS = ['actor', 'place', 'time', 'quantity', 'event', 'source', 'framing', 'check'];

/** Every highlightable span of a document, with its record. */
function collectSpans(doc) {
  const out = [];
  const add = (start, end, kind, rec) => {
    if (end > start) out.push({ start, end, kind, rec });
  };
  for (const e of doc.entities || []) {
    const kind = e.place ? 'place' : e.actor ? 'actor' : e.type === 'LOC' ? 'place' : 'actor';
    add(e.start, e.end, kind, { type: 'entity', v: e });
  }
  for (const x of doc.times || []) add(x.start, x.end, 'time', { type: 'time', v: x });
  for (const q of doc.quantities || []) add(q.start, q.end, 'quantity', { type: 'quantity', v: q });
  const sources = new Map();
  for (const ev of doc.events || []) {
    const rec = { type: 'event', v: ev };
    for (const sp of ev.evidence || []) add(sp.start, sp.end, 'event', rec);
    if (ev.factuality_cue) add(ev.factuality_cue.start, ev.factuality_cue.end, 'event', rec);
    for (const src of (ev.attribution && ev.attribution.sources) || []) {
      if (src.end <= src.start) continue;
      const key = src.start + ':' + src.end;
      let srec = sources.get(key);
      if (!srec) {
        srec = { type: 'source', v: src, events: [] };
        sources.set(key, srec);
        add(src.start, src.end, 'source', srec);
      }
      srec.events.push(ev);
    }
  }
  for (const f of (doc.framing && doc.framing.terms) || []) add(f.start, f.end, 'framing', { type: 'framing', v: f });
  for (const c of doc.checks || []) {
    for (const sp of c.spans || []) add(sp.start, sp.end, 'check', { type: 'check', v: c });
  }
  return out;
}

/** Cuts the text at every span boundary: [{start, end, spans}]. */
function segments(n, spans) {
  const cuts = new Set([0, n]);
  for (const sp of spans) {
    cuts.add(Math.max(0, Math.min(n, sp.start)));
    cuts.add(Math.max(0, Math.min(n, sp.end)));
  }
  const pts = [...cuts].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const out = [];
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    active = active.filter((sp) => sp.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next++;
    }
    out.push({ start: a, end: b, spans: active.slice() });
  }
  return out;
}

function row(label, value, opts = {}) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return null;
  const attrs = { class: opts.cls || null, dir: opts.ar ? 'rtl' : null, lang: opts.ar ? 'ar' : null };
  return [h('dt', null, t(label)), h('dd', attrs, value)];
}

function card(kindKey, title, rows, extraClass) {
  return h('section', { class: ['card', extraClass] },
    h('h4', null, h('span', { class: 'card-kind' }, t(kindKey)), ' ', title),
    h('dl', null, rows.filter(Boolean)));
}

function precisionText(p) {
  return p ? p + ' (' + t('prec.' + p) + ')' : null;
}

function arText(str) {
  return h('span', { dir: 'rtl', lang: 'ar' }, str);
}

function actorRows(a) {
  return [
    row('f.name', a.name),
    row('f.name_ar', a.name_ar, { ar: true }),
    row('f.kind', a.kind),
    row('f.inter', a.inter),
    row('f.sector', a.sector),
    row('f.country', a.country),
    row('f.id', a.id),
  ];
}

function placeRows(p) {
  return [
    row('f.name', p.name),
    row('f.name_ar', p.name_ar, { ar: true }),
    row('f.level', p.level),
    row('f.coords', p.lat.toFixed(4) + ', ' + p.lon.toFixed(4)),
    row('f.admin1', p.admin1 ? (p.admin1_name ? p.admin1_name + ' (' + p.admin1 + ')' : p.admin1) : null),
    row('f.admin2', p.admin2 ? (p.admin2_name ? p.admin2_name + ' (' + p.admin2 + ')' : p.admin2) : null),
    row('f.pcode', p.pcode),
    row('f.precision', precisionText(p.precision)),
    row('f.id', p.id),
    row('f.candidates', (p.candidates || []).map((c) => c.name + ' / ' + c.name_ar + ' (' + c.level + ')').join('; ')),
  ];
}

function participants(list) {
  if (!list || !list.length) return null;
  return list.map((p, i) => [i ? ', ' : '', h('span', { title: p.actor ? p.actor.name + ' / ' + p.actor.name_ar : p.name }, participantName(p))]);
}

/** The card of one event record (also used by the events table). */
export function eventCard(ev, textChars) {
  const at = ev.attribution || { sources: [] };
  const time = ev.time;
  return card('rec.event', ev.id + ' · ' + ploverLabel(ev.type), [
    row('f.type', ev.type + (ev.mode ? ' / ' + ev.mode : '')),
    row('f.quad', ev.quad + ' (' + quadLabel(ev.quad) + ')'),
    row('f.acled', ev.acled ? acledLabel(ev.acled.event_type) + ' — ' + ev.acled.sub_event_type : null),
    row('f.actors', participants(ev.actors)),
    row('f.recipients', participants(ev.recipients)),
    row('f.place', ev.place ? [placeName(ev.place), ' · ', arText(ev.place.name_ar), ' (' + ev.place.name + ', ' + ev.place.level + ', ' + t('f.precision') + ' ' + ev.place.precision + ')'] : null),
    row('f.time', time ? [h('span', { class: 'resolved' }, spanText(time.from, time.to)), ' (' + time.grain + ', ' + t('f.precision') + ' ' + (time.precision ?? '–') + ', ' + t('f.basis') + ': ' + time.basis + ')'] : null),
    row('f.counts', countsText(ev.counts)),
    row('f.factuality', [h('span', { class: 'fact fact-' + ev.factuality }, factLabel(ev.factuality)),
      ev.factuality_cue && textChars ? [' — ', arText(textChars.slice(ev.factuality_cue.start, ev.factuality_cue.end).join(''))] : null]),
    row('f.chain', at.chain, { cls: 'chain' }),
    row('f.sources', (at.sources || []).map((src, i) => [i ? ' → ' : '', arText(src.text), ' (' + src.kind + ')'])),
    row('f.cue', at.cue, { ar: true }),
    row('f.stance', at.stance),
    row('f.evidence', textChars ? (ev.evidence || []).map((sp, i) => [i ? ' · ' : '', arText(textChars.slice(sp.start, sp.end).join(''))]) : null),
    row('f.trigger', ev.trigger),
  ], 'card-event q' + ev.quad);
}

function recordCard(rec, chars) {
  const v = rec.v;
  switch (rec.type) {
    case 'entity':
      if (v.place) return card('rec.place', placeName(v.place), [row('f.text', v.text, { ar: true }), ...placeRows(v.place)], 'card-place');
      if (v.actor) return card('rec.actor', actorName(v.actor), [row('f.text', v.text, { ar: true }), row('f.kind', v.type), ...actorRows(v.actor)], 'card-actor');
      return card('rec.entity', v.text, [row('f.text', v.text, { ar: true }), row('f.kind', v.type), row('f.id', v.id)], 'card-actor');
    case 'time':
      return card('rec.time', v.text, [
        row('f.text', v.text, { ar: true }),
        row('f.resolved', v.from ? h('span', { class: 'resolved' }, spanText(v.from, v.to)) : v.duration ? h('span', { class: 'resolved' }, v.duration) : t('unknown')),
        row('f.kind', v.kind),
        row('f.grain', v.grain),
        row('f.duration', v.duration),
        row('f.date', v.from ? v.from + ' → ' + (v.to || '') + ' (' + t('f.end_exclusive') + ')' : null),
        row('f.anchor', v.anchor),
        row('f.precision', precisionText(v.precision)),
        row('f.weekday', v.weekday_matches === undefined || v.weekday_matches === null ? null : t(v.weekday_matches ? 'yes' : 'no')),
        row('f.conflict', v.conflict, { cls: 'bad' }),
        row('f.note', v.note),
      ], 'card-time');
    case 'quantity':
      return card('rec.quantity', v.text, [
        row('f.text', v.text, { ar: true }),
        row('f.value', String(v.value)),
        row('f.unit', v.unit ? [arText(v.unit), v.unit_en ? ' (' + v.unit_en + ')' : ''] : null),
        row('f.kind', v.kind),
        row('f.relation', v.relation),
        row('f.category', v.unit_category),
      ], 'card-quantity');
    case 'event':
      return eventCard(v, chars);
    case 'source':
      return card('rec.source', v.text, [
        row('f.text', v.text, { ar: true }),
        row('f.kind', v.kind),
        row('f.name', v.actor ? v.actor.name : null),
        row('f.name_ar', v.actor ? v.actor.name_ar : null, { ar: true }),
        row('doc.events', rec.events.map((e, i) => [i ? ', ' : '', e.id + ' ' + e.type])),
      ], 'card-source');
    case 'framing':
      return card('rec.framing', v.text, [
        row('f.text', v.text, { ar: true }),
        row('f.category', v.category),
        row('f.leaning', v.leaning),
        row('f.gloss', v.gloss),
      ], 'card-framing');
    case 'check':
      return checkCard(v);
    default:
      return null;
  }
}

function checkCard(c) {
  return card('rec.check', c.kind, [
    row('f.status', h('span', { class: c.status === 'inconsistent' ? 'bad' : 'good' }, t('status.' + c.status) || c.status)),
    row('f.message', c.message),
    row('f.kind', c.kind),
  ], c.status === 'inconsistent' ? 'card-check bad' : 'card-check');
}

/**
 * Renders `doc` into `root`. Returns {showEvent(id)} to focus an event.
 */
export function renderArticle(root, doc) {
  const chars = Array.from(doc.text);
  const spans = collectSpans(doc);
  const segs = segments(chars.length, spans);
  const meta = doc.document || {};

  const textEl = h('div', { class: 'article-text', dir: 'rtl', lang: 'ar' });
  const segEls = [];
  const frag = document.createDocumentFragment();
  for (const seg of segs) {
    const str = chars.slice(seg.start, seg.end).join('');
    if (!seg.spans.length) {
      frag.appendChild(document.createTextNode(str));
      continue;
    }
    const kinds = new Set(seg.spans.map((sp) => sp.kind));
    const cls = ['seg', ...[...kinds].map((k) => 'hl-' + k)];
    if (seg.spans.some((sp) => sp.kind === 'check' && sp.rec.v.status === 'inconsistent')) cls.push('hl-check-bad');
    const el = h('span', { class: cls, 'data-start': seg.start, 'data-end': seg.end, tabindex: '0' }, str);
    el._seg = seg;
    segEls.push(el);
    frag.appendChild(el);
  }
  textEl.appendChild(frag);

  const panelBody = h('div', { class: 'panel-body' }, h('p', { class: 'hint' }, t('panel.hint')));
  const panel = h('aside', { class: 'panel', 'aria-live': 'polite' },
    h('h3', null, t('panel.title')), panelBody);

  function focusRanges(ranges) {
    let first = null;
    for (const el of segEls) {
      const seg = el._seg;
      const on = ranges.some((r) => r.start < seg.end && r.end > seg.start);
      el.classList.toggle('focus', on);
      if (on && !first) first = el;
    }
    if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  function showRecords(recs, ranges) {
    const seen = new Set();
    const cards = [];
    for (const r of recs) {
      if (seen.has(r)) continue;
      seen.add(r);
      cards.push(recordCard(r, chars));
    }
    fill(panelBody, cards);
    if (ranges) focusRanges(ranges);
  }

  textEl.addEventListener('click', (e) => {
    const el = e.target.closest('.seg');
    if (!el) return;
    for (const o of segEls) o.classList.remove('active');
    el.classList.add('active');
    const hidden = KINDS.filter((k) => textEl.classList.contains('hide-' + k));
    const covering = el._seg.spans
      .filter((sp) => !hidden.includes(sp.kind))
      .sort((a, b) => (a.end - a.start) - (b.end - b.start));
    showRecords(covering.map((sp) => sp.rec));
  });
  textEl.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.classList.contains('seg')) {
      e.preventDefault();
      e.target.click();
    }
  });

  const legend = h('div', { class: 'legend' }, h('span', { class: 'legend-title' }, t('legend.title')),
    KINDS.map((k) => {
      const box = h('input', { type: 'checkbox', checked: true, 'data-kind': k });
      box.addEventListener('change', () => textEl.classList.toggle('hide-' + k, !box.checked));
      return h('label', { class: 'legend-item' }, box, h('span', { class: 'swatch hl-' + k }, t('kind.' + k)));
    }));

  // Checks, inconsistent first.
  const checks = [...(doc.checks || [])].sort((a, b) => (a.status === 'inconsistent' ? 0 : 1) - (b.status === 'inconsistent' ? 0 : 1));
  const checksEl = h('section', { class: 'summary checks' }, h('h3', null, t('checks.title')),
    checks.length ? h('ul', null, checks.map((c) => h('li', { class: c.status === 'inconsistent' ? 'bad' : 'good' },
      h('button', { type: 'button', class: 'linkish', onclick: () => showRecords([{ type: 'check', v: c }], c.spans) },
        (c.status === 'inconsistent' ? '✗ ' : '✓ ') + c.message)))) : h('p', null, t('checks.none')));

  // Framing profile.
  const fr = doc.framing || { terms: [], profile: {} };
  const prof = fr.profile || {};
  const bars = (obj) => {
    const entries = Object.entries(obj || {}).sort((a, b) => b[1] - a[1]);
    const max = Math.max(1, ...entries.map((e) => e[1]));
    return h('ul', { class: 'bars' }, entries.map(([k, v]) => {
      const bar = h('span', { class: 'bar' });
      bar.style.width = Math.round((100 * v) / max) + '%';
      return h('li', null, h('span', { class: 'bar-label' }, k), h('span', { class: 'bar-track' }, bar), h('span', { class: 'bar-value' }, String(v)));
    }));
  };
  const framingEl = h('section', { class: 'summary framing' }, h('h3', null, t('framing.title')),
    fr.terms && fr.terms.length ? [
      h('p', null, t('framing.dominant') + ': ', h('strong', null, prof.dominant || t('none'))),
      h('h4', null, t('framing.by_leaning')), bars(prof.by_leaning),
      h('h4', null, t('framing.by_category')), bars(prof.by_category),
    ] : h('p', null, t('framing.none')));

  // Sourcing summary.
  const so = doc.sourcing || {};
  const keys = ['anonymous', 'named', 'official', 'witness', 'self_citation', 'outlet_only'];
  const sourcingEl = h('section', { class: 'summary sourcing' }, h('h3', null, t('sourcing.title')),
    h('p', null, t('sourcing.claims') + ': ', h('strong', null, String(so.claims || 0))),
    h('ul', { class: 'bars' }, keys.map((k) => {
      const v = so[k] || 0;
      const bar = h('span', { class: 'bar' + (k === 'anonymous' && v ? ' warn' : '') });
      bar.style.width = so.claims ? Math.round((100 * v) / so.claims) + '%' : '0';
      return h('li', null, h('span', { class: 'bar-label' }, t('sourcing.' + k)), h('span', { class: 'bar-track' }, bar), h('span', { class: 'bar-value' }, String(v)));
    })));

  const safeUrl = meta.url && /^https?:\/\//i.test(meta.url) ? meta.url : null;
  const header = h('header', { class: 'doc-meta' },
    meta.title ? h('h2', { dir: 'rtl', lang: 'ar', class: 'doc-title' }, meta.title) : null,
    h('p', { class: 'doc-facts' },
      meta.source ? [h('span', null, t('doc.source') + ': ', h('bdi', null, meta.source)), ' · '] : null,
      meta.published ? [h('span', null, t('doc.published') + ': ' + meta.published), ' · '] : null,
      h('span', null, t('doc.id') + ': ', h('bdi', null, meta.id || '')),
      ' · ', (doc.events || []).length + ' ' + t('doc.events'),
      safeUrl ? [' · ', h('a', { href: safeUrl, rel: 'noopener noreferrer', target: '_blank' }, t('doc.url'))] : null));

  fill(root,
    header,
    h('div', { class: 'article-layout' },
      h('div', { class: 'article-main' }, legend, textEl, h('div', { class: 'summaries' }, checksEl, framingEl, sourcingEl)),
      panel));

  return {
    showEvent(id) {
      const ev = (doc.events || []).find((e) => e.id === id);
      if (ev) showRecords([{ type: 'event', v: ev }], ev.evidence || []);
    },
  };
}
