// The JavaScript side of the binding: loads the wasm core with its ICU data and resources, and
// analyses a corpus through the C API in binding.cpp. A classic script, shared by the worker
// (importScripts) and by Node tests and benchmarks (require).
'use strict';

// An error the core reported (bad options, out of memory while finishing): the engine stays usable.
class CronacaError extends Error {}

// A failure of the wasm module itself: a trap (a bug, a stack overflow) or an error thrown while
// calling it. The module's memory may be inconsistent afterwards, so the engine refuses any further
// work; the worker reports it and the page starts a new worker (analysis-client.js). `file` is the
// input being analysed when it happened, or null (starting or finishing the corpus).
class EngineCrash extends Error {
  constructor(cause, file) {
    const reason = String((cause && cause.message) || cause);
    super(`the analysis engine stopped${file ? ` while analysing ${file}` : ''}: ${reason}`);
    this.name = 'EngineCrash';
    this.crashed = true;
    this.file = file;
    this.reason = reason;
  }
}

const MEGABYTE = 1 << 20;
const megabytes = (bytes) => `${Math.round(bytes / MEGABYTE)} MB`;

class CronacaEngine {
  // `factory` is createCronaca from cronaca.js; `icuData` and `resources` are ArrayBuffers or
  // typed arrays, or promises of them (still downloading while the module instantiates);
  // `moduleOptions` go to the Emscripten factory (wasmBinary, instantiateWasm, locateFile).
  static async create(factory, { icuData: icuDownload, resources: resourcesDownload, moduleOptions = {}, onInstantiated = () => {} }) {
    const module = await factory(moduleOptions);
    onInstantiated();
    const [icuData, resources] = await Promise.all([icuDownload, resourcesDownload]);
    const engine = new CronacaEngine(module);
    // ICU keeps the data for the life of the module, and the pack is freed by the core.
    const icu = engine.copyIn(icuData);
    const pack = engine.copyIn(resources);
    if (!icu || !pack) throw new CronacaError('cronaca init: not enough memory to load the engine');
    const info = JSON.parse(engine.check(module._cronaca_init(icu, icuData.byteLength, pack, resources.byteLength), 'init'));
    engine.maxInputBytes = info.max_input_bytes;
    return engine;
  }

  constructor(module) {
    this.module = module;
    this.encoder = new TextEncoder();
    this.decoder = new TextDecoder();
    this.maxInputBytes = Infinity;
    this.failure = null;  // the EngineCrash that stopped this engine
  }

  // A copy of `data` in the module's memory, or 0 when the module cannot grow enough for it.
  copyIn(data) {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer || data, data.byteOffset || 0, data.byteLength);
    const pointer = this.module._cronaca_alloc(bytes.byteLength);
    if (pointer) this.module.HEAPU8.set(bytes, pointer);
    return pointer;
  }

  // Reads the response struct {u32 status, u32 data, u32 size} at `pointer`.
  read(pointer) {
    const words = this.module.HEAPU32;
    const [status, data, size] = [words[pointer >> 2], words[(pointer >> 2) + 1], words[(pointer >> 2) + 2]];
    let text;
    try {
      text = this.decoder.decode(this.module.HEAPU8.subarray(data, data + size));
    } catch (error) {
      // Past the longest string JavaScript can hold (about 512 million characters).
      if (error instanceof RangeError) throw new CronacaError(`the result (${megabytes(size)} of JSON) is too large for the browser: analyse fewer files at a time`);
      throw error;
    }
    return { status, text };
  }

  check(pointer, what) {
    const response = this.read(pointer);
    if (response.status !== 0) throw new CronacaError(`cronaca ${what}: ${response.text}`);
    return response.text;
  }

  withString(text, use) {
    const bytes = this.encoder.encode(text);
    const pointer = this.copyIn(bytes);
    if (!pointer) throw new CronacaError('cronaca: the browser has no memory left for the analysis');
    try {
      return use(pointer, bytes.byteLength);
    } finally {
      this.module._cronaca_free(pointer);
    }
  }

  // Analyses one file; answers the core's response {status, text}. A file the page could not
  // read comes as {name, unreadable: reason} and is recorded with that reason.
  addFile(file) {
    if (file.unreadable !== undefined) return this.reject(file.name, String(file.unreadable));
    // A zip entry over the limit comes as {name, size}, never inflated.
    const size = file.bytes ? file.bytes.byteLength : file.size;
    if (size > this.maxInputBytes) {
      // Not copied in: the core only needs its size to refuse it, with the CLI's message.
      return this.withString(file.name, (p, n) => this.read(this.module._cronaca_reject_oversized(p, n, size)));
    }
    const data = this.copyIn(file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes));
    if (!data) {
      const message = `not analysed: the browser could not give Cronaca memory for this file (${megabytes(size)}); analyse it alone or in a smaller batch`;
      return this.reject(file.name, message);
    }
    try {
      return this.withString(file.name, (p, n) => this.read(this.module._cronaca_add(p, n, data, size)));
    } finally {
      this.module._cronaca_free(data);
    }
  }

  reject(name, message) {
    return this.withString(name, (p, n) =>
      this.withString(message, (m, k) => this.read(this.module._cronaca_reject(p, n, m, k))));
  }

  // files: [{name, bytes}, {name, unreadable} or {name, size} (over the limit, no bytes)],
  // analysed in name order; rejected: [{name, message}], inputs recorded as not analysed (the
  // page's worker passes the files the engine failed on before);
  // onProgress({done, total, name, error}). Returns the cronaca/1 JSON text. Throws a CronacaError
  // for a problem the core reports, an EngineCrash when the module itself fails.
  analyse(files, options = {}, onProgress = () => {}, rejected = []) {
    if (this.failure) throw this.failure;
    const optionsJson = JSON.stringify(options);
    let current = null;
    try {
      this.withString(optionsJson, (p, n) => this.check(this.module._cronaca_begin(p, n), 'options'));
      for (const { name, message } of rejected) {
        const response = this.reject(name, message);
        if (response.status === 2) throw new CronacaError(`cronaca: ${name}: ${response.text}`);
      }
      const ordered = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      ordered.forEach((file, index) => {
        current = file.name;
        const response = this.addFile(file);
        if (response.status === 2) throw new CronacaError(`cronaca: ${file.name}: ${response.text}`);
        onProgress({ done: index + 1, total: ordered.length, name: file.name, error: response.status === 1 ? response.text : null });
      });
      current = null;
      return this.check(this.module._cronaca_finish(), 'finish');
    } catch (error) {
      if (error instanceof CronacaError) throw error;
      this.failure = new EngineCrash(error, current);
      throw this.failure;
    }
  }

  // Loads the models, gazetteer and taggers ahead of the first analysis (they stay loaded).
  prepare() {
    if (this.failure) throw this.failure;
    try {
      this.check(this.module._cronaca_prepare(), 'prepare');
    } catch (error) {
      if (error instanceof CronacaError) throw error;
      this.failure = new EngineCrash(error, null);
      throw this.failure;
    }
  }

  // Seconds per analysis stage of the last analyse() call: {ingest, language, ...}.
  stageSeconds() {
    return JSON.parse(this.check(this.module._cronaca_stage_seconds(), 'stage seconds'));
  }

  // The module's memory: {in_use, size, budget} in bytes (binding.cpp, cronaca_memory).
  memory() {
    return JSON.parse(this.check(this.module._cronaca_memory(), 'memory'));
  }
}

if (typeof module === 'object' && module.exports) module.exports = { CronacaEngine, CronacaError, EngineCrash };
