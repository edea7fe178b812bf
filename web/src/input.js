// Getting articles in: drag and drop of files and folders anywhere on the page, the file and
// folder pickers, pasted text, and a URL the user types. Every source ends as a list of
// {name, bytes: ArrayBuffer} handed to `onFiles`, or {name, unreadable: reason} for a file that
// could not be read (the analysis lists it among its errors with the reason).
import { openDialog } from './dialogs.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { fetchCorpus } from './remote.js';

const ACCEPTED = /\.(txt|text|md|markdown|html?|zip)$/i;
const isHidden = (name) => name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');

async function readFile(file, name = file.webkitRelativePath || file.name) {
  try {
    return { name, bytes: await file.arrayBuffer() };
  } catch (error) {
    return { name, unreadable: t('fileUnreadable', { reason: `${error.name}: ${error.message}` }) };
  }
}

// Reads many files a batch at a time, each batch as one Blob of them all, cut back into files:
// one read per file, 64 at a time, was a round trip each to the browser's process and took about
// two seconds for 10,000 articles before their analysis could start. A batch that cannot be read
// whole (a file changed or gone since it was chosen) is read file by file, so that the file at
// fault says why.
const BATCH_FILES = 250;
const BATCH_BYTES = 16 << 20;

async function readBatch(batch, name) {
  try {
    const buffer = await new Blob(batch).arrayBuffer();
    const out = [];
    let at = 0;
    for (const file of batch) {
      out.push({ name: name(file), bytes: buffer.slice(at, at + file.size) });
      at += file.size;
    }
    if (at === buffer.byteLength) return out;
  } catch {
    // read one by one below
  }
  return Promise.all(batch.map((file) => readFile(file, name(file))));
}

async function readFiles(files, name = (file) => file.webkitRelativePath || file.name) {
  const out = [];
  let batch = [];
  let bytes = 0;
  for (const file of files) {
    if (batch.length && (batch.length >= BATCH_FILES || bytes + file.size > BATCH_BYTES)) {
      out.push(...await readBatch(batch, name));
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += file.size;
  }
  if (batch.length) out.push(...await readBatch(batch, name));
  return out;
}

const entryFile = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));

// A directory reader returns its entries in batches until it returns none.
async function directoryEntries(directory) {
  const reader = directory.createReader();
  const entries = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return entries;
    entries.push(...batch);
  }
}

// Files inside folders are taken only with an article's extension (a folder's images and PDFs
// are not articles); files given one by one are all tried, so that a wrong one says why.
async function collectEntry(entry, files, skipped, inFolder) {
  const name = entry.fullPath.replace(/^\//, '');
  if (isHidden(name)) return;
  if (entry.isDirectory) {
    for (const child of await directoryEntries(entry)) await collectEntry(child, files, skipped, true);
  } else if (inFolder && !ACCEPTED.test(name)) {
    skipped.push(name);
  } else {
    files.push(await readFile(await entryFile(entry), name));
  }
}

// A drop's items can only be read during the drop event itself. A file with a MIME type is never
// a folder, so only the untyped ones need a (slower) file-system entry to tell.
async function droppedFiles(dataTransfer) {
  const plain = [];
  const entries = [];
  for (const item of dataTransfer.items) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    const entry = file?.type ? null : item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else if (file) plain.push(file);
  }
  const files = await readFiles(plain.filter((file) => !isHidden(file.name)), (file) => file.name);
  const skipped = [];
  for (const entry of entries) await collectEntry(entry, files, skipped, false);
  return { files, skipped };
}

function pasteDialog() {
  const area = el('textarea', { id: 'paste-text', rows: 12, spellcheck: false, autofocus: true });
  const title = el('input', { type: 'text', id: 'paste-name', placeholder: t('pasteNamePlaceholder') });
  return openDialog({
    title: t('pasteTitle'),
    className: 'wide',
    content: [
      el('label', { htmlFor: 'paste-text', text: t('pasteLabel') }), area,
      el('label', { htmlFor: 'paste-name', text: t('pasteName') }), title,
    ],
    actions: [{ value: 'add', label: t('pasteGo'), primary: true }],
    validate: () => area.value.trim().length > 0,
  }).then((answer) => (answer ? { text: area.value, name: title.value.trim() } : null));
}

export function urlDialog(initial = '') {
  const input = el('input', { type: 'url', id: 'url-input', value: initial, autofocus: true, placeholder: 'https://…' });
  const problem = el('p', { className: 'dialog-problem', attrs: { role: 'alert' } });
  return openDialog({
    title: t('urlTitle'),
    content: [el('p', { className: 'hint', text: t('urlHint') }), el('label', { htmlFor: 'url-input', text: t('urlLabel') }), input, problem],
    actions: [{ value: 'load', label: t('urlGo'), primary: true }],
    validate: () => {
      try {
        const url = new URL(input.value.trim());
        if (url.protocol === 'https:' || url.protocol === 'http:') return true;
      } catch { /* reported below */ }
      problem.textContent = t('urlInvalid');
      return false;
    },
  }).then((answer) => (answer ? input.value.trim() : null));
}

export function setupInput({ dropTargets, overlay, fileInput, folderInput, pickFiles, pickFolder, paste, loadUrl }, { onFiles, onSkipped, onError, onBusy }) {
  let pasted = 0;

  for (const button of pickFiles) button.addEventListener('click', () => fileInput.click());
  for (const button of pickFolder) button.addEventListener('click', () => folderInput.click());
  for (const input of [fileInput, folderInput]) {
    input.addEventListener('change', async () => {
      const inFolder = input === folderInput;
      const chosen = [...input.files].filter((file) => !isHidden(file.webkitRelativePath || file.name));
      const taken = inFolder ? chosen.filter((file) => ACCEPTED.test(file.name)) : chosen;
      input.value = '';
      if (inFolder && taken.length < chosen.length) onSkipped(chosen.filter((file) => !ACCEPTED.test(file.name)).map((f) => f.webkitRelativePath || f.name));
      if (taken.length) onFiles(await readFiles(taken));
    });
  }

  // Dropping anywhere adds the articles; an overlay says so while something is dragged over.
  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  window.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
  });
  for (const target of dropTargets) {
    target.addEventListener('drop', async (event) => {
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      overlay.hidden = true;
      onBusy?.(true);
      try {
        const { files, skipped } = await droppedFiles(event.dataTransfer);
        if (skipped.length) onSkipped(skipped);
        if (files.length) onFiles(files);
      } catch (error) {
        onError(t('readFailed', { message: error.message }));
      } finally {
        onBusy?.(false);
      }
    });
  }

  for (const button of paste) {
    button.addEventListener('click', async () => {
      const answer = await pasteDialog();
      if (!answer) return;
      pasted += 1;
      const base = answer.name ? answer.name.replace(/[\\/]/g, '-') : t('pastedName', { n: pasted });
      const name = /\.(txt|md|html?)$/i.test(base) ? base : `${base}.txt`;
      onFiles([{ name, bytes: new TextEncoder().encode(answer.text).buffer }]);
    });
  }

  for (const button of loadUrl) {
    button.addEventListener('click', async () => {
      const url = await urlDialog();
      if (!url) return;
      onBusy?.(true);
      try {
        onFiles(await fetchCorpus(url));
      } catch (error) {
        onError(error.message);
      } finally {
        onBusy?.(false);
      }
    });
  }
}
