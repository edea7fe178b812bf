// The analysis worker, bundled as a classic script (Emscripten 3.1.6 cannot load into a module
// worker). It loads the core once, analyses each corpus the page sends with progress per file,
// keeps the last result, and answers the page's questions about it: one document's text and
// annotations, the exports, the share link. The page's main thread never holds the whole analysis.

// First, so that the downloads start before the other modules are even evaluated.
import { downloads, mark, startup } from './downloads.js';
import { t } from '../src/i18n.js';
import { decodeCorpus, encodeCorpus } from '../src/lib/share-codec.js';
import { expandInputs, workspaceOf } from './inputs.js';
import { buildModel, modelMessages } from './model.js';
import { warmUpFiles } from './warm-up.js';

const PROGRESS_MS = 40;

/* global createCronaca, CronacaEngine */
let engine = null;
let last = null; // {json, result, files}
// The warm-up analysis, which the page draws once out of sight to ready its own code and fonts
// (app.js, rehearse); resolved with null when there is none.
let resolveSample;
const sample = new Promise((resolve) => { resolveSample = resolve; });

// tools/build-web.mjs puts the core's scripts ahead of this file's code; a page bundled before
// the core was built loads them now.
if (typeof createCronaca === 'undefined') importScripts('cronaca.js', 'engine.js');
mark('evaluated')();

async function start(assets) {
  const { icuData, resources } = assets ?? downloads;
  let moduleOptions = { wasmBinary: assets?.wasmBinary };
  // Emscripten waits for its instantiateWasm hook forever when it fails: that failure wins the race.
  let failed = new Promise(() => {});
  if (!assets) {
    const compiled = await downloads.wasm;
    let instantiationFailed;
    failed = new Promise((_, reject) => { instantiationFailed = reject; });
    moduleOptions = {
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(compiled, imports).then((instance) => receiveInstance(instance, compiled), instantiationFailed);
        return {};
      },
    };
  }
  engine = await Promise.race([failed, CronacaEngine.create(createCronaca, { icuData, resources, moduleOptions, onInstantiated: mark('instantiated') })]);
  mark('initialised')();
}

// `rejected`: [{name, message}], inputs the engine failed on in an earlier worker (analysis-client.js).
function analyse({ id, files, corrections, rejected = [] }) {
  const started = performance.now();
  const skipped = new Set(rejected.map((input) => input.name));
  const expanded = expandInputs(files, { maxInputBytes: engine.maxInputBytes });
  const inputs = expanded.inputs.filter((input) => !skipped.has(input.name));
  const archiveErrors = expanded.errors;
  postMessage({ type: 'progress', id, phase: 'reading', done: 0, total: inputs.length, name: '' });
  for (const error of archiveErrors) postMessage({ type: 'progress', id, phase: 'file', done: 0, total: inputs.length, ...error, error: error.message });
  // The files done go to the page in batches, at most one message per PROGRESS_MS: a message per
  // file cost the worker a few per cent of a large analysis and the page a task each.
  let done = [];
  let sentAt = performance.now();
  const json = engine.analyse(inputs, { corrections }, (progress) => {
    done.push([progress.name, progress.error]);
    if (progress.done < progress.total && performance.now() - sentAt < PROGRESS_MS) return;
    postMessage({ type: 'progress', id, phase: 'file', done: progress.done, total: progress.total, name: progress.name, files: done });
    done = [];
    sentAt = performance.now();
    if (progress.done === progress.total) postMessage({ type: 'progress', id, phase: 'resolving', done: progress.done, total: progress.total });
  }, rejected);
  const analysed = performance.now();
  const result = JSON.parse(json);
  result.errors = [...archiveErrors, ...result.errors];
  last = { json, result, files };
  const model = buildModel(result);
  const stages = engine.stageSeconds();
  const { parts, rest, transfer } = modelMessages(model);
  for (const part of parts) postMessage({ type: 'part', id, ...part });
  return {
    model: rest,
    timings: { analyseMs: analysed - started, modelMs: performance.now() - analysed, stages, bytes: json.length },
    transfer,
  };
}

function documentDetails(index, result = last?.result) {
  const doc = result?.documents[index];
  if (!doc) throw new Error('no such document');
  const { text, sentences, timexes, intervals, mentions } = doc;
  return { index, text, sentences, timexes, intervals, mentions };
}

// The exports' code (export-files.js) is a script of its own, loaded the first time the user
// exports: the page's first load need not carry it. The single-file build has it inline.
function exportFile(kind, options) {
  if (!last) throw new Error(t('nothingToExport'));
  if (!self.cronacaExportFile) importScripts('worker-exports.js');
  return self.cronacaExportFile(kind, options, last);
}

// WebAssembly starts in a baseline compilation and the engine recompiles the functions that have
// run enough; after one warm-up analysis the first real one still ran at a third of its later speed.
// A few more rounds, one task each, until the user's first analysis, get it there (the seeds: 20 ms
// of the worker's time down to 9 in Node).
const WARM_UP_ROUNDS = 5;
let userAnalysed = false;
function warmUp(rounds) {
  if (userAnalysed || rounds === 0) return;
  try {
    buildModel(JSON.parse(engine.analyse(warmUpFiles)));
  } catch (error) {
    console.error('cronaca: a warm-up analysis failed:', error); // the first analysis will say why
    return;
  }
  setTimeout(warmUp, 0, rounds - 1);
}

const handlers = {
  async init({ assets }) {
    await start(assets);
    // Once the page has its answer, the models load while the user chooses what to drop, and a
    // warm-up analysis readies the code the first real one runs; a message that comes meanwhile
    // waits for them, as it would have anyway.
    setTimeout(() => {
      try {
        engine.prepare();
        const result = JSON.parse(engine.analyse(warmUpFiles));
        resolveSample({ model: buildModel(result), document: documentDetails(0, result) });
        mark('prepared')();
        setTimeout(warmUp, 0, WARM_UP_ROUNDS);
      } catch (error) {
        resolveSample(null);
        console.error('cronaca: preparing the models failed:', error); // the first analysis will say why
      }
    }, 0);
    return { startup: { origin: performance.timeOrigin, ...startup } };
  },
  startup: () => ({ origin: performance.timeOrigin, ...startup }),
  sample: () => sample,
  analyse: (message) => {
    userAnalysed = true;
    return analyse(message);
  },
  document: ({ index }) => documentDetails(index),
  export: ({ kind, options }) => exportFile(kind, options),
  encodeCorpus: ({ files, corrections }) => ({ corpus: encodeCorpus(files, corrections) }),
  decodeCorpus: ({ corpus }) => decodeCorpus(corpus),
  inspectArchive: ({ bytes }) => ({ workspace: workspaceOf(new Uint8Array(bytes)) }),
};

onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    if (type !== 'init' && !engine && type === 'analyse') throw new Error('the analysis engine is not ready');
    const answer = await handlers[type](data);
    const transfer = answer?.data instanceof Uint8Array ? [answer.data.buffer] : answer?.transfer ?? [];
    if (answer?.transfer) delete answer.transfer;
    // When it was sent, so that the page can tell how long the message took to arrive.
    postMessage({ type: 'result', id, answer, sentAt: performance.timeOrigin + performance.now() }, transfer);
  } catch (error) {
    if (error?.crashed) {
      // The module's memory cannot be trusted after a trap: the page starts a new worker.
      postMessage({ type: 'crashed', id, file: error.file, reason: error.reason });
      close();
      return;
    }
    postMessage({ type: 'error', id, message: String(error?.message || error) });
  }
};
