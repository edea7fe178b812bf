#!/usr/bin/env node
// Runs the native benchmark (build/bin/cronaca-bench) and the WebAssembly build (as the page's
// worker runs it, here in Node) over the same corpus and prints tokens per second per stage,
// side by side. One run each after a warm-up; single-threaded both.
//   node tools/bench/compare.mjs DIR [--repeat N]
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, wasmEngine } from '../../tests/support.mjs';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  console.error('usage: compare.mjs DIR [--repeat N]');
  process.exit(2);
}
const repeat = rest[0] === '--repeat' ? Math.max(1, Number(rest[1])) : 3;

const jsonPath = join(mkdtempSync(join(tmpdir(), 'cronaca-bench-')), 'native.json');
const native = spawnSync(join(root, 'build/bin/cronaca-bench'), [dir, '--repeat', String(repeat), '--json', jsonPath], { encoding: 'utf8' });
if (native.status !== 0) {
  console.error(native.stderr);
  process.exit(1);
}
const nativeRuns = JSON.parse(readFileSync(jsonPath, 'utf8')).runs;
const best = (runs, stage) => Math.max(...runs.map((r) => r.stages[stage].tokens_per_second));

const files = readdirSync(dir).sort().map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
const engine = await wasmEngine();
const wasmRuns = [];
for (let run = 0; run <= repeat; run++) {
  const started = performance.now();
  const out = JSON.parse(engine.analyse(files));
  const total = (performance.now() - started) / 1000;
  const tokens = out.documents.reduce((sum, d) => sum + d.token_count, 0);
  const stages = engine.stageSeconds();
  if (run === 0) continue;  // warm-up: the JIT compiles the module on first use
  const entry = { tokens, stages: {} };
  for (const [name, seconds] of Object.entries(stages)) entry.stages[name] = { tokens_per_second: tokens / seconds };
  entry.stages.total = { tokens_per_second: tokens / total };
  wasmRuns.push(entry);
}

const tokens = nativeRuns[0].tokens;
console.log(`${files.length} documents, ${tokens} tokens; best of ${repeat} runs, tokens per second`);
console.log(`  ${'stage'.padEnd(14)} ${'native'.padStart(12)} ${'wasm'.padStart(12)}`);
for (const stage of Object.keys(nativeRuns[0].stages)) {
  if (stage === 'output' || !wasmRuns[0].stages[stage]) continue;
  console.log(`  ${stage.padEnd(14)} ${best(nativeRuns, stage).toFixed(0).padStart(12)} ${best(wasmRuns, stage).toFixed(0).padStart(12)}`);
}
console.log('  (both totals include the JSON output; the wasm one also copies the inputs into the module)');
