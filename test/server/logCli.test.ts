// `kakor log export|show|stats|purge` and `kakor log-server`'s failures, run as
// the built command, against both stores.
import { readFileSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLogStore } from '../../src/server/logServer/openLogStore';
import { describeStores, freshPgliteFolder, freshPostgresDatabase, OPEN_TIMEOUT, PG_URL } from './logStores';
import { logged, posted, SITE } from './logChoices';
import { kakor, startLogServerProcess, stop } from './logProcess';

describeStores('kakor log', (target) => {
  let flags: string[];
  let dispose: () => unknown;
  const anna = logged({ decidedAt: '2026-05-01T09:00:00.000Z', url: `${SITE}/kassa,"quoted"` });
  const annaLater = { ...anna, decidedAt: '2026-05-03T09:00:00.000Z', source: 'preferences', granted: ['necessary'], denied: ['analytics', 'marketing'] };

  beforeAll(async () => {
    if (target.name === 'PGlite') {
      const folder = await freshPgliteFolder();
      flags = ['--data', folder];
      dispose = () => rmSync(folder, { recursive: true, force: true });
    } else {
      const db = await freshPostgresDatabase();
      flags = ['--database', db.url];
      dispose = () => db.drop();
    }
    const store = await openLogStore(target.name === 'PGlite' ? { data: flags[1] } : { database: flags[1] });
    await store.add(anna);
    await store.add(annaLater);
    await store.add(logged({ decidedAt: '2026-05-02T10:00:00.000Z', granted: ['necessary', 'analytics', 'marketing'], denied: [] }));
    await store.add(logged({ decidedAt: '2024-01-01T00:00:00.000Z' }));
    await store.close();
  }, OPEN_TIMEOUT);
  afterAll(() => dispose?.(), OPEN_TIMEOUT);

  it('show: every choice under the id, for an access request; exit 1 for an unknown id', async () => {
    const shown = await kakor(['log', 'show', anna.consentId, '--json', ...flags]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual([anna, annaLater]);
    const none = await kakor(['log', 'show', '00000000-0000-4000-8000-000000000000', ...flags]);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toMatch(/no choice is logged under 00000000-0000-4000-8000-000000000000/);
  }, OPEN_TIMEOUT);

  it('export: CSV with quoting, and JSON, in the range', async () => {
    const csv = await kakor(['log', 'export', '--since', '2026-05-01', '--until', '2026-05-03', ...flags]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('consent_id,decided_at,revision,source,granted,denied,language,page_url,received_at,user_agent');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`${anna.consentId},2026-05-01T09:00:00.000Z,3,banner,necessary stripe,analytics google-analytics marketing,sv,`
      + `"${SITE}/kassa,""quoted""",2026-05-01T12:00:01.000Z,Firefox`);
    const json = await kakor(['log', 'export', '--format', 'json', '--since', '2026-05-03', ...flags]);
    expect(JSON.parse(json.stdout)).toEqual([annaLater]);
    const bad = await kakor(['log', 'export', '--since', 'last tuesday', ...flags]);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toMatch(/--since: expected a date like 2026-05-01, got "last tuesday"/);
  }, 2 * OPEN_TIMEOUT);

  it('stats: per day and revision with shares, and an HTML page with a chart and no external asset', async () => {
    const html = join(tmpdir(), `kakor-stats-${process.pid}-${target.name}.html`);
    const out = await kakor(['log', 'stats', '--since', '2026-01-01', '--html', html, '--json', ...flags]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual([
      { day: '2026-05-01', revision: 3, acceptAll: 0, rejectAll: 1, custom: 0, total: 1, acceptAllShare: 0, rejectAllShare: 100, customShare: 0 },
      { day: '2026-05-02', revision: 3, acceptAll: 1, rejectAll: 0, custom: 0, total: 1, acceptAllShare: 100, rejectAllShare: 0, customShare: 0 },
      { day: '2026-05-03', revision: 3, acceptAll: 0, rejectAll: 1, custom: 0, total: 1, acceptAllShare: 0, rejectAllShare: 100, customShare: 0 },
    ]);
    const page = readFileSync(html, 'utf8');
    rmSync(html);
    expect(page).toMatch(/<svg[^>]*role="img"/);
    expect(page).toContain('<td>2026-05-02</td><td>3</td><td>1 (100%)</td>');
    expect(page).not.toMatch(/<script|<link|src=|url\(|https?:\/\//);
  }, OPEN_TIMEOUT);

  it('purge: deletes what is older than DAYS', async () => {
    const days = Math.floor((Date.now() - Date.parse('2025-01-01')) / 86_400_000);
    const out = await kakor(['log', 'purge', '--older-than', String(days), ...flags]);
    expect(out).toMatchObject({ code: 0, stdout: `kakor log purge: deleted 1 choice older than ${days} days\n` });
    expect((await kakor(['log', 'purge', '--older-than', 'ten', ...flags])).code).toBe(2);
  }, 2 * OPEN_TIMEOUT);
});

describe('kakor log-server, failures', () => {
  it('a database that is down at start: one clear line, exit 2', async () => {
    const out = await kakor(['log-server', '--database', 'postgres://kakor:secret@127.0.0.1:1/kakor', '--origin', SITE]);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/cannot use the database at postgres:\/\/kakor:\*\*\*@127\.0\.0\.1:1\/kakor: .*ECONNREFUSED/);
  });

  it('no --origin: exit 2 naming the option', async () => {
    const out = await kakor(['log-server', '--database', 'postgres://127.0.0.1:1/x']);
    expect(out).toMatchObject({ code: 2 });
    expect(out.stderr).toMatch(/--origin: name the site that posts/);
  });

  it('a PGlite folder in use by a running server is refused by kakor log, not opened twice', async () => {
    const folder = await freshPgliteFolder();
    const server = await startLogServerProcess(['--data', folder, '--origin', SITE]);
    try {
      const out = await kakor(['log', 'stats', '--data', folder]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(new RegExp(`is in use by process ${server.child.pid}`));
    } finally {
      await stop(server.child);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 2 * OPEN_TIMEOUT);
});

// A TCP relay to PostgreSQL that the test can cut and restore, as a network or a restart would.
function relay(to: URL): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;
  const listen = () => new Promise<void>((ok) => {
    server = createServer((client) => {
      const upstream = connect(Number(to.port || 5432), to.hostname);
      for (const s of [client, upstream]) { sockets.add(s); s.on('error', () => {}); s.on('close', () => sockets.delete(s)); }
      client.pipe(upstream).pipe(client);
    }).listen(port, '127.0.0.1', () => { port = (server.address() as { port: number }).port; ok(); });
  });
  const cut = () => new Promise<void>((ok) => { for (const s of sockets) s.destroy(); server.close(() => ok()); });
  return listen().then(() => ({ port, cut, restore: listen, close: cut }));
}

describe.runIf(PG_URL)('kakor log-server, PostgreSQL going away while running', () => {
  it('answers 503 with a reason, does not crash, and stores again once the database is back', async () => {
    const db = await freshPostgresDatabase();
    const link = await relay(new URL(db.url));
    const url = new URL(db.url);
    url.host = `127.0.0.1:${link.port}`;
    const server = await startLogServerProcess(['--database', url.href, '--origin', SITE, '--rate-limit', '0']);
    const send = async () => {
      const res = await fetch(server.url, { method: 'POST', body: JSON.stringify(posted()), headers: { origin: SITE, 'content-type': 'application/json' } });
      return { status: res.status, text: await res.text() };
    };
    try {
      expect((await send()).status).toBe(201);
      await link.cut();
      const down = await send();
      expect(down.status).toBe(503);
      expect(down.text).toMatch(/^the log store is unavailable: .+\n$/);
      await link.restore();
      await expect.poll(async () => (await send()).status, { timeout: 20_000, interval: 500 }).toBe(201);
      expect(server.child.exitCode).toBeNull();
    } finally {
      await stop(server.child);
      await link.close();
      await db.drop();
    }
  }, 60_000);
});
