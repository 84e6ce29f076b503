// Size budget per way in (STYLE §12): what each entry makes a browser download,
// gzip -9 and brotli -11, counted by the bench's own code (bench/sizes.mjs).
// Budgets sit about 4% above the sizes `npm run bench` measured, so a 5% growth
// fails here. dist/kakor.js's 11,000 B gzip target is not met yet (README, Size
// and speed): its budget only ratchets down, towards it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Entry, type Size, kakorEntries, totalSize } from '../../bench/sizes.mjs';

// Bytes, set from the sizes measured on 2026-12-01 after issues 9, 10, 12, 13 and 14
// landed (kakor.js 21,220 gzip / 19,103 brotli; kakor 22,060 / 19,528; kakor/core
// 15,085 / 13,333) plus 4%. The growth since 2026-11-25 (16,589 B) is blocking that
// holds on every path (markup parsing, requests, frames, Trusted Types: about 3,400 B)
// and the dialog audit (about 1,000 B); issue 11 moves the dialog and the full
// diagnostics out of the head script. Lower them when a change shrinks an entry.
const BUDGETS: Record<Entry, Omit<Size, 'raw'>> = {
  'dist/kakor.js': { gzip: 22_100, brotli: 19_900 },
  kakor: { gzip: 22_950, brotli: 20_350 },
  'kakor/core': { gzip: 15_700, brotli: 13_900 },
};

const dist = join(__dirname, '../../dist');

describe('size budgets', () => {
  it.each(Object.keys(BUDGETS) as Entry[])('%s fits its gzip and brotli budget', (entry) => {
    expect(existsSync(join(dist, 'kakor.js')), 'dist/ is missing: run `npx rollup -c` first').toBe(true);
    const files = kakorEntries(dist)[entry];
    const size = totalSize(files);
    const budget = BUDGETS[entry];
    expect(size.gzip, `${entry} gzip (${files.length} files)`).toBeLessThanOrEqual(budget.gzip);
    expect(size.brotli, `${entry} brotli (${files.length} files)`).toBeLessThanOrEqual(budget.brotli);
  });
});
