// The demo and test server: static files from the repo root, fake third-party
// vendors under /vendor/<real-host>/<path>, a consent-log endpoint, and a log
// of every request so browser tests can prove what was (not) fetched.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage as renderReactSsr } from './react-ssr/server.mjs';
import { vendorHosts, vendorResponse } from './vendors.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = join(ROOT, 'examples');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Every response: the browser must fetch again on each visit, or a test could
// pass because a script came from cache instead of being requested.
const FAVICON = Buffer.from('R0lGODlhAQABAIAAAAtfSv///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

// The demo may run for hours; keep the log bounded.
const MAX_LOG = 10_000;

const NO_CACHE = { 'Cache-Control': 'no-store', Pragma: 'no-cache', Expires: '0' };

/**
 * Starts the server. `requests` is the live log; `/__kakor/requests` serves it
 * as JSON to tests running in other processes (those calls are not logged).
 * With `consentLog` (a kakor log-server URL), `/consent-log` is passed to it;
 * without, it answers 204 and keeps nothing.
 */
export async function startServer({ port = 0, host = '127.0.0.1', consentLog } = {}) {
  const requests = [];
  let seq = 0;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const body = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : undefined;
    try {
      if (url.pathname.startsWith('/__kakor/')) return control(url, req, res);
      if (requests.length >= MAX_LOG) requests.shift();
      requests.push({
        seq: ++seq, method: req.method, path: url.pathname + url.search, host: req.headers.host ?? '',
        body, time: Date.now(),
      });
      await route(url, req, res, body, consentLog);
    } catch (e) {
      send(res, 500, 'text/plain; charset=utf-8', `server error: ${e?.message ?? e}`);
    }
  });

  function control(url, req, res) {
    if (url.pathname === '/__kakor/requests') {
      const since = Number(url.searchParams.get('since') ?? 0);
      return send(res, 200, TYPES['.json'], JSON.stringify(requests.filter((r) => r.seq > since)));
    }
    if (url.pathname === '/__kakor/mark') return send(res, 200, TYPES['.json'], JSON.stringify({ seq }));
    if (url.pathname === '/__kakor/clear' && req.method === 'POST') {
      requests.length = 0;
      return send(res, 204);
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  return {
    origin: `http://${host}:${address.port}`,
    requests,
    clearRequests() { requests.length = 0; },
    close() {
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

async function route(url, req, res, body, consentLog) {
  const path = decodeURIComponent(url.pathname);
  // A browser that maps vendor hosts here (--host-resolver-rules) asks for the real URL.
  const vendorHost = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (vendorHosts.has(vendorHost)) return serveVendor(`${vendorHost}${path}`, url, res);
  if (path === '/') return send(res, 200, TYPES['.html'], await indexPage());
  // Browsers ask for it on their own; a 404 would show as a console error in every test.
  if (path === '/favicon.ico') return send(res, 200, 'image/gif', FAVICON);
  if (path === '/consent-log') {
    if (consentLog) return forward(consentLog, req, res, body);
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
    return send(res, 204);
  }
  if (path.startsWith('/vendor/')) return serveVendor(path.slice('/vendor/'.length), url, res);
  // Rendered per request from the visitor's cookies (React on the server), not a file.
  if (path === '/examples/react-ssr/') return send(res, 200, TYPES['.html'], await renderReactSsr(req.headers.cookie));
  return serveFile(path, res);
}

// As a site's reverse proxy would: the browser's Origin, type and user agent go
// along, so the log server checks the page's origin and not ours.
async function forward(target, req, res, body) {
  const headers = {};
  for (const name of ['origin', 'content-type', 'user-agent']) if (req.headers[name]) headers[name] = req.headers[name];
  const answer = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
  return send(res, answer.status, answer.headers.get('content-type') ?? undefined, await answer.text());
}

function serveVendor(hostPath, url, res) {
  const v = vendorResponse(hostPath, url.searchParams);
  if (!v) return send(res, 404, 'text/plain; charset=utf-8', `no fake vendor for ${hostPath}`);
  return send(res, 200, v.type, v.body, v.headers);
}

async function serveFile(path, res) {
  const file = resolve(ROOT, '.' + path);
  // Refuse anything outside the repo and any dot-folder (.git, .ci).
  if (!(file === ROOT || file.startsWith(ROOT + sep)) || /[\\/]\./.test(path)) {
    return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  }
  let info = await stat(file).catch(() => null);
  let target = file;
  if (info?.isDirectory()) {
    if (!path.endsWith('/')) return send(res, 301, undefined, '', { Location: path + '/' });
    target = join(file, 'index.html');
    info = await stat(target).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', `not found: ${path}`);
  const ext = extname(target);
  let content = await readFile(target);
  let headers = {};
  if (ext === '.html') {
    ({ content, headers } = await pageHeaders(target, content));
  }
  return send(res, 200, TYPES[ext] ?? 'application/octet-stream', content, headers);
}

/**
 * Extra headers for an HTML page from `headers.json` beside it:
 * `{ "index.html": { "Content-Security-Policy": "…" }, "*": { "Set-Cookie": ["a=1"] } }`.
 * `{{nonce}}` in the headers and the page becomes a fresh nonce per request.
 */
async function pageHeaders(file, content) {
  const spec = await readFile(join(dirname(file), 'headers.json'), 'utf8').then(JSON.parse, () => ({}));
  const name = file.slice(dirname(file).length + 1);
  const headers = { ...spec['*'], ...spec[name] };
  const raw = JSON.stringify(headers);
  if (!raw.includes('{{nonce}}')) return { content, headers };
  const nonce = randomBytes(16).toString('base64');
  return {
    content: Buffer.from(content.toString('utf8').replaceAll('{{nonce}}', nonce)),
    headers: JSON.parse(raw.replaceAll('{{nonce}}', nonce)),
  };
}

/** The demo's front page: every folder under examples/ with an index.html. */
async function indexPage() {
  const rows = [];
  for (const entry of (await readdir(EXAMPLES, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const html = await readFile(join(EXAMPLES, entry.name, 'index.html'), 'utf8').catch(() => null);
    if (html === null) continue;
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? entry.name;
    const about = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
    rows.push(`<li><a href="/examples/${entry.name}/"><code>${entry.name}/</code> ${title}</a>`
      + (about ? `<p>${about}</p>` : '') + '</li>');
  }
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kakor – exempel</title>
<link rel="stylesheet" href="/examples/examples.css">
</head>
<body>
<header class="site"><p class="brand">kakor</p></header>
<main>
<h1>kakor – exempel</h1>
<p>Varje sida laddar <code>/dist/kakor.js</code> med en skripttagg. Tredjepartsskript är lokala
attrapper under <code>/vendor/</code>: panelen på varje sida visar vilka som har körts och vilka cookies som finns.</p>
<ul class="examples">
${rows.join('\n')}
</ul>
</main>
</body>
</html>
`;
}

function readBody(req) {
  return new Promise((ok, fail) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res, status, type, body = '', headers = {}) {
  res.writeHead(status, { ...NO_CACHE, ...(type ? { 'Content-Type': type } : {}), ...headers });
  res.end(body);
}
