// init() = the core plus the Preact dialog (CONTRACT §1.2).
import { createConsent, type Consent, type ConsentOptions } from './core/index';
import { needsWindow } from './core/needsWindow';
import { mountUi } from './ui/mountUi';

export interface InitOptions extends ConsentOptions {
  /** First-layer layout. @default "bar" */
  layout?: 'bar' | 'box';
  /** Show the floating button that reopens the preferences after a decision. @default true */
  floatingButton?: boolean;
}

/** Creates the instance and mounts the dialog at once; `destroy()` removes both. */
export function start(options: InitOptions = {}): Consent {
  if (!options.env) needsWindow('init()');
  const consent = createConsent(options);
  const ui = mountUi(consent, options);
  const destroy = consent.destroy;
  consent.destroy = () => {
    ui.destroy();
    destroy();
  };
  return consent;
}

/** Creates the consent instance, mounts the dialog, and resolves once the manifest is applied. */
export async function init(options: InitOptions = {}): Promise<Consent> {
  const consent = start(options);
  await consent.ready;
  return consent;
}
