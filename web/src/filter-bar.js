// The filter bar: what the views show (articles, events, names), the time window and selected
// names as chips that remove themselves, and the window as two date fields for the keyboard.
import { el } from './dom.js';
import { t } from './i18n.js';
import { DAY, isoDay, isoSpan } from './lib/dates.js';
import { formatDay, formatNumber, SHORT_DAY_FORMAT } from './lib/format.js';

export function createFilterBar({ summary, chips, hint, clear, from, to, eventsCount, articlesCount }, { onWindow, onToggle, onClear }) {
  clear.addEventListener('click', onClear);
  const fromInputs = () => {
    const start = isoSpan(from.value);
    const end = isoSpan(to.value);
    if (start && end && start[0] < end[1]) onWindow([start[0], end[1]]);
    else if (!from.value && !to.value) onWindow(null);
  };
  from.addEventListener('change', fromInputs);
  to.addEventListener('change', fromInputs);

  const removable = (label, className, description, action) => el('button', {
    type: 'button', className: `chip ${className}`, text: label, attrs: { 'aria-label': description }, on: { click: action },
  }, el('span', { className: 'chip-x', attrs: { 'aria-hidden': 'true' }, text: '×' }));

  return {
    render(model, filter, { window, entities }) {
      const items = [];
      if (window) {
        const label = `${formatDay(window[0], SHORT_DAY_FORMAT)} – ${formatDay(window[1] - DAY, SHORT_DAY_FORMAT)}`;
        items.push(removable(label, 'chip-window', t('removeWindow', { window: label }), () => onWindow(null)));
      }
      for (const index of entities) {
        const entity = model.entities[index];
        items.push(removable(entity.name, `type-${entity.type} is-selected`, t('removeEntityFilter', { name: entity.name }), () => onToggle(index)));
      }
      chips.replaceChildren(...items);
      clear.hidden = items.length === 0;
      hint.hidden = items.length > 0;
      const names = filter.entityCounts ? filter.entityCounts.reduce((n, count) => n + (count > 0), 0) : model.entities.length;
      summary.textContent = [t('countArticles', { n: filter.docs.length }), t('countEvents', { n: filter.events.length }), t('countNames', { n: names })].join(' · ');
      from.value = window ? isoDay(window[0]) : '';
      to.value = window ? isoDay(window[1] - DAY) : '';
      eventsCount.textContent = formatNumber(filter.events.length);
      articlesCount.textContent = formatNumber(filter.docs.length);
    },
  };
}
