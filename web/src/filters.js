// What the current selection leaves in view. The time window and the selected entities filter
// every view: documents dated inside the window that name every selected entity; events inside
// the window that involve every selected entity; and entities counted over those documents only.
import { overlaps } from './lib/dates.js';

export function computeFilter(model, { window = null, selected = new Set() } = {}) {
  const { documents, entities, events } = model;
  const active = Boolean(window) || selected.size > 0;

  const involvesSelection = (event) => {
    for (const entity of selected) if (!event.participants.includes(entity)) return false;
    return true;
  };
  // The timeline draws the window itself, so it gets the events of the selection at any date.
  const selectionEvents = selected.size ? events.filter(involvesSelection) : events;
  const windowEvents = window ? selectionEvents.filter((event) => overlaps(event.span, window)) : selectionEvents;

  // A document belongs to a window when it is dated inside it, or when it tells of an event inside
  // it (yesterday's shelling, in today's paper).
  const docMask = new Uint8Array(documents.length);
  for (const doc of documents) docMask[doc.index] = !window || (doc.span !== null && overlaps(doc.span, window)) ? 1 : 0;
  if (window) for (const event of windowEvents) for (const doc of event.docs) docMask[doc] = 1;
  if (selected.size) {
    const hits = new Uint16Array(documents.length);
    for (const entity of selected) for (const doc of entities[entity]?.docs ?? []) hits[doc]++;
    for (let d = 0; d < hits.length; d++) if (hits[d] !== selected.size) docMask[d] = 0;
  }

  let entityCounts = null;
  if (active) {
    entityCounts = new Int32Array(entities.length);
    for (const entity of entities) {
      let total = 0;
      const { docs, docCounts } = entity;
      for (let i = 0; i < docs.length; i++) if (docMask[docs[i]]) total += docCounts[i];
      entityCounts[entity.index] = total;
    }
  }

  const docs = [];
  for (let d = 0; d < docMask.length; d++) if (docMask[d]) docs.push(d);
  return { active, docMask, docs, selectionEvents, events: windowEvents, entityCounts };
}

// Mentions of an entity under the filter (all of them when nothing filters).
export const countOf = (filter, entity) => (filter.entityCounts ? filter.entityCounts[entity.index] : entity.total);

// Lowercase, without accents or punctuation differences, for search as you type.
export function searchKey(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-‐‑’'.]/g, ' ').replace(/\s+/g, ' ').trim();
}

// Entity indices named `name` by their name or an alias, case- and accent-insensitively; the
// canonical name wins over an alias.
export function findEntities(model, name) {
  const key = searchKey(name);
  const byName = model.entities.filter((e) => searchKey(e.name) === key);
  if (byName.length) return byName.map((e) => e.index);
  return model.entities.filter((e) => e.aliases.some((alias) => searchKey(alias) === key)).map((e) => e.index);
}
