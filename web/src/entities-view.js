// The entity list: people, organisations and places grouped by type, with their mention counts
// under the current filter and a small strip of their activity over the corpus's dates; search as
// you type, sort by mentions or name, and a virtualised list so that ten thousand scroll smoothly.
// Activating an entity selects it (a filter for every view); the active one shows in the card.
import { el, svg } from './dom.js';
import { countOf, searchKey } from './filters.js';
import { t } from './i18n.js';
import { formatNumber } from './lib/format.js';
import { VirtualList } from './virtual-list.js';

export const TYPES = ['PER', 'ORG', 'LOC'];
const ROW = 50;

function activityStrip(entity, bins) {
  const max = Math.max(1, ...entity.activity);
  const width = 64;
  const height = 16;
  const strip = svg('svg', { class: 'activity', width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' });
  const step = width / bins;
  entity.activity.forEach((count, i) => {
    if (!count) return;
    const h = Math.max(2, (count / max) * height);
    strip.append(svg('rect', { x: (i * step).toFixed(1), y: (height - h).toFixed(1), width: Math.max(1, step - 0.6).toFixed(1), height: h.toFixed(1) }));
  });
  return strip;
}

export function createEntityList({ list, search, sort, typeButtons, count }, { onToggle, onActive }) {
  let model = null;
  let filter = null;
  let selected = new Set();
  let highlighted = new Set();
  const hidden = new Set();

  const view = new VirtualList(list, {
    rowHeight: ROW,
    label: t('entitiesTitle'),
    multiselectable: true,
    // Items are the entities themselves and, before each type's, a header {header: true, type, count}.
    isSelectable: (item) => !item.header,
    isSelected: (item) => selected.has(item.index),
    onActivate: (item) => onToggle(item.index),
    onActiveChange: (item) => onActive(item.index),
    renderRow(row, item) {
      if (item.header) {
        row.classList.add('vlist-header', `type-${item.type}`);
        row.append(el('span', { text: t(`type_${item.type}_plural`) }), el('span', { className: 'count', text: formatNumber(item.count) }));
        return;
      }
      const entity = item;
      row.classList.add('entity-row', `type-${entity.type}`);
      if (selected.has(entity.index)) row.classList.add('is-selected');
      if (highlighted.has(entity.index)) row.classList.add('is-highlighted');
      const others = entity.aliases.filter((alias) => alias !== entity.name);
      const subtitle = [entity.descriptions[0], others.length ? others.join(', ') : null].filter(Boolean).join(' · ');
      row.append(
        el('span', { className: 'entity-name', text: entity.name, title: entity.name }),
        el('span', { className: 'entity-count', text: formatNumber(countOf(filter, entity)), title: t('mentionsTitle', { mentions: entity.mentions, related: entity.related }) }),
        el('span', { className: 'entity-aliases', text: subtitle || t(`type_${entity.type}`) }),
        activityStrip(entity, model.activityBins),
      );
      row.setAttribute('aria-label', `${entity.name}, ${t(`type_${entity.type}`)}, ${t('mentionsShort', { n: countOf(filter, entity) })}${others.length ? `, ${t('aliasesLabel')}: ${others.join(', ')}` : ''}`);
    },
  });

  function rows() {
    if (!model) return [];
    const query = searchKey(search.value);
    const bySort = sort.value === 'name'
      ? (a, b) => a.rank - b.rank
      : (a, b) => countOf(filter, b) - countOf(filter, a) || a.rank - b.rank;
    // One pass over the entities, into one list per type.
    const byType = new Map(TYPES.map((type) => [type, []]));
    for (const entity of model.entities) {
      const members = byType.get(entity.type);
      if (members && (!query || entity.search.includes(query)) && (countOf(filter, entity) > 0 || selected.has(entity.index))) members.push(entity);
    }
    const out = [];
    for (const [type, members] of byType) {
      typeButtons[type].querySelector('.count').textContent = formatNumber(members.length);
      if (!members.length || hidden.has(type)) continue;
      members.sort(bySort);
      out.push({ header: true, type, count: members.length });
      for (const entity of members) out.push(entity);
    }
    return out;
  }

  function refresh() {
    const items = rows();
    view.setItems(items, { emptyText: model ? t('entitiesNone') : '' });
    let shown = 0;
    for (const item of items) if (!item.header) shown++;
    count.textContent = model ? formatNumber(shown) : '';
  }

  search.addEventListener('input', refresh);
  sort.addEventListener('change', refresh);
  for (const [type, button] of Object.entries(typeButtons)) {
    button.addEventListener('click', () => {
      if (hidden.has(type)) hidden.delete(type);
      else hidden.add(type);
      button.setAttribute('aria-pressed', String(!hidden.has(type)));
      refresh();
    });
  }

  return {
    setData(nextModel, nextFilter, nextSelected) {
      model = nextModel;
      filter = nextFilter;
      selected = nextSelected;
      refresh();
    },
    measure: () => view.measure(),
    setHighlighted(indices) {
      if (indices.length === 0 && highlighted.size === 0) return;
      highlighted = new Set(indices);
      view.render();
    },
    reveal(index) {
      return view.reveal((item) => !item.header && item.index === index);
    },
    get items() { return view.items; },
  };
}
