// The page's side of the benchmark, in Debian's Chromium: what it transfers, how soon it is
// ready, how long the seeds and 1,000 articles take to analyse and show, and the longest task
// the main thread ran meanwhile (the page must stay responsive).
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';
import { dataTransfer, dropAndTime } from './drop.mjs';

// The engine's status, which the page sets when it is ready.
const READY = '#engine-status[data-state="ready"]';

// The longest task the main thread has run, kept in window.__longestTask.
function watchLongTasks(page) {
  return page.addInitScript(() => {
    window.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

// Drops the files and waits for them to be shown, timed in the page (drop.mjs): {timelineMs,
// completeMs}. window.__longestTask then holds the longest main-thread task meanwhile.
async function dropAndWait(page, paths) {
  const transfer = await dataTransfer(page, paths);
  await page.evaluate(() => { window.__longestTask = 0; });
  return dropAndTime(page, transfer, paths.length);
}

export async function browserBench({ web, seeds, corpus }) {
  const server = await startServer({ root: web, port: 0, base: '/' });
  const origin = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await watchLongTasks(page);
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

    const seedsMs = await dropAndWait(page, seeds);
    const longestAfterSeeds = await page.evaluate(() => window.__longestTask);
    // The same on a fresh page 2 s after ready, as when someone takes a moment to pick the files:
    // the worker has finished loading its models meanwhile, which a drop at ready waits for.
    const idle = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await idle.goto(origin);
    await idle.waitForSelector(READY, { timeout: 60000 });
    await idle.waitForTimeout(2000);
    const seedsIdleMs = await dropAndWait(idle, seeds);

    // 1,000 articles in a fresh page, so the seeds' workspace does not count.
    const second = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await watchLongTasks(second);
    await second.goto(origin);
    await second.waitForSelector(READY, { timeout: 60000 });
    const corpusMs = await dropAndWait(second, corpus);
    const longest = await second.evaluate(() => window.__longestTask);

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
      seeds_to_result_ms: seedsMs.timelineMs,
      seeds_to_result_2s_after_ready_ms: seedsIdleMs.timelineMs,
      seeds_complete_2s_after_ready_ms: seedsIdleMs.completeMs,
      longest_task_seeds_ms: longestAfterSeeds,
      articles_1000_ms: corpusMs.timelineMs,
      articles_1000_complete_ms: corpusMs.completeMs,
      longest_task_ms: longest,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
