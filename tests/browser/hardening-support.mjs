// What the hardening browser tests share (hostile.test.mjs, privacy.test.mjs). They use the page
// only through a few stable hooks: #engine-status[data-state="ready"], a drop on the body,
// body[data-analysed="N"] once N documents are shown, and #input-errors listing refused files.
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';
import { web } from '../support.mjs';

export const BASE = '/hostile/sub/path/';

// `types`: Content-Types the server sends instead of the right ones (tools/serve.mjs).
export async function launch({ types } = {}) {
  const server = await startServer({ root: web, port: 0, base: BASE, types });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  return { server, browser, origin, close: async () => { await browser.close(); server.close(); } };
}

// A page with every request, dialog, page error and CSP violation it causes recorded.
export async function openPage(browser, origin) {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(origin + BASE);
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 60000 });
  return { page, requests, problems };
}

// Drops files on the drop zone as a browser does, with a DataTransfer of File objects. `files` are
// {name, bytes} from Node; big inputs are made in the page instead of being sent over the wire:
// `bigText` bytes of text named big.txt, and `tinyFiles` tiny articles tiny/00000.txt...
export async function dropFiles(page, files, { bigText = 0, tinyFiles = 0 } = {}) {
  const encoded = files.map(({ name, bytes }) => ({ name, data: Buffer.from(bytes).toString('base64') }));
  const transfer = await page.evaluateHandle(({ list, big, tiny }) => {
    const dt = new DataTransfer();
    for (const { name, data } of list) {
      const binary = atob(data);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
      dt.items.add(new File([bytes], name));
    }
    if (big) {
      const paragraph = 'Il 6 gennaio 2022 ad Almaty una sparatoria ha causato almeno 164 morti.\n\n';
      dt.items.add(new File([paragraph.repeat(Math.ceil(big / paragraph.length)).slice(0, big)], 'big.txt'));
    }
    for (let i = 0; i < tiny; ++i) {
      dt.items.add(new File([`Nota ${i}: il ${1 + (i % 28)} gennaio 2022 a Mosca.`], `tiny-${String(i).padStart(5, '0')}.txt`));
    }
    return dt;
  }, { list: encoded, big: bigText, tiny: tinyFiles });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

export async function waitForAnalysed(page, count, timeout = 60000) {
  await page.waitForSelector(`body[data-analysed="${count}"]:not([data-busy="true"])`, { timeout });
}

export async function inputErrors(page) {
  return page.$$eval('#input-errors li > span', (items) => items.map((item) => item.textContent));
}

// Every file the static site serves: nothing else may be requested.
// Paths relative to the site's root ("index.html", "chunks/map-view-X.js").
export function siteFiles() {
  return new Set(readdirSync(web, { recursive: true }));
}

// Opens each of the `count` analysed articles in the reader, from the (virtualised) article list.
export async function readEveryArticle(page, count) {
  const opened = new Set();
  for (let guard = 0; opened.size < count && guard < 4 * count + 20; guard++) {
    await page.click('#tab-articles');
    await page.waitForSelector('#article-list .article-row');
    let next = null;
    for (const row of await page.$$('#article-list .article-row')) {
      const meta = await row.$eval('.article-row-meta', (node) => node.textContent);
      if (!opened.has(meta)) {
        next = row;
        opened.add(meta);
        break;
      }
    }
    if (!next) {
      await page.$eval('#article-list', (list) => { list.scrollTop += list.clientHeight / 2; });
      continue;
    }
    await next.scrollIntoViewIfNeeded();
    await next.click();
    await page.waitForFunction(() => document.querySelector('#reader-text').textContent.length > 0);
  }
  return opened.size;
}
