#!/usr/bin/env node
// Builds the fuzzers' seed corpora at run time, so no data is copied into the repository:
//   node tools/fuzz-corpus.mjs OUT_DIR
// writes OUT_DIR/<target>/<hash> from the seed articles (../shared/data/seeds, when present), the
// test fixtures, the string literals of the unit tests, a few hostile inputs made here, and the
// regression inputs of earlier crashes (tests/fuzz/regressions/<target>/).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node tools/fuzz-corpus.mjs OUT_DIR');
  process.exit(2);
}
const TARGETS = ['fuzz_ingest', 'fuzz_analyse', 'fuzz_temporal', 'fuzz_corrections'];
const MAX_BYTES = 16384;
const corpus = Object.fromEntries(TARGETS.map((t) => [t, new Map()]));

function add(targets, data) {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  if (bytes.length === 0 || bytes.length > MAX_BYTES) return;
  const hash = createHash('sha1').update(bytes).digest('hex');
  for (const target of targets) corpus[target].set(hash, bytes);
}
const files = (dir) => (existsSync(dir) ? readdirSync(dir).sort().map((name) => join(dir, name)) : []);

// Articles: the seeds and the fixtures, whole, and paired for the corpus-wide stages.
const articles = [...files(join(root, '../shared/data/seeds')), ...files(join(root, 'tests/fixtures/articles'))]
  .map((path) => readFileSync(path));
for (const bytes of articles) add(['fuzz_ingest', 'fuzz_analyse', 'fuzz_temporal'], bytes);
for (let i = 0; i + 1 < articles.length; ++i) add(['fuzz_analyse'], Buffer.concat([articles[i], Buffer.from('\n\f\n'), articles[i + 1]]));

// The sentences and snippets the unit tests are written around (their string literals).
const literal = /"((?:[^"\\\n]|\\.){12,})"/g;
for (const path of files(join(root, 'tests/unit')).filter((p) => p.endsWith('.cpp'))) {
  for (const [, body] of readFileSync(path, 'utf8').matchAll(literal)) {
    let text;
    try {
      text = JSON.parse(`"${body}"`);
    } catch {
      text = body;
    }
    add(path.includes('html') || path.includes('encoding') || path.includes('ingest') ? ['fuzz_ingest', 'fuzz_analyse'] : ['fuzz_temporal', 'fuzz_analyse'], text);
    // With a document date line, which the temporal target reads as the date.
    if (!path.includes('html')) add(['fuzz_temporal'], `2022-01-06\n${text}`);
  }
}

// Hostile shapes that no article has.
const utf16 = (text, le) => {
  const b = Buffer.from(text, 'utf16le');
  if (!le) b.swap16();
  return b;
};
const sample = 'Il 6 gennaio 2022 a Almaty è successo qualcosa. Ieri, tre giorni fa, il 28 novembre.';
add(['fuzz_ingest', 'fuzz_analyse'], Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(sample, true)]));
add(['fuzz_ingest', 'fuzz_analyse'], Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(sample, false)]));
add(['fuzz_ingest'], utf16(sample, true));
add(['fuzz_ingest'], utf16(sample, false));
add(['fuzz_ingest'], Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(sample.split('').flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8, 0, 0]))]));
add(['fuzz_ingest', 'fuzz_analyse'], Buffer.from([0xcf, 0xf0, 0xe5, 0xe7, 0xe8, 0xe4, 0xe5, 0xed, 0xf2, 0x20, 0xd0, 0xee, 0xf1, 0xf1, 0xe8, 0xe8, 0x2e]));  // windows-1251
add(['fuzz_ingest', 'fuzz_analyse'], Buffer.from('Citt\xe0 e libert\xe0: il 6 gennaio \xe8 festa.', 'latin1'));
add(['fuzz_ingest', 'fuzz_analyse'], Buffer.from('ok \xc3\x28 \xe2\x82 \xf0\x9f\x98 \xed\xa0\x80 \xc0\xaf end', 'latin1'));
add(['fuzz_ingest'], Buffer.from('text\0with\0nul\0bytes', 'latin1'));
add(['fuzz_ingest', 'fuzz_analyse'], '<!doctype html><html lang="it"><head><meta charset="windows-1251"><title>T</title>' +
  '<meta property="article:published_time" content="2022-01-06T10:00:00Z"></head><body><article><h1>Titolo</h1>' +
  '<p>Il <b>6 gennaio</b> &egrave; &#8217;festa&#x2019; &amp;amp; &#150; &nbsp;<script>alert(1)</script>' +
  '<img src=x onerror=alert(1)><a href="javascript:alert(1)">link</a></p><pre>  a\n  b</pre></article></body></html>');
add(['fuzz_ingest'], '<html>' + '<div>'.repeat(600) + 'deep' + '</span>'.repeat(20) + '<p><li><p><li>' + '<!-- unterminated');
add(['fuzz_ingest'], '<html><body><script type="application/ld+json">{"datePublished": "2022-01-06"}</script><p>a</p><textarea>');
add(['fuzz_ingest', 'fuzz_analyse'], '---\ntitle: "Un titolo"\ndate: 2022-01-06\n---\n# Titolo\n\nIl testo del 5 gennaio.\n');
add(['fuzz_ingest', 'fuzz_analyse'], ' date 2022-02-30 una data che non esiste.');
add(['fuzz_temporal', 'fuzz_analyse'], 'Nel 99999999999, il 31 febbraio, alle 25:61, il 0 gennaio 0000, tra 1e308 anni e 4294967296 giorni fa.');
add(['fuzz_temporal'], '9999-12-31\nDomani, tra cento anni, il prossimo secolo e nel 2199.');
add(['fuzz_temporal'], '0001-01-01\nIeri, tre giorni fa, il secolo scorso, nel I secolo a.C.');

// Corrections: every operation, the documented examples and malformed neighbours.
const corrections = [
  [{ op: 'merge', entity: 'Putin', with: 'V. Putin' }, { op: 'split', entity: 'Vladimir Putin', alias: 'Putina' },
    { op: 'rename', entity: 'Csto', name: 'CSTO' }, { op: 'retype', entity: 'Sputnik', type: 'ORG' }, { op: 'remove', entity: 'Occidentali' }],
  [{ op: 'merge', entity: 'Tokayev', with: 'Almaty' }, { op: 'retype', entity: 'Almaty', type: 'PER' }],
  [{ op: 'split', entity: 'Kassym-Jomart Tokayev', alias: 'Tokayev' }, { op: 'merge', entity: 'Tokayev', with: 'Tokayev' }],
  [{ op: 'rename', entity: 'Mosca', name: 'Москва' }, { op: 'remove', entity: 'Москва' }, { op: 'rename', entity: 'Cremlino', name: '' }],
  [{ op: 'retype', entity: 'Csto', type: 'LOC' }, { op: 'merge', entity: 'csto', with: 'ASTANA' }, { op: 'split', entity: 'Astana', alias: 'Csto' }],
];
for (const list of corrections) add(['fuzz_corrections'], JSON.stringify(list));
for (const text of ['[]', '{}', '[{}]', '[1, "a", null]', '[{"op": "merge"}]', '[{"op": "explode", "entity": "x"}]', '[{"op":"retype","entity":"A","type":"X"}]']) {
  add(['fuzz_corrections'], text);
}

// Earlier crashes, kept so that every run replays them.
for (const target of TARGETS) {
  for (const path of files(join(root, 'tests/fuzz/regressions', target))) add([target], readFileSync(path));
}

for (const target of TARGETS) {
  const dir = join(out, target);
  mkdirSync(dir, { recursive: true });
  for (const [hash, bytes] of corpus[target]) writeFileSync(join(dir, hash), bytes);
  console.log(`${target}: ${corpus[target].size} seed inputs`);
}
