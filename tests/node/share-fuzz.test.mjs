// The share-link decoder is the one parser of untrusted input written in JavaScript (a link anyone
// can send), so it gets its own fuzzing here: valid links mutated at random (flipped, cut, spliced,
// repeated), hand-made hostile payloads and a deflate bomb. Whatever a link holds, decoding either
// gives files with names and bytes, or throws an Error saying the link cannot be opened; nothing
// else escapes, and nothing inflates past the limit. SHARE_FUZZ_SECONDS runs it for longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { toBase64Url } from '../../web/src/lib/base64.js';
import { decodeCorpus, encodeCorpus, MAX_CORPUS_BYTES } from '../../web/src/lib/share-codec.js';
import { fixtureFiles } from '../support.mjs';

const SECONDS = Number(process.env.SHARE_FUZZ_SECONDS ?? 5);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/%# ';

function random(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
}

const link = (value) => `1.${toBase64Url(deflateSync(strToU8(typeof value === 'string' ? value : JSON.stringify(value))))}`;

function mutate(text, next, pool) {
  const at = next(text.length + 1);
  switch (next(6)) {
    case 0: return text.slice(0, at); // cut on the way
    case 1: return text.slice(0, at) + ALPHABET[next(ALPHABET.length)] + text.slice(at + 1);
    case 2: return text.slice(0, at) + ALPHABET[next(ALPHABET.length)] + text.slice(at);
    case 3: return text.slice(0, at) + text.slice(at + 1 + next(16));
    case 4: { const other = pool[next(pool.length)]; return text.slice(0, at) + other.slice(next(other.length)); }
    default: return text.slice(0, at) + text.slice(at, at + next(64)).repeat(2 + next(3)) + text.slice(at);
  }
}

// The one acceptable outcome of decoding anything.
function checkDecoding(input) {
  let decoded;
  try {
    decoded = decodeCorpus(input);
  } catch (error) {
    assert.ok(error instanceof Error && error.constructor === Error, `a plain Error, not ${error?.constructor?.name}: ${error}`);
    assert.match(error.message, /^the link cannot be opened: /, `${JSON.stringify(input.slice(0, 80))}: ${error.message}`);
    return 'refused';
  }
  assert.ok(Array.isArray(decoded.files) && Array.isArray(decoded.corrections));
  for (const file of decoded.files) {
    assert.equal(typeof file.name, 'string');
    assert.ok(file.name.length > 0);
    assert.ok(file.bytes instanceof Uint8Array);
  }
  return 'decoded';
}

test('hostile link payloads are refused with a reason', () => {
  const refusals = {
    '': /unknown corpus format/,
    '1.': /carries no articles/,
    '2.abc': /unknown corpus format/,
    '1.!!!!': /cut or changed/,
    [link('not json')]: /cut or changed/,
    [link('null')]: /has no files/,
    [link({ files: 'x' })]: /has no files/,
    [link({ files: [[1, 'text']] })]: /file 1 has no name/,
    [link({ files: [['', 'text']] })]: /file 1 has no name/,
    [link({ files: [['a.txt', 42]] })]: /a\.txt has no content/,
    [link({ files: [['a.txt', { base64: '%%%' }]] })]: /content of a\.txt is damaged/,
    [link({ files: [['a.txt', null]] })]: /a\.txt has no content/,
  };
  for (const [input, reason] of Object.entries(refusals)) {
    assert.throws(() => decodeCorpus(input), (error) => /^the link cannot be opened: /.test(error.message) && reason.test(error.message), input.slice(0, 60));
  }
  // Good enough to open: corrections that are not a list are dropped, not trusted.
  assert.deepEqual(decodeCorpus(link({ files: [['a.txt', 'Ciao.']], corrections: 'x' })).corrections, []);
});

test('a deflate bomb in a link is refused at the limit, not inflated', () => {
  const before = process.memoryUsage().arrayBuffers;
  // 128 MB of one character deflates to about 130 KB: a link a chat app would carry.
  const bomb = `1.${toBase64Url(deflateSync(strToU8(`{"files":[["bomb.txt","${'0'.repeat(128 << 20)}"]]}`), { level: 9 }))}`;
  assert.ok(bomb.length < 400_000, `${bomb.length} characters`);
  assert.throws(() => decodeCorpus(bomb), new RegExp(`the articles it carries are over ${MAX_CORPUS_BYTES >> 20} MB`));
  assert.ok(process.memoryUsage().arrayBuffers - before < 2 * MAX_CORPUS_BYTES);
});

test(`mutated links decode to files or are refused, never anything else (${SECONDS} s)`, () => {
  const files = fixtureFiles.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }));
  const pool = [
    encodeCorpus(files.slice(0, 3), [{ op: 'rename', entity: 'Almaty', name: 'Alma-Ata' }]),
    encodeCorpus([{ name: 'a.txt', bytes: strToU8('Il 6 gennaio 2022 ad Almaty.') }]),
    encodeCorpus([{ name: 'bin.dat', bytes: new Uint8Array([0, 255, 1, 254]) }]),
    link({ files: [['x.txt', 'y']], corrections: [{ op: 'merge' }] }),
  ];
  for (const valid of pool) assert.equal(checkDecoding(valid), 'decoded');
  const next = random(20221121);
  const outcomes = { decoded: 0, refused: 0 };
  const deadline = performance.now() + SECONDS * 1000;
  let runs = 0;
  while (performance.now() < deadline) {
    let input = pool[next(pool.length)];
    for (let n = 1 + next(4); n > 0; --n) input = mutate(input, next, pool);
    outcomes[checkDecoding(input)]++;
    runs++;
  }
  console.log(`# share-link decoder: ${runs} mutated links, ${outcomes.decoded} decoded, ${outcomes.refused} refused`);
  assert.ok(outcomes.refused > 0);
});
