// Getting articles in: drag and drop of files and folders, the file and folder pickers, and
// pasted text. Every source ends as a list of {name, bytes} handed to `onFiles`.
import { t } from './i18n.js';

const isHidden = (name) => name.split('/').some((part) => part.startsWith('.'));

// A file that cannot be read is kept with the reason, which the analysis lists among its errors.
async function readFile(file, name = file.webkitRelativePath || file.name) {
  try {
    return { name, bytes: await file.arrayBuffer() };
  } catch (error) {
    return { name, error: `the file could not be read (${error.name}: ${error.message})` };
  }
}

// Reads files a few at a time: with thousands of reads at once Chromium fails some of them
// (NotReadableError), and a drop of 20,000 files was lost whole.
async function readFiles(files) {
  const read = new Array(files.length);
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const index = next++;
      read[index] = await readFile(files[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, reader));
  return read;
}

function entryFile(entry) {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

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

async function collectEntry(entry, files) {
  const name = entry.fullPath.replace(/^\//, '');
  if (isHidden(name)) return;
  if (entry.isDirectory) {
    for (const child of await directoryEntries(entry)) await collectEntry(child, files);
  } else {
    files.push(await readFile(await entryFile(entry), name));
  }
}

async function droppedFiles(dataTransfer) {
  const entries = [...dataTransfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.())
    .filter(Boolean);
  if (entries.length === 0) return readFiles([...dataTransfer.files]);
  const files = [];
  for (const entry of entries) await collectEntry(entry, files);
  return files;
}

export function setupInput(elements, onFiles) {
  const { dropzone, fileInput, folderInput, pickFiles, pickFolder, pasteText, pasteGo } = elements;
  let pasted = 0;

  pickFiles.addEventListener('click', () => fileInput.click());
  pickFolder.addEventListener('click', () => folderInput.click());
  for (const input of [fileInput, folderInput]) {
    input.addEventListener('change', async () => {
      const chosen = [...input.files].filter((file) => !isHidden(file.webkitRelativePath || file.name));
      input.value = '';
      if (chosen.length) onFiles(await readFiles(chosen));
    });
  }

  dropzone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropzone.classList.add('dragging');
  });
  dropzone.addEventListener('dragleave', () => dropzone.classList.remove('dragging'));
  dropzone.addEventListener('drop', async (event) => {
    event.preventDefault();
    dropzone.classList.remove('dragging');
    const files = await droppedFiles(event.dataTransfer);
    if (files.length) onFiles(files);
  });
  // Dropping outside the zone must not navigate away from the workspace.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());

  pasteGo.addEventListener('click', () => {
    const text = pasteText.value;
    if (!text.trim()) return;
    pasted += 1;
    onFiles([{ name: t('pastedName', { n: pasted }), bytes: new TextEncoder().encode(text).buffer }]);
    pasteText.value = '';
  });
}
