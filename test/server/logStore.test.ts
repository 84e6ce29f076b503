// The store suite, run against PGlite and PostgreSQL alike (STYLE §18).
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { LogStore } from '../../src/server/logServer/logStore';
import { describeStores, OPEN_TIMEOUT } from './logStores';
import { logged } from './logChoices';

const all = async (store: LogStore, ...args: Parameters<LogStore['choices']>) => {
  const out = [];
  for await (const c of store.choices(...args)) out.push(c);
  return out;
};

describeStores('log store', (target) => {
  let store: LogStore;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await target.open()), OPEN_TIMEOUT);
  afterAll(() => dispose?.(), OPEN_TIMEOUT);
  beforeEach(async () => { await store.purge(new Date('9000-01-01')); });

  it('keeps every field of a choice, and a duplicate (same consent id and time) once', async () => {
    const c = logged({ url: "https://shop.example.se/o'brien;drop table kakor_choices;--/%00" });
    expect(await store.add(c)).toBe(true);
    expect(await store.add({ ...c, receivedAt: '2026-05-01T12:00:09.000Z' })).toBe(false);
    expect(await store.byConsentId(c.consentId)).toEqual([c]);
    expect(await store.byConsentId(c.consentId.toUpperCase())).toEqual([c]);
  });

  it('show: every choice under one consent id, oldest first', async () => {
    const first = logged({ decidedAt: '2026-05-02T08:00:00.000Z' });
    const later = { ...first, decidedAt: '2026-05-03T08:00:00.000Z', source: 'preferences', granted: ['necessary'], denied: ['analytics'] };
    await store.add(later);
    await store.add(first);
    await store.add(logged());
    expect(await store.byConsentId(first.consentId)).toEqual([first, later]);
    expect(await store.byConsentId('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('export: the range, oldest first, across batches, rows of the same time kept apart', async () => {
    const times = ['2026-04-30T23:59:59.999Z', '2026-05-01T00:00:00.000Z', '2026-05-01T10:00:00.000Z',
      '2026-05-01T10:00:00.000Z', '2026-05-01T10:00:00.000Z', '2026-05-02T00:00:00.000Z'];
    const rows = times.map((decidedAt) => logged({ decidedAt }));
    for (const r of [...rows].reverse()) await store.add(r);
    const range = { since: new Date('2026-05-01'), until: new Date('2026-05-02') };
    const got = await all(store, range, 2);
    expect(got.map((c) => c.decidedAt)).toEqual(times.slice(1, 5));
    expect(new Set(got.map((c) => c.consentId))).toEqual(new Set(rows.slice(1, 5).map((c) => c.consentId)));
    expect(await all(store, {}, 1)).toHaveLength(6);
  });

  it('stats: accept all, reject all and custom per day and revision', async () => {
    const day = (d: string) => `2026-05-${d}T09:00:00.000Z`;
    const accept = { granted: ['necessary', 'stripe', 'analytics', 'marketing'], denied: [] };
    const reject = { granted: ['necessary', 'stripe'], denied: ['analytics', 'marketing'] };
    const custom = { granted: ['necessary', 'stripe', 'analytics'], denied: ['marketing'] };
    for (const [d, rev, kind] of [['01', 3, accept], ['01', 3, accept], ['01', 3, reject], ['01', 3, custom],
      ['01', 4, reject], ['02', 3, { ...reject, source: 'gpc' }]] as const) {
      await store.add(logged({ decidedAt: day(d), revision: rev, ...kind }));
    }
    expect(await store.stats()).toEqual([
      { day: '2026-05-01', revision: 3, acceptAll: 2, rejectAll: 1, custom: 1 },
      { day: '2026-05-01', revision: 4, acceptAll: 0, rejectAll: 1, custom: 0 },
      { day: '2026-05-02', revision: 3, acceptAll: 0, rejectAll: 1, custom: 0 },
    ]);
    expect(await store.stats({ since: new Date('2026-05-02') })).toEqual([
      { day: '2026-05-02', revision: 3, acceptAll: 0, rejectAll: 1, custom: 0 },
    ]);
  });

  it('purge: deletes what was decided before the cut-off, and says how many', async () => {
    await store.add(logged({ decidedAt: '2025-01-01T00:00:00.000Z' }));
    await store.add(logged({ decidedAt: '2025-06-01T00:00:00.000Z' }));
    const kept = logged({ decidedAt: '2026-01-01T00:00:00.000Z' });
    await store.add(kept);
    expect(await store.purge(new Date('2025-12-31'))).toBe(2);
    expect(await all(store)).toEqual([kept]);
  });
});
