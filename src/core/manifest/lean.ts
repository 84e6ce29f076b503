// The engine's manifest check (issue 11): the same schema as the full check, so
// it accepts exactly the same manifests, but it names only the first problem, by
// its path and a short reason, and carries none of the long messages nor the
// well-known categories' texts. The dialog file (src/ui/diagnose.ts) and
// `kakor check` name every problem in full.
import type { Problems } from './checks';
import { resolveManifest, type ManifestCheck } from './schema';

export const leanCheck: ManifestCheck = (raw, error) => {
  const p: Problems = { errors: [], warnings: [], ids: new Map() };
  const m = resolveManifest(p, raw);
  const first = p.errors[0];
  if (first) {
    error(`the manifest is invalid at ${first.at} (${first.why}), so nothing non-essential will run; \`npx kakor check\` names every problem`);
  }
  return m;
};
