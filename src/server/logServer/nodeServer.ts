// Runs a LogHandler on node:http: what `kakor log-server` starts, and what a
// site's own Node process can start beside its pages.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { LogHandler } from './handler';

export interface RunningLogServer {
  /** `http://127.0.0.1:8787/` */
  url: string;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0: any free one) and hands each request to `handler`. */
export async function startLogServer(handler: LogHandler, { port = 8787, host = '127.0.0.1' } = {}): Promise<RunningLogServer> {
  const server = createServer((req, res) => {
    serve(handler, req, res).catch((e: Error) => {
      console.error(`kakor log-server: ${e.message}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    });
  });
  // A slow client must not hold a connection open for ever.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    close: () => new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

async function serve(handler: LogHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
  const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs it for a streamed body; lib.dom's RequestInit lacks it.
    duplex: 'half',
  });
  const response = await handler(request, { address: req.socket.remoteAddress });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
