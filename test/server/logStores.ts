// The two stores the shared suites run against: PGlite in a fresh folder, and a
// fresh database on the PostgreSQL server named by KAKOR_TEST_DATABASE_URL
// (.ci/run starts one). Under CI a missing URL fails the suite instead of skipping it.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPgliteStore } from '../../src/server/logServer/pgliteStore';
import { openPostgresStore } from '../../src/server/logServer/postgresStore';
import type { LogStore } from '../../src/server/logServer/logStore';

export const PG_URL = process.env.KAKOR_TEST_DATABASE_URL;

/** PGlite's first start runs initdb in WebAssembly (seconds, a minute on a loaded machine): generous. */
export const OPEN_TIMEOUT = 180_000;

// initdb once per PGlite version and machine; each test copies the result.
async function pgliteTemplate(): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(__dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  const template = join(tmpdir(), `kakor-test-pglite-${version}`);
  if (existsSync(template)) return template;
  const building = mkdtempSync(join(tmpdir(), 'kakor-test-pglite-build-'));
  await (await openPgliteStore(building)).close();
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another worker was first
  }
  return template;
}

/** A fresh, empty PGlite data folder. */
export async function freshPgliteFolder(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'kakor-test-log-'));
  cpSync(await pgliteTemplate(), folder, { recursive: true });
  return folder;
}

/** A fresh database on the test server; `drop()` removes it. */
export async function freshPostgresDatabase(url = PG_URL!): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kakor_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.href,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface StoreTarget {
  name: string;
  /** A fresh, empty, migrated store and how to throw it away. */
  open(): Promise<{ store: LogStore; dispose(): Promise<void> }>;
}

export const pgliteTarget: StoreTarget = {
  name: 'PGlite',
  async open() {
    const folder = await freshPgliteFolder();
    const store = await openPgliteStore(folder);
    return { store, async dispose() { await store.close(); rmSync(folder, { recursive: true, force: true }); } };
  },
};

export const postgresTarget: StoreTarget = {
  name: 'PostgreSQL',
  async open() {
    const db = await freshPostgresDatabase();
    const store = await openPostgresStore(db.url);
    return { store, async dispose() { await store.close(); await db.drop(); } };
  },
};

/** Runs `suite` once per store; the PostgreSQL half fails under CI without a server, skips elsewhere. */
export function describeStores(title: string, suite: (target: StoreTarget) => void): void {
  describe(`${title} (PGlite)`, () => suite(pgliteTarget));
  if (PG_URL) describe(`${title} (PostgreSQL)`, () => suite(postgresTarget));
  else if (process.env.CI) {
    describe(`${title} (PostgreSQL)`, () => {
      it('has a server to run against', () => {
        throw new Error('KAKOR_TEST_DATABASE_URL is not set: under CI the PostgreSQL store must be tested (.ci/run starts a server)');
      });
    });
  } else describe.skip(`${title} (PostgreSQL): set KAKOR_TEST_DATABASE_URL=postgres://… to run`, () => suite(postgresTarget));
}
