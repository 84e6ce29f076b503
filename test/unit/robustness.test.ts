// The core's fail-closed paths without a browser (issue 10 item 5): a manifest
// fetch that never answers, no cookie access, two visible consent records.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCookies } from '../../src/core/cookies';
import { createConsent, type Consent } from '../../src/core/index';
import { FETCH_TIMEOUT_MS } from '../../src/core/manifest/load';
import { decodeRecords } from '../../src/core/record';
import { fakeEnv } from './fakeEnv';
import { storedRecord } from './storedRecord';

const manifest = {
  categories: ['necessary', 'analytics'],
  services: [{ id: 'ga', name: 'GA', category: 'analytics', scripts: ['googletagmanager.com'] }],
};
let consent: Consent | undefined;
afterEach(() => {
  consent?.destroy();
  consent = undefined;
  vi.useRealTimers();
});

describe('a manifest fetch that never answers', () => {
  it('fails closed after 10 s with one error and kakor:ready', async () => {
    vi.useFakeTimers();
    const env = fakeEnv();
    env.fetchMock.mockImplementation(() => new Promise(() => {}));
    const ready = vi.fn();
    window.addEventListener('kakor:ready', ready, { once: true });
    consent = createConsent({ manifest: '/cookies.json', env, intercept: false });
    await vi.advanceTimersByTimeAsync(FETCH_TIMEOUT_MS - 1);
    expect(ready).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await consent.ready;
    expect(env.errors).toEqual(['kakor: manifest: fetching /cookies.json failed: no answer within 10 s']);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(consent.getConsent()).toMatchObject({ decided: false, categories: {}, services: {} });
    // The request is aborted, not left hanging.
    expect((env.fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].signal!.aborted).toBe(true);
  });
});

describe('cookie access', () => {
  const jar = (names: () => string[]) => ({ get: () => undefined, set() {}, remove() {}, names });
  it('is missing when reading throws (a sandboxed frame) or the browser says cookies are off', () => {
    expect(readCookies(jar(() => { throw new DOMException('sandboxed', 'SecurityError'); }), navigator)).toBe(null);
    expect(readCookies(jar(() => []), { cookieEnabled: false } as Navigator)).toBe(null);
    expect(readCookies(jar(() => []), { cookieEnabled: true } as Navigator)).toMatchObject({ names: [] });
    const entries = () => { throw new DOMException('sandboxed', 'SecurityError'); };
    expect(readCookies({ ...jar(() => []), entries }, navigator)).toBe(null);
  });

  it('when missing, kakor fails closed with one error and no banner', async () => {
    const env = fakeEnv();
    env.cookies.names = () => { throw new DOMException('sandboxed', 'SecurityError'); };
    consent = createConsent({ manifest, env, intercept: false });
    await consent.ready;
    expect(env.errors).toHaveLength(1);
    expect(env.errors[0]).toMatch(/^kakor: cookies are not available to this page/);
    expect(consent.getView()).toBe(null);
    expect(consent.hasConsent('necessary')).toBe(false);
  });
});

describe('two consent records visible', () => {
  const record = (categories: string[]) => storedRecord(manifest, categories, {
    revision: 1, id: '0123456789abcdef', time: Date.UTC(2026, 10, 22), source: 'banner',
  });
  it('decode as duplicate, even when both are well-formed', () => {
    const expected = { revision: 1, maxAgeDays: 365, now: Date.UTC(2026, 10, 23) };
    expect(decodeRecords([record([])], expected)).toMatchObject({ categories: ['necessary'] });
    expect(decodeRecords([record(['analytics']), record([])], expected)).toBe('duplicate');
  });

  it('make kakor ask again and delete every reachable copy', async () => {
    const env = fakeEnv();
    env.cookies.set('kakor_consent', record(['analytics']), {});
    env.cookies.getAll = () => [record(['analytics']), record([])];
    consent = createConsent({ manifest, env, intercept: false });
    await consent.ready;
    expect(consent.getConsent().decided).toBe(false);
    expect(consent.getView()).toBe('banner');
    expect(env.warnings).toEqual([expect.stringMatching(/^kakor: two or more "kakor_consent" cookies are visible/)]);
    expect(env.removed.filter((r) => r.name === 'kakor_consent').map((r) => r.path)).toContain('/');
  });
});
