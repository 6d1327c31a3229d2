// DOM and data helpers. Content from the API only ever reaches the page as
// text nodes or attribute values: no HTML parsing of data anywhere.

import { currentLang, t } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** An HTML element: h('div', {class: 'x'}, 'text', child…). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** GET or POST JSON; throws an Error with the API's message on failure. */
export async function api(path, opts = {}) {
  const init = { headers: { Accept: 'application/json' } };
  if (opts.body !== undefined) {
    init.method = opts.method || 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  const res = await fetch(path, init);
  let data = null;
  try { data = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) {
    const msg = data && data.error ? data.error.message : res.status + ' ' + res.statusText;
    const err = new Error(msg);
    err.status = res.status;
    err.data = data;
    throw err;
  }
  return data;
}

/** Query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const str = q.toString();
  return str ? '?' + str : '';
}

/** An error line. */
export function errorBox(e) {
  return h('p', { class: 'error', role: 'alert' }, t('error') + ': ' + (e && e.message ? e.message : String(e)));
}

/** The day before an ISO date (exclusive end → inclusive last day). */
export function dayBefore(iso) {
  if (!iso || iso.length < 10) return iso;
  const d = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A resolved span as read by people: one day, or first – last day. */
export function spanText(from, to) {
  if (!from) return t('unknown');
  if (!to) return from;
  if (from.length > 10 || to.length > 10) return from + ' – ' + to;
  const last = dayBefore(to);
  return last <= from ? from : from + ' – ' + last;
}

/** Days since 1970 of an ISO date (UTC). */
export function dayNumber(iso) {
  return Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86400000;
}

/** An ISO date from a day number. */
export function isoDay(n) {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

/** The actor's name in the interface language. */
export function actorName(a) {
  if (!a) return '';
  return currentLang() === 'ar' && a.name_ar ? a.name_ar : a.name;
}

/** A participant's display name. */
export function participantName(p) {
  return p.actor ? actorName(p.actor) : p.name;
}

/** A place's name in the interface language. */
export function placeName(p) {
  if (!p) return '';
  return currentLang() === 'ar' && p.name_ar ? p.name_ar : p.name;
}

/** The OCHA P-code of a place that is a Yemeni admin unit. */
export function placePcode(p) {
  if (!p) return null;
  if (p.pcode) return p.pcode;
  const m = /^ocha:(YE\d+)$/.exec(p.id || '');
  return m ? m[1] : null;
}

/** Counts as "killed 3, injured 2". */
export function countsText(counts) {
  return Object.entries(counts || {}).map(([k, v]) => k + ' ' + v).join(', ');
}

/** Colours of the PLOVER quad classes. */
export const QUAD_CLASS = { 1: 'q1', 2: 'q2', 3: 'q3', 4: 'q4' };
