// A fake browser for the core (STYLE §2): jsdom's document and window, an
// in-memory cookie jar that records removals, a clock, a console that collects.
import { vi } from 'vitest';
import type { CookieAttributes, Env } from '../../src/core/index';

export interface FakeEnv extends Env {
  jar: Map<string, { value: string; attributes: CookieAttributes }>;
  removed: { name: string; domain?: string; path?: string }[];
  errors: string[];
  warnings: string[];
  reloads: number;
  clock: { now: number };
  fetchMock: ReturnType<typeof vi.fn>;
}

export function fakeEnv(init: { cookies?: Record<string, string>; now?: number } = {}): FakeEnv {
  const jar = new Map<string, { value: string; attributes: CookieAttributes }>();
  for (const [k, v] of Object.entries(init.cookies ?? {})) jar.set(k, { value: v, attributes: {} });
  const clock = { now: init.now ?? Date.UTC(2026, 10, 23) };
  let ids = 0;
  const fetchMock = vi.fn(async () => new Response('{}', { status: 200 }));
  const env: FakeEnv = {
    window,
    document,
    jar,
    removed: [],
    errors: [],
    warnings: [],
    reloads: 0,
    clock,
    fetchMock,
    cookies: {
      get: (name) => jar.get(name)?.value,
      set: (name, value, attributes) => { jar.set(name, { value, attributes }); },
      remove: (name, attributes) => {
        env.removed.push({ name, ...attributes });
        jar.delete(name);
      },
      names: () => [...jar.keys()],
    },
    fetch: fetchMock as unknown as typeof fetch,
    now: () => clock.now,
    console: {
      error: (m: string) => { env.errors.push(m); },
      warn: (m: string) => { env.warnings.push(m); },
    },
    randomId: () => `0000000000000000000000000000000${++ids}`.slice(-32),
    reload: () => { env.reloads++; },
  };
  return env;
}
