// What every view is rendered from: the core instance and, per render, the
// resolved manifest, the texts in the current language and the UI's own state.
import type { Choice, Consent, Lang, ResolvedManifest } from '../core/index';
import type { Texts } from './texts';

export interface Ui {
  consent: Consent;
  m: ResolvedManifest;
  t: Texts;
  lang: Lang;
  /** The manifest's policyUrl in this language, when safe to link. */
  policy?: string;
  /** The preferences' unsaved switches. */
  draft: Choice;
  /** Which categories are expanded. */
  open: { [id: string]: boolean };
  flip(id: string, on: boolean): void;
  toggle(id: string): void;
  /** Closes the preferences: back to the banner while undecided. */
  close(): void;
}
