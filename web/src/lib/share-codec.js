// The share link's formats. The fragment (never sent to any server) carries the view state as
// readable parameters and, last, the corpus itself: the articles as they were given and the
// user's corrections, as JSON, deflated, in URL-safe base64.
//   #entity=Tokayev&from=2022-01-01&to=2022-01-31&doc=seeds%2F001.txt&tab=map&corpus=1.<data>
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64.js';
import { DAY, isoDay, isoSpan } from './dates.js';

const CORPUS_VERSION = '1';
// Above this many characters a link may be cut by chat apps and mail clients.
export const CHAT_LINK_LIMIT = 4000;

// A link inflates to at most this: a fragment of a few megabytes could otherwise inflate to
// gigabytes (DEFLATE reaches about 1000:1) and take the tab down.
export const MAX_CORPUS_BYTES = 64 << 20;
// Compressed bytes inflated at a time, so that no step inflates much past the limit.
const INFLATE_STEP = 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// A link that cannot be opened says why; whatever a link holds, decoding throws nothing else.
class BrokenLink extends Error {}

function inflateBounded(compressed) {
  const chunks = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_CORPUS_BYTES) throw new BrokenLink(`the articles it carries are over ${MAX_CORPUS_BYTES >> 20} MB`);
    chunks.push(chunk);
  });
  for (let at = 0; at < compressed.length; at += INFLATE_STEP) {
    const end = Math.min(compressed.length, at + INFLATE_STEP);
    inflater.push(compressed.subarray(at, end), end === compressed.length);
  }
  if (compressed.length === 0) throw new BrokenLink('it carries no articles');
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function decodeFile(entry, index) {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || entry[0].length === 0) throw new BrokenLink(`file ${index + 1} has no name`);
  const [name, data] = entry;
  if (typeof data === 'string') return { name, bytes: new TextEncoder().encode(data) };
  if (data && typeof data.base64 === 'string') {
    try {
      return { name, bytes: fromBase64(data.base64) };
    } catch {
      throw new BrokenLink(`the content of ${name} is damaged`);
    }
  }
  throw new BrokenLink(`${name} has no content`);
}

// files: [{name, bytes}]; text files travel as text (which deflates well), others as base64.
export function encodeCorpus(files, corrections = []) {
  // A file the browser could not read has nothing to share.
  const entries = files.filter((file) => file.bytes).map(({ name, bytes }) => {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    try {
      return [name, strictUtf8.decode(data)];
    } catch {
      return [name, { base64: toBase64(data) }];
    }
  });
  const json = JSON.stringify({ files: entries, corrections });
  return `${CORPUS_VERSION}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

// The articles and corrections of a link's `corpus` parameter. Throws an Error saying what is
// wrong with a damaged or hostile one ("the link cannot be opened: ...").
export function decodeCorpus(text) {
  try {
    const dot = text.indexOf('.');
    if (dot < 0 || text.slice(0, dot) !== CORPUS_VERSION) throw new BrokenLink('unknown corpus format');
    let json;
    try {
      json = strFromU8(inflateBounded(fromBase64Url(text.slice(dot + 1))));
    } catch (error) {
      if (error instanceof BrokenLink) throw error;
      throw new BrokenLink('it was cut or changed on the way');
    }
    let parsed;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new BrokenLink('it was cut or changed on the way');
    }
    if (!parsed || !Array.isArray(parsed.files)) throw new BrokenLink('the corpus has no files');
    return {
      files: parsed.files.map(decodeFile),
      corrections: Array.isArray(parsed.corrections) ? parsed.corrections : [],
    };
  } catch (error) {
    if (error instanceof BrokenLink) throw new Error(`the link cannot be opened: ${error.message}`);
    throw error;
  }
}

// view: {entities: [names], window: [start, end) ms | null, doc: name | null, tab}
export function viewToFragment(view, corpus = null) {
  const params = new URLSearchParams();
  for (const name of view.entities ?? []) params.append('entity', name);
  if (view.window) {
    params.set('from', isoDay(view.window[0]));
    params.set('to', isoDay(view.window[1] - DAY));
  }
  if (view.doc) params.set('doc', view.doc);
  if (view.tab) params.set('tab', view.tab);
  // The corpus goes last so that the readable part of a long link stays visible.
  if (corpus) params.set('corpus', corpus);
  return params.toString();
}

// Reads a fragment (with or without '#'). `date=2022-01-06` (or a month, or a year) is a deep link
// to that period; `from`/`to` are inclusive days.
export function fragmentToView(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  let window = null;
  const from = isoSpan(params.get('from'));
  const to = isoSpan(params.get('to'));
  const date = isoSpan(params.get('date'));
  if (from && to && from[0] < to[1]) window = [from[0], to[1]];
  else if (date) window = date;
  return {
    entities: params.getAll('entity').filter(Boolean),
    window,
    doc: params.get('doc') || null,
    tab: params.get('tab') || null,
    corpus: params.get('corpus') || null,
    isDeepLink: params.has('entity') || params.has('date') || params.has('from') || params.has('doc'),
  };
}
