// Loading a corpus from a URL, only ever on the user's explicit request (the Load from URL button,
// or a ?src= link the user confirmed). Plain text or HTML becomes one article, a zip its articles,
// and JSON a list of articles: an array of texts or of {name, text, date} objects (also under
// "articles", "documents" or "files"), or a cronaca/1 analysis.
import { t } from './i18n.js';

const MAX_BYTES = 512 * 1024 * 1024;

function nameFrom(url, fallback) {
  const last = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
  return last || fallback;
}

const withDate = (text, date) => (/^\d{4}-\d{2}(-\d{2})?$/.test(date ?? '') ? ` date ${date}\n${text}` : text);

function articlesFromJson(data, url) {
  const list = Array.isArray(data) ? data : data.articles ?? data.documents ?? data.files;
  if (!Array.isArray(list)) throw new Error(t('remoteJsonShape'));
  const encoder = new TextEncoder();
  const base = nameFrom(url, 'corpus').replace(/\.json$/i, '');
  return list.map((item, i) => {
    if (typeof item === 'string') return { name: `${base}/${String(i + 1).padStart(4, '0')}.txt`, bytes: encoder.encode(item).buffer };
    const text = item.text ?? item.content ?? item.body;
    if (typeof text !== 'string') throw new Error(t('remoteJsonShape'));
    const date = typeof item.date === 'string' ? item.date : item.date?.value;
    let name = String(item.name ?? item.title ?? item.id ?? i + 1).replace(/[\\/]/g, '-');
    if (!/\.(txt|md|html?)$/i.test(name)) name += '.txt';
    // An analysis's text is already extracted: it goes back in as plain text, with its date.
    if (data.schema === 'cronaca/1') name = name.replace(/\.(md|html?)$/i, '.txt');
    return { name: `${base}/${name}`, bytes: encoder.encode(withDate(text, date)).buffer };
  });
}

export async function fetchCorpus(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
  } catch {
    throw new Error(t('remoteUnreachable', { url }));
  }
  if (!response.ok) throw new Error(t('remoteStatus', { url, status: response.status }));
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_BYTES) throw new Error(t('remoteTooLarge'));
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  const type = response.headers.get('content-type') ?? '';
  if (head[0] === 0x50 && head[1] === 0x4b) return [{ name: nameFrom(url, 'corpus.zip'), bytes }];
  const text = new TextDecoder().decode(bytes);
  if (/json/.test(type) || /\.json$/i.test(new URL(url).pathname) || /^\s*[[{]/.test(text)) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(t('remoteJsonShape'));
    }
    return articlesFromJson(data, url);
  }
  let name = nameFrom(url, 'article');
  if (!/\.(txt|md|markdown|html?)$/i.test(name)) name += /html/.test(type) ? '.html' : '.txt';
  return [{ name, bytes }];
}
