// Analysis progress: a bar, what is being read now, and every file's status (waiting, analysed,
// or why it failed), which stays available after the run.
import { el, perFrame } from './dom.js';
import { t } from './i18n.js';
import { formatNumber } from './lib/format.js';

// The list of files is built only while it is open (it is closed unless a few files failed): ten
// thousand dropped files made fifty thousand nodes in the task that started the analysis.
const CHUNK = 500; // list items built per task when a long list is opened
const SHOW_AFTER_MS = 150;

export function createProgress({ container, bar, label, details, list, summary }) {
  const items = new Map(); // name -> {status, text, node (while the list is built)}
  let state = { done: 0, total: 0, name: '', phase: '' };
  let runs = 0;
  let built = false; // whether the list's items are in the DOM
  let showTimer = 0;
  let building = 0; // bumped to stop a list being built in chunks
  const waiting = t('fileWaiting');
  const fileDone = t('fileDone');

  const paint = perFrame(() => {
    bar.max = Math.max(1, state.total);
    bar.value = state.done;
    if (state.phase === 'resolving') label.textContent = t('resolving', { total: formatNumber(state.total) });
    else if (state.phase === 'reading' || !state.total) label.textContent = t('reading');
    else label.textContent = t('analysing', { done: formatNumber(state.done), total: formatNumber(state.total), name: state.name });
  });

  const node = (name, entry) => el('li', { className: `file is-${entry.status}` }, el('span', { className: 'file-name', text: name }), el('span', { className: 'file-status', text: entry.text }));

  // Builds the list's items, a chunk per task for a long list.
  function build() {
    if (built) return;
    built = true;
    const run = ++building;
    const pending = [...items].filter(([, entry]) => !entry.node);
    const step = (from) => {
      if (run !== building) return;
      const fragment = document.createDocumentFragment();
      for (const [name, entry] of pending.slice(from, from + CHUNK)) {
        if (items.get(name) !== entry) continue; // removed meanwhile
        entry.node = node(name, entry);
        fragment.append(entry.node);
      }
      list.append(fragment);
      if (from + CHUNK < pending.length) setTimeout(() => step(from + CHUNK), 0);
    };
    step(0);
  }

  function clear() {
    building++;
    built = false;
    items.clear();
    list.replaceChildren();
  }

  details.addEventListener('toggle', () => { if (details.open) build(); });

  function mark(name, status, text) {
    let entry = items.get(name);
    if (!entry) {
      entry = { status, text, node: null };
      items.set(name, entry);
      if (built) {
        entry.node = node(name, entry);
        list.append(entry.node);
      }
      return;
    }
    entry.status = status;
    entry.text = text;
    if (entry.node) {
      entry.node.className = `file is-${status}`;
      entry.node.lastChild.textContent = text;
    }
  }

  return {
    start(names) {
      runs++;
      clear();
      // Zips expand in the worker: their articles are listed as they come.
      for (const name of names) if (!/\.zip$/i.test(name)) items.set(name, { status: 'waiting', text: waiting, node: null });
      if (details.open) build();
      state = { done: 0, total: names.length, name: '', phase: 'reading' };
      // Shown once the analysis has taken SHOW_AFTER_MS: a few articles are analysed sooner, and
      // laying the bar out meanwhile only took time from the analysis on a busy machine.
      clearTimeout(showTimer);
      if (container.hidden) showTimer = setTimeout(() => { container.hidden = false; }, SHOW_AFTER_MS);
      container.dataset.state = 'running';
      summary.textContent = '';
      paint();
    },
    update(message) {
      const { files, ...rest } = message;
      state = { ...state, ...rest };
      if (message.phase === 'file') {
        for (const [name, error] of files ?? (message.name ? [[message.name, message.error]] : [])) {
          if (error) mark(name, 'failed', error);
          else mark(name, 'done', fileDone);
        }
      }
      paint();
    },
    finish({ documents, errors, ms }) {
      clearTimeout(showTimer);
      container.hidden = false;
      container.dataset.state = errors.length ? 'problems' : 'done';
      for (const error of errors) mark(error.name, 'failed', error.message);
      for (const [name, entry] of items) {
        if (entry.status !== 'waiting') continue;
        entry.node?.remove();
        items.delete(name);
      }
      state = { ...state, done: state.total, phase: 'done' };
      bar.max = 1;
      bar.value = 1;
      label.textContent = t('analysed', { n: documents, seconds: (ms / 1000).toFixed(1) });
      summary.textContent = errors.length ? t('problemsCount', { n: errors.length }) : '';
      details.open = errors.length > 0 && errors.length <= 5;
      if (details.open) build(); // now, not when the toggle event comes
      // A run without problems needs no more room once it is done.
      if (!errors.length) {
        const run = ++runs;
        setTimeout(() => {
          if (run === runs && container.dataset.state === 'done' && !container.contains(document.activeElement)) container.hidden = true;
        }, 6000);
      }
    },
    fail(message) {
      clearTimeout(showTimer);
      container.hidden = false;
      container.dataset.state = 'failed';
      label.textContent = t('analysisFailed', { message });
    },
    hide() {
      clearTimeout(showTimer);
      container.hidden = true;
      clear();
    },
  };
}
