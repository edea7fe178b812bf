// The user's corrections to the entities: the core's correction list (docs/schema.md), with what
// undo took back kept for redo, both stored with the workspace. Every change means analysing the
// corpus again with the new list, which `onChange` asks for.
import { openDialog } from './dialogs.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { saveCorrections } from './workspace-store.js';

export function describeCorrection(c) {
  return t(`correction_${c.op}`, { entity: c.entity, with: c.with, alias: c.alias, name: c.name, type: c.type ? t(`type_${c.type}`) : '' });
}

export function createCorrections({ count, undoButton, redoButton, reviewButton }, { onChange, warnings }) {
  let list = [];
  let undone = [];

  function render() {
    undoButton.disabled = list.length === 0;
    redoButton.disabled = undone.length === 0;
    undoButton.title = list.length ? t('undoWhat', { what: describeCorrection(list.at(-1)) }) : '';
    redoButton.title = undone.length ? t('redoWhat', { what: describeCorrection(undone.at(-1)) }) : '';
    count.textContent = t('correctionsCount', { n: list.length });
    reviewButton.disabled = list.length === 0;
  }

  function changed(message) {
    saveCorrections(list, undone);
    render();
    onChange(message);
  }

  const corrections = {
    get list() { return list; },
    get undone() { return undone; },
    // Sets the lists as stored or shared, without analysing.
    load(next = [], nextUndone = []) {
      list = [...next];
      undone = [...nextUndone];
      saveCorrections(list, undone);
      render();
    },
    add(correction, message) {
      list.push(correction);
      undone = [];
      changed(message);
    },
    // Corrections that came with a workspace file, without repeating those already made.
    merge(more) {
      for (const correction of more) {
        if (!list.some((c) => JSON.stringify(c) === JSON.stringify(correction))) list.push(correction);
      }
      saveCorrections(list, undone);
      render();
    },
    undo() {
      if (!list.length) return;
      undone.push(list.pop());
      changed(t('undone'));
    },
    redo() {
      if (!undone.length) return;
      list.push(undone.pop());
      changed(t('redone'));
    },
    // The list with a box per correction, to drop the ones no longer wanted.
    async review() {
      const problems = warnings();
      const keep = list.map(() => true);
      const items = list.map((c, i) => {
        const box = el('input', { type: 'checkbox', id: `keep-${i}`, checked: true, on: { change: () => { keep[i] = box.checked; } } });
        const problem = problems.find((w) => w.startsWith(`correction ${i + 1}:`));
        return el('li', {}, box, el('label', { htmlFor: `keep-${i}`, text: describeCorrection(c) }), problem ? el('small', { className: 'warning', text: problem }) : null);
      });
      const answer = await openDialog({
        title: t('correctionsTitle'),
        content: [el('p', { className: 'hint', text: t('correctionsHint') }), el('ol', { className: 'corrections-list' }, items)],
        actions: [{ value: 'apply', label: t('apply'), primary: true }],
      });
      if (answer && keep.includes(false)) {
        list = list.filter((_, i) => keep[i]);
        changed(null);
      }
    },
    render,
  };
  undoButton.addEventListener('click', () => corrections.undo());
  redoButton.addEventListener('click', () => corrections.redo());
  reviewButton.addEventListener('click', () => corrections.review());
  return corrections;
}
