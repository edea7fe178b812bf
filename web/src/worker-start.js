// Starts the analysis worker. The hosted page loads worker.js beside it (boot.js has usually
// started it already), and the worker fetches the core's data itself. The single-file build
// (CRONACA_OFFLINE, set by tools/build-web.mjs) carries the worker's code and the core's data
// inside the HTML, so that it opens from file:// where no file can be fetched: the worker starts
// from a blob and is handed the bytes.
import { fromBase64 } from './lib/base64.js';

/* global CRONACA_OFFLINE */
function embedded(id) {
  return fromBase64(document.getElementById(id).textContent.trim());
}

export function startWorker() {
  if (CRONACA_OFFLINE) {
    const source = new Blob([embedded('cronaca-worker')], { type: 'text/javascript' });
    const worker = new Worker(URL.createObjectURL(source));
    const assets = { wasmBinary: embedded('cronaca-wasm'), icuData: embedded('cronaca-icu'), resources: embedded('cronaca-resources') };
    return { worker, assets };
  }
  // The worker boot.js started, once; null from now on tells boot.js, if it runs later, not to.
  const boot = window.cronacaBoot;
  window.cronacaBoot = null;
  if (boot && !boot.failed) return { worker: boot.worker, assets: null };
  boot?.worker.terminate();
  return { worker: new Worker(new URL('./worker.js', import.meta.url)), assets: null };
}
