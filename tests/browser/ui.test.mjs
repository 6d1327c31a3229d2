// End-to-end tests of the web UI: the demo server on a free port, Debian's
// Chromium driven by playwright-core.
//
//   ISNAD_BIN=path/to/isnad                 the binary (default: target/release/isnad), run as `isnad demo`
//   CHROMIUM=/usr/bin/chromium              the browser
//   SCREENSHOT_DIR=…                        where screenshots go (default: ./screenshots)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const shots = resolve(process.env.SCREENSHOT_DIR || join(here, 'screenshots'));
mkdirSync(shots, { recursive: true });

let server;
let base;
let context;
let page;
let profile;
const problems = [];

function startServer() {
  // The README's run command: `isnad demo` (here on a free port).
  const bin = process.env.ISNAD_BIN || join(repo, 'target', 'release', 'isnad');
  const child = spawn(bin, ['demo', '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('demo server did not start within 15 minutes')), 15 * 60 * 1000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/[^\s]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, url: m[0].replace(/\/$/, '') });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error('demo server exited with ' + code)); });
  });
}

async function shot(name) {
  await page.screenshot({ path: join(shots, name + '.png'), fullPage: false });
}

async function tab(name) {
  await page.click('#tab-' + name);
  await page.waitForSelector('#view-' + name + ':not([hidden])');
}

before(async () => {
  server = await startServer();
  base = server.url;
  profile = mkdtempSync(join(tmpdir(), 'isnad-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });
});

after(async () => {
  if (context) await context.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (server) server.child.kill('SIGTERM');
});

test('the demo loads: title, Arabic text right to left, fast first paint', async () => {
  await page.goto(base + '/');
  assert.match(await page.title(), /isnad/);
  const text = page.locator('#view-article .article-text');
  await text.waitFor({ state: 'visible' });
  assert.equal(await text.getAttribute('dir'), 'rtl');
  assert.equal(await text.getAttribute('lang'), 'ar');
  assert.match(await text.innerText(), /تحالف الحوثيين والقاعدة/);
  assert.equal(await page.locator('#doc-select').inputValue(), 'khabar-2023-11-23');
  const fcp = await page.evaluate(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? e.startTime : null;
  });
  console.log('first contentful paint: ' + (fcp === null ? 'n/a' : fcp.toFixed(0) + ' ms'));
  if (fcp !== null) assert.ok(fcp < 1000, 'first paint ' + fcp + ' ms');
  assert.ok(await page.locator('.checks li.bad').count() >= 1, 'inconsistent checks listed');
  await shot('article');
});

test('clicking a date shows its resolved value', async () => {
  const doc = await page.evaluate(async () => (await fetch('/api/documents/khabar-2023-11-23')).json());
  const time = doc.times.find((t) => t.text === 'الاثنين الماضي 20 نوفمبر');
  assert.ok(time, 'the seed has the time expression');
  const segs = page.locator('.article-text .seg.hl-time');
  const n = await segs.count();
  let target = null;
  for (let i = 0; i < n; i++) {
    const s = Number(await segs.nth(i).getAttribute('data-start'));
    if (s >= time.start && s < time.end) { target = segs.nth(i); break; }
  }
  assert.ok(target, 'a highlighted segment inside the time span');
  await target.click();
  const resolved = page.locator('.panel .resolved', { hasText: '2023-11-20' });
  await resolved.first().waitFor({ state: 'visible' });
  assert.ok(await resolved.count() >= 1);
  await shot('article-time-panel');
});

test('the events table lists the seed events', async () => {
  await tab('events');
  await page.waitForSelector('.events-table tbody tr');
  const rows = await page.locator('.events-table tbody tr').count();
  assert.ok(rows >= 5, rows + ' rows');
  assert.ok(await page.locator('.events-table tbody tr[data-type="CONSULT"]').count() >= 1, 'a CONSULT row');
  // A filter round trip.
  await page.fill('.filters input[name="actor"]', 'ye.aqap');
  await page.click('.filters button[type="submit"]');
  await page.waitForFunction((all) => document.querySelectorAll('.events-table tbody tr').length < all, rows);
  await shot('events');
  await page.click('.filters button[type="reset"]');
  await page.waitForFunction((all) => document.querySelectorAll('.events-table tbody tr').length === all, rows);
});

test('the event filters offer the values the server lists, with their labels', async () => {
  const vocab = await page.evaluate(async () => (await fetch('/api/vocabulary')).json());
  await tab('events');
  await page.waitForSelector('#event-types option', { state: 'attached' });
  const types = await page.locator('#event-types option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(types, [...vocab.plover_types.map((p) => p.value), ...vocab.acled_event_types.map((a) => a.value)]);
  const retreat = vocab.plover_types.find((p) => p.value === 'RETREAT');
  assert.equal(await page.locator('#event-types option[value="RETREAT"]').textContent(), retreat.label);
  const facts = await page.locator('.filters select[name="factuality"] option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(facts, ['', ...vocab.factuality.map((f) => f.value)]);
});

test('the timeline draws a bar per dated event', async () => {
  await tab('timeline');
  await page.waitForSelector('svg.timeline .tl-bar');
  assert.ok(await page.locator('svg.timeline .tl-bar').count() >= 5);
  await shot('timeline');
});

test('the map shows markers at Sanaa and in Al Bayda', async () => {
  await tab('map');
  const sanaa = page.locator('svg.map circle.marker[data-place-id="geonames:71137"]');
  await sanaa.waitFor();
  assert.ok(Math.abs(Number(await sanaa.getAttribute('data-lon')) - 44.2) < 0.1);
  assert.ok(Math.abs(Number(await sanaa.getAttribute('data-lat')) - 15.35) < 0.1);
  const bayda = await page.locator('svg.map .marker[data-place-id="ocha:YE14"], svg.map path.shaded[data-pcode="YE14"], svg.map path.shaded[data-pcode="YE1405"]').count();
  assert.ok(bayda >= 1, 'Al Bayda marker or shading');
  // The Sanaa marker lies inside the Sana'a City governorate (YE13) as drawn.
  const inside = await page.evaluate(() => {
    const m = document.querySelector('circle.marker[data-place-id="geonames:71137"]');
    const poly = document.querySelector('path.adm1[data-pcode="YE13"]');
    const svg = m.ownerSVGElement;
    const pt = svg.createSVGPoint();
    pt.x = Number(m.getAttribute('cx'));
    pt.y = Number(m.getAttribute('cy'));
    return poly.isPointInFill(pt);
  });
  assert.ok(inside, 'marker inside YE13');
  await shot('map');
});

test('the network links the Houthis and AQAP', async () => {
  await tab('network');
  await page.waitForSelector('svg.network path.edge');
  const edges = await page.locator('svg.network path.edge[data-source="ye.houthis"][data-target="ye.aqap"], svg.network path.edge[data-source="ye.aqap"][data-target="ye.houthis"]').count();
  assert.ok(edges >= 1, 'an edge between ye.houthis and ye.aqap');
  assert.equal(await page.locator('.quad-legend li').count(), 4);
  await shot('network');
});

test('clusters view renders', async () => {
  await tab('clusters');
  await page.waitForSelector('#view-clusters .clusters-out :is(.hint, .cluster)');
  await shot('clusters');
});

test('an analysed article with markup renders as text', async () => {
  await tab('analyse');
  const evil = 'قال مصدر إن <script>window.__xss=1</script> اشتباكات اندلعت في عدن يوم الاثنين <img src=x onerror="window.__xss=2"> وقتل 3 أشخاص.';
  await page.fill('#analyse-text', evil);
  await page.fill('#analyse-published', '2023-11-23');
  await page.click('#analyse-go');
  const text = page.locator('#view-analyse .article-text');
  await text.waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  const shown = await text.innerText();
  assert.ok(shown.includes('<script>window.__xss=1</script>'), 'the literal <script> text is visible');
  assert.ok(shown.includes('<img src=x onerror="window.__xss=2">'));
  assert.equal(await page.locator('#view-analyse .article-text script, #view-analyse .article-text img').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await shot('analyse-xss');
});

test('the language switch turns the interface Arabic and right to left', async () => {
  await tab('article');
  await page.click('#lang-toggle');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal((await page.textContent('#tab-events')).trim(), 'الأحداث');
  const text = page.locator('#view-article .article-text');
  await text.waitFor({ state: 'visible' });
  assert.equal(await text.getAttribute('dir'), 'rtl');
  await shot('article-ar');
  await tab('network');
  await page.waitForSelector('svg.network path.edge');
  assert.match(await page.locator('.quad-legend').innerText(), /تعاون لفظي[\s\S]*نزاع مادي/);
  await shot('network-ar');
  await page.click('#lang-toggle');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
});

test('no console errors, page errors or CSP violations', () => {
  assert.deepEqual(problems, []);
});
