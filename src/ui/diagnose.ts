// The full manifest diagnostics, in the dialog file (issue 11, CONTRACT §2): the
// engine's lean check found every problem but said only the first; here each
// error and warning is named with its path in the full check's sentence, one
// console line each, on every visit that loads the dialog (every visit of a
// visitor who has not decided).
import type { Problems } from '../core/manifest/checks';
import { describe } from '../core/manifest/messages';

/** `p`: what the engine's check found; undefined when the manifest did not load (said already). */
export function diagnose(p: Problems | undefined): void {
  if (!p) return;
  p.warnings.forEach((w) => console.warn(`kakor: ${describe(w, p)}`));
  p.errors.forEach((e) => console.error(`kakor: ${describe(e, p)}`));
}
