// matchService: which service a URL belongs to by the manifest's `scripts` patterns.
// It gets absolute http(s) URLs only: resolving them, and never asking about
// data:, blob: or unparseable ones, is the interceptor's (test/unit/intercept.test.ts).
import { describe, expect, it } from 'vitest';
import { matchService } from '../../src/core/blocking/matchUrl';

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
