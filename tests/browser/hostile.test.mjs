// Hostile input in the page: the page stays alive, every refused file is listed with its reason,
// every other file is analysed, injected markup never runs, and after a crash of the wasm engine
// a new worker takes over. Uses the page only through the hooks in hardening-support.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { archiveBombs, hostileFiles, singleLine } from '../hostile-corpus.mjs';
import { BASE, dropFiles, inputErrors, launch, openPage, readEveryArticle, siteFiles, waitForAnalysed } from './hardening-support.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => env?.close());

const hostile = hostileFiles();
const analysedCount = hostile.filter((f) => !f.error).length;
// What the page lists for a refused file: the page opens zip archives, the core does not.
const expected = (file) => file.page ?? { name: file.name, error: file.error };

// Elements the hostile files' markup would create if it were ever parsed as HTML.
async function injectedElements(page) {
  return page.evaluate(() => {
    const found = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.startsWith('on')) found.push(`<${element.localName} ${attribute}>`);
      }
    }
    for (const element of document.querySelectorAll('script:not([src]), iframe, img[src="x"], a[href^="javascript:"]')) {
      found.push(element.outerHTML.slice(0, 80));
    }
    return found;
  });
}

test('hostile files: each refused one is listed with its reason, the others are analysed, no markup runs', async () => {
  const { page, requests, problems } = await openPage(env.browser, env.origin);
  await dropFiles(page, hostile);
  await waitForAnalysed(page, analysedCount);
  const errors = await inputErrors(page);
  for (const { name, error } of hostile.filter((f) => f.error).map(expected)) {
    const line = errors.find((e) => e.startsWith(`${name}: `));
    assert.ok(line, `${name} is listed among the errors: ${errors.join(' | ')}`);
    if (typeof error === 'string') assert.equal(line, `${name}: ${error}`);
    else assert.match(line.slice(name.length + 2), error);
  }
  assert.equal(errors.length, hostile.length - analysedCount);
  // Open every article in the reader, those whose name or text carries markup among them.
  assert.equal(await readEveryArticle(page, analysedCount), analysedCount);
  await page.waitForTimeout(500);  // time for an injected handler to fire, if there were one
  assert.deepEqual(await injectedElements(page), []);
  assert.deepEqual(problems, [], 'no dialog (alert) and no page error');
  // Nothing but the site's own files was requested: an <img src=x> parsed as HTML would fetch "x".
  const site = siteFiles();
  for (const url of requests) {
    const { pathname } = new URL(url);
    assert.ok(pathname.startsWith(BASE), `unexpected request ${url}`);
    const path = pathname.slice(BASE.length);
    assert.ok(path === '' || site.has(path), `unexpected request ${url}`);
  }
  await page.close();
});

test('zip bombs are refused without being inflated, and the articles beside them are analysed', async () => {
  const { page, problems } = await openPage(env.browser, env.origin);
  const bombs = archiveBombs();
  await dropFiles(page, [...bombs, hostile[0]]);
  await waitForAnalysed(page, 2);
  assert.deepEqual((await inputErrors(page)).sort(), bombs.map(({ page: { name, error } }) => `${name}: ${error}`).sort());
  assert.deepEqual(problems, []);
  await page.close();
});

test('a 50 MB file is refused with its size; a 2 MB line and the files beside it are analysed', async () => {
  const { page, problems } = await openPage(env.browser, env.origin);
  await dropFiles(page, [...hostile.slice(0, 2), { name: 'one-line.txt', bytes: singleLine(2 << 20) }], { bigText: 50 << 20 });
  await waitForAnalysed(page, 3);
  const errors = await inputErrors(page);
  assert.ok(errors.some((e) => e.includes('big.txt') && e.includes('the file is 50.0 MB, over the 16.0 MB Cronaca analyses in one file')), errors.join(' | '));
  assert.deepEqual(problems, []);
  await page.close();
});

test('20,000 tiny files are all analysed and the page stays responsive', async () => {
  const { page, problems } = await openPage(env.browser, env.origin);
  const started = performance.now();
  await dropFiles(page, [], { tinyFiles: 20000 });
  await waitForAnalysed(page, 20000, 180000);
  const seconds = (performance.now() - started) / 1000;
  console.log(`# 20,000 files in the page: ${seconds.toFixed(1)} s`);
  assert.equal(await page.evaluate(() => 6 * 7), 42, 'the page still answers');
  assert.deepEqual(problems, []);
  await page.close();
});

test('after a crash of the wasm engine the page analyses the other files, names the one it failed on, and goes on', async () => {
  const { page, problems } = await openPage(env.browser, env.origin);
  const [worker] = page.workers();
  // A real trap in the worker's module: for one file, the core is handed an address beyond its
  // memory. The replacement worker loads engine.js afresh, without this.
  await worker.evaluate(() => {
    /* global CronacaEngine */
    const addFile = CronacaEngine.prototype.addFile;
    CronacaEngine.prototype.addFile = function addFileOrTrap(file) {
      if (file.name !== 'trap.txt') return addFile.call(this, file);
      return this.withString(file.name, (p, n) => this.read(this.module._cronaca_add(p, n, 0xfffffff0, 4096)));
    };
  });
  const article = (text) => Buffer.from(`Il 6 gennaio 2022 ad Almaty ${text}.`);
  await dropFiles(page, [{ name: 'a.txt', bytes: article('uno') }, { name: 'trap.txt', bytes: article('due') }, { name: 'c.txt', bytes: article('tre') }]);
  await waitForAnalysed(page, 2);
  const errors = await inputErrors(page);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /trap\.txt.*not analysed: the analysis engine failed on this file \(.*out of bounds\); it was restarted and the other files were analysed/);
  // The new worker is a fresh module: the next analysis, which includes trap.txt again, succeeds.
  await dropFiles(page, [{ name: 'd.txt', bytes: article('quattro') }]);
  await waitForAnalysed(page, 4);
  assert.deepEqual(await inputErrors(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('when the worker dies of an uncaught error the page starts a new one and goes on', async () => {
  const { page, problems } = await openPage(env.browser, env.origin);
  const [worker] = page.workers();
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('the worker failed outside any analysis');
    }, 0);
  });
  await page.waitForEvent('worker', { timeout: 10000 });  // the replacement
  await dropFiles(page, [{ name: 'a.txt', bytes: Buffer.from('Il 6 gennaio 2022 ad Almaty.') }]);
  await waitForAnalysed(page, 1);
  assert.deepEqual(await inputErrors(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a host that serves the core without application/wasm still gets a working page', async () => {
  const misconfigured = await launch({ types: { '.wasm': 'application/octet-stream' } });
  try {
    const { page, problems } = await openPage(misconfigured.browser, misconfigured.origin);
    await dropFiles(page, [{ name: 'breve.txt', bytes: Buffer.from('Il 6 gennaio 2022 ad Almaty il presidente Kassym-Jomart Tokayev ha parlato.') }]);
    await waitForAnalysed(page, 1);
    assert.deepEqual(problems, []);
  } finally {
    await misconfigured.close();
  }
});
