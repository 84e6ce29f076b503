// The log store: one small interface, and one implementation of it in SQL that
// both databases share (PGlite and PostgreSQL speak the same dialect).
import type { LoggedChoice } from './choice';
import { MIGRATIONS } from './migrations';

/** A time range; `until` is exclusive. */
export interface TimeRange {
  since?: Date;
  until?: Date;
}

/** One day (UTC) and manifest revision of `stats`. */
export interface StatsRow {
  /** YYYY-MM-DD, UTC. */
  day: string;
  revision: number;
  acceptAll: number;
  rejectAll: number;
  custom: number;
}

export interface LogStore {
  /** Commits the choice before resolving; false when it was already there. */
  add(choice: LoggedChoice): Promise<boolean>;
  /** Every choice made under this consent id, oldest first. */
  byConsentId(consentId: string): Promise<LoggedChoice[]>;
  /** The choices in a range, oldest first, read in batches so memory stays flat. */
  choices(range?: TimeRange, batchSize?: number): AsyncIterable<LoggedChoice>;
  stats(range?: TimeRange): Promise<StatsRow[]>;
  /** Deletes choices made before `before`; resolves to how many. */
  purge(before: Date): Promise<number>;
  close(): Promise<void>;
}

/** What each database driver provides: parameterised queries, transactions. */
export interface SqlClient {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(work: (query: SqlClient['query']) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface ChoiceRow {
  id: string | number;
  consent_id: string;
  decided_at: Date;
  revision: number;
  source: string;
  granted: string[];
  denied: string[];
  language: string;
  page_url: string;
  received_at: Date;
  user_agent: string;
}

const COLUMNS = 'id, consent_id, decided_at, revision, source, granted, denied, language, page_url, received_at, user_agent';
// Far enough apart for any range a site owner asks for, and valid in timestamptz.
const EARLIEST = new Date('1970-01-01T00:00:00.000Z');
const LATEST = new Date('9999-12-31T00:00:00.000Z');

const toChoice = (r: ChoiceRow): LoggedChoice => ({
  consentId: r.consent_id, decidedAt: new Date(r.decided_at).toISOString(), revision: r.revision, source: r.source,
  granted: r.granted, denied: r.denied, language: r.language, url: r.page_url,
  receivedAt: new Date(r.received_at).toISOString(), userAgent: r.user_agent,
});

/** Brings the schema up to date, one transaction per migration. */
export async function migrate(db: SqlClient): Promise<void> {
  await db.query(`create table if not exists kakor_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  for (const m of MIGRATIONS) {
    await db.transaction(async (query) => {
      // Two servers starting at once against one PostgreSQL: the second waits here.
      await query('select pg_advisory_xact_lock(7281652)');
      const done = await query('select 1 from kakor_migrations where version = $1', [m.version]);
      if (done.length) return;
      await query(m.sql);
      await query('insert into kakor_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    });
  }
}

/** The store over a migrated database. */
export function sqlLogStore(db: SqlClient): LogStore {
  const range = (r: TimeRange = {}) => [r.since ?? EARLIEST, r.until ?? LATEST];
  return {
    async add(c) {
      const rows = await db.query(
        `insert into kakor_choices (consent_id, decided_at, revision, source, granted, denied, language, page_url, received_at, user_agent)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict on constraint kakor_choices_once do nothing returning id`,
        [c.consentId, c.decidedAt, c.revision, c.source, c.granted, c.denied, c.language, c.url, c.receivedAt, c.userAgent],
      );
      return rows.length === 1;
    },

    async byConsentId(consentId) {
      const rows = await db.query<ChoiceRow>(
        `select ${COLUMNS} from kakor_choices where consent_id = $1 order by decided_at, id`, [consentId.toLowerCase()]);
      return rows.map(toChoice);
    },

    async* choices(r, batchSize = 1000) {
      const [since, until] = range(r);
      // Keyset pagination: each batch starts after the last row of the one before,
      // so a million rows never sit in memory and no cursor holds a connection.
      let after: [Date, string | number] | undefined;
      for (;;) {
        // Two statements rather than one with an OR, so both use the (decided_at, id) index.
        const rows = await db.query<ChoiceRow>(
          `select ${COLUMNS} from kakor_choices where decided_at >= $1 and decided_at < $2
           ${after ? 'and (decided_at, id) > ($4, $5::bigint)' : ''} order by decided_at, id limit $3`,
          after ? [since, until, batchSize, ...after] : [since, until, batchSize],
        );
        for (const row of rows) yield toChoice(row);
        if (rows.length < batchSize) return;
        const last = rows[rows.length - 1];
        after = [last.decided_at, last.id];
      }
    },

    async stats(r) {
      const [since, until] = range(r);
      // Reject all = nothing granted that anyone ever denied under that revision: the
      // server has no manifest, and required categories and their services are never denied.
      const rows = await db.query<{ day: string; revision: number; accept_all: number; reject_all: number; custom: number }>(
        `with picked as (
           select revision, decided_at, granted, denied from kakor_choices where decided_at >= $1 and decided_at < $2
         ), deniable as (
           select distinct revision, unnest(denied) as id from kakor_choices
           where revision in (select distinct revision from picked)
         ), kinds as (
           select to_char(p.decided_at at time zone 'UTC', 'YYYY-MM-DD') as day, p.revision,
             case when cardinality(p.denied) = 0 then 'accept'
                  when not exists (select 1 from unnest(p.granted) as g(id)
                                   join deniable d on d.revision = p.revision and d.id = g.id) then 'reject'
                  else 'custom' end as kind
           from picked p
         )
         select day, revision,
           (count(*) filter (where kind = 'accept'))::int as accept_all,
           (count(*) filter (where kind = 'reject'))::int as reject_all,
           (count(*) filter (where kind = 'custom'))::int as custom
         from kinds group by day, revision order by day, revision`,
        [since, until],
      );
      return rows.map((x) => ({ day: x.day, revision: x.revision, acceptAll: x.accept_all, rejectAll: x.reject_all, custom: x.custom }));
    },

    async purge(before) {
      const rows = await db.query<{ n: number }>(
        'with gone as (delete from kakor_choices where decided_at < $1 returning 1) select count(*)::int as n from gone', [before]);
      return rows[0].n;
    },

    close: () => db.close(),
  };
}
