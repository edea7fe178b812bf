// The page's side of the worker: one request at a time in flight per corpus, progress callbacks,
// and a promise for the cronaca/1 JSON.
export class AnalysisClient {
  constructor() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url));
    this.requests = new Map();
    this.nextId = 1;
    this.ready = new Promise((resolve, reject) => {
      this.startup = { resolve, reject };
    });
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => this.fail(event.message || 'the worker could not start');
  }

  receive(message) {
    if (message.type === 'ready') return this.startup.resolve();
    if (message.type === 'failed') return this.fail(message.message);
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

  // files: [{name, bytes: ArrayBuffer}]; resolves to the cronaca/1 JSON text.
  async analyse(files, options = {}, onProgress = () => {}) {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ type: 'analyse', id, files, options });
    });
  }
}
