// Starts the analysis worker while the page's modules are still loading, so that it downloads and
// compiles the core meanwhile; worker-start.js adopts it. A classic script, loaded async: it may
// run before or after the page's modules, and must not start a second worker after them.
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
