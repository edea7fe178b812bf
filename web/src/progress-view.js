// Analysis progress: a bar, what is being read now, and every file's status (waiting, analysed,
// or why it failed), which stays available after the run.
import { el, perFrame } from './dom.js';
import { t } from './i18n.js';
import { formatNumber } from './lib/format.js';

export function createProgress({ container, bar, label, details, list, summary }) {
  const items = new Map();
  let state = { done: 0, total: 0, name: '', phase: '' };
  let runs = 0;
  const waiting = t('fileWaiting');

  const paint = perFrame(() => {
    bar.max = Math.max(1, state.total);
    bar.value = state.done;
    if (state.phase === 'resolving') label.textContent = t('resolving', { total: formatNumber(state.total) });
    else if (state.phase === 'reading' || !state.total) label.textContent = t('reading');
    else label.textContent = t('analysing', { done: formatNumber(state.done), total: formatNumber(state.total), name: state.name });
  });

  function item(name, parent = list) {
    let entry = items.get(name);
    if (!entry) {
      entry = el('li', { className: 'file is-waiting' }, el('span', { className: 'file-name', text: name }), el('span', { className: 'file-status', text: waiting }));
      items.set(name, entry);
      parent.append(entry);
    }
    return entry;
  }

  function mark(name, status, text) {
    const entry = item(name);
    entry.className = `file is-${status}`;
    entry.lastChild.textContent = text;
  }

  return {
    start(names) {
      runs++;
      items.clear();
      list.replaceChildren();
      // Zips expand in the worker: their articles are listed as they come.
      const fragment = document.createDocumentFragment();
      for (const name of names) if (!/\.zip$/i.test(name)) item(name, fragment);
      list.append(fragment);
      state = { done: 0, total: names.length, name: '', phase: 'reading' };
      container.hidden = false;
      container.dataset.state = 'running';
      summary.textContent = '';
      paint();
    },
    update(message) {
      state = { ...state, ...message };
      if (message.phase === 'file' && message.name) {
        if (message.error) mark(message.name, 'failed', message.error);
        else mark(message.name, 'done', t('fileDone'));
      }
      paint();
    },
    finish({ documents, errors, ms }) {
      container.dataset.state = errors.length ? 'problems' : 'done';
      for (const error of errors) mark(error.name, 'failed', error.message);
      for (const [, entry] of items) if (entry.classList.contains('is-waiting')) entry.remove();
      state = { ...state, done: state.total, phase: 'done' };
      bar.max = 1;
      bar.value = 1;
      label.textContent = t('analysed', { n: documents, seconds: (ms / 1000).toFixed(1) });
      summary.textContent = errors.length ? t('problemsCount', { n: errors.length }) : '';
      details.open = errors.length > 0 && errors.length <= 5;
      // A run without problems needs no more room once it is done.
      if (!errors.length) {
        const run = ++runs;
        setTimeout(() => {
          if (run === runs && container.dataset.state === 'done' && !container.contains(document.activeElement)) container.hidden = true;
        }, 6000);
      }
    },
    fail(message) {
      container.dataset.state = 'failed';
      label.textContent = t('analysisFailed', { message });
    },
    hide() {
      container.hidden = true;
      items.clear();
      list.replaceChildren();
    },
  };
}
