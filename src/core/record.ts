// The consent record kept in a first-party cookie (CONTRACT §3): encoding,
// and decoding that treats anything unexpected as "no decision".
import type { ConsentSource } from './types';

export interface ConsentRecord {
  revision: number;
  id: string;
  /** Epoch milliseconds of the choice. */
  time: number;
  categories: string[];
  services: string[];
  source: ConsentSource;
}

const VERSION = 1;
/**
 * Exactly the JSON encodeRecord writes: version, revision, a hex id, time, two
 * lists of ids, one of the sources a record is saved with, checksum.
 */
const SHAPE = /^\[1,\d+,"[\da-f-]{16,36}",\d+(,\[("[\w-]+",?)*\]){2},"(banner|preferences|api|gpc)","\w+"\]$/;
/** Browsers keep about 4 KB per cookie; anything longer was not written by kakor. */
const MAX_LENGTH = 4096;

/** A short checksum, so a record edited by hand or cut short reads as tampered. */
function checksum(parts: unknown[]): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(parts)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(36);
}

export function encodeRecord(r: ConsentRecord): string {
  const parts = [VERSION, r.revision, r.id, r.time, r.categories, r.services, r.source];
  return JSON.stringify([...parts, checksum(parts)]);
}

type Stored = [number, number, string, number, string[], string[], ConsentSource, string];

/**
 * The record among every value the page sees under the record's name. Two or more
 * mean one was set for another path or a parent domain (a sibling subdomain can
 * do that): no one of them can be trusted, so the visitor is asked again.
 */
export function decodeRecords(
  raws: (string | undefined)[], revision: number, maxAgeDays: number, now: number,
): ReturnType<typeof decodeRecord> | 'duplicate' {
  return raws.length > 1 ? 'duplicate' : decodeRecord(raws[0], revision, maxAgeDays, now);
}

/**
 * The stored record, or a reason it cannot be used: 'missing', 'tampered',
 * 'revision' (an older manifest), or 'expired'.
 */
export function decodeRecord(
  raw: string | undefined, revision: number, maxAgeDays: number, now: number,
): ConsentRecord | 'missing' | 'tampered' | 'revision' | 'expired' {
  if (!raw) return 'missing';
  let v: Stored | undefined;
  try {
    v = raw.length <= MAX_LENGTH && SHAPE.test(raw) ? JSON.parse(raw) : undefined;
  } catch {
    // The shape allows some JSON that does not parse (`01`, `["a",]`): tampered too.
  }
  if (!v || v[7] !== checksum(v.slice(0, 7))) return 'tampered';
  const [, rev, id, time, categories, services, source] = v;
  if (rev !== revision) return 'revision';
  const day = 864e5;
  // A choice from the future (beyond a day of clock skew) is as suspect as an old one.
  if (now - time > maxAgeDays * day || time - now > day) return 'expired';
  return { revision: rev, id, time, categories, services, source };
}
