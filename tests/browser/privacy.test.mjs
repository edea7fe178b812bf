// The privacy guarantee, tested: during a whole session nothing is requested from any origin but
// the page's own, even when the articles carry markup that points elsewhere; and the
// Content-Security-Policy is enforced in the page and in the analysis worker, so that even code
// that tried could not send anything out. A second local server plays "another origin" and
// counts every request that reaches it: it must see none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hostileFiles } from '../hostile-corpus.mjs';
import { fixtureFiles, seeds } from '../support.mjs';
import { BASE, dropFiles, launch, openPage, readEveryArticle, waitForAnalysed } from './hardening-support.mjs';

let env, canary, elsewhere;
const hits = [];

before(async () => {
  env = await launch();
  canary = createServer((request, response) => {
    hits.push(request.url);
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
    response.end('leaked');
  });
  await new Promise((resolve) => canary.listen(0, '127.0.0.1', resolve));
  elsewhere = `http://127.0.0.1:${canary.address().port}`;
});
after(async () => {
  await env?.close();
  canary?.close();
});

// Articles whose markup points at the other origin: if the page ever parsed them as HTML, or
// followed what they name, the other server would hear of it.
function leakyArticles() {
  const html = `<!doctype html><html lang="it"><head><title>Fughe</title><link rel="stylesheet" href="${elsewhere}/style.css">` +
    `<script src="${elsewhere}/script.js"></script><meta http-equiv="refresh" content="0;url=${elsewhere}/refresh"></head>` +
    `<body><article><p>Il 6 gennaio 2022 ad Almaty.<img src="${elsewhere}/pixel.png"></p><iframe src="${elsewhere}/frame"></iframe>` +
    `<p><a href="${elsewhere}/link">collegamento</a> <video src="${elsewhere}/video.mp4"></video></p></article></body></html>`;
  const text = `Il 7 gennaio 2022 a Mosca. <img src="${elsewhere}/text-pixel.png"> <script src="${elsewhere}/text.js"></script> ` +
    `<link rel="prefetch" href="${elsewhere}/prefetch"> ${elsewhere}/plain-url`;
  return [{ name: 'fughe.html', bytes: Buffer.from(html) }, { name: 'fughe.txt', bytes: Buffer.from(text) }];
}

test('a whole session requests nothing from any origin but the page\'s own', async () => {
  const { page, requests, problems } = await openPage(env.browser, env.origin);
  const articles = [...fixtureFiles, ...seeds].map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  const corpus = [...articles, ...hostileFiles(), ...leakyArticles()];
  await dropFiles(page, corpus);
  const analysed = Number(await page.waitForFunction(() => document.body.dataset.analysed, null, { timeout: 60000 }).then((h) => h.jsonValue()));
  assert.ok(analysed > 20, `${analysed} documents shown`);
  // Read every article, share, export, reload and clear, as a user would.
  assert.equal(await readEveryArticle(page, analysed), analysed);
  await page.evaluate(() => {
    navigator.clipboard.writeText = async (text) => { window.copied = text; };
  });
  await page.click('#share');
  await page.click('dialog button:has-text("Copy the link anyway")');
  await page.waitForFunction(() => window.copied);
  for (const kind of ['json', 'entities-csv', 'events-csv', 'timelinejs', 'timeml', 'report', 'workspace']) {
    await page.click('#export-menu summary');
    await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
  }
  await page.reload();
  await page.waitForSelector(`body[data-analysed="${analysed}"]`, { timeout: 60000 });
  await page.click('#clear');
  await page.click('dialog button.primary');
  await page.waitForSelector('body[data-state="empty"]');
  await page.waitForTimeout(1000);

  const own = new URL(env.origin + BASE);
  const foreign = requests.filter((url) => {
    const { protocol, origin } = new URL(url);
    return !(protocol === 'blob:' || protocol === 'data:' || origin === own.origin);
  });
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(hits, [], 'the other origin heard nothing');
  // The recorder sees the worker's requests too, so the check covers them.
  assert.ok(requests.some((url) => url.endsWith('/resources.pack')), requests.join('\n'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Content-Security-Policy is enforced in the page: no inline script, no eval, no other origin', async () => {
  const { page } = await openPage(env.browser, env.origin);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /connect-src 'self'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\s\*/);
  const outcome = await page.evaluate(async (target) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const results = {};
    // An inline script, as injected markup would add.
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    results.inlineRan = window.__inlineRan === true;
    // An inline event handler.
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.__handlerRan = true;');
    document.body.append(div);
    div.click();
    div.remove();
    results.handlerRan = window.__handlerRan === true;
    // Code from a string, run by the page itself (not by this test's evaluation).
    setTimeout('window.__stringRan = true;', 0);
    // Requests to another origin, by every means a script has.
    results.fetch = await fetch(`${target}/fetch`).then(() => 'sent', (error) => error.name);
    // sendBeacon answers true (queued) before the policy blocks it: the other server is the judge.
    navigator.sendBeacon(`${target}/beacon`, 'data');
    const image = new Image();
    results.image = await new Promise((resolve) => {
      image.onload = () => resolve('loaded');
      image.onerror = () => resolve('blocked');
      image.src = `${target}/image.png`;
    });
    results.socket = await new Promise((resolve) => {
      try {
        const socket = new WebSocket(target.replace('http', 'ws'));
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('blocked');
      } catch (error) {
        resolve(error.name);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    results.stringRan = window.__stringRan === true;
    return { results, violations };
  }, elsewhere);
  assert.deepEqual(outcome.results, {
    inlineRan: false, handlerRan: false, fetch: 'TypeError', image: 'blocked', socket: 'blocked', stringRan: false,
  });
  for (const directive of ['script-src-elem', 'script-src-attr', 'script-src', 'connect-src', 'img-src']) {
    assert.ok(outcome.violations.includes(directive), `a ${directive} violation among ${outcome.violations.join(', ')}`);
  }
  assert.deepEqual(hits, [], 'the other origin heard nothing');
  await page.close();
});

test('the Content-Security-Policy also binds the analysis worker', async () => {
  const { page } = await openPage(env.browser, env.origin);
  // A dedicated worker does not inherit the page's <meta> policy: it gets the one its script is
  // served with, which tools/serve.mjs sends (README.md says static hosts should send it too).
  const response = await page.request.get(`${env.origin}${BASE}worker.js`);
  assert.equal(response.headers()['content-security-policy'], await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'));
  const [worker] = page.workers();
  const outcome = await worker.evaluate(async (target) => {
    const results = {};
    results.fetch = await fetch(`${target}/worker-fetch`).then(() => 'sent', (error) => error.name);
    try {
      importScripts(`${target}/worker-script.js`);
      results.importScripts = 'loaded';
    } catch (error) {
      results.importScripts = error.name;
    }
    return results;
  }, elsewhere);
  assert.equal(outcome.fetch, 'TypeError');
  assert.equal(outcome.importScripts, 'NetworkError');
  assert.deepEqual(hits, [], 'the other origin heard nothing');
  await page.close();
});
