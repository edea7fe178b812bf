// The page: a workspace of articles, analysed in the worker whenever it changes.
import { t, translatePage } from './i18n.js';
import { AnalysisClient } from './analysis-client.js';
import { setupInput } from './input.js';
import { renderDocuments, renderReader } from './documents-view.js';

const $ = (id) => document.getElementById(id);
translatePage();

const status = $('engine-status');
status.textContent = t('engineLoading');
const client = new AnalysisClient();
client.ready.then(
  () => {
    status.textContent = t('engineReady');
    status.dataset.state = 'ready';
  },
  (error) => {
    status.textContent = t('engineFailed', { message: error.message });
    status.dataset.state = 'failed';
  },
);

const workspace = new Map();  // name -> {name, bytes}
let lastJson = null;
let run = 0;

const reader = { section: $('reader'), title: $('reader-title'), meta: $('reader-meta'), warnings: $('reader-warnings'), body: $('reader-text') };

function showErrors(errors) {
  $('input-errors').replaceChildren(
    ...errors.map((error) => Object.assign(document.createElement('li'), { textContent: t('failedFile', error) })),
  );
}

async function analyseWorkspace() {
  const current = ++run;
  const files = [...workspace.values()];
  const progress = $('progress');
  const bar = $('progress-bar');
  const label = $('progress-label');
  progress.hidden = false;
  bar.value = 0;
  const started = performance.now();
  try {
    const json = await client.analyse(files, {}, ({ done, total, name }) => {
      if (current !== run) return;
      bar.value = done / total;
      label.textContent = t('analysing', { done, total, name });
    });
    if (current !== run) return;
    lastJson = json;
    const result = JSON.parse(json);
    label.textContent = t('analysed', { documents: result.documents.length, ms: Math.round(performance.now() - started) });
    bar.value = 1;
    showErrors(result.errors);
    $('results').hidden = result.documents.length === 0;
    renderDocuments($('documents').tBodies[0], result.documents, (doc) => renderReader(reader, doc));
    document.body.dataset.analysed = String(result.documents.length);
  } catch (error) {
    if (current === run) label.textContent = t('analysisFailed', { message: error.message });
  }
}

setupInput(
  {
    dropzone: $('dropzone'),
    fileInput: $('file-input'),
    folderInput: $('folder-input'),
    pickFiles: $('pick-files'),
    pickFolder: $('pick-folder'),
    pasteText: $('paste-text'),
    pasteGo: $('paste-go'),
  },
  (files) => {
    for (const file of files) workspace.set(file.name, file);
    analyseWorkspace();
  },
);

$('export-json').addEventListener('click', () => {
  if (!lastJson) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([lastJson], { type: 'application/json' }));
  link.download = 'cronaca.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
});

$('clear').addEventListener('click', () => {
  workspace.clear();
  lastJson = null;
  run++;
  $('results').hidden = true;
  reader.section.hidden = true;
  $('progress').hidden = true;
  showErrors([]);
  delete document.body.dataset.analysed;
});
