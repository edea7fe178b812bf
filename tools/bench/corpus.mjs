#!/usr/bin/env node
// Assembles the benchmark corpus from real text in ../shared/data: the Italian sentences of KIND
// (detokenised, 20 to an article, dated like the seeds) and the English TimeBank/AQUAINT articles
// (text without markup, dated by their DCT), interleaved and repeated up to N articles.
//   node tools/bench/corpus.mjs N OUTDIR
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const shared = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '»', '”', '…', '%']);
const NO_SPACE_AFTER = new Set(['(', '[', '«', '“']);

// Text from KIND's tokens, spaced as written Italian is; `offsets`, when given, receives each
// token's [start, end) in the text.
export function detokenise(tokens, offsets = null) {
  let out = '';
  let quoteOpen = false;
  let glue = true;
  for (const token of tokens) {
    let space = !glue && !NO_SPACE_BEFORE.has(token);
    if (token === '"') {
      space = !glue && !quoteOpen;
      quoteOpen = !quoteOpen;
    }
    out += (space ? ' ' : '') + token;
    offsets?.push([out.length - token.length, out.length]);
    glue = NO_SPACE_AFTER.has(token) || /['’]$/.test(token) || (token === '"' && quoteOpen);
  }
  return out;
}

// The sentences of a KIND file (WN_train.tsv, WN_dev.tsv): [{tokens, tags}], read once.
const kindFiles = new Map();
export function kindSentences(file) {
  if (!kindFiles.has(file)) {
    const sentences = [];
    let current = { tokens: [], tags: [] };
    for (const line of readFileSync(join(shared, 'kind', file), 'utf8').split('\n')) {
      const [token, tag] = line.split('\t');
      if (token) {
        current.tokens.push(token);
        current.tags.push(tag ?? 'O');
      } else if (current.tokens.length) {
        sentences.push(current);
        current = { tokens: [], tags: [] };
      }
    }
    if (current.tokens.length) sentences.push(current);
    kindFiles.set(file, sentences);
  }
  return kindFiles.get(file);
}

export function italianArticles() {
  const sentences = [];
  for (const file of ['WN_train.tsv', 'WN_dev.tsv']) {
    for (const sentence of kindSentences(file)) sentences.push(detokenise(sentence.tokens));
  }
  const articles = [];
  for (let i = 0; i < sentences.length; i += 20) {
    const day = String(1 + (articles.length % 28)).padStart(2, '0');
    articles.push(` date 2022-01-${day} ${sentences.slice(i, i + 20).join(' ')}\n`);
  }
  return articles;
}

export function englishArticles() {
  const articles = [];
  for (const folder of ['TimeBank', 'AQUAINT']) {
    const dir = join(shared, 'timebank', folder);
    for (const name of readdirSync(dir).sort()) {
      const xml = readFileSync(join(dir, name), 'utf8');
      const dct = /<DCT>.*?value="(\d{4}-\d{2}-\d{2})/s.exec(xml)?.[1];
      const text = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
      if (!text) continue;
      const plain = text.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
      articles.push(`${dct ? ` date ${dct} ` : ''}${plain}\n`);
    }
  }
  return articles;
}

export function buildCorpus(count) {
  const italian = italianArticles();
  const english = englishArticles();
  const files = [];
  for (let i = 0; i < count; i++) {
    const source = i % 2 === 0 ? italian : english;
    const text = source[Math.floor(i / 2) % source.length];
    files.push({ name: `${String(i).padStart(6, '0')}-${i % 2 === 0 ? 'it' : 'en'}.txt`, text });
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, outDir] = [Number(process.argv[2]), process.argv[3]];
  if (!count || !outDir) {
    console.error('usage: corpus.mjs N OUTDIR');
    process.exit(2);
  }
  if (!existsSync(shared)) {
    console.error(`corpus: ${shared} is missing; the benchmark needs ../shared/data`);
    process.exit(2);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const { name, text } of buildCorpus(count)) writeFileSync(join(outDir, name), text);
}
