// A Node server in front of a site: HTML responses go through kakor/rewrite
// on their way out, so vendor tags written in the pages wait for consent
// (CONTRACT §5.3). Everything else passes through untouched.
//
//   npm run build && node examples/rewrite-node/server.mjs [upstream] [port]
//   (upstream defaults to the demo, http://127.0.0.1:8080; this listens on 8081)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { rewriteHtmlStream } from 'kakor/rewrite';

/** Starts the rewriting server; resolves to its origin and a close function. */
export async function startRewriteServer({ upstream, manifest, port = 0, host = '127.0.0.1' }) {
  // Validated once, here: a bad manifest stops the server from starting (fail closed).
  rewriteHtmlStream(manifest);
  const server = createServer(async (req, res) => {
    try {
      const response = await fetch(new URL(req.url, upstream), { headers: { accept: req.headers.accept ?? '*/*' } });
      const html = /^text\/html/i.test(response.headers.get('content-type') ?? '');
      const headers = Object.fromEntries([...response.headers].filter(([name]) =>
        // fetch has decoded the body, and a rewritten page has a new length.
        !['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)));
      res.writeHead(response.status, headers);
      if (!response.body) return res.end();
      const body = html ? response.body.pipeThrough(rewriteHtmlStream(manifest, { baseUrl: new URL(req.url, upstream).href })) : response.body;
      Readable.fromWeb(body).pipe(res);
    } catch (e) {
      console.error(`kakor rewrite server: ${req.url}: ${e.message}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('bad gateway');
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    origin: `http://${host}:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(await readFile(new URL('../script-tag/cookies.json', import.meta.url), 'utf8'));
  const upstream = process.argv[2] ?? 'http://127.0.0.1:8080';
  const { origin } = await startRewriteServer({ upstream, manifest, port: Number(process.argv[3] ?? 8081) });
  console.log(`kakor/rewrite in front of ${upstream}: ${origin}/examples/rewrite-node/`);
}
