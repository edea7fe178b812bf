// The page's side of the worker: requests with progress callbacks, and a promise for the
// cronaca/1 JSON.
//
// When the wasm engine crashes (a trap: the worker reports 'crashed' and closes, or the worker
// dies) a new worker replaces it, and the request is run again without the file it crashed on,
// which is then listed in the result's errors with the reason; the requests queued behind it run
// again as they were. After MAX_CRASHES crashes one request gives up with a message.
const MAX_CRASHES = 3;

export class AnalysisClient {
  constructor() {
    this.requests = new Map();  // id -> request in the current worker
    this.nextId = 1;
    this.restarts = 0;  // workers replaced after a crash, for tests and diagnostics
    this.start();
  }

  start() {
    const worker = new Worker(new URL('./worker.js', import.meta.url));
    this.worker = worker;
    this.started = false;
    this.ready = new Promise((resolve, reject) => {
      this.startup = { resolve, reject };
    });
    this.ready.catch(() => {});  // a failed start is reported to every request as well
    worker.onmessage = ({ data }) => {
      if (worker === this.worker) this.receive(data);
    };
    worker.onerror = (event) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      const message = event.message || 'the analysis worker failed';
      if (this.started) this.crashed(null, null, message);
      else this.fail(message || 'the worker could not start');
    };
  }

  receive(message) {
    if (message.type === 'ready') {
      this.started = true;
      return this.startup.resolve();
    }
    if (message.type === 'failed') return this.fail(message.message);
    if (message.type === 'crashed') return this.crashed(message.id, message.file, message.reason || message.message);
    const request = this.requests.get(message.id);
    if (!request) return;
    if (message.type === 'progress') request.onProgress(message);
    if (message.type === 'result' || message.type === 'error') {
      this.requests.delete(message.id);
      if (message.type === 'result') request.resolve(message.json);
      else request.reject(new Error(message.message));
    }
  }

  fail(message) {
    const error = new Error(message);
    this.startup.reject(error);
    for (const request of this.requests.values()) request.reject(error);
    this.requests.clear();
  }

  // The engine stopped during request `id` (null: the worker died) on `file` (null: not on a file).
  crashed(id, file, reason) {
    const pending = [...this.requests.entries()];
    this.requests.clear();
    this.worker.terminate();
    this.restarts += 1;
    this.start();
    for (const [requestId, request] of pending) {
      if (requestId !== id && id !== null) {
        this.send(request);  // queued behind the crash: run again as it was
        continue;
      }
      request.crashes += 1;
      if (request.crashes > MAX_CRASHES || (!file && request.crashes > 1)) {
        request.reject(new Error(`the analysis engine failed ${request.crashes} times (${reason}); it was restarted, try fewer files`));
        continue;
      }
      if (file) {
        request.skipped.push({
          name: file,
          message: `not analysed: the analysis engine failed on this file (${reason}); it was restarted and the other files were analysed`,
        });
      }
      this.send(request);
    }
  }

  send(request) {
    const id = this.nextId++;
    this.requests.set(id, request);
    const skipped = new Set(request.skipped.map((s) => s.name));
    this.worker.postMessage({
      type: 'analyse',
      id,
      files: request.files.filter((file) => !skipped.has(file.name)),
      options: request.options,
      rejected: request.skipped,
    });
  }

  // files: [{name, bytes: ArrayBuffer}]; resolves to the cronaca/1 JSON text.
  async analyse(files, options = {}, onProgress = () => {}) {
    await this.ready;
    return new Promise((resolve, reject) => {
      this.send({ files, options, onProgress, resolve, reject, skipped: [], crashes: 0 });
    });
  }
}
