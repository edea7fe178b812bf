#!/usr/bin/env node
// TempEval-3 scoring of Cronaca's temporal tagger against gold TIMEX3 annotations (values are
// compared as written, up to the two equivalent spellings canonicalValue accepts).
//   node tools/eval/timex-eval.mjs [--lang en] [--show N] [--json] GOLD_DIR...
//   node tools/eval/timex-eval.mjs --italian [--show N] [--json]   (the Italian development set)
// Each gold document is analysed by build/bin/cronaca with its creation time as the document
// date. Reports strict and relaxed extent precision/recall/F1, type and value accuracy on
// relaxed matches, and value F1 (a match with the right value counts as correct).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimeml } from './timeml.mjs';
import { italianGold } from './italian-gold.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'build/bin/cronaca');

function goldFiles(paths) {
  const files = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) files.push(...goldFiles([join(path, name)]));
    } else if (path.endsWith('.tml')) {
      files.push(path);
    }
  }
  return files;
}

// Runs the CLI once over all documents; returns the system timexes per document name.
export function analyse(documents, lang) {
  const dir = mkdtempSync(join(tmpdir(), 'cronaca-eval-'));
  try {
    for (const [i, doc] of documents.entries()) {
      const header = doc.dct ? ` date ${doc.dct.slice(0, 10)} ` : '';
      writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), header + doc.text);
    }
    const run = spawnSync(cli, ['analyse', '--lang', lang, dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status !== 0 && !run.stdout) throw new Error(run.stderr);
    const out = JSON.parse(run.stdout);
    const byIndex = new Map(out.documents.map((d) => [Number(d.name.split('/').pop().slice(0, 5)), d]));
    return documents.map((doc, i) => {
      const analysed = byIndex.get(i);
      if (!analysed) return [];
      if (analysed.text !== doc.text) throw new Error(`text of ${doc.name} changed in analysis`);
      return analysed.timexes;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

// Two spellings of one TimeML value: ISO weeks with or without their leading zero ("2000-W8",
// "2000-W08"), decades and centuries with or without the X ("198", "198X"), as TBAQ's annotators
// wrote them both ways. Nothing else is forgiven.
function canonicalValue(value) {
  return String(value ?? '')
    .replace(/-W(\d)(?!\d)/, '-W0$1')
    .replace(/^(\d{3})X$/, '$1')
    .replace(/^(\d{2})XX$/, '$1');
}
export const sameValue = (a, b) => canonicalValue(a) === canonicalValue(b);

export function score(documents, systems) {
  const totals = { gold: 0, system: 0, strict: 0, relaxed: 0, type: 0, value: 0 };
  const errors = [];
  documents.forEach((doc, d) => {
    const system = systems[d];
    const around = (t) => doc.text.slice(Math.max(0, t.start - 40), t.end + 40).replace(/\s+/g, ' ');
    totals.gold += doc.timexes.length;
    totals.system += system.length;
    const used = new Set();
    for (const gold of doc.timexes) {
      const index = system.findIndex((s, i) => !used.has(i) && overlaps(s, gold));
      if (index < 0) {
        errors.push({ kind: 'missed', doc: doc.name, gold, context: around(gold) });
        continue;
      }
      used.add(index);
      const found = system[index];
      totals.relaxed += 1;
      if (found.start === gold.start && found.end === gold.end) totals.strict += 1;
      else errors.push({ kind: 'extent', doc: doc.name, gold, found, context: around(gold) });
      if (found.type === gold.type) totals.type += 1;
      if (sameValue(found.value, gold.value)) totals.value += 1;
      else errors.push({ kind: 'value', doc: doc.name, gold, found, context: around(gold) });
    }
    system.forEach((found, i) => {
      if (!used.has(i)) errors.push({ kind: 'spurious', doc: doc.name, found, context: around(found) });
    });
  });
  const f1 = (correct) => {
    const p = totals.system ? correct / totals.system : 0;
    const r = totals.gold ? correct / totals.gold : 0;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  return {
    totals,
    strict: f1(totals.strict),
    relaxed: f1(totals.relaxed),
    typeAccuracy: totals.relaxed ? totals.type / totals.relaxed : 0,
    valueAccuracy: totals.relaxed ? totals.value / totals.relaxed : 0,
    value: f1(totals.value),
    errors,
  };
}

export function report(title, result) {
  const pct = (x) => (100 * x).toFixed(1).padStart(5);
  const line = (name, m) => `  ${name.padEnd(9)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f1)}`;
  return [
    `${title}: ${result.totals.gold} gold, ${result.totals.system} found`,
    line('strict', result.strict),
    line('relaxed', result.relaxed),
    `  type accuracy  ${pct(result.typeAccuracy)}   value accuracy ${pct(result.valueAccuracy)}`,
    line('value', result.value),
  ].join('\n');
}

function showErrors(errors, limit) {
  const describe = (t) => (t ? `"${t.text}" ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}` : '');
  for (const e of errors.slice(0, limit)) {
    console.log(`${e.kind.padEnd(8)} ${e.doc.padEnd(28)} gold ${describe(e.gold).padEnd(50)} found ${describe(e.found)}`);
    if (e.context) console.log(`         … ${e.context} …`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const [value] = args.splice(i, 2).slice(1);
    return value;
  };
  const show = Number(option('--show', 0));
  const italian = args.includes('--italian');
  const json = args.includes('--json');
  let lang = option('--lang', italian ? 'it' : 'en');
  const paths = args.filter((a) => a !== '--italian' && a !== '--json');
  let documents;
  if (italian) {
    documents = italianGold();
    lang = 'it';
  } else {
    documents = goldFiles(paths).map((file) => ({ name: file.split('/').pop(), ...parseTimeml(readFileSync(file, 'utf8')) }));
  }
  const result = score(documents, analyse(documents, lang));
  console.log(report(italian ? 'Italian development set' : paths.join(' '), result));
  if (show) showErrors(result.errors, show);
  if (json) console.log(JSON.stringify({ ...result, errors: undefined }));
}
