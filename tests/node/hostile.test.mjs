// Hostile input through the native CLI and the wasm engine: every file is analysed or refused with
// its own message, every other file of the corpus is still analysed, and the two builds agree
// byte for byte. The inputs are generated here (tests/hostile-corpus.mjs), in a temporary
// directory; the big ones (a 50 MB file, a 2 MB line, 20,000 files) are timed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigText, hostileFiles, singleLine, tinyFiles } from '../hostile-corpus.mjs';
import { runCli, wasmEngine } from '../support.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cronaca-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const engine = await wasmEngine();

function write(files, into = dir) {
  mkdirSync(into, { recursive: true });
  for (const file of files) writeFileSync(join(into, file.name), file.bytes);
  return files.map((file) => join(into, file.name));
}

function timed(run) {
  const started = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - started) / 1000 };
}

// Every file is a document that passes its check, or an error with its message; nothing is lost.
function assertOutcomes(out, files) {
  assert.equal(out.documents.length + out.errors.length, files.length, 'every input is accounted for');
  for (const file of files) {
    const doc = out.documents.find((d) => d.name === file.name);
    const error = out.errors.find((e) => e.name === file.name);
    if (file.error) {
      assert.ok(error, `${file.name} is refused`);
      if (file.error instanceof RegExp) assert.match(error.message, file.error, file.name);
      else assert.equal(error.message, file.error, file.name);
    } else {
      assert.ok(doc, `${file.name} is analysed${error ? `, not refused: ${error.message}` : ''}`);
      assert.ok(file.check(doc), `${file.name}: ${JSON.stringify({ ...doc, sentences: undefined, text: doc.text.slice(0, 200) })}`);
    }
  }
}

const hostile = hostileFiles();
const hostilePaths = write(hostile, join(dir, 'hostile'));

test('CLI: each hostile file is analysed or refused with its own message, and the others are analysed', () => {
  const { status, stdout, stderr } = runCli(['analyse', ...hostilePaths]);
  assert.equal(status, 1, 'some inputs are refused');
  const out = JSON.parse(stdout);
  assertOutcomes(out, hostile);
  for (const e of out.errors) assert.ok(stderr.includes(`${e.name}: ${e.message}`), `stderr names ${e.name}`);
});

test('wasm: the hostile corpus gives the same bytes as the CLI, in any order', () => {
  const native = runCli(['analyse', ...hostilePaths]).stdout;
  assert.equal(engine.analyse(hostile), native);
  assert.equal(engine.analyse([...hostile].reverse()), native);
  assertOutcomes(JSON.parse(native), hostile);
});

test('a 50 MB text file is refused at once with its size; the files beside it are analysed', () => {
  const big = { name: 'dump-50mb.txt', bytes: bigText(50 << 20), error: 'the file is 50.0 MB, over the 16.0 MB Cronaca analyses in one file: split it into smaller files (an article is rarely over 1 MB)' };
  const files = [big, ...hostile.slice(0, 3)];
  const paths = write(files, join(dir, 'big'));
  const native = timed(() => runCli(['analyse', ...paths]));
  const wasm = timed(() => engine.analyse(files));
  assert.equal(wasm.value, native.value.stdout);
  assertOutcomes(JSON.parse(native.value.stdout), files);
  console.log(`# 50 MB file: native ${native.seconds.toFixed(1)} s, wasm ${wasm.seconds.toFixed(1)} s`);
  assert.ok(native.seconds < 20 && wasm.seconds < 20, 'refusing is quick');
  // The refused file was never copied into the module.
  assert.ok(engine.memory().size < 200 << 20, `wasm memory ${engine.memory().size}`);
});

test('CLI: a 20 GB file, an endless device and a stream over the limit are refused without being read whole', () => {
  const sparse = join(dir, 'sparse-20gb.txt');
  const handle = openSync(sparse, 'w');
  ftruncateSync(handle, 20 * 2 ** 30);  // sparse: no disk space used
  closeSync(handle);
  const { value: result, seconds } = timed(() => runCli(['analyse', sparse, '/dev/zero', hostilePaths[0], '-'], Buffer.alloc(17 << 20, 'a')));
  assert.equal(result.status, 1);
  const out = JSON.parse(result.stdout);
  assert.deepEqual(out.documents.map((d) => d.name), ['good.txt']);
  assert.deepEqual(out.errors, [
    { name: 'sparse-20gb.txt', message: 'the file is 20480.0 MB, over the 16.0 MB Cronaca analyses in one file: split it into smaller files (an article is rarely over 1 MB)' },
    { name: 'stdin', message: 'the input is larger than the 16.0 MB Cronaca analyses in one file: split it into smaller files' },
    { name: 'zero', message: 'the input is larger than the 16.0 MB Cronaca analyses in one file: split it into smaller files' },
  ]);
  assert.ok(seconds < 20, `${seconds} s`);
});

test('a file that is one 2 MB line is analysed in bounded time and memory', () => {
  const line = { name: 'one-line.txt', bytes: singleLine(2 << 20), check: (doc) => doc.timexes.length > 1000 && doc.sentences.length >= 300 };
  const [path] = write([line], join(dir, 'line'));
  const native = timed(() => runCli(['analyse', path]));
  const wasm = timed(() => engine.analyse([line]));
  assert.equal(native.value.status, 0);
  assert.equal(wasm.value, native.value.stdout);
  assertOutcomes(JSON.parse(native.value.stdout), [line]);
  console.log(`# 2 MB line: native ${native.seconds.toFixed(1)} s, wasm ${wasm.seconds.toFixed(1)} s, wasm memory ${engine.memory().size >> 20} MB`);
  // Quadratic behaviour took 28 s natively before the fix; linear takes about 2.
  assert.ok(native.seconds < 30 && wasm.seconds < 60, 'linear time');
});

test('20,000 tiny files are all analysed, natively and in wasm, with the same bytes', () => {
  const files = tinyFiles(20000);
  const folder = join(dir, 'tiny');
  write(files, folder);
  const native = timed(() => runCli(['analyse', folder]));
  assert.equal(native.value.status, 0, native.value.stderr.slice(0, 500));
  const out = JSON.parse(native.value.stdout);
  assert.equal(out.documents.length, 20000);
  assert.equal(out.documents[0].name, 'tiny/tiny-00000.txt');
  // The CLI names a folder's files by their path in it, as the browser does for a dropped folder.
  const wasm = timed(() => engine.analyse(files.map((f) => ({ name: `tiny/${f.name}`, bytes: f.bytes }))));
  assert.equal(wasm.value, native.value.stdout);
  console.log(`# 20,000 files: native ${native.seconds.toFixed(1)} s, wasm ${wasm.seconds.toFixed(1)} s`);
});
