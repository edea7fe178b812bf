// The wasm engine at its limits: a corpus larger than its memory budget, an input it has no memory
// for, and a trap inside the module. Each fails gracefully: a message per file not analysed,
// everything analysed before it kept, and a crashed engine replaced rather than reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fixtureFiles, wasmEngine } from '../support.mjs';
import { singleLine, tinyFiles } from '../hostile-corpus.mjs';

const MB = 1 << 20;
const fixtures = fixtureFiles.map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
// The fixtures that are articles (the others are an empty file and a PDF).
const analysableFixtures = fixtures.length - 2;
// Articles of a few KB: the first two text fixtures, repeated.
const articles = (count) => tinyFiles(count).map((f, i) => ({
  name: f.name,
  bytes: Buffer.from(`${readFileSync(fixtureFiles[i % 2]).toString('utf8').repeat(8)} Nota ${i}.`),
}));

test('past its memory budget the engine refuses the remaining files with a message and finishes the rest', async () => {
  const engine = await wasmEngine();
  const files = articles(300);
  // A first run measures the memory the corpus takes (the models are loaded before it begins);
  // the budget is half of it.
  const inUse = [];
  engine.analyse(files, {}, ({ done }) => {
    if (done === 1 || done === files.length) inUse.push(engine.memory().in_use);
  });
  const budgetMb = Math.max(1, Math.round((inUse[1] - inUse[0]) / 2 / MB));
  const progress = [];
  const out = JSON.parse(engine.analyse(files, { memory_budget_mb: budgetMb }, (p) => progress.push(p)));
  assert.ok(out.documents.length > 10, `${out.documents.length} analysed before the budget`);
  assert.ok(out.errors.length > 10, `${out.errors.length} refused after it`);
  assert.equal(out.documents.length + out.errors.length, files.length, 'nothing is lost');
  // The refused ones are the last in name order, each with the reason.
  assert.deepEqual(out.documents.map((d) => d.name), files.slice(0, out.documents.length).map((f) => f.name));
  for (const e of out.errors) {
    assert.equal(e.message, `not analysed: the files before it already fill the ${budgetMb} MB of memory Cronaca uses in the browser; analyse this file in another batch`);
  }
  assert.equal(progress.filter((p) => p.error).length, out.errors.length, 'progress reports each refusal');
  // The next corpus starts with a fresh budget.
  assert.equal(JSON.parse(engine.analyse(fixtures)).documents.length, analysableFixtures);
});

test('an input the module cannot find memory for is refused alone, and the engine goes on', async () => {
  const engine = await wasmEngine();
  const { module } = engine;
  engine.analyse(fixtures);  // the models are loaded
  // Fill the 2 GB module with blocks of our own, then give back 6 MB: room for small files only.
  const blocks = [];
  for (const size of [64 * MB, MB]) {
    for (let pointer; (pointer = module._cronaca_alloc(size));) blocks.push(pointer);
  }
  assert.ok(engine.memory().size > 2047 * MB, 'the module is at its maximum');
  for (let i = 0; i < 6; ++i) module._cronaca_free(blocks.pop());
  const line = { name: 'b-one-line.txt', bytes: singleLine(2 * MB) };
  const small = [{ name: 'a.txt', bytes: Buffer.from('Il 6 gennaio 2022 a Mosca.') }, { name: 'c.txt', bytes: Buffer.from('Ieri ad Almaty.') }];
  const out = JSON.parse(engine.analyse([...small, line], { memory_budget_mb: 2048 }));
  assert.deepEqual(out.documents.map((d) => d.name), ['a.txt', 'c.txt']);
  assert.equal(out.errors.length, 1);
  assert.equal(out.errors[0].name, 'b-one-line.txt');
  // Its 2 MB copy fits in what is left; its analysis does not.
  assert.equal(out.errors[0].message, 'not analysed: the browser ran out of memory for this file (2 MB); analyse it alone or in a smaller batch');
  for (const pointer of blocks) module._cronaca_free(pointer);
  // With its memory back the same engine analyses the file.
  const again = JSON.parse(engine.analyse([line]));
  assert.equal(again.documents.length, 1);
});

test('a trap inside the module stops the engine with the file it happened on; a new engine analyses the rest', async () => {
  const engine = await wasmEngine();
  const { module } = engine;
  // Emscripten's export wrappers replace themselves on their first call: call them once first.
  engine.analyse(fixtures.slice(0, 1));
  const add = module._cronaca_add;
  // A real wasm trap: the core reads the input from an address beyond the module's memory.
  module._cronaca_add = (name, nameSize, data, size) => {
    const fileName = new TextDecoder().decode(module.HEAPU8.subarray(name, name + nameSize));
    return fileName === '03-pagina.html' ? add(name, nameSize, 0xfffffff0, 4096) : add(name, nameSize, data, size);
  };
  assert.throws(() => engine.analyse(fixtures), (error) => {
    assert.equal(error.name, 'EngineCrash');
    assert.equal(error.file, '03-pagina.html');
    assert.match(error.message, /^the analysis engine stopped while analysing 03-pagina.html: .*out of bounds/);
    return true;
  });
  // Its state cannot be trusted any more: it refuses work.
  assert.throws(() => engine.analyse(fixtures.slice(0, 1)), { name: 'EngineCrash' });

  // What the worker and the page do (web/worker.js, web/analysis-client.js): a new engine, the
  // file left out and reported.
  const fresh = await wasmEngine();
  const message = 'not analysed: the analysis engine failed on this file (memory access out of bounds); it was restarted and the other files were analysed';
  const out = JSON.parse(fresh.analyse(fixtures.filter((f) => f.name !== '03-pagina.html'), {}, () => {}, [{ name: '03-pagina.html', message }]));
  assert.equal(out.documents.length, analysableFixtures - 1);
  assert.deepEqual(out.errors.find((e) => e.name === '03-pagina.html'), { name: '03-pagina.html', message });
});

test('memory does not grow from one corpus to the next', async () => {
  const engine = await wasmEngine();
  engine.analyse(fixtures);  // loads the models once
  const first = engine.memory();
  for (let i = 0; i < 3; ++i) engine.analyse(fixtures);
  const later = engine.memory();
  assert.equal(later.size, first.size, 'the module did not grow');
  assert.ok(Math.abs(later.in_use - first.in_use) < 64 * 1024, `in use ${first.in_use} -> ${later.in_use}`);
});

test('a file the page could not read is listed with its reason beside the analysed ones', async () => {
  const engine = await wasmEngine();
  const unreadable = { name: 'locked.txt', unreadable: 'the browser could not read this file (NotReadableError: permission denied): it may have been moved, or be in use' };
  const out = JSON.parse(engine.analyse([...fixtures.slice(0, 2), unreadable]));
  assert.equal(out.documents.length, 2);
  assert.deepEqual(out.errors, [{ name: 'locked.txt', message: unreadable.unreadable }]);
});

test('a file of gigabytes is refused by its size alone, with the message the CLI gives', async () => {
  const engine = await wasmEngine();
  // Only its size is read: the bytes of a file over the limit are never copied into the module.
  const huge = { name: 'archive-dump.txt', bytes: { byteLength: 5 * 2 ** 30 } };
  const out = JSON.parse(engine.analyse([huge, fixtures[0]]));
  assert.equal(out.documents.length, 1);
  assert.deepEqual(out.errors, [{
    name: 'archive-dump.txt',
    message: 'the file is 5120.0 MB, over the 16.0 MB Cronaca analyses in one file: split it into smaller files (an article is rarely over 1 MB)',
  }]);
});
