#!/usr/bin/env node
// A plain static file server for build/web, bound to 127.0.0.1. With --base /some/path/ the site
// is served under that sub-path, as it would be from any static host.
//   node tools/serve.mjs [--root build/web] [--port 8080] [--base /]
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

// The page's Content-Security-Policy (its <meta> tag), sent as a header too: a dedicated worker
// does not inherit the page's policy, it gets the one its script is served with. Static hosts
// should send the same header (README.md, "Privacy").
export function pagePolicy(root) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  if (!meta) throw new Error(`${root}/index.html has no Content-Security-Policy meta tag`);
  return meta[1];
}

// `types` overrides the Content-Type of some extensions, to play a misconfigured host in tests.
export function startServer({ root, port = 8080, base = '/', host = '127.0.0.1', types = {} }) {
  const top = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const policy = pagePolicy(top);
  const server = createServer((request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      // A malformed escape ("/%") threw out of the handler and stopped the server.
      response.writeHead(400);
      return response.end();
    }
    if (!path.startsWith(prefix)) {
      response.writeHead(path === '/' ? 302 : 404, path === '/' ? { Location: prefix } : {});
      return response.end();
    }
    let file = normalize(join(top, path.slice(prefix.length)));
    if (file !== top && !file.startsWith(top + sep)) {
      response.writeHead(403);
      return response.end();
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      response.writeHead(200, {
        'Content-Type': types[extname(file)] ?? TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': policy,
        'Referrer-Policy': 'no-referrer',
      });
      if (request.method === 'HEAD') return response.end();
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  return new Promise((resolvePromise) => server.listen(port, host, () => resolvePromise(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : fallback;
  };
  const root = option('--root', 'build/web');
  const port = Number(option('--port', 8080));
  const base = option('--base', '/');
  const server = await startServer({ root, port, base });
  const { port: actual } = server.address();
  console.log(`Cronaca is served at http://127.0.0.1:${actual}${base}  (Ctrl+C stops)`);
}
