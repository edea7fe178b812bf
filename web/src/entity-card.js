// The active entity in full (names, titles, where and when it appears, who it appears with) and
// the corrections a journalist can make to it: rename, change type, merge with another, split an
// alias off, remove. Each becomes an entry of the core's correction list (docs/schema.md), named
// by the entity's name, and the corpus is analysed again with the list.
import { openDialog } from './dialogs.js';
import { el, fill } from './dom.js';
import { searchKey } from './filters.js';
import { t } from './i18n.js';
import { TYPES } from './entities-view.js';

function renameDialog(entity) {
  const input = el('input', { type: 'text', value: entity.name, id: 'rename-input', autofocus: true, attrs: { 'aria-label': t('newName') } });
  return openDialog({
    title: t('renameTitle', { name: entity.name }),
    content: [el('label', { htmlFor: 'rename-input', text: t('newName') }), input],
    actions: [{ value: 'rename', label: t('rename'), primary: true }],
    validate: () => input.value.trim().length > 0,
  }).then((answer) => (answer && input.value.trim() !== entity.name ? input.value.trim() : null));
}

// Merge: pick the other entity by searching its name.
function mergeDialog(entity, model) {
  const input = el('input', { type: 'search', id: 'merge-search', autofocus: true, autocomplete: 'off', attrs: { 'aria-label': t('mergeSearch') } });
  const options = el('div', { className: 'choice-list', attrs: { role: 'radiogroup', 'aria-label': t('mergeCandidates') } });
  let chosen = null;
  const others = model.entities.filter((e) => e.index !== entity.index);
  const show = () => {
    const query = searchKey(input.value);
    const matches = others
      .filter((e) => !query || e.search.includes(query))
      .sort((a, b) => (b.type === entity.type) - (a.type === entity.type) || b.total - a.total)
      .slice(0, 8);
    options.replaceChildren(...matches.map((e) => {
      const id = `merge-${e.index}`;
      const radio = el('input', { type: 'radio', name: 'merge-with', id, value: String(e.index), checked: chosen === e.index, on: { change: () => { chosen = e.index; } } });
      const aliases = e.aliases.filter((alias) => alias !== e.name).join(', ');
      return el('div', { className: 'choice' }, radio, el('label', { htmlFor: id },
        el('span', { className: `type-dot type-${e.type}` }), el('strong', { text: e.name }),
        el('small', { text: ` ${t(`type_${e.type}`)} · ${t('mentionsShort', { n: e.total })}${aliases ? ` · ${aliases}` : ''}` })));
    }));
    if (!matches.some((e) => e.index === chosen)) chosen = matches.length === 1 ? matches[0].index : null;
    if (chosen !== null) options.querySelector(`#merge-${chosen}`).checked = true;
  };
  input.addEventListener('input', show);
  show();
  return openDialog({
    title: t('mergeTitle', { name: entity.name }),
    content: [el('p', { className: 'hint', text: t('mergeHint', { name: entity.name }) }), el('label', { htmlFor: 'merge-search', text: t('mergeSearch') }), input, options],
    actions: [{ value: 'merge', label: t('merge'), primary: true }],
    validate: () => chosen !== null,
  }).then((answer) => (answer ? model.entities[chosen] : null));
}

function splitDialog(entity, alias) {
  return openDialog({
    title: t('splitTitle', { alias }),
    content: [el('p', { text: t('splitHint', { alias, name: entity.name }) })],
    actions: [{ value: 'split', label: t('split'), primary: true }],
  });
}

function removeDialog(entity) {
  return openDialog({
    title: t('removeTitle', { name: entity.name }),
    content: [el('p', { text: t('removeHint', { name: entity.name, n: entity.total }) })],
    actions: [{ value: 'remove', label: t('remove'), primary: true, danger: true }],
  });
}

export function createEntityCard(container, { onCorrect, onToggle, onActivate, onOpenDocument }) {
  function render(model, entity, { selected, count }) {
    if (!entity) {
      container.hidden = true;
      container.replaceChildren();
      return;
    }
    container.hidden = false;
    const isSelected = selected.has(entity.index);
    const typeSelect = el('select', { id: 'entity-type', attrs: { 'aria-label': t('changeType') } },
      TYPES.map((type) => el('option', { value: type, text: t(`type_${type}`), selected: type === entity.type })));
    typeSelect.addEventListener('change', () => onCorrect({ op: 'retype', entity: entity.name, type: typeSelect.value }, t('didRetype', { name: entity.name, type: t(`type_${typeSelect.value}`) })));

    const aliases = entity.aliases.map((alias) => el('li', { className: 'alias' },
      el('span', { text: alias }),
      entity.aliases.length > 1 ? el('button', {
        type: 'button', className: 'icon-button', text: '✂', title: t('splitTitle', { alias }),
        attrs: { 'aria-label': t('splitTitle', { alias }) },
        on: { click: async () => { if (await splitDialog(entity, alias)) onCorrect({ op: 'split', entity: entity.name, alias }, t('didSplit', { alias })); } },
      }) : null));

    const span = entity.first ? (entity.first === entity.last ? entity.first : `${entity.first} – ${entity.last}`) : null;
    const place = entity.place ? [t(`place_${entity.place}`), entity.country].filter(Boolean).join(', ') : null;
    const facts = [
      t('mentionsTotal', { n: entity.mentions }),
      entity.related ? t('relatedTotal', { n: entity.related }) : null,
      t('inArticles', { n: entity.docs.length }),
      t('inEvents', { n: entity.events }),
      span, place, entity.generic ? t('genericName') : null,
    ].filter(Boolean);

    const cooccurring = entity.cooccurring.map(([index, n]) => el('button', {
      type: 'button', className: `chip type-${model.entities[index].type}`, text: model.entities[index].name,
      title: t('togetherIn', { n }), on: { click: () => onActivate(index) },
    }));

    fill(container,
      el('div', { className: 'card-head' },
        el('span', { className: `type-badge type-${entity.type}`, text: t(`type_${entity.type}`) }),
        el('h3', { id: 'entity-card-title', text: entity.name })),
      entity.descriptions.length ? el('p', { className: 'descriptions', text: entity.descriptions.join(' · ') }) : null,
      el('p', { className: 'facts', text: facts.join(' · ') }),
      el('h4', { text: t('aliasesLabel') }),
      el('ul', { className: 'aliases' }, aliases),
      cooccurring.length ? el('h4', { text: t('oftenWith') }) : null,
      cooccurring.length ? el('div', { className: 'chips' }, cooccurring) : null,
      el('div', { className: 'card-actions' },
        el('button', { type: 'button', className: isSelected ? 'primary' : '', attrs: { 'aria-pressed': String(isSelected) },
          text: isSelected ? t('unfilterEntity') : t('filterEntity'), on: { click: () => onToggle(entity.index) } }),
        entity.docs.length ? el('button', { type: 'button', text: t('readFirst'), on: { click: () => onOpenDocument(entity.docs[0], entity.index) } }) : null),
      el('h4', { text: t('correct') }),
      el('div', { className: 'card-actions corrections' },
        el('button', { type: 'button', text: t('renameAction'), dataset: { correct: 'rename' }, on: { click: async () => {
          const name = await renameDialog(entity);
          if (name) onCorrect({ op: 'rename', entity: entity.name, name }, t('didRename', { from: entity.name, to: name }), name);
        } } }),
        el('button', { type: 'button', text: t('mergeAction'), dataset: { correct: 'merge' }, on: { click: async () => {
          const other = await mergeDialog(entity, model);
          if (other) onCorrect({ op: 'merge', entity: other.name, with: entity.name }, t('didMerge', { a: other.name, b: entity.name }));
        } } }),
        el('label', { className: 'inline-select' }, el('span', { text: t('changeType') }), typeSelect),
        el('button', { type: 'button', className: 'danger', text: t('removeAction'), dataset: { correct: 'remove' }, on: { click: async () => {
          if (await removeDialog(entity)) onCorrect({ op: 'remove', entity: entity.name }, t('didRemove', { name: entity.name }));
        } } })),
    );
  }
  return { render };
}
