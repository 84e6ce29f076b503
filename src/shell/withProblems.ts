// Hands the dialog the problems the engine's lean manifest check found (issue 11):
// the engine says only the first, and the dialog file, which carries the sentences,
// names every one of them when it is mounted (src/ui/diagnose.ts).
import type { Problems } from '../core/manifest/checks';
import type { UiParts } from '../ui/mountUi';
import type { LoadDialog } from './shell';

export const withProblems = (load: LoadDialog, problems: () => Problems | undefined): LoadDialog => (mount, fail) =>
  load((ui) => mount((consent, options, parts) => {
    const all: UiParts = { ...parts, problems };
    return ui(consent, options, all);
  }), fail);
