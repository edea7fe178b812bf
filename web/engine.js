// The JavaScript side of the binding: loads the wasm core with its ICU data and resources, and
// analyses a corpus through the C API in binding.cpp. A classic script, shared by the worker
// (importScripts) and by Node tests and benchmarks (require).
'use strict';

class CronacaEngine {
  // `factory` is createCronaca from cronaca.js; `icuData` and `resources` are ArrayBuffers or
  // typed arrays; `moduleOptions` go to the Emscripten factory (wasmBinary, locateFile).
  static async create(factory, { icuData, resources, moduleOptions = {} }) {
    const module = await factory(moduleOptions);
    const engine = new CronacaEngine(module);
    // ICU keeps the data for the life of the module, and the pack is freed by the core.
    const icu = engine.copyIn(icuData);
    const pack = engine.copyIn(resources);
    engine.check(module._cronaca_init(icu, icuData.byteLength, pack, resources.byteLength), 'init');
    return engine;
  }

  constructor(module) {
    this.module = module;
    this.encoder = new TextEncoder();
    this.decoder = new TextDecoder();
  }

  copyIn(data) {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data.buffer || data, data.byteOffset || 0, data.byteLength);
    const pointer = this.module._cronaca_alloc(bytes.byteLength);
    this.module.HEAPU8.set(bytes, pointer);
    return pointer;
  }

  // Reads the response struct {u32 status, u32 data, u32 size} at `pointer`.
  read(pointer) {
    const words = this.module.HEAPU32;
    const [status, data, size] = [words[pointer >> 2], words[(pointer >> 2) + 1], words[(pointer >> 2) + 2]];
    return { status, text: this.decoder.decode(this.module.HEAPU8.subarray(data, data + size)) };
  }

  check(pointer, what) {
    const response = this.read(pointer);
    if (response.status !== 0) throw new Error(`cronaca ${what}: ${response.text}`);
    return response.text;
  }

  withString(text, use) {
    const bytes = this.encoder.encode(text);
    const pointer = this.copyIn(bytes);
    try {
      return use(pointer, bytes.byteLength);
    } finally {
      this.module._cronaca_free(pointer);
    }
  }

  // files: [{name, bytes}], analysed in name order; onProgress({done, total, name, error}).
  // Returns the cronaca/1 JSON text.
  analyse(files, options = {}, onProgress = () => {}) {
    this.withString(JSON.stringify(options), (p, n) => this.check(this.module._cronaca_begin(p, n), 'options'));
    const ordered = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    ordered.forEach((file, index) => {
      const bytes = file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes);
      const data = this.copyIn(bytes);
      try {
        const response = this.withString(file.name, (p, n) => this.read(this.module._cronaca_add(p, n, data, bytes.byteLength)));
        if (response.status === 2) throw new Error(`cronaca: ${file.name}: ${response.text}`);
        onProgress({ done: index + 1, total: ordered.length, name: file.name, error: response.status === 1 ? response.text : null });
      } finally {
        this.module._cronaca_free(data);
      }
    });
    return this.check(this.module._cronaca_finish(), 'finish');
  }

  // Loads the models, gazetteer and taggers ahead of the first analysis (they stay loaded).
  prepare() {
    this.check(this.module._cronaca_prepare(), 'prepare');
  }

  // Seconds per analysis stage of the last analyse() call: {ingest, language, ...}.
  stageSeconds() {
    return JSON.parse(this.check(this.module._cronaca_stage_seconds(), 'stage seconds'));
  }
}

if (typeof module === 'object' && module.exports) module.exports = { CronacaEngine };
