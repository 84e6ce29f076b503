// Hands the dialog the manifest as loaded (issue 11): the engine's lean check
// names only the first problem, and the dialog file, which carries the full
// check, names every one of them when it is mounted (src/ui/diagnose.ts).
import type { UiParts } from '../ui/mountUi';
import type { LoadDialog } from './shell';

export const withManifest = (load: LoadDialog, raw: () => unknown): LoadDialog => (mount, fail) =>
  load((ui) => mount((consent, options, parts) => {
    const withRaw: UiParts = { ...parts, raw };
    return ui(consent, options, withRaw);
  }), fail);
