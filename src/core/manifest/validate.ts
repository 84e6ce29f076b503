// The full manifest check (CONTRACT §2): the shared schema (schema.ts) with every
// problem named in a sentence, and the well-known categories' titles and
// descriptions filled in. kakor/core, the server, the CLI and the dialog file
// run it; the engine of dist/kakor.js runs the lean one (lean.ts). Any error
// makes the whole manifest unusable, so nothing is released by mistake.
import type { ResolvedManifest } from '../types';
import type { Problems } from './checks';
import { describe } from './messages';
import { resolveManifest, type ManifestCheck } from './schema';
import { withCategoryTexts } from './wellKnown';

export interface Validation {
  errors: string[];
  warnings: string[];
  /** The resolved manifest; null when there was any error. */
  manifest: ResolvedManifest | null;
}

export function validateManifest(raw: unknown): Validation {
  const p: Problems = { errors: [], warnings: [], ids: new Map() };
  // Checked and resolved: defaults applied, categories filled in, patterns compiled.
  const m = resolveManifest(p, raw);
  return {
    errors: p.errors.map((e) => describe(e, p)),
    warnings: p.warnings.map((e) => describe(e, p)),
    manifest: m && withCategoryTexts(m),
  };
}

/** The full check as the engine runs it (kakor/core): every warning and error said. */
export const fullCheck: ManifestCheck = (raw, error, warn) => {
  const v = validateManifest(raw);
  v.warnings.forEach(warn);
  v.errors.forEach(error);
  return v.manifest;
};
