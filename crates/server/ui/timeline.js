// The timeline: one row per dated event, a bar from its start to its end.

import { h, s, fill, errorBox, spanText, dayNumber, isoDay, participantName, placeName } from './dom.js';
import { t, ploverLabel, factLabel } from './i18n.js';
import { filterBar, loadEvents } from './events.js';

const W = 1000;
const LABEL = 300;
const ROW = 20;
const TOP = 34;

function ticks(d0, d1) {
  const out = [];
  const span = d1 - d0;
  const start = new Date(d0 * 86400000);
  if (span > 120) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const step = span > 900 ? 6 : span > 400 ? 3 : 1;
    while (d.getTime() / 86400000 <= d1) {
      out.push([d.getTime() / 86400000, d.toISOString().slice(0, 7)]);
      d.setUTCMonth(d.getUTCMonth() + step);
    }
  } else {
    const step = span > 40 ? 7 : span > 14 ? 2 : 1;
    for (let n = Math.ceil(d0); n <= d1; n += step) out.push([n, isoDay(n).slice(5)]);
  }
  return out;
}

export async function renderTimeline(root, openEvent) {
  const out = h('div', { class: 'timeline-out' }, h('p', { class: 'loading' }, t('loading')));
  fill(root, filterBar(() => renderTimeline(root, openEvent)), h('p', { class: 'hint' }, t('timeline.hint')), out);
  let rows;
  try {
    rows = await loadEvents();
  } catch (e) {
    fill(out, errorBox(e));
    return;
  }
  const dated = rows.filter((r) => r.event.time && r.event.time.from)
    .map((r) => {
      const tm = r.event.time;
      const a = dayNumber(tm.from);
      const b = tm.to ? Math.max(dayNumber(tm.to), a + 0.25) : null;
      return { r, a, b };
    })
    .sort((x, y) => x.a - y.a || (x.b ?? x.a) - (y.b ?? y.a));
  if (!dated.length) {
    fill(out, h('p', null, t('timeline.none')));
    return;
  }
  let d0 = Math.min(...dated.map((d) => d.a));
  let d1 = Math.max(...dated.map((d) => d.b ?? d.a + 1));
  const pad = Math.max(1, (d1 - d0) * 0.03);
  d0 -= pad;
  d1 += pad;
  const x = (d) => LABEL + ((d - d0) / (d1 - d0)) * (W - LABEL - 10);
  const H = TOP + dated.length * ROW + 10;

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': t('tab.timeline'), width: '100%' });
  svg.appendChild(s('defs', null,
    s('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, fill: 'white', opacity: '0.0' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: 'white', 'stroke-width': 3 }))));
  const axis = s('g', { class: 'axis' });
  for (const [n, label] of ticks(d0, d1)) {
    const xx = x(n);
    axis.appendChild(s('line', { x1: xx, x2: xx, y1: TOP - 6, y2: H - 6, class: 'tick' }));
    if (xx < W - 50) axis.appendChild(s('text', { x: xx + 3, y: TOP - 12, class: 'tick-label' }, label));
  }
  svg.appendChild(axis);

  const detail = h('div', { class: 'timeline-detail', 'aria-live': 'polite' });
  dated.forEach((d, i) => {
    const ev = d.r.event;
    const tm = ev.time;
    const y = TOP + i * ROW;
    const x1 = x(d.a);
    const x2 = d.b === null ? x1 + 5 : Math.max(x(d.b), x1 + 3);
    const prec = tm.precision || 3;
    const actors = ev.actors.map(participantName).join(', ');
    const recips = ev.recipients.map(participantName).join(', ');
    const label = ploverLabel(ev.type) + (actors ? ' · ' + actors : '') + (recips ? ' → ' + recips : '');
    const info = [
      ev.id + ' ' + ev.type + (ev.mode ? '/' + ev.mode : ''),
      spanText(tm.from, tm.to) + ' · ' + t('f.precision') + ' ' + (tm.precision ?? '–') + ' · ' + t('f.basis') + ' ' + tm.basis,
      (actors || '–') + ' → ' + (recips || '–'),
      ev.place ? placeName(ev.place) : '',
      factLabel(ev.factuality) + ' · ' + (ev.attribution ? ev.attribution.chain : ''),
      d.r.doc,
    ].filter(Boolean);
    const g = s('g', { class: 'tl-row q' + ev.quad, 'data-doc': d.r.doc, 'data-event': ev.id, tabindex: '0' });
    g.appendChild(s('title', null, info.join('\n')));
    g.appendChild(s('rect', { x: 0, y: y, width: W, height: ROW, class: 'tl-hover' }));
    const text = s('text', { x: LABEL - 8, y: y + 14, class: 'tl-label', 'text-anchor': 'end' }, label.length > 48 ? label.slice(0, 47) + '…' : label);
    g.appendChild(text);
    const bar = s('rect', {
      x: x1, y: y + 3, width: x2 - x1, height: ROW - 6, rx: 2,
      class: ['tl-bar', 'prec-' + prec, tm.basis === 'publication' ? 'by-publication' : null],
    });
    g.appendChild(bar);
    if (prec >= 3) g.appendChild(s('rect', { x: x1, y: y + 3, width: x2 - x1, height: ROW - 6, fill: 'url(#hatch)', class: 'tl-hatch' }));
    const show = () => fill(detail, info.map((line) => h('div', null, line)));
    g.addEventListener('mouseenter', show);
    g.addEventListener('focus', show);
    g.addEventListener('click', () => openEvent(d.r.doc, ev.id));
    svg.appendChild(g);
  });
  fill(out, h('div', { class: 'svg-wrap', dir: 'ltr' }, svg), detail);
}
