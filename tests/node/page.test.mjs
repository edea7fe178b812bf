// The page's logic that needs no browser: the share link's formats, the timeline's layout, the
// filters, the exports (TimeML byte for byte as the CLI writes it), and the interface strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { scaleUtc } from 'd3-scale';
import { strFromU8, unzipSync } from 'fflate';
import { computeFilter, findEntities, searchKey } from '../../web/src/filters.js';
import { STRING_TABLES } from '../../web/src/i18n.js';
import { annotateRuns } from '../../web/src/lib/annotate.js';
import { csvField } from '../../web/src/lib/escape.js';
import { decodeCorpus, encodeCorpus, fragmentToView, viewToFragment } from '../../web/src/lib/share-codec.js';
import { layoutEvents } from '../../web/src/timeline/layout.js';
import { entitiesCsv, eventsCsv, timelineJs, timeml, timemlArchive } from '../../web/worker/exports.js';
import { expandInputs } from '../../web/worker/inputs.js';
import { buildModel, hydrateModel, modelMessages } from '../../web/worker/model.js';
import { reportHtml } from '../../web/worker/report.js';
import { fixtureFiles, root, runCli, seeds, wasmEngine } from '../support.mjs';

const engine = await wasmEngine();
const analyse = (paths, options = {}) => JSON.parse(engine.analyse(paths.map((path) => ({ name: basename(path), bytes: readFileSync(path) })), options));
const fixtures = analyse(fixtureFiles);

test('the share codec gives back the same bytes, text or not, and the corrections', () => {
  const files = fixtureFiles.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }));
  const corrections = [{ op: 'rename', entity: 'Almaty', name: 'Alma-Ata' }];
  const encoded = encodeCorpus(files, corrections);
  assert.match(encoded, /^1\.[A-Za-z0-9_-]+$/);
  const decoded = decodeCorpus(encoded);
  assert.deepEqual(decoded.corrections, corrections);
  assert.deepEqual(decoded.files.map((f) => f.name), files.map((f) => f.name));
  for (let i = 0; i < files.length; i++) assert.deepEqual(Buffer.from(decoded.files[i].bytes), Buffer.from(files[i].bytes), files[i].name);
  assert.throws(() => decodeCorpus('9.abc'), /unknown corpus format/);
});

test('the view survives the fragment, and deep links name an entity or a date', () => {
  const view = { entities: ['Kassym-Jomart Tokayev', 'Almaty'], window: [Date.UTC(2022, 0, 1), Date.UTC(2022, 0, 11)], doc: 'seeds/001 x.txt', tab: 'map' };
  const back = fragmentToView(`#${viewToFragment(view, '1.abc')}`);
  assert.deepEqual(back.entities, view.entities);
  assert.deepEqual(back.window, view.window);
  assert.equal(back.doc, view.doc);
  assert.equal(back.tab, 'map');
  assert.equal(back.corpus, '1.abc');
  assert.deepEqual(fragmentToView('#date=2022-01-06').window, [Date.UTC(2022, 0, 6), Date.UTC(2022, 0, 7)]);
  assert.deepEqual(fragmentToView('#date=2022-11').window, [Date.UTC(2022, 10, 1), Date.UTC(2022, 11, 1)]);
  assert.equal(fragmentToView('#entity=Tokayev').isDeepLink, true);
  assert.equal(fragmentToView('').isDeepLink, false);
});

test('the timeline counts a dense period and draws a sparse one mark by mark', () => {
  const day = 86400000;
  const start = Date.UTC(2022, 0, 1);
  const events = [];
  for (let i = 0; i < 60; i++) events.push({ index: i, span: [start + 5 * day, start + 6 * day], headline: `dense ${i}` });
  for (let i = 0; i < 5; i++) events.push({ index: 60 + i, span: [start + (100 + 40 * i) * day, start + (101 + 40 * i) * day], headline: `sparse ${i}` });
  const x = scaleUtc().domain([start, start + 365 * day]).range([0, 1000]);
  const { marks, clusters } = layoutEvents(events, x, { width: 1000, lanes: 8 });
  assert.equal(clusters.length, 1);
  assert.equal(clusters[0].count, 60);
  assert.deepEqual(marks.map((m) => m.event.index).sort(), [60, 61, 62, 63, 64]);
  // Zoomed in on the dense days, they are drawn one by one where lanes allow.
  const zoomed = scaleUtc().domain([start + 5 * day, start + 6 * day]).range([0, 1000]);
  const close = layoutEvents(events.slice(0, 6), zoomed, { width: 1000, lanes: 8 });
  assert.equal(close.clusters.length, 0);
  assert.equal(close.marks.length, 6);
  // No two marks in a lane overlap, labels included.
  for (const lane of new Set(close.marks.map((m) => m.lane))) {
    const row = close.marks.filter((m) => m.lane === lane).sort((a, b) => a.x - b.x);
    for (let i = 1; i < row.length; i++) assert.ok(row[i - 1].labelX + row[i - 1].labelWidth <= row[i].x, 'labels overlap');
  }
});

test('the model and the filters: a time window and entities narrow every view', () => {
  const model = hydrateModel(buildModel(fixtures));
  assert.equal(model.documents.length, fixtures.documents.length);
  const all = computeFilter(model, {});
  assert.equal(all.active, false);
  assert.equal(all.docs.length, model.documents.length);
  const almaty = findEntities(model, 'almaty');
  assert.equal(almaty.length, 1);
  const filtered = computeFilter(model, { selected: new Set(almaty) });
  assert.ok(filtered.docs.length >= 1 && filtered.docs.length < model.documents.length);
  for (const doc of filtered.docs) assert.ok(model.entities[almaty[0]].docs.includes(doc));
  for (const event of filtered.events) assert.ok(event.participants.includes(almaty[0]));
  const january = computeFilter(model, { window: [Date.UTC(2022, 0, 1), Date.UTC(2022, 1, 1)] });
  for (const doc of january.docs) assert.ok(model.documents[doc].span[0] < Date.UTC(2022, 1, 1));
  assert.equal(searchKey('Kassym-Jomart  TOKAYEV'), 'kassym jomart tokayev');
  // The model travels in parts and comes back whole.
  const { parts, rest } = modelMessages(buildModel(fixtures), 2);
  for (const { key, items } of parts) rest[key].push(...items);
  const whole = hydrateModel(rest);
  assert.deepEqual(whole.entities.map((e) => [e.name, [...e.docs], [...e.docCounts]]), model.entities.map((e) => [e.name, [...e.docs], [...e.docCounts]]));
});

test('durations read as words', async () => {
  const { formatDuration } = await import('../../web/src/lib/format.js');
  assert.equal(formatDuration('P3D'), '3 days');
  assert.equal(formatDuration('P1Y6M'), '1 year, 6 months');
  assert.equal(formatDuration('PT2H'), '2 hours');
  assert.equal(formatDuration('PXD'), 'PXD');
});

test('annotation runs nest mentions, times and the source sentence', () => {
  const runs = annotateRuns(20, [
    { kind: 'mention', start: 2, end: 6 }, { kind: 'timex', start: 4, end: 10 }, { kind: 'source', start: 0, end: 20 },
  ]);
  assert.deepEqual(runs.map((r) => [r.start, r.end, Object.keys(r.marks ?? {}).sort().join('+')]), [
    [0, 2, 'source'], [2, 4, 'mention+source'], [4, 6, 'mention+source+timex'], [6, 10, 'source+timex'], [10, 20, 'source'],
  ]);
});

test('TimeML from the page is byte for byte what the CLI writes', () => {
  const native = runCli(['analyse', '--format', 'timeml', ...fixtureFiles]).stdout;
  assert.equal(fixtures.documents.map(timeml).join(''), native);
  const archive = unzipSync(timemlArchive(fixtures));
  assert.equal(Object.keys(archive).length, fixtures.documents.length);
  assert.match(strFromU8(archive['03-pagina.html.tml']), /^<\?xml version="1.0" \?>\n<TimeML>/);
});

test('TimeML parity on the seeds', { skip: seeds.length === 0 && 'no ../shared/data/seeds' }, () => {
  assert.equal(analyse(seeds).documents.map(timeml).join(''), runCli(['analyse', '--format', 'timeml', ...seeds]).stdout);
});

test('CSV and TimelineJS exports parse and keep formulas inert', () => {
  assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField(-3), '-3');
  const entities = entitiesCsv(fixtures).trim().split('\r\n');
  assert.equal(entities.length, fixtures.entities.length + 1);
  assert.match(entities[0], /^id,name,type,aliases/);
  const events = eventsCsv(fixtures).trim().split('\r\n');
  assert.equal(events[0].split(',')[0], 'id');
  const timeline = timelineJs(fixtures, 'T <b>');
  assert.equal(timeline.title.text.headline, 'T &lt;b&gt;');
  assert.equal(timeline.events.length, fixtures.events.length);
  for (const event of timeline.events) assert.match(event.start_date.year, /^\d+$/);
});

test('the HTML report is self-contained and shows article markup as text', () => {
  const html = reportHtml(fixtures);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
  assert.doesNotMatch(html, /<script|<img|<link|src=|href="http/i);
  assert.match(html, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
});

test('zip archives expand into their articles; a broken one is reported', async () => {
  const { zipSync, strToU8 } = await import('fflate');
  const zip = zipSync({ 'a/one.txt': strToU8('Uno.'), '__MACOSX/._one.txt': strToU8('x'), '.hidden.txt': strToU8('x'), 'b/two.md': strToU8('# Due') });
  const { inputs, errors } = expandInputs([{ name: 'c.zip', bytes: zip }, { name: 'bad.zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]) }]);
  assert.deepEqual(inputs.map((f) => f.name), ['c.zip/a/one.txt', 'c.zip/b/two.md']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].name, 'bad.zip');
});

test('every interface string exists in Italian and English', () => {
  const { en, it } = STRING_TABLES;
  assert.deepEqual(Object.keys(it).sort(), Object.keys(en).sort());
  const sources = [join(root, 'web/index.html'), ...['src', 'src/lib', 'src/timeline', 'worker'].flatMap((dir) =>
    readdirSync(join(root, 'web', dir)).filter((n) => n.endsWith('.js')).map((n) => join(root, 'web', dir, n)))];
  const used = new Set();
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const [, key] of text.matchAll(/\bt\(\s*'([\w-]+)'/g)) used.add(key);
    for (const [, key] of text.matchAll(/data-i18n(?:-label|-placeholder|-title)?="([\w-]+)"/g)) used.add(key);
  }
  for (const key of used) assert.ok(key in en, `missing string ${key}`);
  for (const kind of ['dead', 'injured', 'arrested', 'missing', 'displaced', 'troops', 'protesters', 'people']) assert.ok(`figure_${kind}` in en);
});

test('a remote corpus may be text, a zip, or JSON articles with their dates', async () => {
  const { fetchCorpus } = await import('../../web/src/remote.js');
  const serve = (body, type) => { globalThis.fetch = async () => new Response(body, { headers: { 'Content-Type': type } }); };
  const decode = (file) => new TextDecoder().decode(file.bytes);
  const original = globalThis.fetch;
  try {
    serve(JSON.stringify({ articles: [{ name: 'uno', text: 'Primo.', date: '2022-01-06' }, { title: 'due.md', content: '# Due' }] }), 'application/json');
    const json = await fetchCorpus('https://example.org/corpus.json');
    assert.deepEqual(json.map((f) => f.name), ['corpus/uno.txt', 'corpus/due.md']);
    assert.equal(decode(json[0]), ' date 2022-01-06\nPrimo.');
    serve(JSON.stringify(['Solo testo.']), 'application/json');
    assert.deepEqual((await fetchCorpus('https://example.org/list')).map((f) => f.name), ['list/0001.txt']);
    serve('<html><body><p>Articolo</p></body></html>', 'text/html; charset=utf-8');
    assert.deepEqual((await fetchCorpus('https://example.org/news/story')).map((f) => f.name), ['story.html']);
    serve(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'application/octet-stream');
    assert.deepEqual((await fetchCorpus('https://example.org/a.zip')).map((f) => f.name), ['a.zip']);
    serve('{"nothing": true}', 'application/json');
    await assert.rejects(fetchCorpus('https://example.org/x.json'), /not a list of articles/);
    globalThis.fetch = async () => { throw new TypeError('Failed to fetch'); };
    await assert.rejects(fetchCorpus('https://example.org/x.json'), /cannot be reached/);
  } finally {
    globalThis.fetch = original;
  }
});
