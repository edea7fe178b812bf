// The page: a workspace of articles analysed in the worker whenever it changes, and four views of
// the result (entities, timeline, events/articles/map, reader) that all follow one selection: a
// time window and a set of entities.
import { AnalysisClient } from './analysis-client.js';
import { createArticleList, createEventList } from './browse-views.js';
import { createCorrections } from './corrections.js';
import { openDialog } from './dialogs.js';
import { $, debounce, download, el } from './dom.js';
import { createEntityCard } from './entity-card.js';
import { createEntityList, TYPES } from './entities-view.js';
import { createFilterBar } from './filter-bar.js';
import { computeFilter, findEntities } from './filters.js';
import { t, translatePage } from './i18n.js';
import { setupInput } from './input.js';
import { fragmentToView, viewToFragment } from './lib/share-codec.js';
import { toast } from './notices.js';
import { createProgress } from './progress-view.js';
import { createReader } from './reader-view.js';
import { offerRemoteCorpus, openSharedCorpus, shareLink } from './sharing.js';
import { createTabs } from './tabs.js';
import { createTimeline } from './timeline/view.js';
import { hydrateModel } from '../worker/model.js';
import { clearWorkspace, loadWorkspace, saveFiles, saveView } from './workspace-store.js';
import { startWorker } from './worker-start.js';

translatePage();

// ---- State -------------------------------------------------------------------------------
let files = []; // the workspace: [{name, bytes: ArrayBuffer}] in the order added
let model = null;
let filter = null;
const selection = { window: null, entities: new Set(), active: null, doc: null, event: null, tab: 'events' };
let pendingView = null; // a view by names, applied when the next analysis arrives
let lastTimings = null;

const client = new AnalysisClient(startWorker);

// Showing the workspace the first time resolves its fonts, and on Linux each new size and weight
// of a font is a round trip to the browser process: over 100 ms in all, which the first analysis
// used to wait for. The workspace is laid out once, invisibly, while the page waits for files:
// one part per idle task (the filter bar, then each panel), so that no task takes that long.
function warmWorkspaceFonts(parts, index = 0) {
  const workspace = $('workspace');
  if (!workspace.hidden || index >= parts.length) return;
  const others = parts.filter((_, i) => i !== index);
  const saved = [workspace, ...others].map((element) => element.style.cssText);
  workspace.style.cssText = 'visibility: hidden; position: fixed; inset: 0; overflow: hidden; pointer-events: none';
  for (const other of others) other.style.display = 'none';
  workspace.hidden = false;
  void workspace.offsetHeight; // style and layout, now
  workspace.hidden = true;
  [workspace, ...others].forEach((element, i) => { element.style.cssText = saved[i]; });
  requestIdleCallback(() => warmWorkspaceFonts(parts, index + 1), { timeout: 2000 });
}
if ('requestIdleCallback' in window) {
  const parts = [...document.querySelectorAll('#workspace > section, #workspace > .layout > *')];
  requestIdleCallback(() => warmWorkspaceFonts(parts), { timeout: 2000 });
}
const status = $('engine-status');
status.textContent = t('engineLoading');
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

// ---- Notices -----------------------------------------------------------------------------
// Each file that could not be read, why, and a way to take it out of the workspace.
function showProblems(errors) {
  $('input-errors').replaceChildren(...errors.map((error) => el('li', {},
    el('span', { text: t('failedFile', error) }),
    files.some((file) => file.name === error.name) ? el('button', {
      type: 'button', className: 'link-button', text: t('removeFile'),
      attrs: { 'aria-label': t('removeFileNamed', { name: error.name }) },
      on: { click: () => removeFiles([error.name]) },
    }) : null)));
}

// ---- Views -------------------------------------------------------------------------------
const progress = createProgress({
  container: $('progress'), bar: $('progress-bar'), label: $('progress-label'),
  details: $('progress-details'), list: $('progress-files'), summary: $('progress-summary'),
});

const entityList = createEntityList({
  list: $('entity-list'), search: $('entity-search'), sort: $('entity-sort'), count: $('entities-count'),
  typeButtons: Object.fromEntries(TYPES.map((type) => [type, $(`type-toggle-${type}`)])),
}, {
  onToggle: (index) => toggleEntity(index),
  onActive: (index) => setActive(index),
});

const entityCard = createEntityCard($('entity-card'), {
  onCorrect: (correction, text, newName) => correct(correction, text, newName),
  onToggle: (index) => toggleEntity(index),
  onActivate: (index) => {
    setActive(index);
    entityList.reveal(index);
  },
  onOpenDocument: (doc, entity) => openDocument(doc, { entity }),
});

const timeline = createTimeline({
  container: $('timeline-chart'), svgElement: $('timeline-svg'), overviewElement: $('timeline-overview'), tooltip: $('timeline-tooltip'),
  controls: { zoomIn: $('tl-zoom-in'), zoomOut: $('tl-zoom-out'), fit: $('tl-fit'), zoomWindow: $('tl-zoom-window') },
}, {
  onSelectEvent: (index) => openEvent(index, 0, { reveal: false }),
  onWindow: (span) => setWindow(span),
});

const eventList = createEventList($('event-list'), { onOpen: (index) => openEvent(index, 0, { reveal: true }) });
const articleList = createArticleList($('article-list'), { onOpen: (index) => openDocument(index) });

const reader = createReader({
  title: $('reader-title'), meta: $('reader-meta'), body: $('reader-text'), eventCard: $('event-card'),
  empty: $('reader-empty'), prev: $('reader-prev'), next: $('reader-next'), warnings: $('reader-warnings'),
}, {
  loadDocument: (index) => client.document(index),
  onToggleEntity: (index, { activate } = {}) => {
    toggleEntity(index);
    if (activate) {
      setActive(index);
      entityList.reveal(index);
    }
  },
  onOpenEvent: (index, source) => openEvent(index, source, { reveal: true }),
  onNavigate: (step) => {
    const order = articleOrder();
    const at = order.indexOf(selection.doc);
    const next = order[at < 0 ? 0 : at + step];
    if (next !== undefined) openDocument(next);
  },
});

let map = null;
let mapLoading = null;
function ensureMap() {
  if (map || mapLoading) return mapLoading;
  // The map's code and data load on first use; drawing waits a frame, so that neither the module's
  // evaluation nor the first drawing makes one long task with it.
  mapLoading = import('./map-view.js').then(async ({ createMap }) => {
    await nextFrame();
    map = createMap({
      container: $('map-frame'), svgElement: $('map-svg'), list: $('map-places'),
      zoomIn: $('map-zoom-in'), zoomOut: $('map-zoom-out'), reset: $('map-reset'),
    }, {
      onToggle: (index, { activate } = {}) => {
        toggleEntity(index);
        if (activate) setActive(index);
      },
    });
    if (model) map.update(model, filter, selection.entities);
  });
  return mapLoading;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// ---- Selection ---------------------------------------------------------------------------
function articleOrder() {
  return filter ? [...filter.docs].sort((a, b) => (model.documents[b].span?.[0] ?? -Infinity) - (model.documents[a].span?.[0] ?? -Infinity) || a - b) : [];
}

// The first article of articleOrder(), without sorting them all.
function newestArticle() {
  let best = null;
  let bestStart = -Infinity;
  for (const index of filter?.docs ?? []) {
    const start = model.documents[index].span?.[0] ?? -Infinity;
    if (best === null || start > bestStart) {
      best = index;
      bestStart = start;
    }
  }
  return best ?? 0;
}

// What a click changed is drawn at once (the names, the filter bar); the other views follow in
// tasks of their own, each with the latest filter, so that no click makes one long task.
const deferred = new Map();
function later(key, draw) {
  if (deferred.has(key)) return deferred.set(key, draw);
  deferred.set(key, draw);
  setTimeout(() => {
    const latest = deferred.get(key);
    deferred.delete(key);
    if (model) latest();
  }, 0);
}

const LIST_TABS = { events: true, articles: true };
const isLarge = (m) => m.events.length + m.entities.length > 4000;
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

// `computed`: the filter of the current selection, when the caller has just computed it.
// `lists`: with `immediate`, whether the lists are drawn at once too, or in a task of their own.
function refilter({ immediate = false, computed = null, lists = true } = {}) {
  if (!model) return;
  filter = computed ?? computeFilter(model, { window: selection.window, selected: selection.entities });
  entityList.setData(model, filter, selection.entities);
  filterBar.render(model, filter, selection);
  renderCard();
  const views = [
    ['timeline', () => timeline.update(filter.selectionEvents, selection.window)],
    ['events', () => eventList.setData(model, filter.events.map((event) => event.index))],
    ['articles', () => articleList.setData(model, filter.docs)],
    ['map', () => map?.update(model, filter, selection.entities)],
    ['reader', () => reader.setSelected(selection.entities)],
  ];
  // Drawn at once when asked, except a list in a tab that is not shown, which follows.
  for (const [key, draw] of views) {
    if (immediate && !(key in LIST_TABS && (selection.tab !== key || !lists))) draw();
    else later(key, draw);
  }
  rememberView();
}

function toggleEntity(index) {
  if (selection.entities.has(index)) selection.entities.delete(index);
  else selection.entities.add(index);
  refilter();
}

function setActive(index) {
  selection.active = index;
  renderCard();
  rememberView();
}

function renderCard() {
  entityCard.render(model, model && selection.active !== null ? model.entities[selection.active] : null, { selected: selection.entities });
}

function setWindow(span) {
  selection.window = span;
  refilter();
}

// Only a file of the workspace itself can be removed, not one article of a zip.
function updateRemovable() {
  const name = model?.documents[selection.doc]?.name;
  $('reader-remove').disabled = !name || !files.some((file) => file.name === name);
}

function openDocument(index, { entity = null } = {}) {
  selection.doc = index;
  selection.event = null;
  timeline.setSelectedEvent(null);
  eventList.setCurrent(null);
  articleList.setCurrent(index);
  entityList.setHighlighted([]);
  reader.show({ doc: index });
  updateRemovable();
  if (entity !== null && window.matchMedia('(max-width: 1100px)').matches) $('reader-panel').scrollIntoView();
  rememberView();
}

function openEvent(index, sourceIndex = 0, { reveal = false } = {}) {
  const event = model.events[index];
  const source = event.sources[sourceIndex] ?? event.sources[0];
  selection.event = index;
  selection.doc = source?.doc ?? null;
  timeline.setSelectedEvent(index);
  if (reveal) timeline.reveal(event);
  eventList.setCurrent(index);
  articleList.setCurrent(selection.doc);
  entityList.setHighlighted(event.participants);
  if (source) reader.show({ doc: source.doc, highlight: { start: source.start, end: source.end }, event: index });
  updateRemovable();
  rememberView();
}

// ---- Filter bar --------------------------------------------------------------------------
const filterBar = createFilterBar({
  summary: $('filter-summary'), chips: $('filter-chips'), hint: $('filter-hint'), clear: $('filter-clear'),
  from: $('window-from'), to: $('window-to'), eventsCount: $('events-tab-count'), articlesCount: $('articles-tab-count'),
}, {
  onWindow: (span) => setWindow(span),
  onToggle: (index) => toggleEntity(index),
  onClear: () => {
    selection.window = null;
    selection.entities.clear();
    refilter();
  },
});

// ---- Tabs --------------------------------------------------------------------------------
const tabs = createTabs($('browse-tabs'), (name) => {
  selection.tab = name;
  if (name === 'map') ensureMap().then(() => map?.resize());
  rememberView();
});
const selectTab = (name) => tabs.select(name);

// ---- View state: in the URL fragment and in the workspace ---------------------------------
function viewByNames() {
  if (!model) return pendingView ?? {};
  return {
    entities: [...selection.entities].map((i) => model.entities[i].name),
    window: selection.window,
    doc: selection.doc !== null ? model.documents[selection.doc].name : null,
    tab: selection.tab,
    active: selection.active !== null ? model.entities[selection.active]?.name ?? null : null,
  };
}

const rememberView = debounce(() => {
  if (!model) return;
  const view = viewByNames();
  saveView(view);
  const fragment = viewToFragment(view);
  history.replaceState(null, '', fragment ? `#${fragment}` : location.pathname + location.search);
}, 250);

async function applyView(view) {
  selection.entities = new Set((view.entities ?? []).flatMap((name) => findEntities(model, name).slice(0, 1)));
  selection.window = view.window ?? null;
  const active = view.active ? findEntities(model, view.active)[0] : (view.entities?.length ? [...selection.entities][0] : undefined);
  selection.active = active ?? null;
  const linkedDoc = view.doc ? model.documents.findIndex((d) => d.name === view.doc) : -1;
  filter = computeFilter(model, { window: selection.window, selected: selection.entities });
  // The reader is never empty when there is something to read: the linked article, the one that
  // was open, or the newest. It is asked for now, so that the worker looks it up while this task
  // draws the other views.
  const doc = linkedDoc >= 0 ? linkedDoc : model.documents.length ? newestArticle() : null;
  if (doc !== null) reader.prefetch(doc);
  if (view.tab) selectTab(view.tab);
  // Every size first, in one layout of the workspace, then the drawing.
  for (const view of [entityList, eventList, articleList, timeline]) view.measure();
  // A large analysis draws its lists in a task of their own, so that neither task is long.
  refilter({ immediate: true, computed: filter, lists: !isLarge(model) });
  // The lists and the timeline are drawn; the reader comes in a task of its own, once they are
  // painted.
  const current = model;
  await nextFrame();
  if (model !== current) return;
  if (doc !== null) openDocument(doc);
  else reader.show(null);
  if (selection.active !== null) entityList.reveal(selection.active);
  if (selection.window && view.zoom !== false) timeline.zoomTo(selection.window);
}

// ---- Rehearsal -----------------------------------------------------------------------------
// The first drawing of a workspace used to be slow for being the first: its code ran for the
// first time (and was compiled as it went), its text was laid out in font sizes and weights not
// used before (each one a round trip to the browser process on Linux), its date formats were
// built. So while the page waits for files it draws the worker's warm-up analysis once, out of
// sight, in one idle task, and puts every view back as it was.
const idle = () => new Promise((resolve) => {
  if ('requestIdleCallback' in window) requestIdleCallback(resolve, { timeout: 3000 });
  else setTimeout(resolve, 50);
});

async function rehearse() {
  let sample = null;
  try {
    await client.ready;
    sample = await client.request('sample');
  } catch {
    return; // nothing to rehearse with: the first analysis is merely slower
  }
  if (!sample) return;
  const workspace = $('workspace');
  const waiting = () => !model && !files.length && !running && workspace.hidden;
  const rehearsal = hydrateModel(sample.model);
  const all = computeFilter(rehearsal, {});
  const none = new Set();
  // In parts, one per idle task, each laid out out of sight (a first run is slow: one task for it
  // all took up to 180 ms on a busy machine).
  const parts = [
    () => {
      timeline.setModel(rehearsal);
      reader.setModel(rehearsal);
      reader.prefetch(0, sample.document);
      for (const view of [entityList, eventList, articleList, timeline]) view.measure();
    },
    () => entityList.setData(rehearsal, all, none),
    () => {
      filterBar.render(rehearsal, all, { window: null, entities: none });
      entityCard.render(rehearsal, rehearsal.entities[0] ?? null, { selected: none });
    },
    () => timeline.update(all.selectionEvents, null),
    () => {
      eventList.setData(rehearsal, all.events.map((event) => event.index));
      articleList.setData(rehearsal, all.docs);
    },
    () => reader.show({ doc: 0 }), // the article is at hand: this stays in the same task
  ];
  let started = false;
  try {
    for (const part of parts) {
      await idle();
      if (!waiting()) break;
      started = true;
      const saved = workspace.style.cssText;
      workspace.style.cssText = 'visibility: hidden; position: fixed; inset: 0; overflow: hidden; pointer-events: none';
      workspace.hidden = false;
      try {
        await part();
        void workspace.offsetHeight; // lays it out, fonts included
      } finally {
        workspace.hidden = true;
        workspace.style.cssText = saved;
      }
    }
  } catch (error) {
    console.warn('cronaca: the rehearsal failed:', error);
  }
  // Every view as it was, unless a real analysis has been drawn meanwhile.
  if (!started || model) return;
  entityList.setData(null, null, none);
  eventList.setData(null, []);
  articleList.setData(null, []);
  entityCard.render(null, null, { selected: none });
  reader.show(null);
  reader.setModel(null);
  timeline.setModel(null);
  timeline.update([], null);
}

// ---- Analysis ----------------------------------------------------------------------------
let running = false;
let again = false;

async function analyse() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  document.body.dataset.state = model ? 'ready' : 'analysing';
  try {
    do {
      again = false;
      await analyseOnce();
    } while (again);
  } finally {
    running = false;
    document.body.dataset.busy = 'false';
  }
}

let generation = 0; // bumped by Clear: an analysis that was running then is thrown away

async function analyseOnce() {
  if (files.length === 0) return;
  const started = performance.now();
  const mine = generation;
  document.body.dataset.busy = 'true';
  progress.start(files.map((file) => file.name));
  const view = pendingView ?? viewByNames();
  pendingView = null;
  let answer;
  try {
    answer = await client.analyse(files, corrections.list, (message) => progress.update(message));
  } catch (error) {
    progress.fail(error.message);
    toast(t('analysisFailed', { message: error.message }), 'error');
    if (!model) document.body.dataset.state = 'empty';
    return;
  }
  if (mine !== generation) return;
  if (again) {
    pendingView = view;
    return; // a newer workspace is waiting; this result is already stale
  }
  const received = performance.now();
  const next = hydrateModel(answer.model);
  if (isLarge(next)) {
    // A large one is drawn in the next task: this one has taken in its last part and its model.
    await nextTask();
    if (mine !== generation || again) {
      if (again) pendingView = view;
      return;
    }
  }
  model = next;
  showProblems(model.errors);
  for (const warning of model.warnings) toast(warning, 'warning');
  document.body.dataset.state = 'ready';
  $('workspace').hidden = false;
  $('welcome').hidden = true;
  timeline.setModel(model);
  reader.setModel(model);
  // Drawn in this task, with the workspace laid out once: waiting a frame first only delayed it.
  const opened = applyView(view);
  if (isLarge(model)) {
    await nextTask(); // the lists' task, queued before this one
    if (mine !== generation) return;
  }
  // Tests and the benchmark wait for this: the timeline and the lists are drawn (the reader's
  // article follows), and the next frame paints them.
  document.body.dataset.drawn = String(model.documents.length);
  await opened;
  progress.finish({ documents: model.documents.length, errors: model.errors, ms: performance.now() - started });
  corrections.render();
  lastTimings = { ...answer.timings, transferMs: answer.transferMs, renderMs: performance.now() - received, totalMs: performance.now() - started };
  document.body.dataset.analysed = String(model.documents.length);
  // Tests and the benchmark read how long it took; nothing else does.
  document.body.dataset.analysisMs = String(Math.round(performance.now() - started));
}

async function addFiles(added, { replace = false } = {}) {
  if (replace) files = [];
  const byName = new Map(files.map((file, i) => [file.name, i]));
  for (const file of added) {
    const at = byName.get(file.name);
    if (at !== undefined) files[at] = file;
    else byName.set(file.name, files.push(file) - 1);
    // A workspace archive (the share link's alternative) brings its corrections and view.
    if (/\.zip$/i.test(file.name) && file.bytes) {
      const { workspace } = await client.inspectArchive(file.bytes.slice(0));
      if (workspace) {
        corrections.merge(workspace.corrections ?? []);
        pendingView = workspace.view ?? null;
      }
    }
  }
  toast(t('added', { n: added.length }));
  analyse();
  // Storing a large corpus copies it: a task of its own, after the worker has it.
  setTimeout(() => saveFiles(files), 0);
}

// ---- Corrections -------------------------------------------------------------------------
const corrections = createCorrections({
  count: $('corrections-count'), undoButton: $('undo'), redoButton: $('redo'), reviewButton: $('corrections-review'),
}, {
  warnings: () => model?.warnings ?? [],
  onChange: (message) => {
    pendingView ??= viewByNames();
    if (message) toast(message);
    analyse();
  },
});

// A correction from the entity card; the view follows the entity it names.
function correct(correction, text, newName) {
  const view = viewByNames();
  if (newName) {
    view.active = newName;
    if (correction.op === 'rename') view.entities = view.entities.map((name) => (name === correction.entity ? newName : name));
  }
  if (correction.op === 'remove') {
    view.entities = view.entities.filter((name) => name !== correction.entity);
    if (view.active === correction.entity) view.active = null;
  }
  pendingView = view;
  corrections.add(correction, text);
}

// ---- Sharing and export ------------------------------------------------------------------
async function downloadExport(kind) {
  try {
    const options = { title: t('reportTitle'), view: { corrections: corrections.list, state: viewByNames() } };
    const file = await client.exportFile(kind, options);
    download(file.name, file.data, file.mime);
    toast(t('exported', { name: file.name }));
  } catch (error) {
    toast(error.message, 'error');
  }
}

$('share').addEventListener('click', () => shareLink({
  client, files, corrections: corrections.list, view: viewByNames(), saveWorkspaceFile: () => downloadExport('workspace'),
}));
for (const button of document.querySelectorAll('[data-export]')) {
  button.addEventListener('click', () => {
    button.closest('details').open = false;
    downloadExport(button.dataset.export);
  });
}

// ---- Clearing and removing ---------------------------------------------------------------
$('clear').addEventListener('click', async () => {
  const answer = await openDialog({
    title: t('clearTitle'),
    content: [el('p', { text: t('clearText', { n: files.length }) })],
    actions: [{ value: 'clear', label: t('clear'), primary: true, danger: true }],
  });
  if (!answer) return;
  await resetWorkspace();
  toast(t('cleared'));
});

// Takes files out of the workspace (a file that cannot be read, an article dropped by mistake).
async function removeFiles(names) {
  const gone = new Set(names);
  files = files.filter((file) => !gone.has(file.name));
  if (!files.length) return resetWorkspace();
  saveFiles(files);
  toast(t('removedFiles', { n: names.length }));
  analyse();
}

$('reader-remove').addEventListener('click', async () => {
  const doc = model?.documents[selection.doc];
  if (!doc || !files.some((file) => file.name === doc.name)) return;
  const answer = await openDialog({
    title: t('removeArticleTitle', { title: doc.title }),
    content: [el('p', { text: t('removeArticleText', { name: doc.name }) })],
    actions: [{ value: 'remove', label: t('removeFile'), primary: true, danger: true }],
  });
  if (answer) removeFiles([doc.name]);
});

async function resetWorkspace() {
  generation++;
  again = false;
  files = [];
  corrections.load([], []);
  model = null;
  filter = null;
  Object.assign(selection, { window: null, entities: new Set(), active: null, doc: null, event: null });
  await clearWorkspace();
  history.replaceState(null, '', location.pathname + location.search);
  progress.hide();
  showProblems([]);
  $('workspace').hidden = true;
  $('welcome').hidden = false;
  document.body.dataset.state = 'empty';
  delete document.body.dataset.analysed;
  delete document.body.dataset.drawn;
}

// ---- Input -------------------------------------------------------------------------------
setupInput({
  dropTargets: [document.body],
  overlay: $('drop-overlay'),
  fileInput: $('file-input'),
  folderInput: $('folder-input'),
  pickFiles: document.querySelectorAll('[data-action=pick-files]'),
  pickFolder: document.querySelectorAll('[data-action=pick-folder]'),
  paste: document.querySelectorAll('[data-action=paste]'),
  loadUrl: document.querySelectorAll('[data-action=load-url]'),
}, {
  onFiles: (added) => addFiles(added),
  onSkipped: (names) => toast(t('skipped', { n: names.length }), 'warning'),
  onError: (text) => toast(text, 'error'),
  onBusy: (busy) => { document.body.dataset.reading = String(busy); },
});

// "/" jumps to the entity search, as on many news sites' search boxes; Ctrl+Z and Ctrl+Shift+Z
// (or Ctrl+Y) undo and redo corrections, outside text fields, which keep their own undo.
document.addEventListener('keydown', (event) => {
  if (event.target.closest('input, textarea, select, [contenteditable], dialog') || !model) return;
  const key = event.key.toLowerCase();
  if (event.key === '/') {
    event.preventDefault();
    $('entity-search').focus();
  } else if ((event.ctrlKey || event.metaKey) && key === 'z' && !event.shiftKey && corrections.list.length) {
    event.preventDefault();
    corrections.undo();
  } else if ((event.ctrlKey || event.metaKey) && ((key === 'z' && event.shiftKey) || key === 'y') && corrections.undone.length) {
    event.preventDefault();
    corrections.redo();
  }
});

// ---- Start-up: the workspace, a shared link, a deep link, a ?src= corpus ---------------------
// A link's corpus replaces the workspace once the user agrees (when there is one to replace).
async function takeSharedCorpus(linked) {
  const shared = await openSharedCorpus(client, linked.corpus, files.length);
  if (!shared) return false;
  files = shared.files;
  corrections.load(shared.corrections, []);
  saveFiles(files);
  pendingView = { ...linked, corpus: undefined };
  return true;
}

async function start() {
  const stored = await loadWorkspace();
  files = stored.files;
  corrections.load(stored.corrections, stored.redo);
  const linked = fragmentToView(location.hash);
  if (!(linked.corpus && await takeSharedCorpus(linked))) pendingView = linked.isDeepLink ? linked : stored.view;
  if (pendingView?.tab) selectTab(pendingView.tab);
  document.body.dataset.state = files.length ? 'analysing' : 'empty';
  if (files.length) {
    $('welcome').hidden = true;
    analyse();
  }
  const src = new URLSearchParams(location.search).get('src');
  if (src) {
    const loaded = await offerRemoteCorpus(src);
    if (loaded) await addFiles(loaded);
  }
}

// A deep link pasted into the address bar of an open page.
window.addEventListener('hashchange', async () => {
  const linked = fragmentToView(location.hash);
  if (linked.corpus) {
    if (await takeSharedCorpus(linked)) analyse();
  } else if (model && linked.isDeepLink) {
    applyView(linked);
  }
});

start();
rehearse();
// For the benchmark and the tests: how long the last analysis took, stage by stage.
window.cronacaTimings = () => lastTimings;
// The worker's start-up steps in this page's milliseconds, for tools/bench/page-bench.mjs.
window.cronacaStartup = () => client.request('startup').then(({ origin, ...steps }) =>
  Object.fromEntries(Object.entries(steps).map(([step, at]) => [step, origin + at - performance.timeOrigin])));
