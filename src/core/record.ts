// The consent record kept in a first-party cookie (CONTRACT §3): encoding,
// and decoding that treats anything unexpected as "no decision". Its size does
// not follow the manifest's ids: services are one bit each (recordGrants.ts).
import type { ConsentSource } from './types';

export interface ConsentRecord {
  revision: number;
  id: string;
  /** Epoch milliseconds of the choice. */
  time: number;
  source: ConsentSource;
  /** Ids of the granted categories. */
  categories: string[];
  /**
   * One bit per service in the manifest's order, set where the service differs
   * from its category (granted in a denied one, or the reverse); hexadecimal, the
   * first service the lowest bit of the first digit, trailing zeros left out, so
   * "accept all" is "".
   */
  services: string;
  /** Digest of the manifest's ordered category and service ids (recordGrants.ts). */
  fingerprint: string;
}

/**
 * Exactly what encodeRecord writes, in characters js-cookie stores unescaped:
 * version, revision, a hex id, time, source, category ids joined by "~", the
 * service bits (never ending in a zero), fingerprint, checksum, separated by
 * ".". Numbers have no leading zeros.
 */
const SHAPE = /^2\.(0|[1-9]\d{0,14})\.([\da-f-]{16,36})\.([1-9]\d{0,14})\.(banner|preferences|api|gpc)\.([\w-]+(?:~[\w-]+)*)?\.((?:[\da-f]*[1-9a-f])?)\.([\da-z]{7})\.([\da-z]{7})$/;
/** Browsers keep about 4 KB per cookie; anything longer was not written by kakor. */
const MAX_LENGTH = 4096;

/** FNV-1a, 32 bits, as 7 base-36 digits: the checksum here and the manifest's fingerprint. */
export function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36).padStart(7, '0');
}

export function encodeRecord(r: ConsentRecord): string {
  const body = ['2', r.revision, r.id, r.time, r.source, r.categories.join('~'), r.services, r.fingerprint].join('.');
  // The checksum makes a record edited by hand or cut short read as tampered.
  return `${body}.${digest(body)}`;
}

export type RecordProblem = 'missing' | 'old' | 'tampered' | 'revision' | 'changed' | 'expired';

/** What the record must match: the manifest's revision and fingerprint (either left out: taken from the record). */
export interface Expected {
  revision?: number;
  fingerprint?: string;
  maxAgeDays: number;
  now: number;
}

/**
 * The record among every value the page sees under the record's name. Two or more
 * mean one was set for another path or a parent domain (a sibling subdomain can
 * do that): no one of them can be trusted, so the visitor is asked again.
 */
export function decodeRecords(raws: (string | undefined)[], expected: Expected): ConsentRecord | RecordProblem | 'duplicate' {
  return raws.length > 1 ? 'duplicate' : decodeRecord(raws[0], expected);
}

/**
 * The stored record, or a reason it cannot be used: 'missing'; 'old' (version 1,
 * from kakor before 0.2, which listed every id and is not read: the visitor is
 * asked once more); 'tampered'; 'revision' (an older manifest); 'changed' (the
 * manifest's ids changed without a revision bump); or 'expired'.
 */
export function decodeRecord(raw: string | undefined, expected: Expected): ConsentRecord | RecordProblem {
  if (!raw) return 'missing';
  if (raw.startsWith('[1,')) return 'old';
  const v = raw.length <= MAX_LENGTH ? SHAPE.exec(raw) : null;
  if (!v || v[8] !== digest(raw.slice(0, raw.length - v[8].length - 1))) return 'tampered';
  const record: ConsentRecord = {
    revision: Number(v[1]), id: v[2], time: Number(v[3]), source: v[4] as ConsentSource,
    categories: v[5] ? v[5].split('~') : [], services: v[6], fingerprint: v[7],
  };
  if (record.revision !== (expected.revision ?? record.revision)) return 'revision';
  if (record.fingerprint !== (expected.fingerprint ?? record.fingerprint)) return 'changed';
  const day = 864e5;
  // A choice from the future (beyond a day of clock skew) is as suspect as an old one.
  if (expected.now - record.time > expected.maxAgeDays * day || record.time - expected.now > day) return 'expired';
  return record;
}
