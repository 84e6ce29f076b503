// `npm run bench`: kakor against peer consent libraries on the same page and
// workload, in real Chromium, libraries interleaved run by run. Prints one
// table; `--json` also writes every sample to bench/results/latest.json.
// Usage: node bench/run.mjs [--runs 7] [--json] [--only kakor,klaro]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { startServer } from './server.mjs';
import { BASELINE, LIBS } from './libs.mjs';
import { SLOW_NETWORK, visit } from './visit.mjs';
import { runInterceptOverhead } from './intercept-overhead.mjs';
import { kakorEntries, totalSize } from './sizes.mjs';
import { composition } from './composition.mjs';
import { count, summarize } from './stats.mjs';
import { comparisonTable, compositionTable, filesNote, kakorTable } from './table.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'dist');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, json: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${args.runs}`);
const libs = args.only ? LIBS.filter((lib) => args.only.split(',').includes(lib.id)) : LIBS;
if (!existsSync(join(DIST, 'kakor.js'))) {
  console.error('dist/kakor.js is missing: build first (`npx rollup -c`, or `npm run bench` which does).');
  process.exit(1);
}

const started = Date.now();
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const chromiumVersion = browser.version();
const samples = Object.fromEntries([...libs, BASELINE].map((lib) => [lib.id, { first: [], firstX4: [], returning: [], slow: [] }]));

try {
  for (let run = 0; run < runs; run++) {
    // Rotate the order each run so no library always goes first (cold caches,
    // other load on the machine) and interleave so drift hits all alike.
    const order = [...libs, BASELINE].map((_, i, all) => all[(i + run) % all.length]);
    for (const lib of order) {
      const s = samples[lib.id];
      s.first.push(await visit(browser, server.origin, lib, { act: lib.reject && 'reject' }));
      const accepted = await visit(browser, server.origin, lib, { throttle: 4, act: lib.accept && 'accept' });
      s.firstX4.push(accepted);
      // The baseline has nothing to decide; its returning visit is its first.
      if (lib.accept) s.returning.push(await visit(browser, server.origin, lib, { storageState: accepted.storageState }));
      delete accepted.storageState;
      // Two throttled first paints per run: the noisiest figure gets the most samples.
      for (let i = 0; i < 2; i++) s.slow.push(await visit(browser, server.origin, lib, { network: SLOW_NETWORK }));
    }
    process.stderr.write(`run ${run + 1}/${runs} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
} finally {
  await browser.close();
  await server.close();
}

const pick = (list, key) => list.map((v) => v[key]);
const summaries = {};
const noToolFcp = summarize(pick(samples[BASELINE.id].slow, 'firstContentfulPaint'));
/** A summary divided by the no-tool page's median: the tool's cost on the host page's first paint. */
const againstNoTool = (summary) => summary && noToolFcp && {
  ...summary, median: summary.median / noToolFcp.median, min: summary.min / noToolFcp.median, max: summary.max / noToolFcp.median,
};
for (const [id, s] of Object.entries(samples)) {
  const first = [...s.first, ...s.firstX4];
  const fcpSlow = summarize(pick(s.slow, 'firstContentfulPaint'));
  summaries[id] = {
    headGzip: summarize(s.first.map((v) => v.headBytes.gzip)),
    headBrotli: summarize(s.first.map((v) => v.headBytes.brotli)),
    blockingGzip: summarize(s.first.map((v) => v.blockingBytes.gzip)),
    fcpSlow,
    fcpSlowVsNone: againstNoTool(fcpSlow),
    bytesRaw: summarize(s.first.map((v) => v.bytes.raw)),
    bytesGzip: summarize(s.first.map((v) => v.bytes.gzip)),
    bytesBrotli: summarize(s.first.map((v) => v.bytes.brotli)),
    bannerMs: summarize(pick(s.first, 'shownAt')),
    bannerMsX4: summarize(pick(s.firstX4, 'shownAt')),
    scriptMs: summarize(pick(s.first, 'scriptMs')),
    scriptMsX4: summarize(pick(s.firstX4, 'scriptMs')),
    longTaskMs: summarize(pick(s.first, 'longTasks')),
    longTaskMsX4: summarize(pick(s.firstX4, 'longTasks')),
    cls: summarize(pick(first, 'cls')),
    returningGzip: summarize(s.returning.map((v) => v.bytes.gzip)),
    returningBrotli: summarize(s.returning.map((v) => v.bytes.brotli)),
    returningScriptMs: summarize(pick(s.returning, 'scriptMs')),
    returningUi: count(pick(s.returning, 'uiVisible')),
    ranBeforeClick: id === BASELINE.id ? null : count(pick(first, 'ran')),
    ranAfterReject: count(pick(s.first, 'ranAfterReject')),
    ranAfterAccept: count(pick(s.firstX4, 'ranAfterAccept')),
    returningRan: count(pick(s.returning, 'ran')),
  };
  // A banner that never showed must not hide behind a median of the others.
  const missed = first.filter((v) => v.shownAt == null).length;
  if (id !== BASELINE.id && missed) console.error(`${id}: accept button never became visible in ${missed}/${first.length} visits`);
}

// Sizes of kakor's ways in as shipped, and as a bundler would ship the npm
// entries to a browser: minified together with preact and js-cookie.
const bundled = async (file) => {
  const result = await build({
    stdin: { contents: `export * from './${relative(ROOT, file)}';`, resolveDir: ROOT },
    bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2019', write: false,
  });
  const out = join(ROOT, 'bench/results', `bundled-${relative(DIST, file).replace(/\W+/g, '-')}`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(out, result.outputFiles[0].contents);
  return totalSize([out]);
};
const entries = Object.entries(kakorEntries(DIST)).map(([name, files]) => ({
  name: name.startsWith('dist/') ? name : `${name} (${files.map((f) => relative(ROOT, f)).join(' + ')})`,
  files: files.length,
  ...totalSize(files),
}));
entries.push({ name: 'kakor, minified with preact + js-cookie (esbuild)', files: 1, ...(await bundled(join(DIST, 'esm/index.js'))) });
entries.push({ name: 'kakor/core, minified with js-cookie (esbuild)', files: 1, ...(await bundled(join(DIST, 'esm/core.js'))) });

// Interception overhead, measured by intercept-overhead.mjs in its own browser.
const intercept = await runInterceptOverhead();

const parts = await composition(ROOT);

const date = new Date().toISOString().slice(0, 10);
const elapsed = Math.round((Date.now() - started) / 1000);
const env = `${date}, Chromium ${chromiumVersion} headless, ${runs} runs, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}`;
console.log(`\n## Consent tools on the same page (${env})\n`);
console.log('median (min–max) over fresh browser contexts; ratio = kakor median / peer median, lower is better for kakor.\n');
console.log(comparisonTable(libs, summaries, BASELINE));
console.log(`\n${filesNote(libs, samples)}`);
console.log(`\n## kakor's own figures\n`);
console.log(kakorTable(entries, intercept));
console.log(`\n${compositionTable(parts)}`);
console.log(`\n(bench took ${elapsed} s)`);

if (args.json) {
  const out = join(ROOT, 'bench/results/latest.json');
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(out, JSON.stringify({ date, chromium: chromiumVersion, runs, cpus: cpus().length, node: process.version,
    elapsedSeconds: elapsed, summaries, entries, composition: parts, intercept, samples }, null, 2));
  console.log(`figures written to ${relative(process.cwd(), out)}`);
}
