// The page's side of the benchmark, in Debian's Chromium: what it transfers, how soon it is
// ready, how long the seeds and 1,000 articles take to analyse and show, and the longest task
// the main thread ran meanwhile (the page must stay responsive).
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';

// Markers the page sets: the engine's status, and the number of documents analysed.
const READY = '#engine-status[data-state="ready"]';
const analysed = (count) => `body[data-analysed="${count}"]`;

export async function browserBench({ web, seeds, corpus }) {
  const server = await startServer({ root: web, port: 0, base: '/' });
  const origin = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(() => {
      window.__longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const transfers = [];
    page.on('response', async (response) => {
      try {
        const body = await response.body();
        transfers.push({ url: response.url(), raw: body.length, gzip: gzipSync(body).length });
      } catch {
        // Redirects and aborted requests have no body.
      }
    });

    const started = Date.now();
    await page.goto(origin);
    await page.waitForSelector(READY, { timeout: 60000 });
    const readyMs = await page.evaluate(() => performance.now());
    const loadWall = Date.now() - started;

    const seedsStarted = Date.now();
    await page.setInputFiles('#file-input', seeds);
    await page.waitForSelector(analysed(seeds.length), { timeout: 60000 });
    const seedsMs = Date.now() - seedsStarted;
    const longestAfterSeeds = await page.evaluate(() => window.__longestTask);

    await page.click('#clear');
    const corpusStarted = Date.now();
    await page.setInputFiles('#file-input', corpus);
    await page.waitForSelector(analysed(corpus.length), { timeout: 300000 });
    const corpusMs = Date.now() - corpusStarted;
    const longest = await page.evaluate(() => window.__longestTask);

    const total = (key) => transfers.reduce((sum, t) => sum + t[key], 0);
    const of = (pattern, key) => transfers.filter((t) => pattern.test(t.url)).reduce((sum, t) => sum + t[key], 0);
    return {
      transfer_total_mb: total('raw') / 1e6,
      transfer_total_gzip_mb: total('gzip') / 1e6,
      wasm_gzip_mb: of(/\.wasm$/, 'gzip') / 1e6,
      icu_data_gzip_mb: of(/\.dat$/, 'gzip') / 1e6,
      resources_gzip_mb: of(/\.pack$/, 'gzip') / 1e6,
      page_gzip_kb: of(/\.(html|js|css|svg)$/, 'gzip') / 1e3,
      ready_after_navigation_ms: readyMs,
      ready_wall_ms: loadWall,
      seeds_to_result_ms: seedsMs,
      longest_task_seeds_ms: longestAfterSeeds,
      articles_1000_ms: corpusMs,
      longest_task_ms: longest,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
