// The native CLI: analyse over files, directories and stdin; tag --conll; exit statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, fixtureFiles, runCli, seeds } from '../support.mjs';

test('analyse reports every input: documents for the good ones, errors for the rest', () => {
  const { status, stdout, stderr } = runCli(['analyse', ...fixtureFiles]);
  assert.equal(status, 1, 'some fixtures are meant to fail');
  const out = JSON.parse(stdout);
  assert.equal(out.schema, 'cronaca/1');
  assert.deepEqual(out.documents.map((d) => d.name), [
    '01-vertice.txt', '02-report.txt', '03-pagina.html', '04-nota.md', '05-latin1.txt', '06-utf16.txt', '09-alfabeti.txt']);
  assert.deepEqual(out.errors, [
    { name: '07-vuoto.txt', message: 'the file is empty' },
    { name: '08-documento.pdf', message: 'this is a PDF document, not text: only plain text, HTML and Markdown are supported' },
  ]);
  assert.match(stderr, /07-vuoto\.txt: the file is empty/);
  const byName = Object.fromEntries(out.documents.map((d) => [d.name, d]));
  assert.deepEqual(byName['01-vertice.txt'].date, { value: '2022-01-10', source: 'header', anchor: '2022-01-10' });
  assert.deepEqual(byName['03-pagina.html'].date, { value: '2022-01-06', source: 'metadata', anchor: '2022-01-06' });
  assert.deepEqual(byName['02-report.txt'].date, { value: null, source: 'none', anchor: null });
  assert.equal(byName['02-report.txt'].lang, 'en');
  // Names in other scripts meet their Latin spellings, natively as in the browser (parity tests).
  const alphabets = out.entities.filter((e) => e.documents.includes(byName['09-alfabeti.txt'].id));
  assert.ok(alphabets.some((e) => e.aliases.includes('Владимир Путин') && e.aliases.includes('Vladimir Putin') && e.name === 'Vladimir Putin'), JSON.stringify(alphabets));
  assert.ok(alphabets.some((e) => e.aliases.includes('Κυριάκος Μητσοτάκης') && e.aliases.includes('Kyriakos Mitsotakis')), JSON.stringify(alphabets));
  assert.equal(byName['05-latin1.txt'].encoding, 'windows-1252');
  assert.equal(byName['06-utf16.txt'].encoding, 'UTF-16LE');
  // The markup in the HTML fixture is text, and the script never reaches it.
  assert.match(byName['03-pagina.html'].text, /<script>alert\(2\)<\/script>/);
  assert.doesNotMatch(byName['03-pagina.html'].text, /tracker|Prima pagina|diritti/);
});

test('text is the input minus its date header, and sentences index it in UTF-16', () => {
  const out = JSON.parse(runCli(['analyse', join(fixtures, '01-vertice.txt')]).stdout);
  const doc = out.documents[0];
  const original = readFileSync(join(fixtures, '01-vertice.txt'), 'utf8');
  assert.equal(doc.text, original.replace(/^ date 2022-01-10 /, ''));
  const sentences = doc.sentences.map(([start, end]) => doc.text.slice(start, end));
  assert.deepEqual(sentences, [
    'Vertice straordinario a Mosca sulla crisi energetica',
    "Il Sig. Rossi, portavoce dell'Unione dei consumatori, ha chiesto un incontro urgente con il governo.",
    'Secondo l’agenzia Ansa, il vertice si terrà lunedì 17 gennaio.',
    'La dott.ssa Bianchi ha aggiunto che "la situazione è grave".',
    "L'11 gennaio i prezzi erano già saliti del 30 per cento.",
    'Profili coinvolti',
    'Nessuno ha commentato 😀.',
  ]);
});

test('a directory is read recursively and its files are named by their path inside it', () => {
  const { stdout } = runCli(['analyse', fixtures]);
  const names = JSON.parse(stdout).documents.map((d) => d.name);
  assert.equal(names[0], 'articles/01-vertice.txt');
});

test('the order of the inputs does not change the output', () => {
  const forward = runCli(['analyse', ...fixtureFiles]).stdout;
  const backward = runCli(['analyse', ...[...fixtureFiles].reverse()]).stdout;
  assert.equal(forward, backward);
});

test('stdin, --lang and --date', () => {
  const { status, stdout } = runCli(['analyse', '--lang', 'en', '--date', '2022-01-06', '-'], 'Il presidente ha parlato.');
  assert.equal(status, 0);
  const doc = JSON.parse(stdout).documents[0];
  assert.equal(doc.name, 'stdin');
  assert.equal(doc.lang, 'en');
  assert.deepEqual(doc.date, { value: '2022-01-06', source: 'argument', anchor: '2022-01-06' });
});

test('usage errors exit with 2 and say what is wrong', () => {
  for (const [args, message] of [
    [['analyse'], /at least one PATH/],
    [['analyse', '--lang', 'xx', '-'], /unknown language "xx"/],
    [['analyse', '--date', '6 gennaio', '-'], /not YYYY-MM/],
    [['analyse', '--format', 'xml', '-'], /json or timeml/],
    [['frobnicate'], /unknown command/],
  ]) {
    const { status, stderr } = runCli(args, '');
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, message);
  }
});

test('a missing file is an error in the output, and the others are still analysed', () => {
  const { status, stdout } = runCli(['analyse', join(fixtures, '02-report.txt'), '/nonexistent/file.txt']);
  assert.equal(status, 1);
  const out = JSON.parse(stdout);
  assert.equal(out.documents.length, 1);
  assert.match(out.errors[0].message, /cannot open the file/);
});

test('--format timeml writes one TimeML document per input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cronaca-tml-'));
  const { status } = runCli(['analyse', '--format', 'timeml', '--output-dir', dir, join(fixtures, '01-vertice.txt'), join(fixtures, '03-pagina.html')]);
  assert.equal(status, 0);
  assert.deepEqual(readdirSync(dir).sort(), ['01-vertice.txt.tml', '03-pagina.html.tml']);
  const tml = readFileSync(join(dir, '01-vertice.txt.tml'), 'utf8');
  assert.match(tml, /<DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-10"/);
  assert.match(tml, /<TEXT>Vertice straordinario/);
});

test('tag --conll prints one tag per token and keeps sentence breaks', () => {
  const { status, stdout } = runCli(['tag', '--conll', '--lang', 'it'], 'Vladimir\tB-PER\nPutin\nparla\n\nMosca\n.\n');
  assert.equal(status, 0);
  assert.equal(stdout, 'Vladimir\tB-PER\nPutin\tI-PER\nparla\tO\n\nMosca\tB-LOC\n.\tO\n');
  // The tokens are taken as given: an elided article stays one token.
  const english = runCli(['tag', '--conll', '--lang', 'en'], 'President\nBill\nClinton\nspoke\nin\nMoscow\n');
  assert.equal(english.stdout, 'President\tO\nBill\tB-PER\nClinton\tI-PER\nspoke\tO\nin\tO\nMoscow\tB-LOC\n');
});

test('the seeds: the people, places and organisations a reader would mark', { skip: seeds.length === 0 && 'no ../shared/data/seeds' }, () => {
  const out = JSON.parse(runCli(['analyse', ...seeds]).stdout);
  const found = new Set(out.documents.flatMap((d) => d.mentions.map((m) => `${m.type} ${m.text}`)));
  // Known misses of the shipped model, not asserted: NetBlocks, Facebook, Twitter (see the model card).
  for (const wanted of ['PER Kassym Jomart Tokayev', 'PER Kassym-Jomart Tokayev', 'PER Nikol Pashinyan', 'PER Dmitry Peskov',
    'PER Vladimir Putin', 'LOC Piazza della Repubblica', 'LOC Almaty', 'LOC Kherson', 'LOC Kazakistan', 'LOC Astana',
    'ORG Csto', 'ORG Cremlino', 'ORG Bcc', 'PER Tokayev', 'ORG Sputnik']) {
    assert.ok(found.has(wanted), `${wanted} not among ${[...found].join(', ')}`);
  }
  for (const doc of out.documents) {
    for (const m of doc.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
  }
});

test('the seeds: one entry per real-world entity, as a careful reader would list them', { skip: seeds.length === 0 && 'no ../shared/data/seeds' }, () => {
  const out = JSON.parse(runCli(['analyse', ...seeds]).stdout);
  const byAlias = (alias) => out.entities.find((e) => e.aliases.includes(alias));
  const tokayev = byAlias('Tokayev');
  assert.equal(tokayev.name, 'Kassym-Jomart Tokayev');
  assert.deepEqual(tokayev.aliases, ['Kasim Yomart Tokayev', 'Kassym Jomart Tokayev', 'Kassym-Jomart Tokayev', 'Tokayev']);
  assert.ok(tokayev.descriptions.includes('presidente kazako'), tokayev.descriptions.join('; '));
  const putin = byAlias('Putin');
  assert.equal(putin.name, 'Vladimir Putin');
  assert.deepEqual(putin.aliases, ['Putin', 'Vladimir Putin', 'Vladimir Vladimirovic Putin']);
  assert.equal(byAlias('Csto'), byAlias('Organizzazione del trattato per la sicurezza collettiva'));
  const russia = byAlias('Russia');
  for (const alias of ['Federazione Russa', 'Federazione Russia']) assert.ok(russia.aliases.includes(alias), russia.aliases.join('; '));
  assert.equal(russia.country, 'RU');
  for (const place of ['Almaty', 'Astana', 'Kherson', 'Mosca', 'Kazakistan']) {
    const e = byAlias(place);
    assert.equal(e.type, 'LOC', place);
    assert.ok(Number.isFinite(e.lat) && Number.isFinite(e.lon), `${place} has coordinates`);
  }
  assert.equal(byAlias('Kazakistan').documents.length, 4);
  assert.equal(byAlias('Peskov') ?? byAlias('Dmitry Peskov'), byAlias('Dmitry Peskov'));
  // No duplicate rows: no name is listed under two entities, whatever its case, except generic
  // institutions, which stay with their article ("governo").
  const owner = new Map();
  for (const e of out.entities.filter((e) => !e.generic)) {
    for (const alias of e.aliases) {
      const key = alias.toLowerCase();
      assert.ok(!owner.has(key) || owner.get(key) === e.id, `${alias} in ${owner.get(key)} and ${e.id}`);
      owner.set(key, e.id);
    }
  }
  // Every mention points at its entity; demonyms point at their country.
  const ids = new Set(out.entities.map((e) => e.id));
  for (const doc of out.documents) {
    for (const m of doc.mentions) assert.ok(ids.has(m.entity), `${m.text} -> ${m.entity}`);
    for (const m of doc.mentions.filter((m) => m.role === 'demonym')) assert.equal(m.type, 'LOC');
  }
  assert.ok(out.documents.some((d) => d.mentions.some((m) => m.role === 'demonym' && m.text === 'kazako' && m.entity === byAlias('Kazakistan').id)));
  assert.ok(out.cooccurrences.some((c) => [c.a, c.b].includes(tokayev.id) && [c.a, c.b].includes(byAlias('Kazakistan').id)));
  assert.ok(out.entities.filter((e) => e.name === 'governo').every((e) => e.generic && e.documents.length === 1));
});

test('the seeds: a timeline a careful reader would accept', { skip: seeds.length === 0 && 'no ../shared/data/seeds' }, () => {
  const out = JSON.parse(runCli(['analyse', ...seeds]).stdout);
  const name = new Map(out.entities.map((e) => [e.id, e.name]));
  const docIndex = new Map(out.documents.map((d, i) => [d.id, i]));
  const find = (date, words, check = () => true) => {
    const found = out.events.find((e) => e.date.value === date && words.test(e.headline) && check(e));
    assert.ok(found, `no event on ${date} matching ${words}: ${out.events.map((e) => `${e.date.value} ${e.headline}`).join(' / ')}`);
    return found;
  };
  const places = (e) => e.places.map((id) => name.get(id));
  const figure = (e, kind, value, qualifier = '') => e.figures.some((f) => f.kind === kind && (f.value === value || f.min === value) && f.qualifier.toLowerCase() === qualifier);

  const shooting = find('2022-01-06', /sparatoria/i, (e) => places(e).includes('Piazza della Repubblica'));
  assert.ok(places(shooting).includes('Almaty'));
  const troops = find('2022-01-06', /truppe/, (e) => e.categories.includes('military-deployment'));
  assert.ok(troops.entities.map((id) => name.get(id)).includes('Organizzazione del trattato per la sicurezza collettiva'), 'the CSTO troops arrive');

  const casualties = find('2022-01', /164/);
  assert.ok(figure(casualties, 'dead', 164, 'almeno'));
  assert.ok(casualties.figures.some((f) => f.part && f.value === 103 && name.get(f.place) === 'Almaty'));
  assert.ok(figure(casualties, 'injured', 2200, 'più di'));
  assert.ok(figure(casualties, 'arrested', 8000, 'quasi'));
  assert.equal(docIndex.get(casualties.sources[0].document), 1);

  const internet = find('2022-01', /Internet/, (e) => e.categories.includes('internet-shutdown'));
  assert.equal(internet.duration, 'P5D');
  assert.ok(places(internet).includes('Almaty'));

  const election = find('2022-11-20', /eletto/);
  assert.ok(election.entities.map((id) => name.get(id)).includes('Kassym-Jomart Tokayev'));
  assert.equal(election.status, 'happened');

  const kherson = find('2022-11-24', /Kherson/);
  assert.ok(figure(kherson, 'dead', 7));
  assert.ok(figure(kherson, 'injured', 20, 'almeno'));

  const meeting = find('2022-11-28', /incontro/);
  assert.equal(meeting.status, 'announced');
  assert.deepEqual(places(meeting).sort(), ['Astana', 'Mosca']);

  const exiles = out.events.filter((e) => e.date.value === '2026-02-14');
  assert.ok(exiles.some((e) => e.categories.includes('detention-extradition')), 'the February 2026 reports on extraditions');

  assert.equal(find('1951', /Convenzione di Ginevra/).background, true);
  assert.ok(find('2014', /Ucraina/).background);

  // Every event is well formed and in date order.
  for (const [i, e] of out.events.entries()) {
    assert.equal(e.id, `v${i + 1}`);
    assert.ok(e.sources.length > 0 && e.headline.length > 0 && e.headline.length <= 163);
    if (i > 0) assert.ok(out.events[i - 1].date.start <= e.date.start);
    for (const s of e.sources) assert.ok(docIndex.has(s.document));
  }
});

test('corrections from a file apply, and a bad one is a usage error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cronaca-'));
  const article = join(dir, 'a.txt');
  writeFileSync(article, ' date 2022-01-07 Il presidente Vladimir Putin ha parlato a Mosca. Putin ha poi incontrato i giornalisti.');
  const corrections = join(dir, 'corrections.json');
  writeFileSync(corrections, JSON.stringify([{ op: 'rename', entity: 'Putin', name: 'Vladimir V. Putin' }, { op: 'remove', entity: 'Nessuno' }]));
  const out = JSON.parse(runCli(['analyse', '--lang', 'it', '--corrections', corrections, article]).stdout);
  assert.ok(out.entities.some((e) => e.name === 'Vladimir V. Putin' && e.mentions === 2), JSON.stringify(out.entities));
  assert.deepEqual(out.warnings, ['correction 2: no entity is named "Nessuno"']);
  writeFileSync(corrections, '[{"op": "merge", "entity": "Putin"}]');
  const bad = runCli(['analyse', '--corrections', corrections, article]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /correction 1: a merge needs its second name/);
  rmSync(dir, { recursive: true });
});

test('the seed articles are dated and reproduced exactly', { skip: seeds.length === 0 && 'no ../shared/data/seeds' }, () => {
  const { status, stdout } = runCli(['analyse', ...seeds]);
  assert.equal(status, 0);
  const out = JSON.parse(stdout);
  assert.deepEqual(out.documents.map((d) => d.date.value), ['2022-01', '2022-01', '2026-02-14', '2022-11']);
  for (const [i, doc] of out.documents.entries()) {
    const original = readFileSync(seeds[i], 'utf8');
    assert.equal(doc.text, original.replace(/^ date \d{4}-\d{2}(-\d{2})? /, ''));
    assert.equal(doc.lang, 'it');
  }
  // The temporal expressions the issue names, with their values.
  const found = out.documents.map((doc) => doc.timexes.map((t) => `${t.text} ${t.type} ${t.value}`));
  const expected = [
    ['06 gennaio 2022 DATE 2022-01-06', 'tre giorni DURATION P3D', 'alba TIME 2022-01-06TMO', 'giovedì 6 gennaio DATE 2022-01-06'],
    ['questa settimana DATE 2022-01', 'cinque giorni DURATION P5D', 'giorni scorsi DATE PAST_REF', '2014 DATE 2014'],
    ['ultimi mesi DATE PAST_REF', '1951 DATE 1951'],
    ['20 novembre 2022 DATE 2022-11-20', 'lunedì 28 novembre 2022 DATE 2022-11-28', 'ieri, 24 novembre 2022 DATE 2022-11-24'],
  ];
  expected.forEach((list, i) => {
    for (const item of list) assert.ok(found[i].includes(item), `${item} in ${out.documents[i].name}: ${found[i].join('; ')}`);
  });
  assert.equal(out.documents[1].timexes.find((t) => t.text === 'questa settimana').anchor.by, 'document');
  assert.equal(out.documents[3].date.anchor, '2022-11-25');
});
