// What users run: the built dist/cli/kakor.js under node, exit codes and
// output as a shell or CI sees them (piped, so no colours).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const kakor = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/kakor.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('dist/cli/kakor.js check', () => {
  it('exit 0 for the example shop, blocked markup only', () => {
    expect(kakor('check', 'examples/woocommerce-shop/cookies.json', 'examples/woocommerce-shop/index.html')).toEqual({
      code: 0, stderr: '',
      stdout: '✔ examples/woocommerce-shop/cookies.json: no problems; 1 page: no vendor tag loads before consent\n',
    });
  });

  it('exit 1 for raw vendor tags, each on its own line', () => {
    const r = kakor('check', 'test/fixtures/nesk.cookies.json', 'test/fixtures/html/nesk.raw.html');
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^test\/fixtures\/html\/nesk\.raw\.html:\d+:\d+: error: </gm)).toHaveLength(10);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('exit 2 for a missing file, with one line on stderr', () => {
    expect(kakor('check', 'missing.json')).toEqual({ code: 2, stdout: '', stderr: 'kakor: cannot read missing.json: no such file\n' });
  });
});
