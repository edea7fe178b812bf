// The entity-resolution development set (entity-gold.txt): mentions grouped into entities, over
// text that stays in ../shared/data.
//
//   @ seeds/000_5e8cdd30eaa4b811.txt           a seed article, dated by its header
//   = Kassym Jomart Tokayev | PER | tokayev     its next mention: text, type, entity label
//   @ kind/WN_dev.tsv#140-159                  KIND dev sentences 140 to 158, one article
//   = Silvio Berlusconi | silvio_berlusconi    its next gold mention (text checked), entity label
//
// Seed mentions are found in order, each after the previous one. A KIND article's text is its
// sentences separated by blank lines, and its mentions are exactly KIND's, so the "=" lines must
// list every one of them in order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detokenise, kindSentences } from '../bench/corpus.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

function kindArticle(file, first, end) {
  const pieces = [];
  const mentions = [];
  let length = 0;
  for (const sentence of kindSentences(file).slice(first, end)) {
    if (pieces.length) length += 2;
    const offsets = [];
    const text = detokenise(sentence.tokens, offsets);
    let open = null;  // the type of the mention the previous token is in
    sentence.tags.forEach((tag, i) => {
      const [start, stop] = offsets[i].map((o) => o + length);
      const type = tag.slice(2);
      if (tag.startsWith('B-') || (tag.startsWith('I-') && open !== type)) {
        mentions.push({ start, end: stop, type });
        open = type;
      } else if (tag.startsWith('I-')) {
        mentions.at(-1).end = stop;
      } else {
        open = null;
      }
    });
    pieces.push(text);
    length += text.length;
  }
  return { text: pieces.join('\n\n'), mentions };
}

export function entityGold(path = join(here, 'entity-gold.txt')) {
  const documents = [];
  let current = null;
  const finish = (fail) => {
    if (current?.pending && current.next < current.pending.length) {
      fail(`${current.name}: ${current.pending.length - current.next} KIND mentions have no label, from "${current.text.slice(current.pending[current.next].start, current.pending[current.next].end)}"`);
    }
  };
  for (const [n, raw] of readFileSync(path, 'utf8').split('\n').entries()) {
    const line = raw.trim();
    const fail = (message) => {
      throw new Error(`${path}:${n + 1}: ${message}`);
    };
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      finish(fail);
      const source = line.slice(1).trim();
      if (source.startsWith('seeds/')) {
        const content = readFileSync(join(shared, source), 'utf8');
        const header = /^ date (\d{4}-\d{2}(?:-\d{2})?) /.exec(content);
        current = { name: source, date: header?.[1] ?? null, text: header ? content.slice(header[0].length) : content, mentions: [], searchFrom: 0 };
      } else {
        const [, file, first, end] = /^kind\/([^#]+)#(\d+)-(\d+)$/.exec(source) || fail(`bad source ${source}`);
        const article = kindArticle(file, Number(first), Number(end));
        current = { name: source, date: null, text: article.text, mentions: [], pending: article.mentions, next: 0 };
      }
      documents.push(current);
      continue;
    }
    if (!line.startsWith('=') || !current) fail('expected "@ source" or "= mention | [TYPE |] label"');
    const fields = line.slice(1).split('|').map((s) => s.trim());
    const surface = fields[0];
    const label = fields.at(-1);
    if (current.pending) {
      if (fields.length !== 2) fail('a KIND mention is "= text | label"');
      const gold = current.pending[current.next++] ?? fail(`more labels than KIND mentions in ${current.name}`);
      const text = current.text.slice(gold.start, gold.end);
      if (text !== surface) fail(`expected KIND mention "${text}", not "${surface}"`);
      current.mentions.push({ ...gold, text, label });
    } else {
      if (fields.length !== 3 || !['PER', 'LOC', 'ORG'].includes(fields[1])) fail('a seed mention is "= text | PER|LOC|ORG | label"');
      const start = current.text.indexOf(surface, current.searchFrom);
      if (start < 0) fail(`"${surface}" not found in ${current.name} after offset ${current.searchFrom}`);
      current.mentions.push({ start, end: start + surface.length, type: fields[1], text: surface, label });
      current.searchFrom = start + surface.length;
    }
  }
  finish((message) => {
    throw new Error(`${path}: ${message}`);
  });
  return documents.map(({ name, date, text, mentions }) => ({ name, date, text, mentions }));
}
