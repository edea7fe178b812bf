#!/usr/bin/env node
// Measures the page in Debian's Chromium on localhost: what it downloads (raw and gzipped), the
// time to interactive, and the time from choosing a folder of articles to a complete timeline,
// with the main thread's long tasks meanwhile, then the cost of searching, filtering and zooming.
//   node tools/bench/corpus.mjs 1000 /tmp/corpus && node tools/bench/page-bench.mjs /tmp/corpus [locale]
// With SHOTS=DIR it also saves screenshots of the loaded corpus there.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';
import { dataTransfer, dropAndTime } from './drop.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
// WEB=DIR measures another build of the site (an older one, to compare).
const web = process.env.WEB ?? join(root, 'build/web');
const corpus = process.argv[2];
const locale = process.argv[3] ?? 'en-US';
if (!corpus) {
  console.error('usage: node tools/bench/page-bench.mjs CORPUS_DIR [locale]');
  process.exit(2);
}

const server = await startServer({ root: web, port: 0, base: '/bench/' });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ locale, viewport: { width: 1440, height: 900 } });
if (process.env.VERBOSE) page.on('console', (m) => console.log('console:', m.text()));
const loaded = new Set();
page.on('request', (request) => loaded.add(new URL(request.url()).pathname.replace('/bench/', '') || 'index.html'));
await page.addInitScript(() => {
  // When the page says the engine is ready, as it happens (Playwright sees it some time later).
  new MutationObserver(() => {
    if (window.readyAt === undefined && document.getElementById('engine-status')?.dataset.state === 'ready') window.readyAt = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  window.longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) { window.longTasks.push(entry.duration); window.longTaskStarts = [...(window.longTaskStarts ?? []), [entry.startTime, entry.duration]]; } })
    .observe({ type: 'longtask', buffered: true });
});

const navigationStart = Date.now();
await page.goto(`${origin}/bench/`);
await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 60000 });
const interactive = await page.evaluate(() => window.readyAt);
const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);

let raw = 0;
let gzipped = 0;
const files = [];
for (const name of loaded) {
  const path = join(web, name === 'index.html' ? 'index.html' : name);
  try {
    if (!statSync(path).isFile()) continue;
  } catch { continue; }
  const bytes = readFileSync(path);
  const packed = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += packed;
  files.push(`${name} ${(bytes.length / 1024).toFixed(0)}→${(packed / 1024).toFixed(0)} KiB`);
}

const names = readdirSync(corpus).sort();
const count = names.length;
// DROP=1 drops the files on the page (a DataTransfer of Files, built before the clock starts);
// otherwise they are chosen with the folder picker.
const drop = process.env.DROP === '1';
const transfer = drop ? await dataTransfer(page, names.map((name) => join(corpus, name))) : null;
// The main thread's long tasks from navigation until the files are chosen: at once when the
// engine is ready, or IDLE_MS later (the worker is still preparing its models meanwhile).
if (process.env.IDLE_MS) await page.waitForTimeout(Number(process.env.IDLE_MS));
const startupTasks = await page.evaluate(() => window.longTasks);
await page.evaluate(() => {
  window.longTasks = [];
  window.longTaskStarts = [];
  document.querySelector('#folder-input').addEventListener('change', () => { window.changeAt = performance.now(); }, true);
});
// A drop is timed inside the page (drop.mjs); the folder picker, which only Playwright can
// drive, from before it is set to the frame painted after the page has noticed.
let dropped = null;
let pickedMs = null;
let started;
if (drop) {
  dropped = await dropAndTime(page, transfer, count);
  started = dropped.startedAt;
} else {
  started = await page.evaluate(() => performance.now());
  await page.setInputFiles('#folder-input', corpus);
  await page.waitForSelector(`body[data-analysed="${count}"]`, { timeout: 600000 });
  pickedMs = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))) - started;
}
const afterDrop = await page.evaluate(() => ({
  timings: window.cronacaTimings(),
  longTasks: window.longTasks,
  longTaskStarts: window.longTaskStarts,
  changeAt: window.changeAt,
  marks: document.querySelectorAll('#timeline-svg .tl-mark').length,
  clusters: document.querySelectorAll('#timeline-svg .tl-cluster').length,
  summary: document.querySelector('#filter-summary').textContent,
}));

// Asked only now: a question sent earlier would wait for the worker's preparation, and so delay
// the analysis measured above.
const { transferMs: _, ...startup } = await page.evaluate(() => window.cronacaStartup?.() ?? {});

const shots = process.env.SHOTS;
const shot = async (name) => {
  if (shots) await page.screenshot({ path: join(shots, `${locale.slice(0, 2)}-${count}-${name}.png`) });
};
await shot('1-workspace');

// Interactions on the full corpus: type a search, select the top entity, zoom, scroll the list.
const interaction = async (name, action) => {
  await page.evaluate(() => { window.longTasks = []; });
  const t0 = await page.evaluate(() => performance.now());
  await action();
  const t1 = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  const tasks = await page.evaluate(() => window.longTasks);
  return `${name}: ${(t1 - t0).toFixed(0)} ms, longest task ${Math.max(0, ...tasks).toFixed(0)} ms`;
};
const interactions = [
  await interaction('type "mar" in the entity search', () => page.type('#entity-search', 'mar', { delay: 30 })),
  await interaction('clear the search', () => page.fill('#entity-search', '')),
  await interaction('select the first entity', () => page.click('#entity-list .entity-row')),
  await interaction('clear the filter', () => page.click('#filter-clear')),
  await interaction('zoom the timeline in 4 times', async () => { for (let i = 0; i < 4; i++) await page.click('#tl-zoom-in'); }),
  await shot('2-zoomed'),
  await interaction('scroll the entity list to the end', () => page.evaluate(() => { const list = document.querySelector('#entity-list'); list.scrollTop = list.scrollHeight; })),
  await interaction('open the map', async () => { await page.click('#tab-map'); await page.waitForSelector('#map-svg .map-place'); }),
  await shot('3-map'),
].filter(Boolean);

const tasks = afterDrop.longTasks;
console.log(`page load: ${loaded.size} requests, ${(raw / 1048576).toFixed(2)} MiB, ${(gzipped / 1048576).toFixed(2)} MiB gzipped`);
for (const file of files) console.log(`  ${file}`);
console.log(`first contentful paint ${firstPaint?.toFixed(0)} ms; interactive with the engine ready ${interactive.toFixed(0)} ms (wall ${Date.now() - navigationStart} ms incl. the measuring)`);
console.log(`  main-thread long tasks until the files are chosen: ${startupTasks.length}, longest ${Math.max(0, ...startupTasks).toFixed(0)} ms`);
console.log(`  worker start-up (ms after navigation): ${Object.entries(startup).map(([step, at]) => `${step} ${at.toFixed(0)}`).join(', ')}`);
if (dropped) console.log(`${count} articles: ${dropped.timelineMs?.toFixed(0)} ms from dropping them to the painted timeline, ${dropped.completeMs.toFixed(0)} ms to everything shown (the reader's article too)`);
else console.log(`${count} articles: ${pickedMs.toFixed(0)} ms from choosing the folder to a complete timeline`);
console.log(`  worker: analysis ${afterDrop.timings.analyseMs.toFixed(0)} ms, model ${afterDrop.timings.modelMs.toFixed(0)} ms, JSON ${(afterDrop.timings.bytes / 1048576).toFixed(1)} MiB; page: result message ${afterDrop.timings.transferMs.toFixed(0)} ms, first render ${afterDrop.timings.renderMs.toFixed(0)} ms`);
console.log(`  core stages (s): ${Object.entries(afterDrop.timings.stages).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
console.log(`  ${afterDrop.summary}; timeline: ${afterDrop.marks} marks, ${afterDrop.clusters} counts`);
console.log(`  main-thread long tasks: ${tasks.length}, longest ${Math.max(0, ...tasks).toFixed(0)} ms, over 100 ms: ${tasks.filter((d) => d > 100).length}`);
for (const line of interactions) console.log(`  ${line}`);
if (process.env.VERBOSE) console.log(`change event at +${(afterDrop.changeAt - started).toFixed(0)} ms`);
if (process.env.VERBOSE) console.log(afterDrop.longTaskStarts.map(([at, d]) => `at +${(at - started).toFixed(0)} ms: ${d.toFixed(0)} ms`).join('\n'));
await browser.close();
server.close();
