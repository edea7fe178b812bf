// The worker's downloads, started as the worker's first act, before the page asks for anything:
// the core compiles while it downloads, and its data downloads meanwhile. worker.js imports this
// module first, so that the other modules' evaluation does not delay them. The single-file build
// hands the bytes over with the page's first message instead (CRONACA_OFFLINE, set at build time).
/* global CRONACA_OFFLINE */
import { coreFile } from './core-file.js';

// Milliseconds since the worker's time origin at each step of start-up, for benchmarks.
export const startup = { created: 0 };
export const mark = (name) => (value) => {
  startup[name] = performance.now();
  return value;
};

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const wasmFile = coreFile();

export const downloads = CRONACA_OFFLINE ? null : {
  wasm: fetch(wasmFile).then((response) => {
    if (!response.ok) throw new Error(`cannot load ${wasmFile}: HTTP ${response.status}`);
    // Streaming compilation needs the host to send application/wasm; a host that does not still
    // gets a working page, compiled from the bytes once they are in.
    return WebAssembly.compileStreaming(response.clone()).catch(() => response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)));
  }).then(mark('compiled')),
  icuData: fetchBytes('icudt72l.dat').then(mark('icuFetched')),
  resources: fetchBytes('resources.pack').then(mark('packFetched')),
};
// Rejections are answered to the page's init message, not reported as unhandled before it comes.
if (downloads) for (const download of Object.values(downloads)) download.catch(() => {});
mark('downloading')();
