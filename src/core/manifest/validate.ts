// The full manifest check (CONTRACT §2): the shared schema (schema.ts) with every
// problem named in a sentence (messages.ts), and the well-known categories' titles
// and descriptions filled in. kakor/core, the server and the CLI run it; the engine
// of dist/kakor.js and init() runs the lean one (lean.ts), and its dialog names the
// problems with the same sentences. Any error makes the whole manifest unusable,
// so nothing is released by mistake.
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
  const problems: Problems = { errors: [], warnings: [], ids: new Map() };
  const m = resolveManifest(problems, raw);
  problems.warnings.forEach((w) => warn(describe(w, problems)));
  problems.errors.forEach((e) => error(describe(e, problems)));
  return { manifest: m && withCategoryTexts(m), problems };
};
