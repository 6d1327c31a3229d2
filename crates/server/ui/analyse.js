// Analyse a text: paste or load a .txt file, POST /api/analyze, and show the
// result with the article view.

import { h, fill, api, errorBox } from './dom.js';
import { t } from './i18n.js';
import { renderArticle } from './article.js';

const draft = { text: '', published: '', title: '', source: '' };
let last = null;

export function renderAnalyse(root, health, onStored) {
  const textIn = h('textarea', { id: 'analyse-text', rows: 10, dir: 'rtl', lang: 'ar', name: 'text' });
  textIn.value = draft.text;
  textIn.placeholder = t('analyse.placeholder');
  const pubIn = h('input', { type: 'date', id: 'analyse-published', name: 'published', value: draft.published });
  const titleIn = h('input', { type: 'text', name: 'title', dir: 'auto', value: draft.title });
  const sourceIn = h('input', { type: 'text', name: 'source', dir: 'auto', value: draft.source });
  const fileIn = h('input', { type: 'file', accept: '.txt,text/plain', id: 'analyse-file' });
  const status = h('div', { class: 'analyse-status', 'aria-live': 'polite' });
  const result = h('div', { class: 'analyse-result' });
  const body = () => {
    Object.assign(draft, { text: textIn.value, published: pubIn.value, title: titleIn.value, source: sourceIn.value });
    const b = { text: draft.text };
    if (draft.published) b.published = draft.published;
    if (draft.title.trim()) b.title = draft.title.trim();
    if (draft.source.trim()) b.source = draft.source.trim();
    return b;
  };
  fileIn.addEventListener('change', async () => {
    const f = fileIn.files && fileIn.files[0];
    if (!f) return;
    textIn.value = await f.text();
    const m = /(\d{4}-\d{2}-\d{2})/.exec(f.name);
    if (m && !pubIn.value) pubIn.value = m[1];
  });
  const go = h('button', { type: 'submit', id: 'analyse-go' }, t('analyse.go'));
  const store = health && health.ingest ? h('button', { type: 'button', id: 'analyse-store' }, t('analyse.store')) : null;
  const form = h('form', { class: 'analyse-form' },
    h('label', { class: 'field wide' }, h('span', null, t('analyse.text')), textIn),
    h('div', { class: 'row' },
      h('label', { class: 'field' }, h('span', null, t('analyse.published')), pubIn),
      h('label', { class: 'field' }, h('span', null, t('analyse.title')), titleIn),
      h('label', { class: 'field' }, h('span', null, t('analyse.source')), sourceIn),
      h('label', { class: 'field' }, h('span', null, t('analyse.file')), fileIn)),
    h('p', { class: 'hint' }, t('analyse.hint')),
    h('div', { class: 'row' }, go, store));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    go.disabled = true;
    fill(status, t('loading'));
    try {
      last = await api('/api/analyze', { body: body() });
      fill(status);
      renderArticle(result, last);
    } catch (err) {
      fill(status, errorBox(err));
    } finally {
      go.disabled = false;
    }
  });
  if (store) {
    store.addEventListener('click', async () => {
      store.disabled = true;
      fill(status, t('loading'));
      try {
        const r = await api('/api/documents', { body: body() });
        fill(status, h('p', null, t(r.inserted === 'added' ? 'analyse.stored' : 'analyse.duplicate') + ' ', h('bdi', null, r.id)));
        onStored(r.id);
      } catch (err) {
        fill(status, errorBox(err));
      } finally {
        store.disabled = false;
      }
    });
  }
  fill(root, form, status, result);
  if (last) renderArticle(result, last);
}
