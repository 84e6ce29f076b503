// The receiver's input rules (CONTRACT §9), against both stores: only a
// well-formed choice from an allowed origin is kept; everything else is a 4xx
// with a one-line reason and leaves the store as it was.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogHandler, type LogHandler } from '../../src/server/logServer/handler';
import type { LogStore } from '../../src/server/logServer/logStore';
import { userAgentFamily } from '../../src/server/logServer/userAgent';
import { describeStores, OPEN_TIMEOUT } from './logStores';
import { posted, SITE } from './logChoices';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://127.0.0.1:8787/', {
    method: 'POST',
    headers: { origin: SITE, 'content-type': 'application/json', 'user-agent': CHROME, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const count = async (store: LogStore) => {
  let n = 0;
  for await (const _ of store.choices()) n++;
  return n;
};

describeStores('log handler', (target) => {
  let store: LogStore;
  let dispose: () => Promise<void>;
  let handle: LogHandler;
  beforeAll(async () => ({ store, dispose } = await target.open()), OPEN_TIMEOUT);
  afterAll(() => dispose?.(), OPEN_TIMEOUT);
  beforeEach(async () => {
    await store.purge(new Date('9000-01-01'));
    handle = createLogHandler({ store, origins: [SITE, 'https://www.example.se'], rateLimit: { burst: 5, perMinute: 60 } });
  });

  it('stores a choice (201), a duplicate once (200), with the browser family and no address', async () => {
    const c = posted();
    const res = await handle(post(c, { 'x-forwarded-for': '203.0.113.7' }), { address: '198.51.100.9' });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect((await handle(post(c), { address: '198.51.100.9' })).status).toBe(200);
    const kept = await store.byConsentId(c.consentId);
    expect(kept).toEqual([{ ...c, receivedAt: expect.any(String), userAgent: 'Chrome' }]);
    expect(JSON.stringify(kept)).not.toMatch(/203\.0\.113|198\.51\.100|Mozilla|X11/);
  });

  const refusals: [string, () => Request, number, RegExp][] = [
    ['a forged origin', () => post(posted({ url: 'https://evil.example/' }), { origin: 'https://evil.example' }), 403, /origin https:\/\/evil\.example is not allowed/],
    ['no origin', () => new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(posted()) }), 403, /no Origin header/],
    ['a GET', () => new Request('http://x/', { headers: { origin: SITE } }), 405, /POST only/],
    ['a wrong content type', () => post(JSON.stringify(posted()), { 'content-type': 'text/plain' }), 415, /application\/json/],
    ['an oversized body', () => post({ ...posted(), granted: Array.from({ length: 400 }, (_, i) => `service-${i}`) }), 413, /larger than 4096 bytes/],
    ['not JSON', () => post('{"consentId": '), 400, /not JSON/],
    ['not UTF-8', () => new Request('http://x/', { method: 'POST', headers: { origin: SITE, 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0x7d]) }), 400, /not JSON in UTF-8/],
    ['a JSON array', () => post([posted()]), 400, /JSON object/],
    ['an unknown field', () => post({ ...posted(), ip: '203.0.113.7' }), 400, /unknown field "ip"/],
    ['a missing field', () => post({ ...posted(), url: undefined }), 400, /missing field "url"/],
    ['a revision as a string', () => post({ ...posted(), revision: '3' }), 400, /revision/],
    ['granted as a string', () => post({ ...posted(), granted: 'necessary' }), 400, /granted/],
    ['a time that is not ISO', () => post(posted({ decidedAt: '1 May 2026' })), 400, /decidedAt/],
    ['an unknown source', () => post(posted({ source: 'robot' })), 400, /source/],
    ['SQL in the consent id', () => post(posted({ consentId: "x'); drop table kakor_choices; --" })), 400, /consentId/],
    ['a NUL byte in an id', () => post(posted({ granted: ['necessary\u0000'] })), 400, /granted/],
    ['a NUL byte in the language', () => post(posted({ language: 'sv\u0000' })), 400, /language/],
    ['a page URL with a query', () => post(posted({ url: `${SITE}/kassa?email=anna@example.se` })), 400, /query/],
    ['a page URL of another site', () => post(posted({ url: 'https://www.example.se/' })), 400, /not on https:\/\/shop\.example\.se/],
    ['an id both granted and denied', () => post(posted({ granted: ['analytics'], denied: ['analytics'] })), 400, /both/],
  ];
  for (const [what, request, status, reason] of refusals) {
    it(`refuses ${what} with ${status} and one line, and stores nothing`, async () => {
      const res = await handle(request());
      expect(res.status).toBe(status);
      const text = await res.text();
      expect(text).toMatch(reason);
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(await count(store)).toBe(0);
    });
  }

  it('a body that claims to be small but is not: 413', async () => {
    const big = JSON.stringify({ ...posted(), url: `${SITE}/${'a'.repeat(5000)}` });
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
    const req = new Request('http://x/', {
      method: 'POST', headers: { origin: SITE, 'content-type': 'application/json', 'content-length': '100' }, body: stream,
      // @ts-expect-error Node's fetch needs it for a streamed body
      duplex: 'half',
    });
    expect((await handle(req)).status).toBe(413);
    expect(await count(store)).toBe(0);
  });

  it('keeps a page path with SQL metacharacters as it was written', async () => {
    const c = posted({ url: `${SITE}/o'brien;--%20drop%20table%20kakor_choices` });
    expect((await handle(post(c))).status).toBe(201);
    expect((await store.byConsentId(c.consentId))[0].url).toBe(c.url);
  });

  it('answers the CORS preflight of an allowed origin, and only that', async () => {
    const preflight = (origin: string) => handle(new Request('http://x/', {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    }));
    const ok = await preflight('https://www.example.se');
    expect(ok.status).toBe(204);
    expect(Object.fromEntries(ok.headers)).toMatchObject({
      'access-control-allow-origin': 'https://www.example.se', 'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type', vary: 'Origin',
    });
    const no = await preflight('https://shop.example.se.evil.example');
    expect(no.status).toBe(403);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a burst past the rate limit gets 429 with Retry-After, per client, and stores only what passed', async () => {
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push((await handle(post(posted()), { address: '192.0.2.1' })).status);
    expect(answers).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const limited = await handle(post(posted()), { address: '192.0.2.1' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await handle(post(posted()), { address: '192.0.2.2' })).status).toBe(201);
    expect(await count(store)).toBe(6);
  });
});

describe('log handler, when the store fails', () => {
  it('answers 503 with the reason, and the next request is served again', async () => {
    let down = true;
    const stored: unknown[] = [];
    const store = {
      async add(c: unknown) { if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432'); stored.push(c); return true; },
    } as unknown as LogStore;
    const handle = createLogHandler({ store, origins: [SITE], rateLimit: false });
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      const res = await handle(post(posted()));
      expect(res.status).toBe(503);
      expect(await res.text()).toBe('the log store is unavailable: connect ECONNREFUSED 127.0.0.1:5432\n');
      expect(errors).toEqual(['kakor log-server: the store failed: connect ECONNREFUSED 127.0.0.1:5432']);
    } finally {
      console.error = original;
    }
    down = false;
    expect((await handle(post(posted()))).status).toBe(201);
    expect(stored).toHaveLength(1);
  });
});

describe('user-agent family', () => {
  it.each([
    [CHROME, 'Chrome'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'Safari'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1', 'Chrome'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome'],
    ['curl/8.5.0', 'other'],
    ['', 'other'],
  ])('%s → %s', (header, family) => {
    expect(userAgentFamily(header)).toBe(family);
  });
});

