// The Italian temporal development set (it-timex-gold.txt): annotations over text that stays in
// ../shared/data (the seed articles and sentences of KIND's WN_dev.tsv), never copied here.
//
//   @ seeds/000_5e8cdd30eaa4b811.txt          a whole seed article, dated by its header
//   @ kind/WN_dev.tsv#41 dct=2007-05-03      sentence 41 (from 0) of KIND dev, with a date or none
//   = 06 gennaio 2022 | DATE | 2022-01-06     an expression: its text, type, value [, mod]
//
// Expressions are found in order, each after the previous one. A document without "=" lines
// has no temporal expression: it checks that none is found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detokenise, kindSentences } from '../bench/corpus.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

function kindSentence(file, index) {
  const sentence = kindSentences(file)[index];
  return sentence && detokenise(sentence.tokens);
}

export function italianGold(path = join(here, 'it-timex-gold.txt')) {
  const documents = [];
  let current = null;
  for (const [n, raw] of readFileSync(path, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fail = (message) => {
      throw new Error(`${path}:${n + 1}: ${message}`);
    };
    if (line.startsWith('@')) {
      const [source, ...options] = line.slice(1).trim().split(/\s+/);
      const dct = options.find((o) => o.startsWith('dct='))?.slice(4) || null;
      let text;
      let header = dct;
      if (source.startsWith('seeds/')) {
        const content = readFileSync(join(shared, source), 'utf8');
        const match = /^ date (\d{4}-\d{2}(?:-\d{2})?) /.exec(content);
        header = dct ?? match?.[1] ?? null;
        text = match ? content.slice(match[0].length) : content;
      } else {
        const [, file, index] = /^kind\/([^#]+)#(\d+)$/.exec(source) || fail(`bad source ${source}`);
        text = kindSentence(file, Number(index));
        if (text === undefined) fail(`no sentence ${index} in ${file}`);
      }
      current = { name: source, dct: header, text, timexes: [], searchFrom: 0 };
      documents.push(current);
      continue;
    }
    if (!line.startsWith('=') || !current) fail('expected "@ source" or "= text | TYPE | value"');
    const [surface, type, value, mod] = line.slice(1).split('|').map((s) => s.trim());
    if (!surface || !type || !value) fail('an expression needs text, type and value');
    const start = current.text.indexOf(surface, current.searchFrom);
    if (start < 0) fail(`"${surface}" not found in ${current.name} after offset ${current.searchFrom}`);
    current.timexes.push({ start, end: start + surface.length, text: surface, type, value, mod: mod || undefined });
    current.searchFrom = start + surface.length;
  }
  return documents;
}
