// The public surface is the contract, nothing more (STYLE §4): additions are deliberate.
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/index';
import { createConsent } from '../../src/core/index';

describe('export lists', () => {
  it('kakor/core', () => {
    expect(Object.keys(core).sort()).toEqual(['browserEnv', 'createConsent', 'localize']);
  });

  it('kakor', async () => {
    const main = await import('../../src/index');
    expect(Object.keys(main).sort()).toEqual(['browserEnv', 'createConsent', 'init', 'localize']);
  });

  it('kakor/log-server', async () => {
    const logServer = await import('../../src/server/logServer/index');
    expect(Object.keys(logServer).sort()).toEqual(['createLogHandler', 'openLogStore', 'startLogServer']);
  });

  it('kakor/rewrite', async () => {
    const rewrite = await import('../../src/server/rewrite');
    expect(Object.keys(rewrite).sort()).toEqual(['rewriteHtml', 'rewriteHtmlStream']);
  });

  it('a consent instance', () => {
    const c = createConsent({ manifest: { categories: ['necessary'] }, intercept: false });
    expect(Object.keys(c).sort()).toEqual([
      'acceptAll', 'destroy', 'getConsent', 'getLanguage', 'getManifest', 'getView', 'hasConsent', 'hide', 'on',
      'ready', 'rejectAll', 'reset', 'setConsent', 'setLanguage', 'show', 'showPreferences', 'subscribe',
    ]);
    c.destroy();
  });
});
