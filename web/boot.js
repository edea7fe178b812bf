// Starts the analysis worker while the page's modules are still loading, so that it downloads and
// compiles the core meanwhile; worker-start.js adopts it. A classic script at the head of the page,
// not async: an async one ran only after the first layout, some 40 ms later (the worker's start is
// what the engine's readiness waits for; this file is 0.6 KB). Should it ever run after the
// page's modules, it starts no second worker.
'use strict';
if (!('cronacaBoot' in window)) {
  try {
    const boot = { worker: new Worker('worker.js'), failed: false };
    // An error before the page listens (the script cannot load): the page starts a worker itself.
    boot.worker.addEventListener('error', () => { boot.failed = true; });
    window.cronacaBoot = boot;
  } catch {
    window.cronacaBoot = null;
  }
}
