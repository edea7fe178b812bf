#!/usr/bin/env node
// Scores Cronaca's timeline on the SemEval-2015 Task 4 trial data (../shared/data/timeline-trial):
// for each of the six target entities, the gold timeline is a set of (document, sentence, date)
// triples, one per event mention; Cronaca's is the set of (document, sentence, date) of the
// sentence that tells each event the entity takes part in, in each article that reports it. Precision, recall and F1 are reported
// with dates compared exactly and by year, over all gold events and over the dated ones.
//   node tools/eval/timeline-eval.mjs [DIR] [--show N] [--all-sources]
// N: list up to N misses per entity. --all-sources counts every sentence that tells an event (the
// ones that go on telling it too), not only the first of each article.
//
// An event involves a target when one of its entities goes by one of the target's names, or,
// for targets the tagger does not find as entities (products: "iPod"), when a sentence that
// tells it names the target.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) : 0;
const allSources = args.includes('--all-sources');
const dir = args.find((a, i) => !a.startsWith('--') && (showAt < 0 || i !== showAt + 1)) ?? join(root, '../shared/data/timeline-trial');

// The names each target goes by in the articles.
const TARGET_NAMES = {
  'Steve Jobs': ['Steve Jobs', 'Jobs'],
  'iPhone 3G': ['iPhone 3G'],
  'iPhone 4': ['iPhone 4'],
  iPod: ['iPod'],
  'iTunes store': ['iTunes Store', 'iTunes'],
  'Beatles Apple Corps': ['Apple Corps'],
};

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

// A TimeML document: its DCT and its sentences by id, as text.
function readDocument(file) {
  const xml = readFileSync(join(dir, 'documents', file), 'utf8');
  const id = /<DOCID>(\d+)<\/DOCID>/.exec(xml)[1];
  const dct = /<DCT>.*?value="(\d{4}-\d{2}-\d{2})/s.exec(xml)?.[1] ?? null;
  const sentences = [...xml.matchAll(/<s id="(\d+)">([\s\S]*?)<\/s>/g)].map(([, n, body]) => ({ n: Number(n), text: decode(body.replace(/<[^>]+>/g, '')) }));
  return { id, dct, sentences };
}

function readTimelines() {
  const timelines = [];
  for (const file of readdirSync(join(dir, 'timelines')).sort()) {
    const [target, ...lines] = readFileSync(join(dir, 'timelines', file), 'utf8').split('\n');
    const gold = [];
    for (const line of lines) {
      const [, date, ...mentions] = line.trim().split('\t');
      if (!date) continue;
      for (const mention of mentions) {
        const [doc, sentence] = mention.split('-');
        gold.push({ doc, sentence: Number(sentence), date, mention });
      }
    }
    timelines.push({ target: target.trim(), gold });
  }
  return timelines;
}

const documents = readdirSync(join(dir, 'documents')).filter((f) => f.endsWith('.tml')).sort().map(readDocument);
const timelines = readTimelines();

// Analyse the articles as a user would drop them: one text file each, dated by its DCT, one
// sentence per paragraph (the data gives them split).
const work = mkdtempSync(join(tmpdir(), 'cronaca-timeline-'));
const layout = new Map();  // file name -> {doc, spans: [{n, start, end}]}
for (const doc of documents) {
  let text = '';
  const spans = [];
  for (const s of doc.sentences) {
    if (text) text += '\n\n';
    spans.push({ n: s.n, start: text.length, end: text.length + s.text.length });
    text += s.text;
  }
  const name = `${doc.id}.txt`;
  writeFileSync(join(work, name), (doc.dct ? ` date ${doc.dct} ` : '') + text);
  layout.set(name, { doc, spans, text });
}
const run = spawnSync(join(root, 'build/bin/cronaca'), ['analyse', '--lang', 'en', work], { maxBuffer: 1 << 30, encoding: 'utf8' });
rmSync(work, { recursive: true });
if (run.status !== 0) throw new Error(`cronaca failed: ${run.stderr}`);
const out = JSON.parse(run.stdout);

const byId = new Map(out.documents.map((d) => [d.id, d]));
const entities = new Map(out.entities.map((e) => [e.id, e]));
const sentenceOf = (docJson, offset) => {
  const { spans } = layout.get(docJson.name.split('/').pop());
  return spans.find((s) => offset >= s.start && offset < s.end + 2)?.n;
};

const pct = (x) => (100 * x).toFixed(1).padStart(5);
const totals = { exact: [0, 0, 0], year: [0, 0, 0], datedExact: [0, 0, 0] };
for (const { target, gold } of timelines) {
  const names = (TARGET_NAMES[target] ?? [target]).map((n) => n.toLowerCase());
  const system = new Map();  // "doc-sentence" -> set of dates
  for (const event of out.events) {
    const involved = [...event.entities, ...event.places].some((id) => entities.get(id).aliases.some((a) => names.includes(a.toLowerCase())));
    // The sentence that tells the event in each article (the first source from it); the
    // sentences after it that go on telling it are not events of their own.
    const told = new Set();
    for (const source of event.sources) {
      if (told.has(source.document) && !allSources) continue;
      told.add(source.document);
      const docJson = byId.get(source.document);
      const sentence = sentenceOf(docJson, source.start);
      const said = docJson.text.slice(source.start, source.end).toLowerCase();
      if (!involved && !names.some((n) => said.includes(n))) continue;
      const key = `${docJson.name.replace(/\.txt$/, '').split('/').pop()}-${sentence}`;
      if (!system.has(key)) system.set(key, new Set());
      system.get(key).add(event.date.value);
    }
  }
  const score = (keep, same) => {
    const wanted = gold.filter(keep);
    const goldKeys = new Set(wanted.map((g) => `${g.doc}-${g.sentence}\t${g.date}`));
    let found = 0;
    let listed = 0;
    for (const [key, dates] of system) {
      for (const date of dates) {
        listed += 1;
        if ([...goldKeys].some((g) => g.startsWith(`${key}\t`) && same(g.split('\t')[1], date))) found += 1;
      }
    }
    let recalled = 0;
    for (const g of wanted) {
      const dates = system.get(`${g.doc}-${g.sentence}`);
      if (dates && [...dates].some((d) => same(g.date, d))) recalled += 1;
    }
    return [found, listed, recalled, wanted.length];
  };
  const exactDate = (g, d) => g === d;
  const sameYear = (g, d) => /^\d{4}/.test(g) && g.slice(0, 4) === d.slice(0, 4);
  const report = (label, [found, listed, recalled, wanted], into) => {
    const p = listed ? found / listed : 0;
    const r = wanted ? recalled / wanted : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    into[0] += found, into[1] += listed, into[2] += recalled, into[3] = (into[3] ?? 0) + wanted;
    return `${label} P ${pct(p)} R ${pct(r)} F1 ${pct(f)}`;
  };
  const exact = score(() => true, exactDate);
  const year = score(() => true, sameYear);
  const dated = score((g) => !g.date.startsWith('XXXX'), exactDate);
  console.log(`${target.padEnd(20)} gold ${String(gold.length).padStart(3)}  ${report('exact', exact, totals.exact)}  ${report('year', year, totals.year)}  ${report('dated-exact', dated, totals.datedExact)}`);
  if (show) {
    const misses = gold.filter((g) => ![...(system.get(`${g.doc}-${g.sentence}`) ?? [])].includes(g.date)).slice(0, show);
    for (const g of misses) {
      const doc = layout.get(`${g.doc}.txt`)?.doc;
      const text = doc?.sentences.find((s) => s.n === g.sentence)?.text ?? '?';
      const got = [...(system.get(`${g.doc}-${g.sentence}`) ?? [])].join(',') || '-';
      console.log(`    miss ${g.mention} gold ${g.date} got ${got}: ${text.slice(0, 110)}`);
    }
  }
}
const micro = ([found, listed, recalled, wanted]) => {
  const p = listed ? found / listed : 0;
  const r = wanted ? recalled / wanted : 0;
  return `P ${pct(p)} R ${pct(r)} F1 ${pct(p + r ? (2 * p * r) / (p + r) : 0)}`;
};
console.log(`${'all (micro)'.padEnd(20)} gold ${String(totals.exact[3]).padStart(3)}  exact ${micro(totals.exact)}  year ${micro(totals.year)}  dated-exact ${micro(totals.datedExact)}`);
