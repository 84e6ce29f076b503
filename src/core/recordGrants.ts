// The granted set as a consent record holds it, and back (CONTRACT §3): the
// category ids, plus one bit per service where it differs from its category,
// against a fingerprint of the manifest so bits never land on the wrong service.
import type { Granted } from './choice';
import { digest, type ConsentRecord } from './record';
import type { ResolvedManifest } from './types';

/**
 * The manifest's ordered categories and services with each service's category:
 * the record's bits follow this order, so a manifest edited without a revision
 * bump (a service added, moved, or put in another category) reads as "ask
 * again" instead of granting by another service's bit.
 */
export const manifestFingerprint = (m: ResolvedManifest): string =>
  digest(`${m.categories.map((c) => c.id).join(' ')}|${m.services.map((s) => `${s.id}:${s.category}`).join(' ')}`);

/** The record fields that say what `granted` holds under this manifest. */
export function recordGrants(m: ResolvedManifest, granted: Granted): Pick<ConsentRecord, 'categories' | 'services' | 'fingerprint'> {
  let bits = '';
  for (let i = 0; i < m.services.length; i += 4) {
    let nibble = 0;
    for (let j = 0; j < 4 && i + j < m.services.length; j++) {
      const s = m.services[i + j];
      if (granted.has(s.id) !== granted.has(s.category)) nibble |= 1 << j;
    }
    bits += nibble.toString(16);
  }
  return {
    categories: m.categories.filter((c) => granted.has(c.id)).map((c) => c.id),
    services: bits.replace(/0+$/, ''),
    fingerprint: manifestFingerprint(m),
  };
}

/**
 * What a record grants under the manifest it was checked against (same revision
 * and fingerprint). The required category and its services are always granted.
 */
export function grantedFromRecord(m: ResolvedManifest, r: ConsentRecord): Granted {
  const granted: Granted = new Set();
  const required = m.categories.find((c) => c.required)!.id;
  for (const c of m.categories) if (c.required || r.categories.includes(c.id)) granted.add(c.id);
  m.services.forEach((s, i) => {
    const nibble = parseInt(r.services.charAt(Math.floor(i / 4)) || '0', 16);
    const differs = ((nibble >> i % 4) & 1) === 1;
    if (s.category === required || granted.has(s.category) !== differs) granted.add(s.id);
  });
  return granted;
}
