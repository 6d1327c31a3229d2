// The map: the offline basemap (countries, Yemen governorates and
// districts) in an equirectangular projection fitted to the events, with
// markers at event places and shading for governorates and districts.

import { h, s, fill, api, errorBox, spanText, placeName, placePcode } from './dom.js';
import { t, ploverLabel, currentLang } from './i18n.js';
import { filterBar, loadEvents } from './events.js';

const W = 1000;
const H = 640;
const YEMEN = [41.8, 12.0, 54.8, 19.2];

let basemap = null;

async function loadBasemap() {
  if (!basemap) basemap = await api('/api/basemap');
  return basemap;
}

/** Projection fitted to [minLon, minLat, maxLon, maxLat]. */
function projection(bbox) {
  let [x0, y0, x1, y1] = bbox;
  const minSpan = 3;
  if (x1 - x0 < minSpan) { const c = (x0 + x1) / 2; x0 = c - minSpan / 2; x1 = c + minSpan / 2; }
  if (y1 - y0 < minSpan) { const c = (y0 + y1) / 2; y0 = c - minSpan / 2; y1 = c + minSpan / 2; }
  const padX = (x1 - x0) * 0.15;
  const padY = (y1 - y0) * 0.15;
  x0 -= padX; x1 += padX; y0 -= padY; y1 += padY;
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const scale = Math.min(W / ((x1 - x0) * k), H / (y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return ([lon, lat]) => [W / 2 + (lon - cx) * k * scale, H / 2 - (lat - cy) * scale];
}

function pathData(geom, proj) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  let d = '';
  for (const poly of polys) {
    for (const ring of poly) {
      ring.forEach((pt, i) => {
        const [x, y] = proj(pt);
        d += (i ? 'L' : 'M') + x.toFixed(1) + ',' + y.toFixed(1);
      });
      d += 'Z';
    }
  }
  return d;
}

export async function renderMap(root, openEvent) {
  const out = h('div', { class: 'map-out' }, h('p', { class: 'loading' }, t('loading')));
  fill(root, filterBar(() => renderMap(root, openEvent)), h('p', { class: 'hint' }, t('map.hint')), out);
  let rows;
  let geo;
  try {
    [rows, geo] = await Promise.all([loadEvents(), loadBasemap()]);
  } catch (e) {
    fill(out, errorBox(e));
    return;
  }

  // Places of the events.
  const places = new Map();
  let without = 0;
  for (const r of rows) {
    const p = r.event.place;
    if (!p || typeof p.lat !== 'number' || typeof p.lon !== 'number') { without++; continue; }
    let e = places.get(p.id);
    if (!e) { e = { place: p, rows: [] }; places.set(p.id, e); }
    e.rows.push(r);
  }
  const pts = [...places.values()].filter((e) => e.place.level !== 'country').map((e) => [e.place.lon, e.place.lat]);
  const bbox = pts.length
    ? [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))]
    : YEMEN;
  const proj = projection(bbox);

  // Shaded admin units: P-code → number of events.
  const shaded = new Map();
  for (const e of places.values()) {
    const p = e.place;
    const pc = placePcode(p);
    if (pc && (p.level === 'admin1' || p.level === 'admin2' || p.precision >= 2)) shaded.set(pc, (shaded.get(pc) || 0) + e.rows.length);
  }

  const ar = currentLang() === 'ar';
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': t('tab.map'), width: '100%' });
  const countries = s('g', { class: 'countries' });
  const adm2 = s('g', { class: 'adm2-layer' });
  const adm1 = s('g', { class: 'adm1-layer' });
  for (const f of geo.features) {
    const p = f.properties;
    const d = pathData(f.geometry, proj);
    if (p.level === 'country') {
      countries.appendChild(s('path', { d, class: 'country', 'data-iso': p.iso_a2 || '' },
        s('title', null, (ar && p.name_ar ? p.name_ar : p.name) + (p.name_ar && !ar ? ' / ' + p.name_ar : ''))));
    } else {
      const n = shaded.get(p.pcode);
      const el = s('path', { d, class: [p.level === 'admin1' ? 'adm1' : 'adm2', n ? 'shaded' : null], 'data-pcode': p.pcode },
        s('title', null, (ar ? p.name_ar : p.name_en) + ' (' + p.pcode + ')' + (n ? ' — ' + n + ' ' + t('doc.events') : '')));
      (p.level === 'admin1' ? adm1 : adm2).appendChild(el);
    }
  }
  svg.append(countries, adm2, adm1);

  const list = h('div', { class: 'map-list' });
  const markers = s('g', { class: 'markers' });
  const entries = [...places.values()].sort((a, b) => b.rows.length - a.rows.length);
  for (const e of entries) {
    const p = e.place;
    const [x, y] = proj([p.lon, p.lat]);
    const r = 4 + Math.sqrt(e.rows.length) * 2.5;
    const c = s('circle', {
      cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), 'data-r': r.toFixed(1),
      class: ['marker', 'level-' + p.level], 'data-place-id': p.id, 'data-lon': p.lon, 'data-lat': p.lat,
      'data-count': e.rows.length, tabindex: '0',
    }, s('title', null, p.name + ' / ' + p.name_ar + ' — ' + e.rows.length + ' ' + t('doc.events')));
    const show = () => fill(list, h('h4', null, t('map.at') + ' ', h('bdi', null, placeName(p)), ' (' + p.id + ')'),
      h('ul', null, e.rows.map((row) => {
        const ev = row.event;
        const li = h('li', { class: 'linkish-row' }, h('span', { class: 'quad-dot q' + ev.quad }), ' ',
          ev.time ? spanText(ev.time.from, ev.time.to) + ' · ' : '', ploverLabel(ev.type), ' · ', h('bdi', null, row.doc + ' ' + ev.id));
        li.addEventListener('click', () => openEvent(row.doc, ev.id));
        return li;
      })));
    c.addEventListener('click', show);
    c.addEventListener('keydown', (k) => { if (k.key === 'Enter') show(); });
    markers.appendChild(c);
  }
  svg.appendChild(markers);

  // Zoom and pan by the view box.
  const vb = { x: 0, y: 0, w: W, h: H };
  const apply = () => {
    svg.setAttribute('viewBox', `${vb.x.toFixed(1)} ${vb.y.toFixed(1)} ${vb.w.toFixed(1)} ${vb.h.toFixed(1)}`);
    const k = vb.w / W;
    for (const m of markers.children) m.setAttribute('r', (Number(m.dataset.r) * Math.max(k, 0.15)).toFixed(2));
  };
  const zoom = (f, cx = vb.x + vb.w / 2, cy = vb.y + vb.h / 2) => {
    const nw = Math.min(W * 4, Math.max(W / 40, vb.w * f));
    const ratio = nw / vb.w;
    vb.x = cx - (cx - vb.x) * ratio;
    vb.y = cy - (cy - vb.y) * ratio;
    vb.w = nw;
    vb.h = vb.h * ratio;
    apply();
  };
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const rect = svg.getBoundingClientRect();
    const cx = vb.x + ((e.clientX - rect.left) / rect.width) * vb.w;
    const cy = vb.y + ((e.clientY - rect.top) / rect.height) * vb.h;
    zoom(e.deltaY > 0 ? 1.25 : 0.8, cx, cy);
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (e) => {
    if (e.target.classList.contains('marker')) return;
    drag = { x: e.clientX, y: e.clientY, vx: vb.x, vy: vb.y };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const rect = svg.getBoundingClientRect();
    vb.x = drag.vx - ((e.clientX - drag.x) / rect.width) * vb.w;
    vb.y = drag.vy - ((e.clientY - drag.y) / rect.height) * vb.h;
    apply();
  });
  svg.addEventListener('pointerup', () => { drag = null; });

  const tools = h('div', { class: 'map-tools' },
    h('button', { type: 'button', title: t('map.zoomin'), onclick: () => zoom(0.7) }, '+'),
    h('button', { type: 'button', title: t('map.zoomout'), onclick: () => zoom(1.4) }, '−'),
    h('button', { type: 'button', onclick: () => { Object.assign(vb, { x: 0, y: 0, w: W, h: H }); apply(); } }, t('map.reset')));
  fill(out,
    h('div', { class: 'map-wrap', dir: 'ltr' }, tools, svg),
    h('p', { class: 'attribution' }, t('map.attribution')),
    without ? h('p', { class: 'hint' }, without + ' ' + t('map.nocoords')) : null,
    list);
}
