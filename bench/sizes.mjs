// Byte counts as a visitor's browser would receive them: raw, gzip -9 and
// brotli -11 (what a well-configured server or CDN sends), computed from the
// files on disk; and which files make up each of kakor's ways in.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const cache = new Map();

/** { raw, gzip, brotli } bytes of one file. */
export function fileSize(file) {
  if (!cache.has(file)) {
    const data = readFileSync(file);
    cache.set(file, {
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    });
  }
  return cache.get(file);
}

/** Sums the sizes of several files; each file is compressed on its own, as served. */
export function totalSize(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const size = fileSize(file);
    total.raw += size.raw;
    total.gzip += size.gzip;
    total.brotli += size.brotli;
  }
  return total;
}

// Relative static imports in rollup's output: `import … from "./x.js"`,
// `export … from "./x.js"` and bare `import "./x.js"`.
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+)["']/g;

/** An ESM entry file and every local chunk it statically imports (externals such as preact excluded). */
export function entryFiles(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) visit(join(dirname(file), spec));
  };
  visit(entry);
  return [...seen];
}

/**
 * kakor's ways in (STYLE §12), each as the files it is made of: the script
 * tag's two files (the head script, and the dialog it loads when a view is drawn), and each npm entry with its chunks (preact and
 * js-cookie are external there, so they are not counted).
 */
export function kakorEntries(dist) {
  return {
    'dist/kakor.js': [join(dist, 'kakor.js')],
    'dist/kakor-ui.js': [join(dist, 'kakor-ui.js')],
    kakor: entryFiles(join(dist, 'esm/index.js')),
    'kakor/core': entryFiles(join(dist, 'esm/core.js')),
  };
}
