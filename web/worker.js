// The analysis worker (a classic worker: Emscripten 3.1.6 cannot load as a module worker). It
// loads the core once, then analyses each corpus the page sends, reporting progress per file.
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

onmessage = async ({ data }) => {
  if (data.type !== 'analyse') return;
  const { id, files, options } = data;
  try {
    const engine = await engineReady;
    const json = engine.analyse(files, options, (progress) => postMessage({ type: 'progress', id, ...progress }));
    postMessage({ type: 'result', id, json });
  } catch (error) {
    postMessage({ type: 'error', id, message: String(error.message || error) });
  }
};
