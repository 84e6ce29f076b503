// What dist/kakor.js starts: the engine and the dialog's shell, with the dialog
// file fetched by a <script integrity> from `uiUrl` when a view must be drawn (issue 11).
import type { Consent } from './core/index';
import { createEngine } from './core/createConsent';
import { leanCheck } from './core/manifest/lean';
import { dialogScript } from './shell/dialogScript';
import { startShell, type LoadDialog } from './shell/shell';
import { withProblems } from './shell/withProblems';
import type { InitOptions } from './init';

/** `uiUrl`: the dialog file's absolute URL, or why it is not known. */
export function startScript(options: InitOptions, uiUrl: URL | string, integrity: string): Consent {
  return createEngine(options, leanCheck, (engine) => {
    const load: LoadDialog = typeof uiUrl == 'string' ? (_, fail) => fail(uiUrl) : dialogScript(uiUrl.href, integrity, engine.ownScript);
    startShell(engine, options, withProblems(load, engine.problems));
  }).consent;
}
