// The full manifest diagnostics, in the dialog file (issue 11, CONTRACT §2): the
// engine's lean check said only the first problem (or nothing but for errors);
// here every error and warning is named with its path, one console line each, on
// every visit that loads the dialog (every visit of a visitor who has not decided).
import { validateManifest } from '../core/manifest/validate';

/** `raw`: the manifest as the engine loaded it; undefined when it did not load (said already). */
export function diagnose(raw: unknown): void {
  if (raw === undefined) return;
  const v = validateManifest(raw);
  v.warnings.forEach((w) => console.warn(`kakor: ${w}`));
  v.errors.forEach((e) => console.error(`kakor: ${e}`));
}
