// The share link's formats. The fragment (never sent to any server) carries the view state as
// readable parameters and, last, the corpus itself: the articles as they were given and the
// user's corrections, as JSON, deflated, in URL-safe base64.
//   #entity=Tokayev&from=2022-01-01&to=2022-01-31&doc=seeds%2F001.txt&tab=map&corpus=1.<data>
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64.js';
import { DAY, isoDay, isoSpan } from './dates.js';

const CORPUS_VERSION = '1';
// Above this many characters a link may be cut by chat apps and mail clients.
export const CHAT_LINK_LIMIT = 4000;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// files: [{name, bytes}]; text files travel as text (which deflates well), others as base64.
export function encodeCorpus(files, corrections = []) {
  const entries = files.map(({ name, bytes }) => {
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

export function decodeCorpus(text) {
  const dot = text.indexOf('.');
  if (dot < 0 || text.slice(0, dot) !== CORPUS_VERSION) throw new Error('unknown corpus format');
  const parsed = JSON.parse(strFromU8(inflateSync(fromBase64Url(text.slice(dot + 1)))));
  if (!Array.isArray(parsed.files)) throw new Error('the corpus has no files');
  const encoder = new TextEncoder();
  return {
    files: parsed.files.map(([name, data]) => ({
      name: String(name),
      bytes: typeof data === 'string' ? encoder.encode(data) : fromBase64(data.base64),
    })),
    corrections: Array.isArray(parsed.corrections) ? parsed.corrections : [],
  };
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
