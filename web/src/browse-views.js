// The two lists beside the reader: the events of the current selection in date order, and the
// articles. Both virtualised; activating a row opens it in the reader.
import { el } from './dom.js';
import { eventDateLine, sourcesText } from './event-summary.js';
import { t } from './i18n.js';
import { formatDocumentDate } from './lib/format.js';
import { VirtualList } from './virtual-list.js';

export function createEventList(container, { onOpen }) {
  let model = null;
  let current = null;
  const list = new VirtualList(container, {
    rowHeight: 86,
    label: t('eventsTitle'),
    isSelected: (index) => index === current,
    onActivate: (index) => onOpen(index),
    renderRow(row, index) {
      const event = model.events[index];
      row.classList.add('event-row');
      if (event.status === 'announced') row.classList.add('is-announced');
      if (event.background) row.classList.add('is-background');
      if (index === current) row.classList.add('is-selected');
      const extras = [sourcesText(event)];
      if (event.figures.length) extras.push(event.figures.slice(0, 3).map((f) => f.text).join(' · '));
      row.append(
        el('span', { className: 'event-row-date', text: eventDateLine(event) },
          event.status === 'announced' ? el('span', { className: 'badge badge-announced', text: t('announced') }) : null,
          event.background ? el('span', { className: 'badge badge-background', text: t('background') }) : null),
        el('span', { className: 'event-row-headline', text: event.headline }),
        el('span', { className: 'event-row-meta', text: extras.join(' · ') }),
      );
    },
  });
  return {
    setData(nextModel, indices) {
      model = nextModel;
      // In date order, with the background (a 1951 convention, 2014's protests) after the news.
      const ordered = [...indices].sort((a, b) => model.events[a].background - model.events[b].background || a - b);
      list.setItems(ordered, { emptyText: t('eventsNone') });
    },
    measure: () => list.measure(),
    setCurrent(index) {
      current = index;
      if (index !== null) list.reveal((item) => item === index);
      else list.render();
    },
  };
}

export function createArticleList(container, { onOpen }) {
  let model = null;
  let current = null;
  const list = new VirtualList(container, {
    rowHeight: 58,
    label: t('articlesTitle'),
    isSelected: (index) => index === current,
    onActivate: (index) => onOpen(index),
    renderRow(row, index) {
      const doc = model.documents[index];
      row.classList.add('article-row');
      if (index === current) row.classList.add('is-selected');
      row.append(
        el('span', { className: 'article-row-title', text: doc.title }),
        el('span', { className: 'article-row-meta', text: [formatDocumentDate(doc.date), doc.name, t('eventsCount', { n: doc.events ?? 0 })].join(' · ') }),
      );
    },
  });
  return {
    setData(nextModel, indices) {
      model = nextModel;
      // Newest first, undated last, as a news desk reads them.
      const ordered = [...indices].sort((a, b) => (model.documents[b].span?.[0] ?? -Infinity) - (model.documents[a].span?.[0] ?? -Infinity) || a - b);
      list.setItems(ordered, { emptyText: t('articlesNone') });
    },
    measure: () => list.measure(),
    setCurrent(index) {
      current = index;
      if (index !== null) list.reveal((item) => item === index);
      else list.render();
    },
  };
}
