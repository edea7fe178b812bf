// The wasm build (as the page's worker runs it) and the native CLI give byte-identical JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fixtureFiles, runCli, seeds, wasmEngine } from '../support.mjs';

const engine = await wasmEngine();

function wasmJson(paths, options = {}) {
  const files = paths.map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  return engine.analyse(files, options);
}

test('fixtures: wasm JSON equals native JSON byte for byte', () => {
  assert.equal(wasmJson(fixtureFiles), runCli(['analyse', ...fixtureFiles]).stdout);
});

test('options reach the core the same way', () => {
  const native = runCli(['analyse', '--lang', 'en', '--date', '2022-01-06', ...fixtureFiles]).stdout;
  assert.equal(wasmJson(fixtureFiles, { lang: 'en', date: '2022-01-06' }), native);
});

test('entity corrections reach the core the same way', () => {
  const corrections = [{ op: 'rename', entity: 'Almaty', name: 'Alma-Ata' }, { op: 'retype', entity: 'Kazakistan', type: 'ORG' }];
  const dir = mkdtempSync(join(tmpdir(), 'cronaca-'));
  writeFileSync(join(dir, 'corrections.json'), JSON.stringify(corrections));
  const native = runCli(['analyse', '--corrections', join(dir, 'corrections.json'), ...fixtureFiles]).stdout;
  rmSync(dir, { recursive: true });
  assert.equal(wasmJson(fixtureFiles, { corrections }), native);
  assert.ok(JSON.parse(native).entities.some((e) => e.name === 'Alma-Ata'));
  assert.throws(() => engine.analyse([], { corrections: [{ op: 'explode', entity: 'x' }] }), /"op" must be merge/);
});

test('seeds: wasm JSON equals native JSON byte for byte', { skip: seeds.length === 0 && 'no ../shared/data/seeds' }, () => {
  const native = runCli(['analyse', ...seeds]).stdout;
  assert.equal(wasmJson(seeds), native);
  assert.equal(JSON.parse(native).documents.length, 4);
});

test('bad options are reported, not trapped', () => {
  assert.throws(() => engine.analyse([], { lang: 'xx' }), /unknown language "xx"/);
  // The engine stays usable afterwards.
  assert.equal(JSON.parse(engine.analyse([{ name: 'a.txt', bytes: new TextEncoder().encode('Ciao a tutti.') }])).documents.length, 1);
});
