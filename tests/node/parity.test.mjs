// The wasm build (as the page's worker runs it) and the native CLI give byte-identical JSON, on
// every run and whatever the order of the inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hostileFiles } from '../hostile-corpus.mjs';
import { fixtureFiles, runCli, seeds, wasmEngine } from '../support.mjs';
import { coreFile } from '../../web/worker/core-file.js';

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

// Cronaca's own breakers hand these to ICU's (core/segment/): the wasm build's ICU data subset must
// be enough for them. Not Chinese, Japanese kanji or Thai: natively ICU splits them with its
// dictionaries, which the page does without (assets/icu/subset.txt), so there a run of them is
// one word.
test('text in scripts ICU segments gives the same bytes', () => {
  const text = [
    'La ソニー e la ヤマハ hanno firmato un accordo con il gruppo 삼성전자 ieri a Seul.',
    'Il ministro israeliano ישראל כ"ץ è arrivato a Roma 🇮🇹 lunedì 👍🏽 con la delegazione 👨‍👩‍👧.',
    'Путин ha parlato con Ἀθῆναι e ትግራይ venerdì 3 marzo 2023.',
  ].join('\n\n');
  const dir = mkdtempSync(join(tmpdir(), 'cronaca-'));
  const path = join(dir, 'scripts.txt');
  writeFileSync(path, text);
  const native = runCli(['analyse', path]).stdout;
  rmSync(dir, { recursive: true });
  assert.equal(engine.analyse([{ name: 'scripts.txt', bytes: new TextEncoder().encode(text) }]), native);
  assert.equal(JSON.parse(native).documents[0].sentences.length, 3);
});

test('the core without SIMD, for browsers that lack it, gives the same bytes', async () => {
  assert.equal(coreFile(), 'cronaca-simd.wasm', 'Node has WebAssembly SIMD, so the tests run the SIMD build');
  const plain = await wasmEngine('cronaca.wasm');
  const files = [...fixtureFiles, ...seeds].map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  assert.equal(plain.analyse(files), engine.analyse(files));
});

test('bad options are reported, not trapped', () => {
  assert.throws(() => engine.analyse([], { lang: 'xx' }), /unknown language "xx"/);
  // The engine stays usable afterwards.
  assert.equal(JSON.parse(engine.analyse([{ name: 'a.txt', bytes: new TextEncoder().encode('Ciao a tutti.') }])).documents.length, 1);
});

// A fixed shuffle (a linear congruential generator), so a failure can be replayed.
function shuffled(list, seed) {
  const out = [...list];
  let state = seed;
  for (let i = out.length - 1; i > 0; --i) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

test('any order, any run: the same corpus gives the same bytes, natively and in wasm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cronaca-parity-'));
  const hostile = hostileFiles();
  const hostilePaths = hostile.map((file) => {
    writeFileSync(join(dir, file.name), file.bytes);
    return join(dir, file.name);
  });
  // Two different files with the same name, from two folders.
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'good.txt'), 'Un altro articolo con lo stesso nome, del 5 gennaio 2022.');
  const paths = [...fixtureFiles, ...seeds, ...hostilePaths, join(dir, 'other', 'good.txt')];
  const reference = runCli(['analyse', ...paths]).stdout;
  assert.equal(JSON.parse(reference).documents.filter((d) => d.name === 'good.txt').length, 2);
  for (const seed of [1, 2, 3]) {
    assert.equal(runCli(['analyse', ...shuffled(paths, seed)]).stdout, reference, `CLI, shuffle ${seed}`);
  }
  const files = paths.map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  for (const seed of [0, 4, 5, 6]) {
    assert.equal(engine.analyse(seed ? shuffled(files, seed) : files), reference, `wasm, shuffle ${seed}`);
  }
  rmSync(dir, { recursive: true });
});

test('every legacy encoding the CLI reads, the page reads the same way', () => {
  // Each file declares its charset and carries bytes above 0x7F, so the converter is really used.
  const dir = mkdtempSync(join(tmpdir(), 'cronaca-'));
  const charsets = ['ISO-8859-2', 'ISO-8859-4', 'ISO-8859-5', 'ISO-8859-7', 'ISO-8859-9', 'ISO-8859-13', 'ISO-8859-15',
    'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1257', 'KOI8-R'];
  const paths = charsets.map((charset) => {
    const path = join(dir, `${charset}.html`);
    const head = Buffer.from(`<html><head><meta charset="${charset}"><title>Notizia</title></head><body><p>Il 6 gennaio 2022 ad Atene `);
    writeFileSync(path, Buffer.concat([head, Buffer.from([0xc1, 0xe8, 0xde, 0xed, 0xe1, 0x20, 0xd0, 0xf8, 0xe9]), Buffer.from('.</p></body></html>')]));
    return path;
  });
  const native = runCli(['analyse', ...paths]).stdout;
  const wasm = wasmJson(paths);
  rmSync(dir, { recursive: true });
  const parsed = JSON.parse(native);
  assert.equal(parsed.errors.length, 0, JSON.stringify(parsed.errors));
  assert.deepEqual(parsed.documents.map((d) => d.encoding).sort(), [...charsets].sort());
  assert.equal(wasm, native);
});
