// The downloadable formats, from the cronaca/1 result: CSV of entities and of events, TimelineJS
// JSON, TimeML of each document (as the core's own writer does it) and a zip of those.
import { zipSync, strToU8 } from 'fflate';
import { csvRows, escapeHtml, escapeXml } from '../src/lib/escape.js';
import { formatEventDate } from '../src/lib/format.js';

function lookup(result) {
  const entities = new Map(result.entities.map((entity) => [entity.id, entity]));
  const documents = new Map(result.documents.map((doc) => [doc.id, doc]));
  return { entity: (id) => entities.get(id), document: (id) => documents.get(id) };
}

export function entitiesCsv(result) {
  const header = ['id', 'name', 'type', 'aliases', 'descriptions', 'mentions', 'related', 'documents', 'first', 'last',
    'generic', 'place', 'country', 'lat', 'lon'];
  return csvRows(header, result.entities.map((e) => [
    e.id, e.name, e.type, e.aliases, e.descriptions, e.mentions, e.related, e.documents.length, e.first, e.last,
    e.generic ? 'true' : '', e.place, e.country, e.lat, e.lon,
  ]));
}

export function eventsCsv(result) {
  const { entity, document } = lookup(result);
  const header = ['id', 'date', 'start', 'end', 'precision', 'status', 'background', 'duration', 'headline', 'sources',
    'documents', 'participants', 'places', 'figures', 'categories'];
  return csvRows(header, result.events.map((v) => {
    const docs = [...new Set(v.sources.map((s) => s.document))];
    return [
      v.id, v.date.value, v.date.start, v.date.end, v.date.precision, v.status, v.background ? 'true' : '', v.duration,
      v.headline, docs.length, docs.map((id) => document(id)?.name ?? id), v.entities.map((id) => entity(id)?.name ?? id),
      v.places.map((id) => entity(id)?.name ?? id), v.figures.map((f) => f.text), v.categories,
    ];
  }));
}

function timelineDate(iso, precision) {
  const [year, month, day] = iso.split('-');
  const date = { year: String(Number(year)) };
  if (['day', 'week', 'month', 'quarter', 'season'].includes(precision)) date.month = String(Number(month));
  if (['day', 'week'].includes(precision)) date.day = String(Number(day));
  return date;
}

// TimelineJS 3 JSON (its "text" fields are HTML, so everything from the articles is escaped).
export function timelineJs(result, title) {
  const { entity, document } = lookup(result);
  const events = result.events.map((v) => {
    const docs = [...new Set(v.sources.map((s) => s.document))].map((id) => document(id));
    const lines = [];
    if (v.figures.length) lines.push(v.figures.map((f) => escapeHtml(f.text)).join('; '));
    const people = [...v.entities, ...v.places].map((id) => entity(id)?.name).filter(Boolean);
    if (people.length) lines.push(escapeHtml([...new Set(people)].join(', ')));
    lines.push(docs.map((doc) => `<em>${escapeHtml(doc?.title || doc?.name || '')}</em>`).join('<br>'));
    const item = {
      unique_id: v.id,
      start_date: timelineDate(v.date.start, v.date.precision),
      display_date: formatEventDate(v.date),
      text: { headline: escapeHtml(v.headline), text: lines.map((line) => `<p>${line}</p>`).join('') },
    };
    if (v.date.start !== v.date.end && !['day'].includes(v.date.precision) || v.duration) {
      item.end_date = timelineDate(v.date.end, 'day');
    }
    if (v.status === 'announced') item.group = 'announced';
    if (v.background) item.group = 'background';
    return item;
  });
  return { title: { text: { headline: escapeHtml(title), text: '' } }, events };
}

// One document as TimeML, byte for byte what `cronaca analyse --format timeml` writes.
export function timeml(doc) {
  let out = `<?xml version="1.0" ?>\n<TimeML>\n<DOCID>${escapeXml(doc.name)}</DOCID>\n`;
  const dct = doc.date?.value;
  if (dct) {
    out += `<DCT><TIMEX3 tid="t0" type="DATE" value="${escapeXml(dct)}" temporalFunction="false" functionInDocument="CREATION_TIME">${escapeXml(dct)}</TIMEX3></DCT>\n`;
  }
  out += `<TITLE>${escapeXml(doc.title)}</TITLE>\n<TEXT>`;
  let at = 0;
  for (const timex of doc.timexes) {
    out += escapeXml(doc.text.slice(at, timex.start));
    out += `<TIMEX3 tid="${timex.id}" type="${timex.type}" value="${escapeXml(timex.value)}"`;
    if (timex.mod) out += ` mod="${timex.mod}"`;
    if (timex.quant) out += ` quant="${timex.quant}"`;
    const by = timex.anchor?.by;
    out += by === 'document' || by === 'reference' ? ' temporalFunction="true"' : ' temporalFunction="false"';
    if (by === 'document' && dct) out += ' anchorTimeID="t0"';
    if (by === 'reference' && timex.anchor.timex) out += ` anchorTimeID="${timex.anchor.timex}"`;
    out += `>${escapeXml(doc.text.slice(timex.start, timex.end))}</TIMEX3>`;
    at = timex.end;
  }
  out += `${escapeXml(doc.text.slice(at))}</TEXT>\n</TimeML>\n`;
  return out;
}

export function timemlArchive(result) {
  const files = {};
  for (const doc of result.documents) {
    let name = `${doc.name.replace(/^\/+/, '')}.tml`;
    for (let n = 2; name in files; n++) name = `${doc.name}-${n}.tml`;
    files[name] = strToU8(timeml(doc));
  }
  return zipSync(files, { level: 6 });
}
