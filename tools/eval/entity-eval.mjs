#!/usr/bin/env node
// Scores entity resolution on the development set (entity-gold.txt) with B-cubed and pairwise
// precision, recall and F1 over the gold mentions, two ways:
//   gold mentions   the resolver alone (build/bin/cronaca-resolve), given KIND's and our mentions;
//   end to end      the whole analysis (build/bin/cronaca analyse): a gold mention the tagger
//                   did not find exactly counts as an entity of its own.
//   node tools/eval/entity-eval.mjs [--show N]    N: list up to N wrong merges and splits
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entityGold } from './entity-gold.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const show = Number(process.argv[process.argv.indexOf('--show') + 1] || 0) * (process.argv.includes('--show') ? 1 : 0);

function run(command, args, input) {
  const result = spawnSync(join(root, 'build/bin', command), args, { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const pairs = (n) => (n * (n - 1)) / 2;

// `assigned[i]` is the system's entity for gold mention i (unique strings for unmatched ones).
function score(mentions, assigned) {
  const gold = new Map();
  const system = new Map();
  const both = new Map();
  mentions.forEach((m, i) => {
    gold.set(m.label, (gold.get(m.label) ?? 0) + 1);
    system.set(assigned[i], (system.get(assigned[i]) ?? 0) + 1);
    const key = `${assigned[i]}\u0000${m.label}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  });
  let precision = 0;
  let recall = 0;
  mentions.forEach((m, i) => {
    const overlap = both.get(`${assigned[i]}\u0000${m.label}`);
    precision += overlap / system.get(assigned[i]);
    recall += overlap / gold.get(m.label);
  });
  const sum = (map) => [...map.values()].reduce((a, n) => a + pairs(n), 0);
  const f1 = (p, r) => (p + r ? (2 * p * r) / (p + r) : 0);
  const b3 = { p: precision / mentions.length, r: recall / mentions.length };
  const pw = { p: sum(both) / sum(system), r: sum(both) / sum(gold) };
  return { b3: { ...b3, f1: f1(b3.p, b3.r) }, pairwise: { ...pw, f1: f1(pw.p, pw.r) }, goldEntities: gold.size, systemEntities: system.size };
}

function report(title, mentions, assigned, entityName) {
  const s = score(mentions, assigned);
  const pct = (x) => (100 * x).toFixed(1).padStart(5);
  console.log(`${title}`);
  console.log(`  B-cubed   P ${pct(s.b3.p)}  R ${pct(s.b3.r)}  F1 ${pct(s.b3.f1)}`);
  console.log(`  pairwise  P ${pct(s.pairwise.p)}  R ${pct(s.pairwise.r)}  F1 ${pct(s.pairwise.f1)}`);
  console.log(`  ${mentions.length} mentions, ${s.goldEntities} gold entities, ${s.systemEntities} system entities`);
  if (show) {
    const labelsOf = new Map();
    const entitiesOf = new Map();
    mentions.forEach((m, i) => {
      (labelsOf.get(assigned[i]) ?? labelsOf.set(assigned[i], new Set()).get(assigned[i])).add(m.label);
      (entitiesOf.get(m.label) ?? entitiesOf.set(m.label, new Set()).get(m.label)).add(assigned[i]);
    });
    const merges = [...labelsOf].filter(([, labels]) => labels.size > 1).slice(0, show);
    const splits = [...entitiesOf].filter(([, entities]) => entities.size > 1).slice(0, show);
    for (const [entity, labels] of merges) console.log(`  merged: ${entityName(entity)} <- ${[...labels].join(', ')}`);
    for (const [label, entities] of splits) console.log(`  split:  ${label} -> ${[...entities].map(entityName).join(' | ')}`);
  }
  return s;
}

const documents = entityGold();
const mentions = documents.flatMap((d) => d.mentions);

// ---- Gold mentions, resolver only.
{
  const bytes = (text, offset) => Buffer.byteLength(text.slice(0, offset));
  const request = {
    documents: documents.map((d) => ({
      name: d.name,
      lang: 'it',
      date: d.date,
      text: d.text,
      mentions: d.mentions.map((m) => [bytes(d.text, m.start), bytes(d.text, m.end), m.type]),
    })),
  };
  const out = run('cronaca-resolve', [], JSON.stringify(request));
  const names = new Map(out.entities.map((e) => [e.id, `${e.name} (${e.aliases.join('; ')})`]));
  const assigned = [];
  documents.forEach((d, i) => {
    const found = new Map(out.documents[i].mentions.filter((m) => m.role !== 'demonym').map((m) => [`${m.start}:${m.end}`, m.entity]));
    for (const m of d.mentions) assigned.push(found.get(`${m.start}:${m.end}`) ?? `unresolved ${d.name} ${m.start}`);
  });
  report('gold mentions (resolver alone)', mentions, assigned, (id) => names.get(id) ?? id);
}

// ---- End to end: the documents analysed as a user would drop them.
{
  const dir = mkdtempSync(join(tmpdir(), 'cronaca-entity-eval-'));
  const files = documents.map((d, i) => {
    const file = join(dir, `${String(i).padStart(3, '0')}.txt`);
    writeFileSync(file, (d.date ? ` date ${d.date} ` : '') + d.text);
    return file;
  });
  const out = run('cronaca', ['analyse', '--lang', 'it', ...files]);
  rmSync(dir, { recursive: true });
  const names = new Map(out.entities.map((e) => [e.id, `${e.name} (${e.aliases.join('; ')})`]));
  const assigned = [];
  let matched = 0;
  documents.forEach((d, i) => {
    if (out.documents[i].text !== d.text) throw new Error(`${d.name}: the analysed text differs from the gold text`);
    const found = new Map(out.documents[i].mentions.filter((m) => m.role !== 'demonym').map((m) => [`${m.start}:${m.end}`, m.entity]));
    for (const m of d.mentions) {
      const entity = found.get(`${m.start}:${m.end}`);
      if (entity) matched++;
      assigned.push(entity ?? `missed ${d.name} ${m.start}`);
    }
  });
  report(`end to end (the tagger found ${matched} of ${mentions.length} gold mentions exactly)`, mentions, assigned, (id) => names.get(id) ?? id);
}
