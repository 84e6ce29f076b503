// Adds `.js` to the relative imports in dist/types/**/*.d.ts. The sources use
// extensionless imports (bundler resolution); Node's ESM resolution, which
// TypeScript applies to a package's types under node16/nodenext, needs full paths.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('../dist/types/', import.meta.url).pathname;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith('.d.ts')) yield path;
  }
}

for (const file of files(root)) {
  const code = readFileSync(file, 'utf8').replace(/(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]*?)\2/g, (all, lead, q, spec) => {
    if (spec.endsWith('.js')) return all;
    const base = join(dirname(file), spec);
    const target = existsSync(`${base}.d.ts`) ? `${spec}.js` : existsSync(join(base, 'index.d.ts')) ? `${spec}/index.js` : null;
    if (!target) throw new Error(`${file}: cannot resolve ${spec}`);
    return `${lead}${q}${target}${q}`;
  });
  writeFileSync(file, code);
}
