// Where dist/kakor.js's bytes come from: src/script.ts re-bundled and minified
// by esbuild with a metafile, grouped by origin. esbuild's minifier is not
// rollup's terser, so this gives shares, not the shipped byte count.
import { build } from 'esbuild';

const GROUPS = [
  ['preact', /node_modules\/preact\//],
  ['js-cookie', /node_modules\/js-cookie\//],
  ['src/core/blocking', /^src\/core\/blocking\//],
  ['src/core/manifest', /^src\/core\/manifest\//],
  ['src/core (rest)', /^src\/core\//],
  ['src/ui/styles.ts (CSS)', /^src\/ui\/styles\.ts$/],
  ['src/ui/texts.ts (sv/en texts)', /^src\/ui\/texts\.ts$/],
  ['src/ui (views)', /^src\/ui\//],
  ['other', /./],
];

/** [{ group, bytes, share }] of the minified script-tag bundle, largest first. */
export async function composition(root) {
  const result = await build({
    entryPoints: ['src/script.ts'], absWorkingDir: root, bundle: true, minify: true, format: 'iife',
    target: 'es2019', write: false, metafile: true, jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const bytes = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const [group] = GROUPS.find(([, pattern]) => pattern.test(file));
    bytes.set(group, (bytes.get(group) ?? 0) + bytesInOutput);
  }
  return [...bytes].map(([group, n]) => ({ group, bytes: n, share: n / output.bytes })).sort((a, b) => b.bytes - a.bytes);
}
