// The engine's manifest check (issue 11): the same schema as the full check, so
// it accepts exactly the same manifests and finds the same problems, but it says
// only the first, by its path and a short reason, and carries none of the long
// sentences nor the well-known categories' texts. The dialog file names every
// problem it found in full (src/ui/diagnose.ts), as `kakor check` does.
import type { Problems } from './checks';
import { resolveManifest, type ManifestCheck } from './schema';

export const leanCheck: ManifestCheck = (raw, error) => {
  const problems: Problems = { errors: [], warnings: [], ids: new Map() };
  const manifest = resolveManifest(problems, raw);
  const first = problems.errors[0];
  if (first) {
    error(`the manifest is invalid at ${first.at} (${first.why}), so nothing non-essential will run; \`npx kakor check\` names every problem`);
  }
  return { manifest, problems };
};
