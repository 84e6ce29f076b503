// Consent records as kakor writes them, for tests: a manifest, the ids granted
// on top of the required ones, and the rest of the record.
import { grantRequired } from '../../src/core/choice';
import { validateManifest } from '../../src/core/manifest/validate';
import { encodeRecord, type ConsentRecord } from '../../src/core/record';
import { recordGrants } from '../../src/core/recordGrants';
import type { Manifest, ResolvedManifest } from '../../src/core/types';

export type RecordHead = Pick<ConsentRecord, 'revision' | 'id' | 'time' | 'source'>;

export function resolve(manifest: Manifest): ResolvedManifest {
  const { manifest: m, errors } = validateManifest(manifest);
  if (!m) throw new Error(`test manifest does not validate: ${errors.join('; ')}`);
  return m;
}

/** The record fields for `ids` granted under `manifest`. */
export function recordFor(manifest: Manifest, ids: string[], head: RecordHead): ConsentRecord {
  const m = resolve(manifest);
  const granted = grantRequired(m);
  for (const id of ids) granted.add(id);
  return { ...head, ...recordGrants(m, granted) };
}

/** The stored string, as encodeRecord writes it. */
export const storedRecord = (manifest: Manifest, ids: string[], head: RecordHead): string =>
  encodeRecord(recordFor(manifest, ids, head));
