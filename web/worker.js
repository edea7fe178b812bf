// The analysis worker (a classic worker: Emscripten 3.1.6 cannot load as a module worker). It
// loads the core once, then analyses each corpus the page sends, reporting progress per file.
// When the wasm module crashes (engine.js, EngineCrash) the worker reports it and closes: the
// page starts a new one (analysis-client.js), as the old module's memory cannot be trusted.
'use strict';
importScripts('cronaca.js', 'engine.js');

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const engineReady = (async () => {
  const [icuData, resources] = await Promise.all([fetchBytes('icudt72l.dat'), fetchBytes('resources.pack')]);
  return CronacaEngine.create(createCronaca, { icuData, resources });
})();

engineReady.then(
  () => postMessage({ type: 'ready' }),
  (error) => postMessage({ type: 'failed', message: String(error.message || error) }),
);

// {type: 'analyse', id, files: [{name, bytes}], options, rejected: [{name, message}]}
onmessage = async ({ data }) => {
  if (data.type !== 'analyse') return;
  const { id, files, options, rejected = [] } = data;
  try {
    const engine = await engineReady;
    const json = engine.analyse(files, options, (progress) => postMessage({ type: 'progress', id, ...progress }), rejected);
    postMessage({ type: 'result', id, json });
  } catch (error) {
    if (error.crashed) {
      postMessage({ type: 'crashed', id, file: error.file, reason: error.reason, message: error.message });
      close();
      return;
    }
    postMessage({ type: 'error', id, message: String(error.message || error) });
  }
};
