// The receiver (CONTRACT §9) on the web platform's Request and Response, so it
// mounts in node:http, Hono, a Next.js route handler or an edge runtime.
// Every refusal is a 4xx with a one-line reason, and nothing is stored.
import { parseChoice } from './choice';
import type { LogStore } from './logStore';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimit } from './rateLimit';
import { userAgentFamily } from './userAgent';

export interface LogHandlerOptions {
  store: LogStore;
  /** Site origins allowed to post, e.g. `["https://example.se"]`. */
  origins: string[];
  /** Per client; `false` turns it off. @default { burst: 60, perMinute: 60 } */
  rateLimit?: RateLimit | false;
  /** Largest body accepted, in bytes. @default 4096 */
  maxBodyBytes?: number;
}

/** What the host server knows of the client; used for the rate limit only, never stored. */
export interface ClientInfo {
  address?: string;
}

export type LogHandler = (request: Request, client?: ClientInfo) => Promise<Response>;

/** A request handler that keeps each posted choice in `store`. */
export function createLogHandler(options: LogHandlerOptions): LogHandler {
  const origins = new Set(options.origins.map((o) => new URL(o).origin));
  const limiter = options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const maxBytes = options.maxBodyBytes ?? 4096;

  return async (request, client = {}) => {
    const origin = request.headers.get('origin');
    // Only a browser on the site posts here, and every browser sends Origin on a POST.
    if (!origin) return reply(403, 'no Origin header: only pages of an allowed site may post');
    if (!origins.has(origin)) return reply(403, `origin ${origin.slice(0, 100)} is not allowed`);
    const cors = {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'content-type',
      'Access-Control-Max-Age': '86400',
      Vary: 'Origin',
    };
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    if (request.method !== 'POST') return reply(405, 'POST only', { ...cors, Allow: 'POST, OPTIONS' });

    const wait = limiter?.take(client.address ?? 'unknown') ?? 0;
    if (wait) return reply(429, `too many requests: try again in ${wait} s`, { ...cors, 'Retry-After': String(wait) });

    const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return reply(415, 'expected Content-Type: application/json', cors);
    const bytes = await readCapped(request, maxBytes);
    if (bytes === undefined) return reply(413, `body larger than ${maxBytes} bytes`, cors);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return reply(400, 'body is not JSON in UTF-8', cors);
    }
    const choice = parseChoice(body);
    if (typeof choice === 'string') return reply(400, choice, cors);
    if (new URL(choice.url).origin !== origin) return reply(400, `url is not on ${origin}, the origin that posted it`, cors);

    try {
      const added = await options.store.add({
        ...choice, receivedAt: new Date().toISOString(), userAgent: userAgentFamily(request.headers.get('user-agent')),
      });
      return reply(added ? 201 : 200, added ? 'stored' : 'already stored', cors);
    } catch (e) {
      const why = oneLine((e as Error).message || (e as Error).name || String(e));
      console.error(`kakor log-server: the store failed: ${why}`);
      return reply(503, `the log store is unavailable: ${why}`, { ...cors, 'Retry-After': '5' });
    }
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 200);

function reply(status: number, reason: string, headers: Record<string, string> = {}): Response {
  return new Response(`${reason}\n`, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The body, or undefined as soon as it grows past `max` bytes (a lying Content-Length included). */
async function readCapped(request: Request, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) return undefined;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}
