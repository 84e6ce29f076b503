// init() = the core plus the Preact dialog (CONTRACT §1.2). The dialog is a
// dynamic import, so a bundler splits it into its own chunk as dist/kakor-ui.js
// is split from dist/kakor.js, loaded when a view must be drawn (issue 11).
import type { Consent, ConsentOptions } from './core/index';
import { createEngine } from './core/createConsent';
import { leanCheck } from './core/manifest/lean';
import { needsWindow } from './core/needsWindow';
import { startShell, type LoadDialog, type ShellOptions } from './shell/shell';
import { withProblems } from './shell/withProblems';

export interface InitOptions extends ConsentOptions, ShellOptions {}

const importDialog: LoadDialog = (mount, fail) => {
  import('./ui/mountUi').then((ui) => mount(ui.mountUi), (e) => fail(`the dialog chunk did not load: ${(e as Error).message}`));
};

/** Creates the instance and its dialog's shell at once; `destroy()` removes both. */
export function start(options: InitOptions = {}): Consent {
  if (!options.env) needsWindow('init()');
  // The lean manifest check: the dialog chunk names every problem (issue 11).
  return createEngine(options, leanCheck, (engine) => startShell(engine, options, withProblems(importDialog, engine.problems))).consent;
}

/** Creates the consent instance, mounts the dialog, and resolves once the manifest is applied. */
export async function init(options: InitOptions = {}): Promise<Consent> {
  const consent = start(options);
  await consent.ready;
  return consent;
}
