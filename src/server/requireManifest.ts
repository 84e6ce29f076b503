// The manifest a server-side function is given, validated by the engine's own
// check (CONTRACT §2). A bad one fails closed: it throws, so no HTML goes out
// as if it had been rewritten.
import { validateManifest } from '../core/manifest/validate';
import type { Manifest, ResolvedManifest } from '../core/types';

/** The resolved manifest, or one Error naming every problem with its path. */
export function requireManifest(manifest: Manifest, who: string): ResolvedManifest {
  const { manifest: resolved, errors } = validateManifest(manifest);
  if (!resolved) throw new Error(`${who}: the manifest is not valid, so nothing could be blocked: ${errors.join('; ')}`);
  return resolved;
}
