// Paths and helpers shared by the Node and browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { coreFile } from '../web/worker/core-file.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const cli = join(root, 'build/bin/cronaca');
export const web = join(root, 'build/web');
export const fixtures = join(root, 'tests/fixtures/articles');
// The founding articles, when ../shared is beside the checkout; tests that need them skip
// otherwise, so the suite runs on any machine.
export const seedsDir = join(root, '../shared/data/seeds');
export const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).sort().map((name) => join(seedsDir, name)) : [];
export const fixtureFiles = readdirSync(fixtures).sort().map((name) => join(fixtures, name));

export function runCli(args, input) {
  const result = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The engine on the build of the core the page would load here (web/worker/core-file.js), or on
// the one named.
export async function wasmEngine(wasmFile = coreFile()) {
  const require = createRequire(import.meta.url);
  const createCronaca = require(join(web, 'cronaca.js'));
  const { CronacaEngine } = require(join(web, 'engine.js'));
  return CronacaEngine.create(createCronaca, {
    icuData: readFileSync(join(web, 'icudt72l.dat')),
    resources: readFileSync(join(web, 'resources.pack')),
    // Node's fetch cannot load a file path, so the module gets its bytes directly.
    moduleOptions: { wasmBinary: readFileSync(join(web, wasmFile)) },
  });
}
