#!/usr/bin/env node
// Cronaca's benchmark: the whole product and its peers on the same real text in one run.
//   tools/bench/run [--sizes 1000,10000,50000] [--repeat N, native runs per size below 50,000, default 3] [--no-peers] [--no-browser] [--no-wasm]
// Prints a table and writes build/bench/results.json. Corpora (KIND's Italian sentences and the
// English TimeBank/AQUAINT articles, assembled into articles by corpus.mjs) are cached under
// build/bench/. Single-threaded throughout: one process at a time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { buildCorpus } from './corpus.mjs';
import { root, wasmEngine, web, seeds } from '../../tests/support.mjs';
import { analyse as analyseTimexes, score as scoreTimexes } from '../eval/timex-eval.mjs';
import { italianGold } from '../eval/italian-gold.mjs';
import { parseTimeml } from '../eval/timeml.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const sizes = option('sizes', '1000,10000,50000').split(',').map(Number);
const repeat = Number(option('repeat', '3'));
const benchDir = join(root, 'build/bench');
const shared = join(root, '../shared/data');
mkdirSync(benchDir, { recursive: true });
const results = { when: new Date().toISOString(), sizes: {}, peers: {}, browser: null };

const log = (...parts) => console.error('bench:', ...parts);

function corpusDir(size, filter = null, suffix = '') {
  const dir = join(benchDir, `corpus-${size}${suffix}`);
  if (!existsSync(dir)) {
    log(`writing the ${size}-article corpus${suffix}`);
    mkdirSync(dir, { recursive: true });
    for (const file of buildCorpus(size)) {
      if (!filter || filter(file.name)) writeFileSync(join(dir, file.name), file.text);
    }
  }
  return dir;
}

function nativeBench(dir, runs) {
  const json = join(benchDir, 'native-run.json');
  const run = spawnSync(join(root, 'build/bin/cronaca-bench'), [dir, '--repeat', String(runs), '--json', json], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cronaca-bench failed: ${run.stderr}`);
  const out = JSON.parse(readFileSync(json, 'utf8'));
  // Best of the runs, stage by stage.
  const best = structuredClone(out.runs[0]);
  for (const r of out.runs) {
    for (const [stage, s] of Object.entries(r.stages)) {
      if (s.seconds < best.stages[stage].seconds) best.stages[stage] = s;
    }
  }
  return { ...best, peak_rss_mb: out.peak_rss_mb };
}

let engine = null;
async function wasmBench(dir) {
  engine ??= await wasmEngine();
  const files = readdirSync(dir).sort().map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const started = performance.now();
  let json;
  try {
    json = engine.analyse(files);
  } catch (error) {
    return { error: String(error.message || error), heap_mb: engine.module.HEAPU8.length / 2 ** 20 };
  }
  const total = (performance.now() - started) / 1000;
  const stagesSeconds = engine.stageSeconds();
  let tokens = 0;
  // The token count without parsing the whole result twice: one pass over "token_count".
  for (const match of json.matchAll(/"token_count":(\d+)/g)) tokens += Number(match[1]);
  const stages = {};
  for (const [name, seconds] of Object.entries(stagesSeconds)) {
    stages[name] = { seconds, tokens_per_second: tokens / seconds, mb_per_second: bytes / 1e6 / seconds };
  }
  stages.total = { seconds: total, tokens_per_second: tokens / total, mb_per_second: bytes / 1e6 / total };
  return { documents: files.length, tokens, bytes, stages, heap_mb: engine.module.HEAPU8.length / 2 ** 20, output_mb: json.length / 1e6 };
}

// ---- Pipeline and stages, natively and in wasm, at each corpus size.
for (const size of sizes) {
  const dir = corpusDir(size);
  log(`native, ${size} articles`);
  const native = nativeBench(dir, size >= 50000 ? 1 : repeat);
  let wasm = null;
  if (!args.includes('--no-wasm')) {
    log(`wasm, ${size} articles`);
    if (size === sizes[0]) await wasmBench(dir);  // warm-up: the first run compiles the module
    wasm = await wasmBench(dir);
  }
  results.sizes[size] = { native, wasm };
}

// ---- Peers on the same text, against the stage that does the same work.
function timed(work) {
  const started = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

function readCorpus(dir) {
  return readdirSync(dir).sort().map((name) => {
    const raw = readFileSync(join(dir, name), 'utf8');
    const header = /^ date (\d{4}-\d{2}(?:-\d{2})?) /.exec(raw);
    return { name, date: header?.[1] ?? null, text: header ? raw.slice(header[0].length) : raw };
  });
}

const chronoValue = (result) => {
  const d = result.start;
  const pad = (n) => String(n).padStart(2, '0');
  if (d.isCertain('day')) return `${d.get('year')}-${pad(d.get('month'))}-${pad(d.get('day'))}`;
  if (d.isCertain('month')) return `${d.get('year')}-${pad(d.get('month'))}`;
  if (d.isCertain('year')) return String(d.get('year'));
  return null;
};
const referenceDate = (date) => (date ? new Date(`${date.length === 7 ? `${date}-01` : date}T12:00:00Z`) : new Date('2022-01-01T12:00:00Z'));

function chronoSpans(chrono, documents) {
  return documents.map((doc) => chrono.parse(doc.text, referenceDate(doc.date)).map((r) => ({ start: r.index, end: r.index + r.text.length, text: r.text, value: chronoValue(r), type: 'DATE' })));
}

function dateparserSpans(documents, lang) {
  const input = JSON.stringify(documents.map((d) => ({ text: d.text, date: d.date, lang })));
  const run = spawnSync('/usr/bin/python3', [join(root, 'tools/bench/peers/dateparser_peer.py')], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`dateparser failed: ${run.stderr.slice(-500)}`);
  const out = JSON.parse(run.stdout);
  return { seconds: out.seconds, spans: out.found.map((list) => list.map(([start, end, value]) => ({ start, end, value, type: 'DATE' }))) };
}

const correct = (scored) => ({ found: scored.totals.system, matched: scored.totals.relaxed, value_correct: scored.totals.value, relaxed_f1: scored.relaxed.f1 });

if (!args.includes('--no-peers')) {
  const size = 1000;
  const itDir = corpusDir(size, (n) => n.endsWith('-it.txt'), '-it');
  const enDir = corpusDir(size, (n) => n.endsWith('-en.txt'), '-en');
  const it = readCorpus(itDir);
  const en = readCorpus(enDir);
  const ours = { it: nativeBench(itDir, 3), en: nativeBench(enDir, 3) };
  const tokens = { it: ours.it.tokens, en: ours.en.tokens };
  const chrono = require('chrono-node');

  log('peers: chrono-node (it, en)');
  const chronoIt = timed(() => chronoSpans(chrono.it, it));
  const chronoEn = timed(() => chronoSpans(chrono.en, en));
  const count = (lists) => lists.reduce((sum, list) => sum + list.length, 0);

  // Correctness where gold exists: the Italian development set and TempEval-3 TBAQ.
  const italianDev = italianGold();
  const tbaq = [];
  for (const folder of ['TimeBank', 'AQUAINT']) {
    const dir = join(shared, 'timebank', folder);
    for (const name of readdirSync(dir).sort()) {
      const parsed = parseTimeml(readFileSync(join(dir, name), 'utf8'));
      if (parsed) tbaq.push({ name, ...parsed, date: parsed.dct });
    }
  }
  const goldIt = italianDev.map((d) => ({ ...d, date: d.dct }));
  const oursGold = { it: scoreTimexes(goldIt, analyseTimexes(goldIt, 'it')), en: scoreTimexes(tbaq, analyseTimexes(tbaq, 'en')) };
  const chronoGold = { it: scoreTimexes(goldIt, chronoSpans(chrono.it, goldIt)), en: scoreTimexes(tbaq, chronoSpans(chrono.en, tbaq)) };

  log('peers: python3-dateparser search_dates (it), on 200 articles');
  const dpSample = it.slice(0, 200);
  const dp = dateparserSpans(dpSample, 'it');
  const dpTokens = Math.round((tokens.it * dpSample.length) / it.length);
  const dpGold = scoreTimexes(goldIt, dateparserSpans(goldIt, 'it').spans);

  log('peers: compromise and wink-nlp (en)');
  const nlp = require('compromise');
  const compromise = timed(() => en.map((d) => {
    const doc = nlp(d.text);
    return doc.people().length + doc.places().length + doc.organizations().length;
  }));
  const winkNLP = require('wink-nlp');
  const wink = winkNLP(require('wink-eng-lite-web-model'));
  const winkRun = timed(() => en.map((d) => wink.readDoc(d.text).entities().out(wink.its.type)));
  const winkTypes = {};
  for (const list of winkRun.value) for (const type of list) winkTypes[type] = (winkTypes[type] ?? 0) + 1;
  const oursEntities = spawnSync(join(root, 'build/bin/cronaca'), ['analyse', '--lang', 'en', enDir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ourMentions = JSON.parse(oursEntities.stdout).documents.reduce((sum, d) => sum + d.mentions.filter((m) => !m.role).length, 0);

  const stageRate = (run, stage) => run.stages[stage].tokens_per_second;
  results.peers = {
    corpus: `${size} articles: ${it.length} Italian (${tokens.it} tokens), ${en.length} English (${tokens.en} tokens)`,
    temporal: {
      cronaca: { it_tokens_per_second: stageRate(ours.it, 'temporal'), en_tokens_per_second: stageRate(ours.en, 'temporal'), italian_dev: correct(oursGold.it), tbaq: correct(oursGold.en) },
      'chrono-node': { it_tokens_per_second: tokens.it / chronoIt.seconds, en_tokens_per_second: tokens.en / chronoEn.seconds, it_found: count(chronoIt.value), en_found: count(chronoEn.value), italian_dev: correct(chronoGold.it), tbaq: correct(chronoGold.en) },
      'python3-dateparser': { it_tokens_per_second: dpTokens / dp.seconds, it_found_in_sample: count(dp.spans), sample_articles: dpSample.length, italian_dev: correct(dpGold) },
    },
    entities: {
      cronaca: { en_tokens_per_second: stageRate(ours.en, 'entities'), en_mentions: ourMentions },
      compromise: { en_tokens_per_second: tokens.en / compromise.seconds, en_people_places_organizations: compromise.value.reduce((a, b) => a + b, 0) },
      'wink-nlp': { en_tokens_per_second: tokens.en / winkRun.seconds, en_entities_by_type: winkTypes },
    },
  };
}

// ---- The page in Debian's Chromium: transfer, start-up, seeds and 1,000 articles.
if (!args.includes('--no-browser')) {
  const { browserBench } = await import('./browser.mjs');
  log('browser: Debian Chromium');
  results.browser = await browserBench({ web, seeds, corpus: readdirSync(corpusDir(1000)).sort().map((n) => join(corpusDir(1000), n)) });
}

writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

// ---- The table.
const k = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : `${(x / 1e3).toFixed(0)}k`).padStart(8);
const stages = ['ingest', 'language', 'segmentation', 'temporal', 'entities', 'resolution', 'events', 'output', 'total'];
console.log('\nThroughput, tokens/s (MB/s for the total), best of the runs; one core');
console.log(`${'articles'.padEnd(9)} ${'where'.padEnd(7)} ${stages.map((s) => s.slice(0, 8).padStart(8)).join(' ')}   memory`);
for (const [size, { native, wasm }] of Object.entries(results.sizes)) {
  const row = (where, run, memory) => {
    if (!run || run.error) return console.log(`${size.padEnd(9)} ${where.padEnd(7)} ${run?.error ?? 'not run'}`);
    const cells = stages.map((s) => (run.stages[s]?.seconds > 0 ? k(run.stages[s].tokens_per_second) : '       -'));
    console.log(`${size.padEnd(9)} ${where.padEnd(7)} ${cells.join(' ')}   ${memory}  (${run.stages.total.mb_per_second.toFixed(1)} MB/s, ${run.tokens} tokens)`);
  };
  row('native', native, `peak RSS ${native.peak_rss_mb.toFixed(0)} MB`);
  row('wasm', wasm, wasm ? `heap ${wasm.heap_mb?.toFixed(0)} MB` : '');
}
if (results.peers.temporal) {
  const t = results.peers.temporal;
  const e = results.peers.entities;
  console.log(`\nPeers on the same text (${results.peers.corpus})`);
  console.log('temporal expressions      it tokens/s  en tokens/s   it dev: found matched value   TBAQ: found matched value');
  const gold = (g) => (g ? `${String(g.found).padStart(5)} ${String(g.matched).padStart(7)} ${String(g.value_correct).padStart(5)}` : '     -       -     -');
  for (const [name, p] of Object.entries(t)) {
    console.log(`  ${name.padEnd(22)} ${k(p.it_tokens_per_second ?? 0).padStart(11)} ${p.en_tokens_per_second ? k(p.en_tokens_per_second).padStart(12) : '           -'}   ${gold(p.italian_dev)}     ${gold(p.tbaq)}`);
  }
  const ours = t.cronaca;
  console.log(`  cronaca / chrono-node speed: it ${(ours.it_tokens_per_second / t['chrono-node'].it_tokens_per_second).toFixed(1)}x, en ${(ours.en_tokens_per_second / t['chrono-node'].en_tokens_per_second).toFixed(1)}x; cronaca / dateparser (it) ${(ours.it_tokens_per_second / t['python3-dateparser'].it_tokens_per_second).toFixed(0)}x`);
  console.log('English entities          tokens/s   found');
  console.log(`  ${'cronaca'.padEnd(22)} ${k(e.cronaca.en_tokens_per_second)}   ${e.cronaca.en_mentions} PER/LOC/ORG mentions`);
  console.log(`  ${'compromise'.padEnd(22)} ${k(e.compromise.en_tokens_per_second)}   ${e.compromise.en_people_places_organizations} people/places/organizations`);
  console.log(`  ${'wink-nlp'.padEnd(22)} ${k(e['wink-nlp'].en_tokens_per_second)}   ${Object.entries(e['wink-nlp'].en_entities_by_type).map(([type, n]) => `${n} ${type}`).join(', ')}`);
}
if (results.browser) {
  const b = results.browser;
  console.log('\nThe page in Debian Chromium (localhost)');
  for (const [name, value] of Object.entries(b)) console.log(`  ${name.padEnd(34)} ${typeof value === 'number' ? value.toFixed(name.endsWith('_ms') ? 0 : 2) : JSON.stringify(value)}`);
}
console.log(`\nwritten to ${join(benchDir, 'results.json')}`);
