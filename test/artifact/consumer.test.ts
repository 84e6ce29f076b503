// A real consumer (CONTRACT §1.2): the packed tarball installed into a Vite +
// React + TypeScript app (test/consumer/), type-checked and built there, never
// against src/. Slow by nature (an npm install from the local cache): one setup.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** The app's own dev dependencies, at the versions the repository pins (already in npm's cache). */
const APP_DEPS = ['vite', 'typescript', 'react', 'react-dom', '@types/react', '@types/react-dom']
  .map((name) => `${name}@${pkg.devDependencies[name]}`);

let app: string;
beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'kakor-consumer-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', app], { cwd: root });
  const tarball = JSON.parse(stdout)[0].filename as string;
  cpSync(join(root, 'test/consumer'), app, { recursive: true });
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`, ...APP_DEPS], { cwd: app });
}, 300_000);
afterAll(() => { if (app) rmSync(app, { recursive: true, force: true }); });

/** tsc's diagnostics for one of the app's projects; empty when it type-checks. */
async function tsc(project: string): Promise<string> {
  try {
    await run(join(app, 'node_modules/.bin/tsc'), ['-p', project], { cwd: app });
    return '';
  } catch (e) {
    return (e as { stdout: string }).stdout || String(e);
  }
}

describe('an app that installed the tarball', () => {
  it('type-checks: JSON manifest, React bindings, server, script import, and every @ts-expect-error', async () => {
    expect(await tsc('tsconfig.json')).toBe('');
  }, 60_000);

  it('has typed kakor:* window events from `kakor` alone and from `kakor/core` alone', async () => {
    expect(await tsc('tsconfig.kakor.json')).toBe('');
    expect(await tsc('tsconfig.core.json')).toBe('');
  }, 60_000);

  it('builds with Vite, keeping `import \'kakor/kakor.js\'` (a side effect) and the React bindings', async () => {
    await run(join(app, 'node_modules/.bin/vite'), ['build'], { cwd: app });
    const assets = join(app, 'dist/assets');
    const chunk = (name: string) => readFileSync(join(assets, readdirSync(assets).find((f) => f.startsWith(`${name}-`))!), 'utf8');
    // A string only dist/kakor.js has: the self-starting script is in the page's bundle.
    expect(chunk('tag')).toContain('could not start, nothing non-essential will run');
    const appCode = chunk('app');
    expect(appCode).toContain('need a <ConsentProvider consent={…}> above them');
    expect(appCode).toContain('useSyncExternalStore');
  }, 60_000);

  it('imports every entry in Node without a window, and reads consent on the server', async () => {
    const script = `
      await import('kakor'); await import('kakor/core'); await import('kakor/react');
      const { readConsent } = await import('kakor/server');
      const { init } = await import('kakor');
      const manifest = { categories: ['necessary', 'analytics'], services: [{ id: 'ga', name: 'GA', category: 'analytics' }] };
      const state = readConsent('kakor_consent=nonsense', manifest);
      const error = await init().then(() => 'resolved', (e) => e.message);
      console.log(JSON.stringify({ decided: state.decided, analytics: state.categories.analytics, error }));`;
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({
      decided: false, analytics: false,
      error: 'kakor: init() needs a browser window; on the server use readConsent() from kakor/server',
    });
  }, 30_000);
});
