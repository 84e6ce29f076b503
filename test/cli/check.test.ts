// `kakor check` (CONTRACT §1.3): every manifest problem with the engine's own
// message at the right line:column, every raw vendor tag in a page, exit codes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kakor } from './run';

const root = join(__dirname, '../..');
const fixtures = join(root, 'test/fixtures');
const dir = mkdtempSync(join(tmpdir(), 'kakor-check-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
/** The text at a line:column of a file, for telling that a position points where it should. */
const textAt = (text: string, line: number, column: number) => text.split(/\r?\n/)[line - 1]!.slice(column - 1);

interface Report {
  ok: boolean;
  manifest: { valid: boolean; problems: { severity: string; path: string; message: string; line: number; column: number }[] };
  pagesChecked: boolean;
  pages: { source: string; vendorTags: { line: number; column: number; service: string; category: string; element: string; fix: string; tag: string }[] }[];
}
const report = async (...args: string[]) => {
  const run = await kakor('check', ...args, '--json');
  return { ...run, json: JSON.parse(run.stdout) as Report };
};

// Each bad fixture's manifest, written out with two-space indents: where its
// one error must point, and the text that starts there.
const BAD: Record<string, [string, string]> = {
  'bad-boolean-option.json': ['21:24', '"yes"'],
  'bad-categories-missing.json': ['1:1', '{'],
  'bad-consent-log-endpoint.json': ['22:17', '"javascript:alert(1)"'],
  'bad-consent-mode-type.json': ['12:9', '"analytics"'],
  'bad-cookie-name-option.json': ['22:13', '"my consent"'],
  'bad-custom-category-without-texts.json': ['4:5', '"chat"'],
  'bad-default-language.json': ['21:22', '"de"'],
  'bad-duplicate-category-id.json': ['5:5', '"analytics"'],
  'bad-duplicate-service-id.json': ['13:13', '"ga"'],
  'bad-invalid-cookie-regex.json': ['13:19', '"/_ga[/"'],
  'bad-invalid-script-regex.json': ['12:9', '"/(google/"'],
  'bad-max-age-negative.json': ['21:24', '-5'],
  'bad-no-required-category.json': ['2:17', '['],
  'bad-not-an-object.json': ['1:1', '[]'],
  'bad-purpose-wrong-type.json': ['14:22', '42'],
  'bad-revision-not-a-number.json': ['21:15', '"2"'],
  'bad-service-id-is-category-id.json': ['8:13', '"analytics"'],
  'bad-service-without-name.json': ['7:5', '{\n      "id": "ga"'],
  'bad-texts-wrong-shape.json': ['21:12', '{\n    "sv": "Hej"'],
  'bad-two-required-categories.json': ['2:17', '['],
  'bad-unknown-category.json': ['10:19', '"analitycs"'],
};
const WARN: Record<string, [string, string]> = {
  'good-unknown-key-warns.json': ['21:3', '"colour"'],
  'good-unsafe-policy-url-warns.json': ['22:11', '"javascript:alert(1)"'],
};
const fixture = (name: string) => JSON.parse(readFileSync(join(fixtures, 'manifests', name), 'utf8'));
const manifestFiles = readdirSync(join(fixtures, 'manifests'));

describe('kakor check: the manifest', () => {
  it('has a known position for every bad fixture', () => {
    expect(Object.keys(BAD).sort()).toEqual(manifestFiles.filter((f) => f.startsWith('bad-')).sort());
  });

  for (const [name, [at, token]] of Object.entries(BAD)) {
    it(`${name}: the engine's message at ${at}, exit 1`, async () => {
      const text = JSON.stringify(fixture(name).manifest, null, 2);
      const file = write(name, text);
      const { code, json } = await report(file);
      expect(code).toBe(1);
      const errors = json.manifest.problems.filter((p) => p.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message.startsWith(fixture(name).error)).toBe(true);
      expect(`${errors[0]!.line}:${errors[0]!.column}`).toBe(at);
      const [line, column] = at.split(':').map(Number) as [number, number];
      expect(textAt(text, line, column).startsWith(token.split('\n')[0]!)).toBe(true);
      const human = await kakor('check', file);
      expect(human.stdout).toContain(`${file}:${at}: error: ${errors[0]!.message}\n`);
    });
  }

  for (const [name, [at, token]] of Object.entries(WARN)) {
    it(`${name}: a warning at ${at}, exit 0`, async () => {
      const text = JSON.stringify(fixture(name).manifest, null, 2);
      const file = write(name, text);
      const { code, stdout } = await kakor('check', file);
      expect(code).toBe(0);
      expect(stdout).toContain(`${file}:${at}: warning: ${fixture(name).warning}\n`);
      const [line, column] = at.split(':').map(Number) as [number, number];
      expect(textAt(text, line, column).startsWith(token)).toBe(true);
    });
  }

  it('a clean manifest: one line, exit 0', async () => {
    const { code, stdout } = await kakor('check', join(fixtures, 'nesk.cookies.json'));
    expect(code).toBe(0);
    expect(stdout).toBe(`✔ ${join(fixtures, 'nesk.cookies.json')}: no problems\n`);
  });

  it('every error of a file with several, in file order; an unknown nested key points at the key', async () => {
    const file = write('several.json', [
      '{',
      '  "categories": ["necessary", "analytics"],',
      '  "services": [',
      '    { "id": "ga", "name": "GA", "category": "analitycs", "colour": "red" },',
      '    { "id": "ga", "name": "", "category": "analytics", "scripts": ["/(x/"] }',
      '  ],',
      '  "revision": 1,',
      '  "revision": 2',
      '}',
    ].join('\r\n'));
    const { code, json } = await report(file);
    expect(code).toBe(1);
    expect(json.manifest.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message.replace(/ \(Invalid.*/, '')}`)).toEqual([
      '4:45 error services[0].category: "analitycs" is not a declared category',
      '4:58 warning services[0].colour: unknown key, ignored',
      '5:13 error services[1].id: "ga" is already used at services[0].id',
      '5:27 error services[1].name: expected a non-empty string, got ""',
      '5:68 error services[1].scripts[0]: "/(x/" is not a valid regular expression',
      '8:3 warning revision: written twice in one object; only this last one counts',
    ]);
  });
});

describe('kakor check: a "__Host-" cookie with a domain', () => {
  it('is an error at the domain, for the consent cookie and a service cookie alike, exit 1', async () => {
    const file = write('host-prefix.json', [
      '{',
      '  "categories": ["necessary", "analytics"],',
      '  "cookie": { "name": "__Host-kakor", "domain": "example.se" },',
      '  "services": [',
      '    { "id": "ga", "name": "GA", "category": "analytics", "cookies": [{ "name": "__Host-ga", "domain": ".example.se" }] }',
      '  ]',
      '}',
    ].join('\n'));
    const { code, json } = await report(file);
    expect(code).toBe(1);
    const why = 'a cookie whose name starts with "__Host-" cannot have a domain (browsers refuse to set it): remove "domain"';
    expect(json.manifest.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`)).toEqual([
      `3:49 error cookie.domain: ${why}`,
      `5:103 error services[0].cookies[0].domain: ${why}`,
    ]);
    expect((await kakor('check', file)).stdout).toContain(`${file}:3:49: error: cookie.domain: ${why}\n`);
  });
});

describe('kakor check: a file that is not JSON', () => {
  const cases: [string, string, string][] = [
    ['trailing comma', '{\n  "categories": ["necessary",]\n}', '2:30 manifest: not valid JSON: expected a value (no trailing comma)'],
    ['comment', '{\n  // kakor\n  "categories": ["necessary"]\n}', '2:3 manifest: not valid JSON: comments are not allowed in JSON'],
    ['missing comma', '{\n  "categories": ["necessary"]\n  "revision": 2\n}', '3:3 manifest: not valid JSON: expected ","'],
    ['open string', '{ "categories": ["necessary ] }', '1:18 manifest: not valid JSON: a string is not closed'],
    ['empty file', '', '1:1 manifest: not valid JSON: expected a value (no trailing comma)'],
  ];
  for (const [what, text, expected] of cases) {
    it(`${what}: its line:column, exit 2`, async () => {
      const { code, json } = await report(write(`${what}.json`, text));
      expect(code).toBe(2);
      expect(json.manifest.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([expected]);
    });
  }
});

describe('kakor check: pages', () => {
  const seeds = [['bostadsexperterna', 9], ['nesk', 10]] as const;
  for (const [seed, count] of seeds) {
    it(`${seed}.raw.html: every raw vendor tag, at its line:column, with its service`, async () => {
      const page = join(fixtures, `html/${seed}.raw.html`);
      const text = readFileSync(page, 'utf8');
      // The fixture marks each raw vendor tag with "<!-- raw: id -->" just before it.
      const at = (offset: number) => {
        const before = text.slice(0, offset).split('\n');
        return `${before.length}:${before[before.length - 1]!.length + 1}`;
      };
      const marked = [...text.matchAll(/<!-- raw: ([\w-]+) -->/g)].map((m) => `${at(m.index! + m[0].length)} ${m[1]}`);
      expect(marked).toHaveLength(count);
      const { code, json } = await report(join(fixtures, `${seed}.cookies.json`), page);
      expect(code).toBe(1);
      expect(json.pages[0]!.vendorTags.map((t) => `${t.line}:${t.column} ${t.service}`)).toEqual(marked);
    });
  }

  it('prints each tag with file:line:column, its service, the reason and the fix', async () => {
    const page = join(fixtures, 'html/nesk.raw.html');
    const { code, stdout } = await kakor('check', join(fixtures, 'nesk.cookies.json'), page);
    expect(code).toBe(1);
    expect(stdout).toContain(`${page}:11:31: error: <script async src="//www.googletagmanager.com/gtag/js?id=G-NESK"> loads "google-analytics" (analytics) before consent: the browser's preload scanner fetches it before any script runs\n`
      + '  write it as <script type="text/plain" data-service="google-analytics" data-category="analytics" async src="//www.googletagmanager.com/gtag/js?id=G-NESK">, or serve the page through kakor/rewrite\n');
    expect(stdout).toContain(': a visitor without JavaScript loads it and can never consent\n');
    expect(stdout).toMatch(/✖ .*nesk\.cookies\.json: no problems; 1 page: 10 vendor tags loading before consent\n$/);
  });

  for (const example of ['script-tag', 'woocommerce-shop']) {
    it(`examples/${example}: blocked markup only, exit 0`, async () => {
      const { code, stdout } = await kakor('check', join(root, `examples/${example}/cookies.json`), join(root, `examples/${example}/index.html`));
      expect(stdout).toMatch(/no problems; 1 page: no vendor tag loads before consent\n$/);
      expect(code).toBe(0);
    });
  }

  it('does not check pages against a manifest with errors, exit 1', async () => {
    const bad = write('bad.json', '{ "categories": ["analytics"] }');
    const { code, stdout, json } = await report(bad, join(fixtures, 'html/nesk.raw.html'));
    expect(code).toBe(1);
    expect(json.pagesChecked).toBe(false);
    expect((await kakor('check', bad, join(fixtures, 'html/nesk.raw.html'))).stdout).toMatch(/pages not checked, the manifest must be valid first\n$/);
    expect(stdout).toBeTruthy();
  });
});

describe('kakor check: pages by URL', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/shop/') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end('<!doctype html>\n<script src="/gtag/js?id=G-1"></script>\n<img src="pixel.gif">');
      } else if (req.url === '/data.json') {
        res.setHeader('content-type', 'application/json');
        res.end('{}');
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const manifest = () => write('url.json', JSON.stringify({
    categories: ['necessary', 'analytics'],
    services: [{ id: 'ga', name: 'GA', category: 'analytics', scripts: ['gtag/js', 'shop/pixel.gif'] }],
  }));

  it('fetches the page and resolves its URLs against the page address', async () => {
    const { code, json } = await report(manifest(), `${origin}/shop/`);
    expect(code).toBe(1);
    expect(json.pages[0]!.vendorTags.map((t) => `${t.line}:${t.column} ${t.element} ${t.service}`)).toEqual(['2:1 script ga', '3:1 img ga']);
  });

  it('an HTTP error, a response that is not HTML and an unreachable host: one line, exit 2', async () => {
    // A port that was open a moment ago and is closed now: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closed = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    for (const [url, message] of [
      [`${origin}/missing`, `kakor: cannot fetch ${origin}/missing: HTTP 404\n`],
      [`${origin}/data.json`, `kakor: ${origin}/data.json is not an HTML page (content-type: application/json)\n`],
      [`http://127.0.0.1:${closed}/`, `kakor: cannot fetch http://127.0.0.1:${closed}/: ECONNREFUSED\n`],
    ]) {
      const { code, stdout, stderr } = await kakor('check', manifest(), url!);
      expect([code, stdout, stderr]).toEqual([2, '', message]);
    }
  });
});

describe('kakor check: unusable input', () => {
  it('a missing manifest or page: one line, exit 2', async () => {
    expect(await kakor('check', join(dir, 'nope.json'))).toEqual({ code: 2, stdout: '', stderr: `kakor: cannot read ${join(dir, 'nope.json')}: no such file\n` });
    const missing = await kakor('check', join(fixtures, 'nesk.cookies.json'), join(dir, 'nope.html'));
    expect(missing).toEqual({ code: 2, stdout: '', stderr: `kakor: cannot read ${join(dir, 'nope.html')}: no such file\n` });
    expect((await kakor('check', dir)).stderr).toBe(`kakor: cannot read ${dir}: it is a folder\n`);
  });

  it('no manifest argument: a usage error, exit 2', async () => {
    const run = await kakor('check');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'manifest'");
  });

  it('--help shows an example and the exit codes', async () => {
    const run = await kakor('check', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('$ npx kakor check cookies.json public/index.html https://staging.example.se/');
    expect(run.stdout).toContain('Exit codes: 0 clean (warnings allowed), 1 problems found, 2 unusable input');
  });
});
