// matchService: which service a URL belongs to by the manifest's `scripts` patterns.
import { describe, expect, it } from 'vitest';
import { matchService } from '../../src/core/blocking/matchUrl';

const BASE = 'https://www.example.se/shop/cart.html';
const services = [
  { id: 'necessary-cdn', scripts: [] },
  { id: 'google-analytics', scripts: ['googletagmanager.com/gtag/js', 'google-analytics.com'] },
  { id: 'facebook-pixel', scripts: [/^https:\/\/connect\.facebook\.net\/[a-z_]+\/fbevents\.js/i] },
  { id: 'catch-all-google', scripts: ['google'] },
];

describe('matchService', () => {
  it('matches a URL substring', () => {
    expect(matchService('https://www.googletagmanager.com/gtag/js?id=G-1', services, BASE)).toBe('google-analytics');
    expect(matchService('https://region1.google-analytics.com/g/collect?v=2', services, BASE)).toBe('google-analytics');
  });

  it('matches a regular expression against the absolute URL', () => {
    expect(matchService('https://connect.facebook.net/sv_SE/fbevents.js', services, BASE)).toBe('facebook-pixel');
    expect(matchService('https://connect.facebook.net/signals/config/1', services, BASE)).toBeUndefined();
  });

  it('gives the first service in manifest order when several match', () => {
    expect(matchService('https://www.google-analytics.com/analytics.js', services, BASE)).toBe('google-analytics');
    expect(matchService('https://fonts.googleapis.com/css', services, BASE)).toBe('catch-all-google');
  });

  it('resolves relative URLs against the base first', () => {
    const local = [{ id: 'fake-gtag', scripts: ['127.0.0.1:8080/vendor/www.googletagmanager.com/gtag/js'] }];
    expect(matchService('/vendor/www.googletagmanager.com/gtag/js?id=G-1', local, 'http://127.0.0.1:8080/examples/')).toBe('fake-gtag');
    expect(matchService('../vendor/www.googletagmanager.com/gtag/js', local, 'http://127.0.0.1:8080/examples/x.html')).toBe('fake-gtag');
    expect(matchService('gtag/js', local, 'http://127.0.0.1:8080/examples/')).toBeUndefined();
  });

  it('resolves protocol-relative URLs with the base scheme', () => {
    const https = [{ id: 'ga', scripts: [/^https:\/\/www\.google-analytics\.com\//] }];
    expect(matchService('//www.google-analytics.com/analytics.js', https, BASE)).toBe('ga');
    expect(matchService('//www.google-analytics.com/analytics.js', https, 'http://www.example.se/')).toBeUndefined();
  });

  it('never matches data: or blob: URLs, whatever they contain', () => {
    expect(matchService('data:text/javascript,fetch("https://google-analytics.com")', services, BASE)).toBeUndefined();
    expect(matchService('DATA:image/gif;base64,googletagmanager.com/gtag/js', services, BASE)).toBeUndefined();
    expect(matchService('blob:https://www.google-analytics.com/6b1c2f0e', services, BASE)).toBeUndefined();
  });

  it('compares substrings without case', () => {
    expect(matchService('https://WWW.GoogleTagManager.com/gtag/js', services, BASE)).toBe('google-analytics');
    expect(matchService('https://x.test/a', [{ id: 'x', scripts: ['X.TEST/A'] }], BASE)).toBe('x');
  });

  it('gives the same answer every time for a /g regex', () => {
    const global = [{ id: 'g', scripts: [/tracker/g] }];
    const answers = [1, 2, 3].map(() => matchService('https://tracker.test/t.js', global, BASE));
    expect(answers).toEqual(['g', 'g', 'g']);
  });

  it('gives undefined for no match and for a URL that cannot be parsed', () => {
    expect(matchService('https://cdn.example.se/app.js', services.slice(0, 3), BASE)).toBeUndefined();
    expect(matchService('http://[::1', services, BASE)).toBeUndefined();
  });
});
