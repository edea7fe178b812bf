// The reader: one article with its people, places and organisations coloured by type, its
// temporal expressions underlined with their normalised value on hover, its date, and when it was
// opened from an event, that event's card and its source sentence highlighted. The text is built
// from text nodes only: an article is data, never markup.
import { el, fill } from './dom.js';
import { eventDateLine, figureChips, sourcesText, statusBadges } from './event-summary.js';
import { languageName, t } from './i18n.js';
import { annotateRuns } from './lib/annotate.js';
import { formatDocumentDate, formatTimexValue } from './lib/format.js';

const CACHE_SIZE = 24;

export function createReader(elements, { loadDocument, onToggleEntity, onOpenEvent, onNavigate }) {
  const { title, meta, body, eventCard, empty, prev, next, warnings } = elements;
  const cache = new Map();
  let shown = null; // {doc, highlight, event}
  let model = null;
  let selected = new Set();
  let request = 0;
  let entityIndex = null; // entity id -> index, built when first needed

  async function details(index) {
    if (cache.has(index)) return cache.get(index);
    const promise = loadDocument(index);
    cache.set(index, promise);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
    return promise;
  }

  function renderEventCard(event) {
    if (!event) {
      eventCard.hidden = true;
      eventCard.replaceChildren();
      return;
    }
    eventCard.hidden = false;
    // One button per article that tells it, opening at its first sentence there.
    const byDoc = new Map();
    event.sources.forEach((source, i) => { if (!byDoc.has(source.doc)) byDoc.set(source.doc, i); });
    const sources = [...byDoc].map(([doc, i], n) => el('button', {
      type: 'button', className: `source-link${shown?.doc === doc ? ' is-current' : ''}`,
      text: model.documents[doc].title, title: model.documents[doc].name,
      attrs: { 'aria-label': t('openSource', { n: n + 1, title: model.documents[doc].title }), 'aria-current': shown?.doc === doc ? 'true' : null },
      on: { click: () => onOpenEvent(event.index, i) },
    }));
    const who = event.participants.map((index) => {
      const entity = model.entities[index];
      return el('button', {
        type: 'button', className: `chip type-${entity.type}${selected.has(index) ? ' is-selected' : ''}`, text: entity.name,
        attrs: { 'aria-pressed': String(selected.has(index)) }, on: { click: () => onToggleEntity(index) },
      });
    });
    fill(eventCard,
      el('p', { className: 'event-date', text: eventDateLine(event) }, ' ', statusBadges(event)),
      el('h3', { className: 'event-headline', text: event.headline }),
      event.figures.length ? el('p', { className: 'figures' }, figureChips(event)) : null,
      who.length ? el('div', { className: 'chips', attrs: { 'aria-label': t('participants') } }, who) : null,
      event.categories.length ? el('p', { className: 'categories', text: event.categories.map((c) => t(`category_${c}`)).join(' · ') }) : null,
      el('p', { className: 'event-sources' }, el('span', { text: `${sourcesText(event)}: ` }), sources),
    );
  }

  function renderText(doc, data, highlight, focus) {
    const annotations = [
      ...data.mentions.filter((m) => m.entity !== null).map((m) => ({ kind: 'mention', start: m.start, end: m.end, mention: m })),
      ...data.timexes.map((x) => ({ kind: 'timex', start: x.start, end: x.end, timex: x })),
    ];
    for (const range of highlight ?? []) annotations.push({ kind: 'source', start: range.start, end: range.end });
    // A range ("dal 3 al 5 gennaio") shows on both of its ends.
    const byId = new Map(data.timexes.map((x) => [x.id, x]));
    const ranges = new Map();
    for (const interval of data.intervals ?? []) {
      const text = t('intervalOf', { from: byId.get(interval.from)?.value ?? '', to: byId.get(interval.to)?.value ?? '' });
      ranges.set(interval.from, text);
      ranges.set(interval.to, text);
    }
    const fragment = document.createDocumentFragment();
    let sourceStart = null;
    for (const { start, end, marks } of annotateRuns(data.text.length, annotations)) {
      const text = data.text.slice(start, end);
      if (!marks) {
        fragment.append(text);
        continue;
      }
      let node = document.createTextNode(text);
      if (marks.timex) {
        const range = ranges.get(marks.timex.timex.id);
        const wrap = el('span', { className: 'timex', title: formatTimexValue(marks.timex.timex) + (range ? ` · ${range}` : '') });
        wrap.dataset.value = marks.timex.timex.value;
        wrap.append(node);
        node = wrap;
      }
      if (marks.mention) {
        entityIndex ??= new Map(model.entities.map((e) => [e.id, e.index]));
        const entity = model.entities[entityIndex.get(marks.mention.mention.entity)];
        const wrap = el('span', {
          className: `mention type-${entity?.type ?? marks.mention.mention.type}${entity && selected.has(entity.index) ? ' is-selected' : ''}${marks.mention.mention.role ? ' is-demonym' : ''}`,
          title: entity ? `${entity.name} · ${t(`type_${entity.type}`)}` : '',
        });
        if (entity) wrap.dataset.entity = String(entity.index);
        wrap.append(node);
        node = wrap;
      }
      if (marks.source) {
        const wrap = el('mark', { className: 'source' });
        if (sourceStart === null && (!focus || marks.source.start === focus.start)) {
          sourceStart = wrap;
          wrap.id = 'reader-source';
        }
        wrap.append(node);
        node = wrap;
      }
      fragment.append(node);
    }
    body.replaceChildren(fragment);
    body.lang = doc.lang === 'und' ? '' : doc.lang;
    return sourceStart;
  }

  // Whether the text may be scrolled away from its top.
  let scrolled = false;
  body.addEventListener('scroll', () => { scrolled = true; }, { passive: true });
  body.addEventListener('click', (event) => {
    const mention = event.target.closest('.mention[data-entity]');
    if (mention) onToggleEntity(Number(mention.dataset.entity), { activate: true });
  });
  prev.addEventListener('click', () => onNavigate(-1));
  next.addEventListener('click', () => onNavigate(1));

  async function show(target) {
    const id = ++request;
    shown = target;
    if (!target || !model) {
      empty.hidden = false;
      title.textContent = t('readerTitle');
      meta.textContent = '';
      warnings.replaceChildren();
      body.replaceChildren();
      renderEventCard(null);
      return;
    }
    const doc = model.documents[target.doc];
    let data;
    try {
      data = await details(target.doc);
    } catch {
      return; // superseded by a newer analysis
    }
    if (id !== request) return;
    empty.hidden = true;
    title.textContent = doc.title;
    meta.replaceChildren(
      el('span', { className: 'doc-date', text: formatDocumentDate(doc.date) }),
      el('span', { text: t(`dateSource_${doc.date.source}`) }),
      el('span', { text: languageName(doc.lang) }),
      el('span', { className: 'doc-name', text: doc.name }),
      el('span', { text: [t('countMentions', { n: doc.mentions }), t('countTimexes', { n: doc.timexes }), t('countEvents', { n: doc.events ?? 0 })].join(' · ') }),
    );
    warnings.replaceChildren(...doc.warnings.map((warning) => el('li', { text: warning })));
    renderEventCard(target.event !== undefined && target.event !== null ? model.events[target.event] : null);
    const event = target.event !== undefined && target.event !== null ? model.events[target.event] : null;
    // Every sentence of this article that tells the event, the chosen one first.
    const highlight = event ? event.sources.filter((s) => s.doc === target.doc) : target.highlight ? [target.highlight] : [];
    if (target.highlight) highlight.sort((a, b) => (b.start === target.highlight.start) - (a.start === target.highlight.start));
    const source = renderText(doc, data, highlight, target.highlight);
    if (!target.keepScroll) {
      if (source) source.scrollIntoView({ block: 'center' });
      else if (scrolled) body.scrollTop = 0; // only when needed: setting it lays the page out now
      scrolled = Boolean(source);
    }
    body.dataset.doc = String(target.doc);
  }

  return {
    // A new analysis: indices of the last one mean nothing now.
    setModel(next) {
      model = next;
      shown = null;
      entityIndex = null;
      cache.clear();
    },
    setSelected(next) {
      selected = next;
      if (shown && model?.documents[shown.doc]) show({ ...shown, keepScroll: true, highlight: shown.highlight });
    },
    show,
    // Asks the worker for an article the reader is about to show (or takes it as given).
    prefetch(index, data) {
      if (data) cache.set(index, Promise.resolve(data));
      else details(index).catch(() => {});
    },
    get shown() { return shown; },
  };
}
