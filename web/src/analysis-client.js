// The page's side of the worker: requests with ids, progress callbacks for analyses, and the
// worker's own start-up (the hosted page lets the worker fetch the core's data; the single-file
// build hands it the bytes it carries).
export class AnalysisClient {
  constructor(worker, assets = null) {
    this.worker = worker;
    this.requests = new Map();
    this.nextId = 1;
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => this.failAll(event.message || 'the analysis worker could not start');
    this.ready = this.request('init', { assets });
  }

  receive(message) {
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
    if (message.type === 'result') request.resolve(message.answer);
    else request.reject(new Error(message.message));
  }

  failAll(message) {
    for (const request of this.requests.values()) request.reject(new Error(message));
    this.requests.clear();
  }

  request(type, payload = {}, { onProgress, transfer = [] } = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ type, id, ...payload }, transfer);
    });
  }

  // files: [{name, bytes}]; resolves to {model, timings}.
  async analyse(files, corrections, onProgress) {
    await this.ready;
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
