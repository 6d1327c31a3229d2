// Cross-document clusters: one happening as several outlets report it.

import { h, fill, api, query, errorBox, spanText, participantName, placeName, countsText } from './dom.js';
import { t, ploverLabel, acledLabel, factLabel } from './i18n.js';

let minMembers = 1;

export async function renderClusters(root, openEvent) {
  const minIn = h('input', { type: 'number', min: 1, value: minMembers, name: 'min_members' });
  const form = h('form', { class: 'filters' },
    h('label', { class: 'field' }, h('span', null, t('clusters.min')), minIn),
    h('button', { type: 'submit' }, t('filter.apply')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    minMembers = Math.max(1, Number(minIn.value) || 1);
    renderClusters(root, openEvent);
  });
  const out = h('div', { class: 'clusters-out' }, h('p', { class: 'loading' }, t('loading')));
  fill(root, form, out);
  let list;
  try {
    list = await api('/api/clusters' + query({ min_members: minMembers }));
  } catch (e) {
    fill(out, errorBox(e));
    return;
  }
  if (!list.length) {
    fill(out, h('p', { class: 'hint' }, t('clusters.none')));
    return;
  }
  fill(out, list.map((c) => {
    const tm = c.time;
    return h('article', { class: 'cluster card q' + c.quad, 'data-cluster': c.id },
      h('h3', null, h('span', { class: 'quad-dot q' + c.quad }), ' ', ploverLabel(c.type), ' ', h('code', null, c.type + (c.mode ? '/' + c.mode : '')),
        ' · ', tm ? spanText(tm.from, tm.to) : '–', c.place ? [' · ', h('bdi', null, placeName(c.place))] : null),
      h('p', null,
        c.acled ? acledLabel(c.acled.event_type) + ' — ' + c.acled.sub_event_type + ' · ' : '',
        c.actors.map(participantName).join(', ') || '–', ' → ', c.recipients.map(participantName).join(', ') || '–',
        countsText(c.counts) ? ' · ' + countsText(c.counts) : '', ' · ', factLabel(c.factuality)),
      h('p', { class: 'independent' }, t('clusters.independent') + ': ', h('strong', null, String(c.independent_sources)),
        ' / ' + c.members.length + ' ' + t('clusters.members')),
      h('h4', null, t('clusters.members')),
      h('table', { class: 'members' }, h('tbody', null, c.members.map((m) => {
        const tr = h('tr', { class: 'linkish-row' },
          h('td', null, h('bdi', null, m.outlet || '–')),
          h('td', { class: 'nowrap' }, m.published || '–'),
          h('td', { dir: 'rtl', lang: 'ar' }, m.evidence),
          h('td', null, h('bdi', null, m.doc + ' ' + m.event)));
        tr.addEventListener('click', () => openEvent(m.doc, m.event));
        return tr;
      }))),
      h('h4', null, t('clusters.origins')),
      h('ul', null, c.origins.map((o) => h('li', null, h('bdi', null, o.label), ' (' + o.kind + ') — ' + o.documents.join(', ')))),
      h('h4', null, t('clusters.contradictions')),
      c.contradictions.length
        ? h('ul', { class: 'contradictions' }, c.contradictions.map((x) => h('li', null, h('strong', null, x.field), ': ',
          x.values.map((v, i) => [i ? ' ≠ ' : '', h('bdi', null, v.value), ' (' + v.documents.join(', ') + ')']))))
        : h('p', null, t('clusters.agree')));
  }));
}
