// The application shell: tabs, language switch, the document picker, and
// navigation between views.

import { h, fill, api, query, errorBox } from './dom.js';
import { t, applyLang, setLang, currentLang, onLangChange } from './i18n.js';
import { renderArticle } from './article.js';
import { renderEvents, invalidateEvents } from './events.js';
import { renderTimeline } from './timeline.js';
import { renderMap } from './map.js';
import { renderNetwork } from './network.js';
import { renderClusters } from './clusters.js';
import { renderAnalyse } from './analyse.js';
import { loadVocabulary } from './vocabulary.js';

const SEED = 'khabar-2023-11-23';
const VIEWS = ['article', 'events', 'timeline', 'map', 'network', 'clusters', 'analyse'];

const state = { view: 'article', docs: [], docId: null, doc: null, health: null, article: null, pendingEvent: null };

const $ = (id) => document.getElementById(id);

function viewRoot(v) { return $('view-' + v); }

async function loadDoc(id) {
  const root = $('article-root');
  if (state.doc && state.docId === id) return;
  state.docId = id;
  fill(root, h('p', { class: 'loading' }, t('loading')));
  try {
    state.doc = await api('/api/documents/' + encodeURIComponent(id));
    if (state.docId !== id) return;
    state.article = renderArticle(root, state.doc);
  } catch (e) {
    state.doc = null;
    fill(root, errorBox(e));
  }
  const sel = $('doc-select');
  if (sel) sel.value = id;
}

function renderPicker() {
  const box = $('doc-picker');
  if (!state.docs.length) {
    fill(box, h('p', { class: 'hint' }, t('doc.empty')));
    return;
  }
  const sel = h('select', { id: 'doc-select' }, state.docs.map((d) =>
    h('option', { value: d.id, selected: d.id === state.docId },
      (d.published ? d.published + ' · ' : '') + (d.title || d.id) + (d.source ? ' — ' + d.source : ''))));
  sel.addEventListener('change', () => { state.doc = null; loadDoc(sel.value).then(() => setHash()); });
  const q = h('input', { type: 'search', id: 'doc-search', dir: 'auto', name: 'q' });
  q.placeholder = t('doc.search');
  const results = h('ul', { class: 'search-results' });
  const form = h('form', { class: 'doc-search' }, q, h('button', { type: 'submit' }, t('doc.search.go')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!q.value.trim()) { fill(results); return; }
    try {
      const hits = await api('/api/search' + query({ q: q.value.trim(), limit: 20 }));
      fill(results, hits.length ? hits.map((hit) => {
        const li = h('li', { class: 'linkish-row' }, h('strong', null, h('bdi', null, hit.doc.title || hit.doc.id)), ' — ',
          h('span', { dir: 'rtl', lang: 'ar' }, hit.snippet));
        li.addEventListener('click', () => { fill(results); state.doc = null; loadDoc(hit.doc.id).then(() => setHash()); });
        return li;
      }) : h('li', null, t('doc.search.none')));
    } catch (err) {
      fill(results, h('li', null, errorBox(err)));
    }
  });
  fill(box, h('label', { class: 'field' }, h('span', null, t('doc.pick')), sel), form, results);
}

async function loadDocs() {
  try {
    const docs = await api('/api/documents?limit=1000');
    docs.sort((a, b) => (a.id === SEED ? -1 : b.id === SEED ? 1 : 0));
    state.docs = docs;
  } catch (e) {
    fill($('doc-picker'), errorBox(e));
    return;
  }
  renderPicker();
}

function setHash() {
  const want = '#' + state.view + (state.view === 'article' && state.docId ? '/' + encodeURIComponent(state.docId) : '');
  if (location.hash !== want) history.replaceState(null, '', want);
}

async function openEvent(doc, id) {
  show('article');
  state.pendingEvent = id;
  if (state.docId !== doc || !state.doc) {
    state.doc = null;
    await loadDoc(doc);
  }
  if (state.article && state.pendingEvent === id) state.article.showEvent(id);
  setHash();
}

function show(view) {
  if (!VIEWS.includes(view)) view = 'article';
  state.view = view;
  for (const v of VIEWS) {
    viewRoot(v).hidden = v !== view;
    const tab = $('tab-' + v);
    tab.setAttribute('aria-selected', v === view ? 'true' : 'false');
    tab.classList.toggle('active', v === view);
  }
  render(view);
  setHash();
}

function render(view) {
  const root = viewRoot(view);
  switch (view) {
    case 'article':
      if (state.doc) state.article = renderArticle($('article-root'), state.doc);
      break;
    case 'events': renderEvents(root, openEvent); break;
    case 'timeline': renderTimeline(root, openEvent); break;
    case 'map': renderMap(root, openEvent); break;
    case 'network': renderNetwork(root, openEvent); break;
    case 'clusters': renderClusters(root, openEvent); break;
    case 'analyse':
      renderAnalyse(root, state.health, () => { invalidateEvents(); loadDocs(); refreshHealth(); });
      break;
    default: break;
  }
}

function refreshHealth() {
  return api('/api/health').then((hl) => { state.health = hl; renderStatus(); }).catch(() => {});
}

function renderStatus() {
  const hl = state.health;
  if (hl) fill($('status'), hl.documents + ' ' + t('status.documents') + ' · v' + hl.version);
}

function start() {
  applyLang();
  for (const v of VIEWS) $('tab-' + v).addEventListener('click', () => show(v));
  $('lang-toggle').addEventListener('click', () => setLang(currentLang() === 'ar' ? 'en' : 'ar'));
  onLangChange(() => { renderPicker(); renderStatus(); render(state.view); });

  const [view, docPart] = location.hash.replace(/^#/, '').split('/');
  const wanted = docPart ? decodeURIComponent(docPart) : null;
  refreshHealth().then(() => { if (state.view === 'analyse') render('analyse'); });
  // The views list and label vocabulary values: render once they are known.
  loadVocabulary().catch((e) => document.querySelector('main').prepend(errorBox(e))).then(() => {
    loadDocs().then(() => {
      const id = wanted && state.docs.some((d) => d.id === wanted) ? wanted : state.docs.length ? state.docs[0].id : null;
      if (id) loadDoc(id).then(() => { if (state.view === 'article') setHash(); });
      else fill($('article-root'));
    });
    show(VIEWS.includes(view) ? view : 'article');
  });
}

start();
