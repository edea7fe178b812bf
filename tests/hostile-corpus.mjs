// Hostile inputs, generated at test time (nothing big is committed): files users have on disk that
// are not articles, or articles with something wrong. Shared by the CLI, wasm and browser tests.
// Each entry says what must happen to it: `error`, the exact message it is refused with, or
// `check(doc)`, what its analysed document must show; `page`, when the page treats it otherwise
// (it opens zip archives): {name, error} of what the page lists instead.
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';

const ARTICLE = ' date 2022-01-06 Il presidente kazako Kassym-Jomart Tokayev ha chiesto l’aiuto della Csto. ' +
  'Ad Almaty, giovedì 6 gennaio, una sparatoria ha causato almeno 164 morti. Tre giorni fa Internet è stato bloccato.';
const ITALIAN = 'Perché la città è vuota? Il sindaco ha detto che il 6 gennaio la piazza sarà riaperta.';
const RUSSIAN = 'Президент Казахстана Касым-Жомарт Токаев заявил, что в стране была предпринята попытка ' +
  'государственного переворота. Войска прибыли в Алматы 6 января.';

const NOT_TEXT = 'not text: only plain text, HTML and Markdown are supported';

// A deterministic byte generator, so that "random" files are the same on every run.
function noise(size, seed, { allowNul = true } = {}) {
  const bytes = Buffer.alloc(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; ++i) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
    if (!allowNul && bytes[i] === 0) bytes[i] = 1;
  }
  return bytes;
}

function utf16(text, { littleEndian, bom }) {
  const body = Buffer.from(text, 'utf16le');
  if (!littleEndian) body.swap16();
  return bom ? Buffer.concat([Buffer.from(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
}

// Windows-1251 for the Cyrillic letters used above (А..я are 0xC0..0xFF, Ё/ё aside).
function cp1251(text) {
  return Buffer.from([...text].map((c) => {
    const code = c.codePointAt(0);
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code < 0x80) return code;
    throw new Error(`no windows-1251 byte for ${c}`);
  }));
}

// A ZIP archive of `entries` entries of `size` zero bytes each: a zip bomb, 1,000 times smaller
// than what it expands to.
function zipBomb(entries, size) {
  const zeros = new Uint8Array(size);
  const files = {};
  for (let i = 0; i < entries; ++i) files[entries === 1 ? 'bomb.txt' : `bomb-${i}.txt`] = [zeros, { level: 9 }];
  return Buffer.from(zipSync(files));
}

const SIZE_LIMIT = (megabytes) => `the file is ${megabytes}.0 MB, over the 16.0 MB Cronaca analyses in one file: split it into smaller files (an article is rarely over 1 MB)`;

const text = (doc) => doc.text;

// The hostile files of one corpus, small enough for every test to use (under 2 MB together).
export function hostileFiles() {
  // Under 1% NUL bytes: text with a few stray NULs, not a binary file.
  const withNul = Buffer.from(`${ITALIAN.repeat(5)} Fine\0del\0testo\0.`);
  // A few invalid sequences among many valid ones: repaired, not reread as a legacy encoding.
  const invalidUtf8 = Buffer.concat([Buffer.from(ITALIAN.repeat(20)), Buffer.from([0xc3, 0x28, 0xa0, 0xff]), Buffer.from(' Ultima frase, 7 gennaio.')]);
  // A binary without a known signature: a header, then zero padding, as in many file formats.
  const binaryNul = Buffer.concat([noise(1024, 7), Buffer.alloc(3072)]);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), noise(2048, 3)]);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(2048, 5)]);
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), noise(2048, 9)]);
  const deepHtml = `<!doctype html><html lang="it"><head><title>Annidato</title></head><body>${'<div>'.repeat(100000)}` +
    `<p>${ITALIAN}</p>${'</div>'.repeat(50000)}<span><b><i>Fine non chiusa`;
  const malformedHtml = '<html><head><title>Rotto</title><meta charset="utf-8"><meta name="date" content="2022-13-45">' +
    `<body><p>${ITALIAN}<p>Secondo <b>paragrafo <i>senza</b> chiusure</i><table><tr><td>cella<td>altra</table>` +
    '</li></ul></div></body><p>dopo il corpo<p class="unterminated>Testo mai chiuso<script>var x = 1; <!-- ';
  const markupText = `${ITALIAN}\n<script>alert(1)</script> <img src=x onerror="alert(2)"> ` +
    '<a href="javascript:alert(3)">clicca qui</a> <iframe src="javascript:alert(4)"></iframe>\n';
  const markupHtml = '<!doctype html><html lang="it"><head><title>Pagina</title>' +
    `<script>alert(6)</script></head><body><article><h1>Titolo &lt;script&gt;alert(5)&lt;/script&gt;</h1><p>${ITALIAN}</p>` +
    '<p>Testo con &lt;img src=x onerror=alert(7)&gt; scritto come entità.</p>' +
    '<p><img src=x onerror="alert(8)"><a href="javascript:alert(9)">un collegamento</a>' +
    '<svg onload="alert(10)"><text>svg</text></svg><iframe srcdoc="<script>alert(11)</script>"></iframe></p></article></body></html>';
  const absurd = ' date 9999-99-99 Il 31 febbraio 2022 e il 30 febbraio, nel 99999999999 e nell\'anno 0, alle 25:61, ' +
    '4294967296 giorni fa e tra 2147483647 anni, il 0 gennaio e il 32 dicembre del -2147483648. ' +
    'Costa 1e308 euro, 18446744073709551616 dollari e 0,000000001 centesimi; il 99/99/9999 e il 2022-02-30.';

  return [
    { name: 'good.txt', bytes: Buffer.from(ARTICLE), check: (doc) => doc.date.value === '2022-01-06' && doc.mentions.length > 0 },
    {
      name: 'invalid-utf8.txt', bytes: invalidUtf8,
      check: (doc) => doc.encoding === 'UTF-8' && doc.warnings.some((w) => /3 byte sequences could not be decoded as UTF-8/.test(w)) && doc.text.includes('\uFFFD'),
    },
    { name: 'utf16le-bom.txt', bytes: utf16(ITALIAN, { littleEndian: true, bom: true }), check: (doc) => doc.encoding === 'UTF-16LE' && text(doc) === ITALIAN },
    { name: 'utf16be-bom.txt', bytes: utf16(ITALIAN, { littleEndian: false, bom: true }), check: (doc) => doc.encoding === 'UTF-16BE' && text(doc) === ITALIAN },
    { name: 'utf16le-nobom.txt', bytes: utf16(ITALIAN, { littleEndian: true, bom: false }), check: (doc) => doc.encoding === 'UTF-16LE' && text(doc) === ITALIAN },
    { name: 'utf16be-nobom.txt', bytes: utf16(ITALIAN, { littleEndian: false, bom: false }), check: (doc) => doc.encoding === 'UTF-16BE' && text(doc) === ITALIAN },
    { name: 'latin1.txt', bytes: Buffer.from(ITALIAN, 'latin1'), check: (doc) => doc.encoding === 'windows-1252' && text(doc) === ITALIAN },
    { name: 'windows-1251.txt', bytes: cp1251(RUSSIAN), check: (doc) => doc.encoding === 'windows-1251' && text(doc) === RUSSIAN },
    { name: 'nul-bytes.txt', bytes: withNul, check: (doc) => doc.warnings.includes('the text contains 3 NUL characters') },
    { name: 'binary.dat', bytes: binaryNul, error: `this is a binary file (it contains NUL bytes), ${NOT_TEXT}` },
    { name: 'noise.txt', bytes: noise(4096, 11, { allowNul: false }), error: /^this does not look like text \(\d+ control characters in the first \d+\): only plain text, HTML and Markdown are supported$/ },
    { name: 'scan.pdf', bytes: pdf, error: `this is a PDF document, ${NOT_TEXT}` },
    { name: 'photo.png', bytes: png, error: `this is a PNG image, ${NOT_TEXT}` },
    { name: 'photo.jpg', bytes: jpeg, error: `this is a JPEG image, ${NOT_TEXT}` },
    {
      name: 'bomb.zip', bytes: zipBomb(1, 64 << 20), error: `this is a ZIP archive (or an Office document), ${NOT_TEXT}`,
      page: { name: 'bomb.zip/bomb.txt', error: SIZE_LIMIT(64) },
    },
    { name: 'dump.txt.gz', bytes: gzipSync(Buffer.alloc(16 << 20)), error: `this is a gzip archive, ${NOT_TEXT}` },
    { name: 'empty.txt', bytes: Buffer.alloc(0), error: 'the file is empty' },
    { name: 'blank.txt', bytes: Buffer.from(' \n\t\r\n   \u00a0\n'), error: 'the file has no text' },
    { name: 'nested.html', bytes: Buffer.from(deepHtml), check: (doc) => doc.format === 'html' && doc.title === 'Annidato' && doc.text.includes('Perché la città è vuota?') },
    { name: 'malformed.html', bytes: Buffer.from(malformedHtml), check: (doc) => doc.format === 'html' && doc.text.includes('Secondo paragrafo') && doc.warnings.some((w) => /2022-13-45/.test(w)) },
    { name: 'markup.txt', bytes: Buffer.from(markupText), check: (doc) => doc.format === 'text' && doc.text.includes('<script>alert(1)</script>') && doc.text.includes('javascript:alert(3)') },
    {
      name: 'markup.html', bytes: Buffer.from(markupHtml),
      check: (doc) => doc.text.includes('un collegamento') && doc.text.includes('<img src=x onerror=alert(7)>') && !/alert\((6|8|9|10|11)\)/.test(doc.text) && doc.title.includes('<script>alert(5)</script>'),
    },
    {
      name: '<img src=x onerror=alert(12)>.txt', bytes: Buffer.from(`${ITALIAN} Il nome del file è markup.`),
      check: (doc) => doc.name === '<img src=x onerror=alert(12)>.txt',
    },
    {
      name: 'absurd-dates.txt', bytes: Buffer.from(absurd),
      check: (doc) => doc.date.source === 'none' && doc.warnings.some((w) => /date header "9999-99-99" is not a valid date/.test(w)) &&
        doc.timexes.every((t) => t.value.length > 0 && t.value.length < 40),
    },
  ];
}

// Archives only the page opens: a zip bomb of many entries, each under the size limit, that
// expands past what the page inflates; and an archive with one good article beside a bomb.
export function archiveBombs() {
  const article = Buffer.from(ARTICLE);
  return [
    { name: 'many-bombs.zip', bytes: zipBomb(40, 8 << 20), page: { name: 'many-bombs.zip', error: 'this zip archive cannot be read (the archive expands beyond 256 MB: analyse its articles in smaller archives)' } },
    {
      name: 'mixed.zip',
      bytes: Buffer.from(zipSync({ 'article.txt': new Uint8Array(article), 'big.txt': [new Uint8Array(20 << 20), { level: 9 }] })),
      page: { name: 'mixed.zip/big.txt', error: SIZE_LIMIT(20) },
      analysed: ['mixed.zip/article.txt'],
    },
  ];
}

// One line of `bytes` bytes without sentence punctuation: commas only.
export function singleLine(bytes) {
  const clause = 'il 6 gennaio 2022 il presidente Tokayev ha parlato ad Almaty, tre giorni fa la Csto ha risposto, ';
  return Buffer.from(clause.repeat(Math.ceil(bytes / Buffer.byteLength(clause)))).subarray(0, bytes);
}

// `bytes` bytes of ordinary articles, paragraph after paragraph.
export function bigText(bytes) {
  return Buffer.alloc(bytes, `${ARTICLE.trim()}\n\n`);
}

// `count` tiny articles named tiny/00000.txt ... with a few words and a date each.
export function tinyFiles(count) {
  return Array.from({ length: count }, (_, i) => ({
    name: `tiny-${String(i).padStart(5, '0')}.txt`,
    bytes: Buffer.from(`Nota ${i}: il ${1 + (i % 28)} gennaio 2022 a Mosca.`),
  }));
}
