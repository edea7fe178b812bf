// The page's view of a cronaca/1 result: everything the views filter and draw, with ids turned
// into array indices and dates into UTC milliseconds, and without the article texts (the reader
// asks for one document at a time). Built in the worker so that the page's main thread never
// parses or walks the whole analysis.
import { searchKey } from '../src/filters.js';
import { documentSpan, eventSpan } from '../src/lib/dates.js';

export const ACTIVITY_BINS = 40;
const RELATED_KEPT = 8;

// [earliest start, latest end] of [start, end) spans, or null for none.
function extentOf(spans) {
  if (spans.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const span of spans) {
    if (span[0] < start) start = span[0];
    if (span[1] > end) end = span[1];
  }
  return [start, end];
}

export function buildModel(result) {
  const entityIndex = new Map(result.entities.map((entity, index) => [entity.id, index]));
  const docIndex = new Map(result.documents.map((doc, index) => [doc.id, index]));

  // Mentions of each entity in each document, demonyms included: an entity's activity.
  const perEntity = result.entities.map(() => new Map());
  const documents = result.documents.map((doc, index) => {
    let mentions = 0;
    for (const mention of doc.mentions) {
      const entity = entityIndex.get(mention.entity);
      if (entity === undefined) continue;
      const counts = perEntity[entity];
      counts.set(index, (counts.get(index) ?? 0) + 1);
      mentions++;
    }
    return {
      index,
      id: doc.id,
      name: doc.name,
      title: doc.title || doc.name,
      format: doc.format,
      lang: doc.lang,
      date: doc.date,
      span: documentSpan(doc.date),
      sentences: doc.sentences.length,
      tokens: doc.token_count,
      timexes: doc.timexes.length,
      mentions,
      warnings: doc.warnings,
    };
  });

  const dated = documents.filter((doc) => doc.span);
  const docExtent = extentOf(dated.map((doc) => doc.span));

  const related = result.entities.map(() => []);
  for (const { a, b, count } of result.cooccurrences) {
    const ia = entityIndex.get(a);
    const ib = entityIndex.get(b);
    if (ia === undefined || ib === undefined) continue;
    related[ia].push([ib, count]);
    related[ib].push([ia, count]);
  }

  // The per-entity arrays live in three flat typed arrays (see hydrateModel): thousands of small
  // arrays would make the message to the page slow to copy.
  const pairs = perEntity.reduce((n, counts) => n + counts.size, 0);
  const entityDocs = new Int32Array(pairs);
  const entityDocCounts = new Int32Array(pairs);
  const activity = new Uint16Array(result.entities.length * ACTIVITY_BINS);
  let at = 0;
  const entities = result.entities.map((entity, index) => {
    const counts = [...perEntity[index]].sort((x, y) => x[0] - y[0]);
    const docStart = at;
    for (const [doc, count] of counts) {
      entityDocs[at] = doc;
      entityDocCounts[at++] = count;
      const span = documents[doc].span;
      if (!docExtent || !span) continue;
      const width = Math.max(1, docExtent[1] - docExtent[0]);
      const bin = Math.min(ACTIVITY_BINS - 1, Math.floor((((span[0] + span[1]) / 2 - docExtent[0]) / width) * ACTIVITY_BINS));
      const slot = index * ACTIVITY_BINS + bin;
      activity[slot] = Math.min(65535, activity[slot] + count);
    }
    return {
      index,
      id: entity.id,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      search: searchKey([entity.name, ...entity.aliases].join(' \u0001 ')),
      descriptions: entity.descriptions,
      mentions: entity.mentions,
      related: entity.related,
      total: entity.mentions + entity.related,
      first: entity.first,
      last: entity.last,
      generic: entity.generic === true,
      place: entity.place ?? null,
      country: entity.country ?? null,
      lat: entity.lat ?? null,
      lon: entity.lon ?? null,
      docStart,
      docEnd: at,
      cooccurring: related[index].sort((x, y) => y[1] - x[1]).slice(0, RELATED_KEPT),
      events: 0,
      rank: 0,
    };
  });
  // Alphabetical rank, so that the page sorts by name without a collator.
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  [...entities].sort((a, b) => collator.compare(a.name, b.name)).forEach((entity, rank) => { entity.rank = rank; });

  const events = result.events.map((event, index) => {
    const sources = event.sources
      .map((source) => ({ doc: docIndex.get(source.document), start: source.start, end: source.end }))
      .filter((source) => source.doc !== undefined);
    const participants = [...new Set([...event.entities, ...event.places])]
      .map((id) => entityIndex.get(id))
      .filter((i) => i !== undefined);
    for (const entity of participants) entities[entity].events++;
    return {
      index,
      id: event.id,
      headline: event.headline,
      date: event.date,
      span: eventSpan(event.date),
      status: event.status,
      background: event.background === true,
      duration: event.duration ?? null,
      categories: event.categories,
      figures: event.figures.map((figure) => ({ ...figure, doc: docIndex.get(figure.document) })),
      sources,
      docs: [...new Set(sources.map((source) => source.doc))],
      entities: event.entities.map((id) => entityIndex.get(id)).filter((i) => i !== undefined),
      places: event.places.map((id) => entityIndex.get(id)).filter((i) => i !== undefined),
      participants,
    };
  }).filter((event) => event.span);
  events.forEach((event, index) => { event.index = index; });
  for (const event of events) for (const doc of event.docs) documents[doc].events = (documents[doc].events ?? 0) + 1;

  // The period the timeline opens on: the articles' dates, and the events' except for the few
  // outliers a large corpus always has (a "1000" that was a count, a date from history); they are
  // still there when the user zooms out.
  const foreground = events.filter((event) => !event.background);
  const starts = foreground.map((event) => event.span[0]).sort((a, b) => a - b);
  const ends = foreground.map((event) => event.span[1]).sort((a, b) => a - b);
  const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const robust = starts.length >= 50 ? [[quantile(starts, 0.02), quantile(ends, 0.98)]] : foreground.map((event) => event.span);
  const extent = extentOf([...dated.map((doc) => doc.span), ...robust]);
  const fullExtent = extentOf([...dated.map((doc) => doc.span), ...events.map((event) => event.span)]);

  return {
    schema: result.schema,
    documents,
    entities,
    events,
    errors: result.errors,
    warnings: result.warnings,
    extent,
    fullExtent,
    docExtent,
    activityBins: ACTIVITY_BINS,
    entityDocs,
    entityDocCounts,
    activity,
  };
}

// Gives each entity views on the flat arrays: docs (document indices), docCounts (its mentions in
// each) and activity (mentions over the corpus's dates). Run wherever the model is used.
export function hydrateModel(model) {
  const bins = model.activityBins;
  for (const entity of model.entities) {
    entity.docs = model.entityDocs.subarray(entity.docStart, entity.docEnd);
    entity.docCounts = model.entityDocCounts.subarray(entity.docStart, entity.docEnd);
    entity.activity = model.activity.subarray(entity.index * bins, (entity.index + 1) * bins);
  }
  return model;
}

// The model as messages: the big lists in parts, each small enough for the page to take in
// without a long task, then the rest with the typed arrays transferred.
export function modelMessages(model, partSize = 800) {
  const parts = [];
  for (const key of ['documents', 'entities', 'events']) {
    for (let start = 0; start < model[key].length; start += partSize) parts.push({ key, items: model[key].slice(start, start + partSize) });
  }
  const rest = { ...model, documents: [], entities: [], events: [] };
  return { parts, rest, transfer: [model.entityDocs.buffer, model.entityDocCounts.buffer, model.activity.buffer] };
}
