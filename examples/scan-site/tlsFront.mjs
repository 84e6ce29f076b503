// An https front for the example server, with the self-signed certificate in
// tls/: Chromium's HSTS preload list upgrades http://connect.facebook.net,
// js.stripe.com, www.youtube.com and www.google-analytics.com to https, so the
// fake vendors at their real host names must answer TLS. Every request is
// passed on unchanged (Host included), so the example server picks the fake.
import { createServer } from 'node:https';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';

const tls = (name) => readFileSync(new URL(`tls/${name}`, import.meta.url));

/** Starts the front; `target` is the example server's `http://127.0.0.1:PORT`. */
export async function startTlsFront(target, { port = 0, host = '127.0.0.1' } = {}) {
  const to = new URL(target);
  const server = createServer({ key: tls('key.pem'), cert: tls('cert.pem') }, (req, res) => {
    const upstream = request({
      host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers,
    }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (e) => {
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`example server unreachable: ${e.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  return {
    origin: `https://${host}:${address.port}`,
    port: address.port,
    close() {
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

/**
 * The Chromium argument that sends every host name to the front, so a page's
 * https://www.googletagmanager.com/… reaches the fake (the site's own 127.0.0.1 is left alone).
 */
export const hostRules = (frontPort) => `--host-resolver-rules=MAP * 127.0.0.1:${frontPort}, EXCLUDE 127.0.0.1`;
