// A minimal static server for the bench pages: 127.0.0.1 only. It sends gzip
// (-9, as the byte rows count it) when the browser asks for it, as any real
// server does, so the network-throttled visits move the bytes a visitor would.
// Chromium asks for brotli only over https, so gzip is what it gets here.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};
// Only what the pages need; the peers are served from their npm packages.
const SERVED = ['/bench/pages/', '/bench/vendor/', '/dist/', '/node_modules/vanilla-cookieconsent/',
  '/node_modules/klaro/', '/node_modules/orejime/'];
const CONTENT_MARK = '<!--content-->';

/** Maps a request path to a file under the repository, or null. */
export function fileFor(pathname) {
  // Vendor fakes: /vendor/<real-host>/<path> is the one local stand-in script,
  // so manifest patterns match real URLs while nothing leaves the machine.
  if (pathname.startsWith('/vendor/')) return join(ROOT, 'bench/vendor/analytics.js');
  if (pathname.endsWith('/')) pathname += 'index.html';
  const clean = normalize(decodeURIComponent(pathname));
  if (!SERVED.some((prefix) => clean.startsWith(prefix))) return null;
  return join(ROOT, clean);
}

/** Starts the server; `requests` lists every path asked for, in order. */
export function startServer({ port = 0 } = {}) {
  const requests = [];
  let content;
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    requests.push(pathname);
    const file = fileFor(pathname);
    try {
      if (!file) throw new Error('not served');
      let body = await readFile(file);
      // Every bench page shares one body of Swedish content, spliced in here
      // so the workload cannot drift between libraries.
      if (file.endsWith('.html') && body.includes(CONTENT_MARK)) {
        content ??= await readFile(join(ROOT, 'bench/pages/content.html'), 'utf8');
        body = Buffer.from(body.toString('utf8').replace(CONTENT_MARK, content));
      }
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        body = gzipped.get(file);
        Object.assign(headers, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      done({
        origin: `http://127.0.0.1:${actual}`,
        requests,
        close: () => new Promise((closed) => { server.closeAllConnections(); server.close(closed); }),
      });
    });
  });
}
