// matchService: which service a URL belongs to by the manifest's `scripts` patterns.
// It gets absolute http(s) URLs only: resolving them, and never asking about
// data:, blob: or unparseable ones, is the interceptor's (test/unit/intercept.test.ts).
import { describe, expect, it } from 'vitest';
import { canonicalUrl, createUrlTest, matchService } from '../../src/core/blocking/matchUrl';

const services = [
  { id: 'necessary-cdn', scripts: [] },
  { id: 'google-analytics', scripts: ['googletagmanager.com/gtag/js', 'google-analytics.com'] },
  { id: 'facebook-pixel', scripts: [/^https:\/\/connect\.facebook\.net\/[a-z_]+\/fbevents\.js/i] },
  { id: 'catch-all-google', scripts: ['google'] },
];

describe('matchService', () => {
  it('matches a URL substring', () => {
    expect(matchService('https://www.googletagmanager.com/gtag/js?id=G-1', services)).toBe('google-analytics');
    expect(matchService('https://region1.google-analytics.com/g/collect?v=2', services)).toBe('google-analytics');
  });

  it('matches a regular expression against the absolute URL', () => {
    expect(matchService('https://connect.facebook.net/sv_SE/fbevents.js', services)).toBe('facebook-pixel');
    expect(matchService('https://connect.facebook.net/signals/config/1', services)).toBeUndefined();
  });

  it('gives the first service in manifest order when several match', () => {
    expect(matchService('https://www.google-analytics.com/analytics.js', services)).toBe('google-analytics');
    expect(matchService('https://fonts.googleapis.com/css', services)).toBe('catch-all-google');
  });

  it('compares substrings without case', () => {
    expect(matchService('https://WWW.GoogleTagManager.com/gtag/js', services)).toBe('google-analytics');
    expect(matchService('https://x.test/a', [{ id: 'x', scripts: ['X.TEST/A'] }])).toBe('x');
  });

  it('gives the same answer every time for a /g regex', () => {
    const global = [{ id: 'g', scripts: [/tracker/g] }];
    const answers = [1, 2, 3].map(() => matchService('https://tracker.test/t.js', global));
    expect(answers).toEqual(['g', 'g', 'g']);
  });

  it('gives undefined for no match', () => {
    expect(matchService('https://cdn.example.se/app.js', services.slice(0, 3))).toBeUndefined();
  });
});

describe('canonicalUrl', () => {
  it('lower-cases the host, drops a trailing dot, user info and a default port', () => {
    const base = 'https://site.test/a/';
    expect(canonicalUrl('https://PX.Example./p?q=A#H', base)).toBe('https://px.example/p?q=A#H');
    expect(canonicalUrl('https://x:y@px.example:443/p', base)).toBe('https://px.example/p');
    expect(canonicalUrl('http://px.example:80/', base)).toBe('http://px.example/');
    expect(canonicalUrl('http://px.example:8080/', base)).toBe('http://px.example:8080/');
    expect(canonicalUrl('//px.example../p', base)).toBe('https://px.example/p');
    expect(canonicalUrl('p.gif', base)).toBe('https://site.test/a/p.gif');
    expect(canonicalUrl('wss://Chat.Example./s', base)).toBe('wss://chat.example/s');
  });

  it('gives null for URLs that cannot reach a server or do not parse', () => {
    for (const u of ['data:text/javascript,1', 'blob:https://px.example/1', 'about:blank', 'javascript:1', 'http://[::1']) {
      expect(canonicalUrl(u, 'https://site.test/')).toBeNull();
    }
  });
});

describe('a regex or substring pattern on the canonical URL', () => {
  const px = [{ id: 'px', scripts: [/^https:\/\/px\.example\//] }];
  it.each(['https://px.example./a', 'https://x@px.example/a', 'https://PX.EXAMPLE/a', 'https://px.example:443/a'])('%s matches ^https:\\/\\/px\\.example\\/', (u) => {
    expect(matchService(canonicalUrl(u, 'https://site.test/')!, px)).toBe('px');
    expect(matchService(canonicalUrl(u, 'https://site.test/')!, [{ id: 's', scripts: ['https://px.example/'] }])).toBe('s');
  });
});

describe('createUrlTest', () => {
  const services = [{ id: 'px', scripts: ['px.example'] }];
  it('blocks what a service not granted matches, until it is granted (a new set), and cross-origin URLs without a manifest', () => {
    let granted = new Set<string>();
    let list: typeof services | null = null;
    const isBlocked = createUrlTest(document, () => list, () => granted);
    expect(isBlocked('https://other.test/a.js')).toBe(true);
    expect(isBlocked('/same-origin.js')).toBe(false);
    list = services;
    expect(isBlocked('https://other.test/a.js')).toBe(false);
    expect(isBlocked('https://PX.example./a.js')).toBe(true);
    expect(isBlocked('data:text/html,px.example')).toBe(false);
    granted = new Set(['px']);
    expect(isBlocked('https://PX.example./a.js')).toBe(false);
  });
});
