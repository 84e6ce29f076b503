// Size budget per way in (STYLE §12): what each entry makes a browser download,
// gzip -9 and brotli -11, counted by the bench's own code (bench/sizes.mjs).
// Budgets sit about 5% above the sizes measured by `npm run bench`, so a 5%
// growth fails here; dist/kakor.js never gets more than the 11,000 B gzip target.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Entry, type Size, kakorEntries, totalSize } from '../../bench/sizes.mjs';

const SCRIPT_TAG_TARGET_GZIP = 11_000;

// Bytes; update together with the table in bench/README.md when a change is deliberate.
const BUDGETS: Record<Entry, Omit<Size, 'raw'>> = {
  'dist/kakor.js': { gzip: 11_000, brotli: 9_900 },
  kakor: { gzip: 11_000, brotli: 9_900 },
  'kakor/core': { gzip: 6_000, brotli: 5_400 },
};

const dist = join(__dirname, '../../dist');

describe('size budgets', () => {
  it('keep the script tag within the 11,000 B gzip target', () => {
    expect(BUDGETS['dist/kakor.js'].gzip).toBeLessThanOrEqual(SCRIPT_TAG_TARGET_GZIP);
  });

  it.each(Object.keys(BUDGETS) as Entry[])('%s fits its gzip and brotli budget', (entry) => {
    expect(existsSync(join(dist, 'kakor.js')), 'dist/ is missing: run `npx rollup -c` first').toBe(true);
    const files = kakorEntries(dist)[entry];
    const size = totalSize(files);
    const budget = BUDGETS[entry];
    expect(size.gzip, `${entry} gzip (${files.length} files)`).toBeLessThanOrEqual(budget.gzip);
    expect(size.brotli, `${entry} brotli (${files.length} files)`).toBeLessThanOrEqual(budget.brotli);
  });
});
