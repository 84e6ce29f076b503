// The log's schema, versioned in the package: each migration runs once, in a
// transaction, and is recorded in kakor_migrations. Never edit one that shipped; add the next.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'choices',
    // No IP address, not even hashed, and of the User-Agent only its family (CONTRACT §9).
    sql: `
      create table kakor_choices (
        id bigint generated always as identity primary key,
        consent_id text not null,
        decided_at timestamptz not null,
        revision integer not null,
        source text not null,
        granted text[] not null,
        denied text[] not null,
        language text not null,
        page_url text not null,
        received_at timestamptz not null default now(),
        user_agent text not null,
        -- A duplicate POST (keepalive retried, the same record twice) is kept once;
        -- the index also serves "log show <consentId>".
        constraint kakor_choices_once unique (consent_id, decided_at)
      );
      -- export and stats by time (keyset on decided_at, id), purge by age.
      create index kakor_choices_by_time on kakor_choices (decided_at, id);
    `,
  },
];
