// The per-vendor proof in the README (issue 10, item 9): each vendor's install
// snippet, pasted raw and as blocked markup (examples/vendor-proof/), visited
// as a new visitor with the vendors' real host names mapped to their fakes.
// Blocked markup: nothing requested before consent or after reject, and the
// vendor works after accept. Raw: nothing runs before consent; the requests
// for tags written in the HTML are recorded and shown, not hidden.
// KAKOR_WRITE_PROOF=1 (`npm run proof`) writes the pages and the README table;
// otherwise both must equal what is built and measured now.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'parse5';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPages, FORMS, readVendors, writePages, type Form, type ProofService, type ProofVendor,
} from '../../examples/vendor-proof/build.mjs';
import { matchService } from '../../src/core/blocking/matchUrl';
import { origin } from './harness';
import { launchMapped, visitAs, type Recorded, type VisitResult } from './vendor-proof/measure';
import { readSection, renderTable, writeSection, type Row } from './vendor-proof/table';
import { startTlsFront, type TlsFront } from './vendor-proof/tlsFront';

const WRITE = process.env.KAKOR_WRITE_PROOF === '1';
const README = new URL('../../README.md', import.meta.url);
const PAGES = new URL('../../examples/vendor-proof/', import.meta.url);
const vendors = readVendors();
const rows = new Map<string, Row>();
// A visit is mostly waiting for the network to go quiet, so several run at once,
// each in its own context; on a loaded machine the whole set takes a few minutes.
const ALL_VISITS_MS = 400_000;
const AT_ONCE = 4;

let front: TlsFront;
let browser: Browser;
/** Each vendor's page in each form, visited once per choice, before the tests read the results. */
const visits = new Map<string, Promise<VisitResult>>();
const visit = (key: string, choice: 'reject' | 'accept') => visits.get(`${key} ${choice}`)!;
beforeAll(async () => {
  if (WRITE) writePages();
  front = await startTlsFront(origin);
  browser = await launchMapped(front.port);
  const jobs = vendors.flatMap((v) => FORMS.flatMap((f) => (['reject', 'accept'] as const).map((choice) => ({
    key: `${v.id}/${f} ${choice}`,
    url: `https://www.kakor.test:${front.port}/examples/vendor-proof/${v.id}/${f}.html`,
    choice,
  }))));
  // A failed visit is reported by the test that reads it, not by this hook.
  const settled: Promise<unknown>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const result = visitAs(browser, job.url, job.choice);
      visits.set(job.key, result);
      settled.push(result.catch(() => undefined));
      await result.catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  await Promise.all(settled);
}, ALL_VISITS_MS);
afterAll(async () => {
  await browser?.close();
  await front?.close();
});

/** A manifest `scripts` entry as kakor reads it: `/regex/` or a substring. */
const pattern = (p: string): string | RegExp => {
  const m = /^\/(.*)\/([a-z]*)$/.exec(p);
  return m ? new RegExp(m[1]!, m[2]) : p;
};
const compiled = (services: ProofService[]) => services.map((s) => ({ id: s.id, scripts: s.scripts.map(pattern) }));

/** URLs in the page's own loading tags, resolved: what the browser fetches while parsing. */
function tagUrls(html: string, base: string): Set<string> {
  const urls = new Set<string>();
  const walk = (node: any) => {
    const src = node.attrs?.find((a: { name: string }) => a.name === 'src');
    const plain = node.attrs?.some((a: { name: string; value: string }) => a.name === 'type' && /plain/i.test(a.value));
    if (src && !plain && /^(script|img|iframe)$/.test(node.nodeName)) urls.add(new URL(src.value, base).href);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html));
  return urls;
}

/** Third-party requests no service of the page's manifest claims: a gap in the proof's patterns. */
const unclaimed = (requests: Recorded[], services: ProofService[]) =>
  requests.filter((r) => matchService(r.url, compiled(services)) === undefined).map((r) => r.url);

const vendorCookies = (names: string[]) => names.filter((n) => n !== 'kakor_consent');

describe.each(vendors)('$name', (vendor: ProofVendor) => {
  describe.each(FORMS)('%s', (form: Form) => {
    // Over https, as a real site: a frame of an http page is no secure context.
    const url = () => `https://www.kakor.test:${front.port}/examples/vendor-proof/${vendor.id}/${form}.html`;
    const key = `${vendor.id}/${form}`;
    let reject: VisitResult;
    let accept: VisitResult;
    const tags = () => tagUrls(readFileSync(new URL(`${vendor.id}/${form}.html`, PAGES), 'utf8'), url());

    it('the page is what build.mjs makes of the snippet', () => {
      const built = buildPages().get(`${vendor.id}/${form}.html`);
      expect(readFileSync(new URL(`${vendor.id}/${form}.html`, PAGES), 'utf8')).toBe(built);
    });

    // Before the click, the visit that rejects is the visit of a visitor who has not chosen.
    it('before any choice and after reject (and on the next page): nothing runs or is set; blocked markup requests nothing', async () => {
      reject = await visit(key, 'reject');
      expect(reject.runsBeforeClick).toEqual([]);
      expect(vendorCookies(reject.cookiesBeforeClick)).toEqual([]);
      // Raw: only the tags written in the HTML may have been fetched; no vendor code made a request.
      const before = reject.requests.filter((r) => r.phase === 'before');
      expect(before.filter((r) => !tags().has(r.url)).map((r) => r.url)).toEqual([]);
      expect(reject.runs).toEqual([]);
      expect(vendorCookies(reject.cookies)).toEqual([]);
      expect(unclaimed(reject.requests, vendor.services)).toEqual([]);
      if (form === 'blocked') expect(reject.requests.map((r) => r.url)).toEqual([]);
      expect(reject.pageErrors).toEqual([]);
    });

    it('after accept: the vendor works (its code ran, its cookies are set)', async () => {
      accept = await visit(key, 'accept');
      expect(accept.runsBeforeClick).toEqual([]);
      expect(vendorCookies(accept.cookiesBeforeClick)).toEqual([]);
      expect(unclaimed(accept.requests, vendor.services)).toEqual([]);
      const missing = [
        ...vendor.works.runs.filter((n) => !accept.runs.includes(n)).map((n) => `run ${n}`),
        ...vendor.works.cookies.filter((n) => !accept.cookies.includes(n)).map((n) => `cookie ${n}`),
      ];
      expect(missing).toEqual([]);
      expect(accept.stillLoading).toEqual([]);
      expect(accept.pageErrors).toEqual([]);
      rows.set(key, {
        vendor, form, missing, tagUrls: tags(),
        before: reject.requests.filter((r) => r.phase === 'before'),
        afterReject: reject.requests.filter((r) => r.phase !== 'before'),
        afterAccept: accept.requests.filter((r) => r.phase === 'after-click'),
      });
    });
  });
});

describe('README.md', () => {
  it(WRITE ? 'gets the table measured now' : 'holds the table measured now (npm run proof rewrites it)', () => {
    const all = vendors.flatMap((v) => FORMS.map((f) => rows.get(`${v.id}/${f}`)));
    expect(all.every(Boolean), 'every vendor and form was measured in this run').toBe(true);
    const table = renderTable(all as Row[]);
    const readme = readFileSync(README, 'utf8');
    if (WRITE) writeFileSync(README, writeSection(readme, table));
    else expect(readSection(readme)).toBe(table);
  });
});
