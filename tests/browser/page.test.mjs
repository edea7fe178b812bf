// The page in Debian's Chromium, served from a sub-path: drop articles, see them dated, read one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';
import { fixtureFiles, root, seeds, web } from '../support.mjs';

const BASE = '/some/sub/path/';
const artifacts = join(root, 'build/test-artifacts');
let server, browser, origin;

before(async () => {
  server = await startServer({ root: web, port: 0, base: BASE });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage() {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 1000 } });
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(origin + BASE);
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 30000 });
  return { page, requests, problems };
}

// Drops files on the drop zone the way a browser does, with a DataTransfer of File objects.
async function dropFiles(page, paths) {
  const files = paths.map((path) => ({ name: basename(path), data: readFileSync(path).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, data } of list) {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, files);
  await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
}

async function tableRows(page) {
  return page.$$eval('#documents tbody tr', (rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
}

test('dropped articles are analysed in the worker and listed with their dates', async () => {
  const { page, requests, problems } = await openPage();
  await dropFiles(page, fixtureFiles);
  await page.waitForSelector('body[data-analysed="7"]', { timeout: 30000 });
  const rows = await tableRows(page);
  assert.deepEqual(rows.map((cells) => cells[1]), [
    '01-vertice.txt', '02-report.txt', '03-pagina.html', '04-nota.md', '05-latin1.txt', '06-utf16.txt', '09-alfabeti.txt']);
  assert.deepEqual(rows.map((cells) => cells[2]), ['2022-01-10', 'no date', '2022-01-06', '2022-01-12', '2021-12-20', 'no date', '2022-03-01']);
  const errors = await page.$$eval('#input-errors li', (items) => items.map((item) => item.textContent));
  assert.deepEqual(errors, [
    '07-vuoto.txt: the file is empty',
    '08-documento.pdf: this is a PDF document, not text: only plain text, HTML and Markdown are supported',
  ]);

  // The HTML article's markup shows as text in the reader and never runs.
  await page.click('#documents tbody tr:nth-child(3)');
  const readerText = await page.textContent('#reader-text');
  assert.match(readerText, /<script>alert\(2\)<\/script>/);
  assert.equal(await page.$$eval('#reader-text *', (nodes) => nodes.filter((n) => n.tagName !== 'SPAN').length), 0);
  assert.deepEqual(problems, []);
  // Nothing was requested from any other origin.
  assert.deepEqual(requests.filter((url) => !url.startsWith(origin + BASE)), []);
  await page.close();
});

test('the four seed articles show their dates', { skip: seeds.length === 0 && 'no ../shared/data/seeds' }, async () => {
  const { page, problems } = await openPage();
  await dropFiles(page, seeds);
  await page.waitForSelector('body[data-analysed="4"]', { timeout: 30000 });
  const rows = await tableRows(page);
  assert.deepEqual(rows.map((cells) => cells[2]), ['2022-01', '2022-01', '2026-02-14', '2022-11']);
  await page.click('#documents tbody tr:nth-child(4)');
  const sentences = await page.$$eval('#reader-text .sentence', (spans) => spans.map((s) => s.textContent));
  assert.equal(sentences.at(-1), 'Le vittime sono sette e i feriti almeno venti.');
  await page.screenshot({ path: join(artifacts, 'seeds.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
