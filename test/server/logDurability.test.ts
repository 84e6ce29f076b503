// A 2xx means committed (CONTRACT §9): the server is killed with SIGKILL while
// clients post without pause, restarted on the same data, and every
// acknowledged choice must be there. For PGlite and for PostgreSQL.
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { openLogStore } from '../../src/server/logServer/openLogStore';
import { describeStores, freshPgliteFolder, freshPostgresDatabase, OPEN_TIMEOUT } from './logStores';
import { posted, SITE } from './logChoices';
import { startLogServerProcess, stop, type RunningServer } from './logProcess';

const CLIENTS = 8;

/** Clients posting distinct choices until `until()`; returns the ids answered 2xx and how many were sent. */
async function load(server: RunningServer, until: () => boolean, acked: string[] = []) {
  let sent = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (!until()) {
      const c = posted();
      sent++;
      try {
        const res = await fetch(server.url, {
          method: 'POST', body: JSON.stringify(c), headers: { origin: SITE, 'content-type': 'application/json' },
        });
        if (res.ok) acked.push(c.consentId);
        else if (res.status !== 503) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        await res.arrayBuffer().catch(() => {});
      } catch (e) {
        if ((e as Error).message.startsWith('unexpected')) throw e;
        return; // the connection died with the server: this client's last choice is unacknowledged
      }
    }
  }));
  return { acked, sent };
}

describeStores('log server killed with SIGKILL', (target) => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => { for (const f of cleanup.reverse()) await f(); }, OPEN_TIMEOUT);

  it('loses no acknowledged choice, and serves again after a restart', async () => {
    let flags: string[];
    if (target.name === 'PGlite') {
      const folder = await freshPgliteFolder();
      cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
      flags = ['--data', folder];
    } else {
      const db = await freshPostgresDatabase();
      cleanup.push(() => db.drop());
      flags = ['--database', db.url];
    }
    const args = [...flags, '--origin', SITE, '--rate-limit', '0'];

    const first = await startLogServerProcess(args);
    cleanup.push(() => stop(first.child, 'SIGKILL'));
    let killed = false;
    const ackedSoFar: string[] = [];
    const posting = load(first, () => killed, ackedSoFar);
    // Kill it in the middle of the stream, once 50 choices are acknowledged: at no particular request.
    await new Promise<void>((ok) => {
      const tick = setInterval(() => { if (ackedSoFar.length >= 50) { clearInterval(tick); ok(); } }, 5);
    });
    first.child.kill('SIGKILL');
    killed = true;
    const before = await posting;
    expect(before.acked.length).toBeGreaterThanOrEqual(50);

    const second = await startLogServerProcess(args);
    cleanup.push(() => stop(second.child, 'SIGKILL'));
    const ackedAfter: string[] = [];
    const after = load(second, () => ackedAfter.length >= 20, ackedAfter);
    const more = await after;
    expect(more.acked.length).toBeGreaterThan(0);
    await stop(second.child);

    const store = await openLogStore(target.name === 'PGlite' ? { data: flags[1] } : { database: flags[1] });
    const kept = new Set<string>();
    for await (const c of store.choices()) kept.add(c.consentId);
    await store.close();
    const lost = [...before.acked, ...more.acked].filter((id) => !kept.has(id));
    expect(lost).toEqual([]);
    // Beyond the acknowledged ones, at most the requests in flight at the kill.
    expect(kept.size - before.acked.length - more.acked.length).toBeLessThanOrEqual(CLIENTS);
    console.log(`${target.name}: ${before.acked.length} acknowledged before SIGKILL, ${kept.size} rows after restart`);
  }, 4 * OPEN_TIMEOUT);
});
