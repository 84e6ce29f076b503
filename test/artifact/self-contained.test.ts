// A clone of the repository alone passes its tests (issue 13): no test file may
// read a file outside the repository, the way the seed manifests were once read
// from a folder beside it. Every relative path written in a test file is resolved
// from that file's folder and must stay inside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const SOURCES = /\.(ts|tsx|mts|mjs|js|json|html)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(path);
    return SOURCES.test(e.name) ? [path] : [];
  });
}

/** Paths in `source` (a file at `file`) that point outside the repository. */
export function outsidePaths(file: string, source: string): string[] {
  const found: string[] = [];
  // Relative paths in quotes: imports, `new URL('…', import.meta.url)`, `join(__dirname, '…')`.
  for (const [, path] of source.matchAll(/["'`]((?:\.\.?\/)+[^"'`\s]*)["'`]/g)) {
    if (relative(root, resolve(dirname(file), path)).startsWith('..')) found.push(path);
  }
  // Absolute paths of this machine, and the shared folder beside the repository by name.
  for (const [, path] of source.matchAll(/["'`]((?:\/work|\/tmp\/shared)\/[^"'`\s]*|[^"'`\s]*\bshared\/fixtures\b[^"'`\s]*)["'`]/g)) {
    found.push(path);
  }
  return [...new Set(found)];
}

describe('the repository alone', () => {
  it('finds a path outside the repository when there is one (the check itself)', () => {
    const file = join(root, 'test/component/ui.test.tsx');
    // Put together here, so that this file itself names no path outside the repository.
    const beside = `${'../'.repeat(3)}${['shared', 'fixtures', 'bostadsexperterna.cookies.json'].join('/')}`;
    expect(outsidePaths(file, `import m from '${beside}';`)).toEqual([beside]);
    expect(outsidePaths(file, `readFileSync('/${['work', 'shared', 'fixtures', 'nesk.cookies.json'].join('/')}')`)).toHaveLength(1);
    expect(outsidePaths(file, "import m from '../fixtures/nesk.cookies.json';")).toEqual([]);
  });

  it('has no test file that reads outside the repository', () => {
    const files = filesUnder(join(root, 'test'));
    expect(files.length).toBeGreaterThan(50);
    const outside = files.flatMap((f) => outsidePaths(f, readFileSync(f, 'utf8')).map((p) => `${relative(root, f)}: ${p}`));
    expect(outside).toEqual([]);
  });
});
