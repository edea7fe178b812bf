// The page's side of the worker: requests with ids, progress callbacks for analyses, and the
// worker's own start-up (the hosted page lets the worker fetch the core's data; the single-file
// build hands it the bytes it carries).
//
// When the wasm engine crashes (a trap: the worker reports 'crashed' and closes) or the worker
// dies, a new worker replaces it: the analysis it crashed on runs again without that file, which
// the result then lists among its errors with the reason, and every other request runs again as it
// was, after the last analysis has been redone (the worker keeps it for the reader and exports).
// After MAX_CRASHES crashes one analysis gives up with a message.
const MAX_CRASHES = 3;

export class AnalysisClient {
  // `startWorker` () => {worker, assets}: called again for each replacement.
  constructor(startWorker) {
    this.startWorker = startWorker;
    this.requests = new Map(); // id -> request sent to the current worker
    this.nextId = 1;
    this.lastAnalysis = null; // the payload of the last analysis that succeeded
    this.start();
  }

  start() {
    const { worker, assets } = this.startWorker();
    this.worker = worker;
    this.started = false;
    worker.onmessage = ({ data }) => {
      if (worker === this.worker) this.receive(data);
    };
    worker.onerror = (event) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      const message = event.message || 'the analysis worker failed';
      // A worker that cannot even start would fail again: that is reported, not retried.
      if (this.started) this.crashed(null, null, message);
      else this.failAll(message);
    };
    this.ready = this.send({ type: 'init', payload: { assets } });
    this.ready.catch(() => {}); // a failed start reaches every request as well
  }

  receive(message) {
    if (message.type === 'crashed') return this.crashed(message.id, message.file, message.reason);
    const request = this.requests.get(message.id);
    if (!request) return;
    if (message.type === 'progress') return request.onProgress?.(message);
    // A long list comes in parts, each its own short task on the main thread.
    if (message.type === 'part') {
      request.parts ??= {};
      (request.parts[message.key] ??= []).push(message.items);
      return;
    }
    this.requests.delete(message.id);
    if (message.sentAt && message.answer && typeof message.answer === 'object') {
      message.answer.transferMs = performance.timeOrigin + performance.now() - message.sentAt;
    }
    if (message.type === 'result' && request.parts && message.answer?.model) {
      for (const [key, chunks] of Object.entries(request.parts)) message.answer.model[key] = chunks.flat();
    }
    if (message.type === 'result') {
      if (request.type === 'init') this.started = true;
      if (request.type === 'analyse') this.lastAnalysis = request.payload;
      request.resolve(message.answer);
    } else {
      request.reject(new Error(message.message));
    }
  }

  // The engine stopped during request `id` (null: the worker died) on input `file` (null: not
  // while analysing one input).
  crashed(id, file, reason) {
    const pending = [...this.requests.values()].sort((a, b) => a.id - b.id);
    this.requests.clear();
    this.worker.terminate();
    this.start();
    // The new worker starts without the analysis the reader and the exports ask about.
    if (this.lastAnalysis && !pending.some((request) => request.type === 'analyse')) {
      this.request('analyse', this.lastAnalysis).catch(() => {});
    }
    for (const request of pending) {
      if (request.id === id || (id === null && request.type === 'analyse')) {
        request.crashes += 1;
        if (request.crashes > MAX_CRASHES || (!file && request.crashes > 1)) {
          request.reject(new Error(`the analysis engine failed ${request.crashes} times (${reason}); it was restarted: try fewer files`));
          continue;
        }
        if (file) {
          const rejected = [...(request.payload.rejected ?? []), {
            name: file,
            message: `not analysed: the analysis engine failed on this file (${reason}); it was restarted and the other files were analysed`,
          }];
          request.payload = { ...request.payload, rejected };
        }
      }
      // In order, once the new worker is ready (it answers nothing before).
      this.ready.then(() => this.resend(request), request.reject);
    }
  }

  failAll(message) {
    for (const request of this.requests.values()) request.reject(new Error(message));
    this.requests.clear();
  }

  send({ type, payload = {}, onProgress }) {
    return new Promise((resolve, reject) => this.resend({ type, payload, onProgress, resolve, reject, crashes: 0 }));
  }

  resend(request) {
    request.id = this.nextId++;
    request.parts = null;
    this.requests.set(request.id, request);
    this.worker.postMessage({ type: request.type, id: request.id, ...request.payload });
  }

  async request(type, payload = {}, options = {}) {
    await this.ready;
    return this.send({ type, payload, ...options });
  }

  // files: [{name, bytes} or {name, unreadable: reason}]; resolves to {model, timings}.
  analyse(files, corrections, onProgress) {
    return this.request('analyse', { files, corrections }, { onProgress });
  }

  document(index) {
    return this.request('document', { index });
  }

  exportFile(kind, options = {}) {
    return this.request('export', { kind, options });
  }

  encodeCorpus(files, corrections) {
    return this.request('encodeCorpus', { files, corrections });
  }

  decodeCorpus(corpus) {
    return this.request('decodeCorpus', { corpus });
  }

  inspectArchive(bytes) {
    return this.request('inspectArchive', { bytes });
  }
}
