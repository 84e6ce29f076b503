// Types for build.mjs, so the proof test can read the vendors and check the pages.

export type Form = 'raw' | 'blocked';

export interface ProofService {
  id: string;
  name: string;
  category: string;
  scripts: string[];
  cookies?: { name: string }[];
}

export interface ProofVendor {
  id: string;
  name: string;
  services: ProofService[];
  /** What must happen after accept: names in window.__vendorRuns (page or frames) and cookie names. */
  works: { runs: string[]; cookies: string[]; note?: string };
}

export const FORMS: readonly Form[];
export function readVendors(): ProofVendor[];
export function readSnippet(id: string, form: Form): { head: string; body: string };
export function manifestFor(vendor: ProofVendor): object;
/** Every page, as path under examples/vendor-proof/ → HTML. */
export function buildPages(): Map<string, string>;
export function writePages(): string[];
