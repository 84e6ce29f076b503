// `node bench/logServer.mjs`: the log server on loopback (issue 14). POSTs from
// concurrent clients (throughput, p50/p99 latency), then an export of many rows
// (time, peak memory), for PGlite and, with KAKOR_TEST_DATABASE_URL, PostgreSQL.
// Bounded: --posts (10000), --clients (50), --rows (1000000); 127.0.0.1 only; stops by itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createLogHandler, openLogStore, startLogServer } from '../dist/server/log-server.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({ options: {
  posts: { type: 'string', default: '10000' }, clients: { type: 'string', default: '50' }, rows: { type: 'string', default: '1000000' },
} });
const POSTS = Number(args.posts);
const CLIENTS = Number(args.clients);
const ROWS = Number(args.rows);
const SITE = 'https://shop.example.se';
const DEADLINE = Date.now() + 15 * 60_000;

async function posts(options) {
  const store = await openLogStore(options);
  const server = await startLogServer(createLogHandler({ store, origins: [SITE], rateLimit: false }), { port: 0 });
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < POSTS && Date.now() < DEADLINE) {
      next++;
      const body = JSON.stringify({ consentId: randomUUID(), decidedAt: new Date().toISOString(), revision: 1, source: 'banner',
        granted: ['necessary', 'analytics'], denied: ['marketing'], language: 'sv', url: `${SITE}/kassa` });
      const t = performance.now();
      const res = await fetch(server.url, { method: 'POST', body, headers: { origin: SITE, 'content-type': 'application/json' } });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST answered ${res.status}`);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  await server.close();
  await store.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  return { n: latencies.length, perSecond: Math.round(latencies.length / seconds), p50: at(0.5), p99: at(0.99) };
}

// Rows made in the database itself: the bench measures the export, not the inserts.
const FILL = `insert into kakor_choices (consent_id, decided_at, revision, source, granted, denied, language, page_url, user_agent)
  select gen_random_uuid()::text, timestamptz '2026-01-01' + make_interval(secs => g), 1, 'banner',
         array['necessary','analytics'], array['marketing'], 'sv', '${SITE}/kassa', 'Firefox'
  from generate_series(1, ${ROWS}) g`;

function timed(flags) {
  // GNU time writes "seconds peak-RSS-in-KB" of the export process to a file.
  execFileSync('/usr/bin/time', ['-o', '/tmp/kakor-bench-time', '-f', '%e %M', process.execPath, join(ROOT, 'dist/cli/kakor.js'),
    'log', 'export', ...flags], { stdio: ['ignore', 'ignore', 'inherit'] });
  const [s, kb] = readFileSync('/tmp/kakor-bench-time', 'utf8').trim().split(' ');
  return { seconds: Number(s), peakMB: Math.round(Number(kb) / 1024) };
}

const rows = [];
const folder = mkdtempSync(join(tmpdir(), 'kakor-bench-log-'));
try {
  rows.push({ store: 'PGlite', ...(await posts({ data: folder })) });
  const db = new PGlite(folder);
  await db.exec(FILL);
  await db.close();
  rows[rows.length - 1].export = timed(['--data', folder]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const url = process.env.KAKOR_TEST_DATABASE_URL;
if (url) {
  const name = `kakor_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  try {
    rows.push({ store: 'PostgreSQL', ...(await posts({ database: u.href })) });
    const c = new pg.Client({ connectionString: u.href });
    await c.connect();
    await c.query(FILL);
    await c.end();
    rows[rows.length - 1].export = timed(['--database', u.href]);
  } finally {
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}
console.log(`| store | POSTs (${CLIENTS} clients) | per second | p50 ms | p99 ms | export of ${ROWS} rows | peak RSS |`);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.store} | ${r.n} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.export.seconds} s | ${r.export.peakMB} MB |`);
}
