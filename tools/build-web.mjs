#!/usr/bin/env node
// Builds the page into the static site with esbuild, from the npm lockfile's modules only:
//   OUT/app.js (+ OUT/chunks/, loaded on demand: the map), OUT/worker.js (a classic worker
//   script, + OUT/worker-exports.js, loaded on the first export), OUT/style.css, OUT/index.html,
//   OUT/boot.js, OUT/engine.js, OUT/favicon.svg;
// and, when the core's files are in OUT already, the single-file offline build OFFLINE: one HTML
// file with the page, the worker, the wasm core and its data inside, that opens from file://.
//   node tools/build-web.mjs [--out build/web] [--offline build/offline/cronaca.html]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const out = resolve(option('--out', join(root, 'build/web')));
const offline = resolve(option('--offline', join(root, 'build/offline/cronaca.html')));
const web = join(root, 'web');

const common = {
  bundle: true,
  minify: true,
  target: ['chrome109', 'firefox115', 'safari16'],
  legalComments: 'eof',
  logLevel: 'warning',
  charset: 'utf8',
  absWorkingDir: root,
};

mkdirSync(out, { recursive: true });
rmSync(join(out, 'chunks'), { recursive: true, force: true });

const page = await esbuild.build({
  ...common,
  entryPoints: { app: join(web, 'src/app.js') },
  outdir: out,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { CRONACA_OFFLINE: 'false' },
  sourcemap: 'linked',
  metafile: true,
});
// The worker carries the core's scripts (Emscripten's cronaca.js and engine.js) ahead of its own
// code when they are built: loaded with importScripts instead, each is a synchronous request that
// waits behind the core's downloads, which the worker starts first. esbuild leaves a banner as it
// is, so they are minified on their own (engine.js is mostly comments).
const coreScripts = ['cronaca.js', 'engine.js'].map((name) => (name === 'engine.js' ? join(web, name) : join(out, name)));
const minified = async (path) => (await esbuild.transform(readFileSync(path, 'utf8'), { minify: true, target: common.target, charset: 'utf8' })).code;
const coreBanner = coreScripts.every(existsSync) ? `${(await Promise.all(coreScripts.map(minified))).join('\n;\n')}\n;` : null;
await esbuild.build({
  ...common,
  entryPoints: { worker: join(web, 'worker/worker.js') },
  outdir: out,
  format: 'iife',
  sourcemap: 'linked',
  define: { CRONACA_OFFLINE: 'false' },
  banner: coreBanner ? { js: coreBanner } : {},
});
// The exports' code, which the worker loads on the first export (worker.js, exportFile).
const workerExports = { ...common, entryPoints: { 'worker-exports': join(web, 'worker/export-files.js') }, format: 'iife' };
await esbuild.build({ ...workerExports, outdir: out, sourcemap: 'linked' });
await esbuild.build({ ...common, entryPoints: { style: join(web, 'style.css') }, outdir: out });
for (const name of ['index.html', 'boot.js', 'engine.js', 'favicon.svg']) copyFileSync(join(web, name), join(out, name));

const bytes = Object.entries(page.metafile.outputs).filter(([name]) => name.endsWith('.js'))
  .map(([name, output]) => `${name.replace(/^.*build\/web\//, '')} ${(output.bytes / 1024).toFixed(0)} KiB`);
console.log(`build-web: ${bytes.join(', ')}`);

// The single-file build needs the core, which the wasm build puts in OUT before this runs.
const core = ['cronaca.js', 'cronaca.wasm', 'icudt72l.dat', 'resources.pack'].map((name) => join(out, name));
if (!core.every(existsSync)) {
  console.log('build-web: the wasm core is not built yet, so no single-file offline build');
  process.exit(0);
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// An inline script ends at the first "</script" whatever the JavaScript around it means.
const inlineSafe = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const offlinePage = await esbuild.build({
  ...common,
  entryPoints: [join(web, 'src/app.js')],
  write: false,
  format: 'esm',
  define: { CRONACA_OFFLINE: 'true' },
});
const offlineWorker = await esbuild.build({ ...common, entryPoints: [join(web, 'worker/worker.js')], write: false, format: 'iife', define: { CRONACA_OFFLINE: 'true' } });
const offlineExports = await esbuild.build({ ...workerExports, write: false });
const workerSource = `${coreBanner}\n${offlineExports.outputFiles[0].text}\n${offlineWorker.outputFiles[0].text}`;
const script = inlineSafe(offlinePage.outputFiles[0].text);
const style = readFileSync(join(out, 'style.css'), 'utf8');
const data = (id, buffer) => `<script type="application/octet-stream" id="${id}">${Buffer.from(buffer).toString('base64')}</script>`;
const favicon = `data:image/svg+xml;base64,${readFileSync(join(web, 'favicon.svg')).toString('base64')}`;
const csp = [
  "default-src 'none'", `script-src ${sha256(script)} 'wasm-unsafe-eval'`, `style-src ${sha256(style)}`,
  'img-src data: blob:', 'connect-src https:', 'worker-src blob:', "base-uri 'none'", "form-action 'none'",
].join('; ');

let html = readFileSync(join(web, 'index.html'), 'utf8');
const replace = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`build-web: index.html has no ${pattern}`);
  html = html.replace(pattern, () => replacement);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${favicon}" type="image/svg+xml">`);
replace(/<link rel="stylesheet" href="style.css">/, `<style>${style}</style>`);
replace(/<script type="module" src="app.js"><\/script>/, '');
// The single-file build's worker starts from a blob, with the bytes it needs (worker-start.js).
replace(/<script src="boot.js"><\/script>/, '');
replace(/<\/body>/, [
  data('cronaca-worker', Buffer.from(workerSource, 'utf8')),
  data('cronaca-wasm', readFileSync(core[1])),
  data('cronaca-icu', readFileSync(core[2])),
  data('cronaca-resources', readFileSync(core[3])),
  // Last, so that the data blocks above exist when it runs.
  `<script type="module">${script}</script>`,
  '</body>',
].join('\n'));
mkdirSync(dirname(offline), { recursive: true });
writeFileSync(offline, html);
console.log(`build-web: ${offline} ${(html.length / 1048576).toFixed(1)} MiB`);
