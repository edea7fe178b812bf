// Reading TimeML: the text of <TEXT> with its markup removed, the gold TIMEX3 spans in it, and
// the document creation time. Offsets are JavaScript string indices into the plain text.
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text) {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()];
    return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}

function attributes(tag) {
  const out = {};
  for (const [, key, value] of tag.matchAll(/(\w+)="([^"]*)"/g)) out[key] = value;
  return out;
}

export function parseTimeml(xml) {
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dctValue = dct ? attributes(dct[0]).value : null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!body) return null;
  let text = '';
  const timexes = [];
  const open = [];
  for (const piece of body[1].split(/(<[^>]+>)/)) {
    if (!piece) continue;
    if (piece.startsWith('<')) {
      if (/^<TIMEX3\b/.test(piece)) {
        open.push({ start: text.length, ...attributes(piece) });
        if (piece.endsWith('/>')) open.pop();
      } else if (/^<\/TIMEX3>/.test(piece)) {
        const timex = open.pop();
        if (timex) timexes.push({ ...timex, end: text.length, text: text.slice(timex.start) });
      }
      continue;
    }
    text += decode(piece);
  }
  return { dct: dctValue, text, timexes };
}
