// The actor network: a force-directed layout (Fruchterman–Reingold) drawn
// in SVG. Edges go from actor to recipient, one per event type, coloured by
// PLOVER quad class.

import { h, s, fill, api, query, errorBox, spanText } from './dom.js';
import { t, ploverLabel, quadLabel } from './i18n.js';
import { values } from './vocabulary.js';

const W = 900;
const H = 600;
const range = { from: '', to: '' };

/** Positions for `nodes` (deterministic: same input, same picture). */
function layout(nodes, edges) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    return { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a), dx: 0, dy: 0 };
  });
  if (n < 2) return pos.map(() => ({ x: W / 2, y: H / 2 }));
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const links = [];
  const seen = new Set();
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? a + ':' + b : b + ':' + a;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push([a, b]);
  }
  const k = Math.sqrt((W * H) / n) * 0.6;
  let temp = W / 8;
  for (let step = 0; step < 300; step++) {
    for (const p of pos) { p.dx = 0; p.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x;
        let dy = pos[i].y - pos[j].y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
        const f = (k * k) / d;
        pos[i].dx += (dx / d) * f; pos[i].dy += (dy / d) * f;
        pos[j].dx -= (dx / d) * f; pos[j].dy -= (dy / d) * f;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      pos[a].dx -= (dx / d) * f; pos[a].dy -= (dy / d) * f;
      pos[b].dx += (dx / d) * f; pos[b].dy += (dy / d) * f;
    }
    for (const p of pos) {
      p.dx += (W / 2 - p.x) * 0.05 * (k / 50);
      p.dy += (H / 2 - p.y) * 0.05 * (k / 50);
      const d = Math.max(0.01, Math.hypot(p.dx, p.dy));
      const m = Math.min(d, temp);
      p.x = Math.min(W - 60, Math.max(60, p.x + (p.dx / d) * m));
      p.y = Math.min(H - 40, Math.max(40, p.y + (p.dy / d) * m));
    }
    temp = Math.max(1, temp * 0.97);
  }
  return pos;
}

function radius(node) { return 8 + Math.sqrt(node.events) * 2.2; }

export async function renderNetwork(root, openEvent) {
  const fromIn = h('input', { type: 'date', value: range.from, name: 'from' });
  const toIn = h('input', { type: 'date', value: range.to, name: 'to' });
  const form = h('form', { class: 'filters' },
    h('label', { class: 'field' }, h('span', null, t('filter.from')), fromIn),
    h('label', { class: 'field' }, h('span', null, t('filter.to')), toIn),
    h('button', { type: 'submit' }, t('filter.apply')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    range.from = fromIn.value;
    range.to = toIn.value;
    renderNetwork(root, openEvent);
  });
  const out = h('div', { class: 'network-out' }, h('p', { class: 'loading' }, t('loading')));
  fill(root, form, h('p', { class: 'hint' }, t('network.hint')), out);
  let net;
  try {
    net = await api('/api/network' + query(range));
  } catch (e) {
    fill(out, errorBox(e));
    return;
  }
  if (!net.nodes.length) {
    fill(out, h('p', null, t('network.none')));
    return;
  }
  const pos = layout(net.nodes, net.edges);
  const at = new Map(net.nodes.map((nd, i) => [nd.id, { node: nd, p: pos[i] }]));

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'img', 'aria-label': t('tab.network'), width: '100%' });
  svg.appendChild(s('defs', null, [1, 2, 3, 4].map((q) => s('marker', {
    id: 'arrow-q' + q, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto',
  }, s('path', { d: 'M0,0L10,5L0,10Z', class: 'arrow q' + q })))));
  const edgeLayer = s('g', { class: 'edges' });
  const nodeLayer = s('g', { class: 'nodes' });
  svg.append(edgeLayer, nodeLayer);
  const detail = h('div', { class: 'network-detail', 'aria-live': 'polite' });

  // Parallel edges between one pair bend apart.
  const groups = new Map();
  for (const e of net.edges) {
    const key = [e.source, e.target].sort().join('\u0000');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }

  function edgePath(e) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    const group = groups.get([e.source, e.target].sort().join('\u0000'));
    const i = group.indexOf(e);
    const off = (i - (group.length - 1) / 2) * 26;
    // Normal of the pair's canonical direction, so a→b and b→a bend consistently.
    const [c0, c1] = e.source < e.target ? [a.p, b.p] : [b.p, a.p];
    const dx = c1.x - c0.x;
    const dy = c1.y - c0.y;
    const len = Math.max(1, Math.hypot(dx, dy));
    const nx = -dy / len;
    const ny = dx / len;
    const cx = (a.p.x + b.p.x) / 2 + nx * off;
    const cy = (a.p.y + b.p.y) / 2 + ny * off;
    const trim = (p, r) => {
      const vx = p.x - cx;
      const vy = p.y - cy;
      const d = Math.max(1, Math.hypot(vx, vy));
      return [p.x - (vx / d) * r, p.y - (vy / d) * r];
    };
    const [sx, sy] = trim(a.p, radius(a.node) + 1);
    const [tx, ty] = trim(b.p, radius(b.node) + 3);
    return `M${sx.toFixed(1)},${sy.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`;
  }

  const edgeEls = net.edges.map((e) => {
    const a = at.get(e.source).node;
    const b = at.get(e.target).node;
    const when = e.first ? ' (' + spanText(e.first, null) + (e.last && e.last !== e.first ? ' – ' + e.last : '') + ')' : '';
    const path = s('path', {
      class: 'edge q' + e.quad, 'data-source': e.source, 'data-target': e.target, 'data-type': e.type, 'data-quad': e.quad,
      'stroke-width': (1.5 + Math.log2(e.weight) * 1.5).toFixed(2), 'marker-end': `url(#arrow-q${e.quad})`, tabindex: '0',
    }, s('title', null, `${a.label} → ${b.label}: ${e.type} ×${e.weight}${when}`));
    const show = () => fill(detail,
      h('h4', null, a.label + ' → ' + b.label + ' · ' + ploverLabel(e.type) + ' ×' + e.weight + when),
      h('ul', null, e.events.map((x) => {
        const li = h('li', { class: 'linkish-row' }, (x.date || '') + ' ', h('bdi', null, x.doc + ' ' + x.event));
        li.addEventListener('click', () => openEvent(x.doc, x.event));
        return li;
      })));
    path.addEventListener('click', show);
    path.addEventListener('keydown', (k) => { if (k.key === 'Enter') show(); });
    edgeLayer.appendChild(path);
    return { e, path };
  });

  const redraw = () => { for (const { e, path } of edgeEls) path.setAttribute('d', edgePath(e)); };

  for (const { node, p } of at.values()) {
    const r = radius(node);
    const g = s('g', { class: 'node kind-' + node.kind, 'data-id': node.id, tabindex: '0' },
      s('title', null, node.label + '\n' + node.name_ar + '\n' + node.id + ' · ' + node.kind + ' · ' + node.events + ' ' + t('doc.events')),
      s('circle', { r: r.toFixed(1) }),
      s('text', { class: 'node-label', y: (r + 14).toFixed(1), 'text-anchor': 'middle' }, node.label.length > 34 ? node.label.slice(0, 33) + '…' : node.label));
    const place = () => g.setAttribute('transform', `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`);
    place();
    g.addEventListener('mouseenter', () => fill(detail,
      h('h4', null, node.label), h('p', { dir: 'rtl', lang: 'ar', class: 'ar-name' }, node.name_ar),
      h('p', null, node.id + ' · ' + node.kind + (node.inter ? ' · ACLED inter ' + node.inter : '') + ' · ' + node.events + ' ' + t('doc.events'))));
    // Drag to rearrange.
    g.addEventListener('pointerdown', (e) => {
      g.setPointerCapture(e.pointerId);
      const rect = svg.getBoundingClientRect();
      const move = (m) => {
        p.x = ((m.clientX - rect.left) / rect.width) * W;
        p.y = ((m.clientY - rect.top) / rect.height) * H;
        place();
        redraw();
      };
      const up = () => { g.removeEventListener('pointermove', move); g.removeEventListener('pointerup', up); };
      g.addEventListener('pointermove', move);
      g.addEventListener('pointerup', up);
    });
    nodeLayer.appendChild(g);
  }
  redraw();

  const legend = h('ul', { class: 'quad-legend' }, values('quad_classes').map((q) =>
    h('li', null, h('span', { class: 'quad-dot q' + q }), ' ' + q + ' · ' + quadLabel(q))));
  fill(out, legend, h('div', { class: 'svg-wrap', dir: 'ltr' }, svg), detail);
}
