// The browser entries on a server (CONTRACT §1.2): importing them does nothing,
// and calling them throws one clear error instead of `window is not defined`.
import { describe, expect, it } from 'vitest';

const MESSAGE = 'needs a browser window; on the server use readConsent() from kakor/server';

describe('kakor and kakor/core without a window', () => {
  it('import without touching a browser global', async () => {
    expect(typeof window).toBe('undefined');
    await expect(import('../../src/index')).resolves.toHaveProperty('init');
    await expect(import('../../src/core/index')).resolves.toHaveProperty('createConsent');
  });

  it('init() rejects with the one clear error', async () => {
    const { init } = await import('../../src/index');
    await expect(init({ manifest: { categories: ['necessary'] } })).rejects.toThrow(`kakor: init() ${MESSAGE}`);
  });

  it('createConsent() throws the one clear error', async () => {
    const { createConsent } = await import('../../src/core/index');
    expect(() => createConsent({ manifest: { categories: ['necessary'] } })).toThrow(`kakor: createConsent() ${MESSAGE}`);
  });
});
