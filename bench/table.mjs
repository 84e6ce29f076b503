// Turns the summaries into the one comparison table (Markdown, so the README
// can quote it as printed) plus kakor's own figures.

const int = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => (x < 10 ? x.toFixed(1) : int(x));
const cls = (x) => x.toFixed(3);

// key: field of a library's summary; fmt: number format; kind: 'range' shows
// min–max, 'exact' shows the one value (file sizes do not vary), 'count' is k/n.
export const ROWS = [
  { label: '1. head script, gzip (B)', key: 'headGzip', fmt: int, kind: 'exact' },
  { label: '1. head script, brotli (B)', key: 'headBrotli', fmt: int, kind: 'exact' },
  { label: '1. render-blocking JS+CSS of the tool, gzip (B)', key: 'blockingGzip', fmt: int, kind: 'exact' },
  { label: '2. first visit, JS+CSS raw (B)', key: 'bytesRaw', fmt: int, kind: 'exact' },
  { label: '2. first visit, gzip (B)', key: 'bytesGzip', fmt: int, kind: 'exact' },
  { label: '2. first visit, brotli (B)', key: 'bytesBrotli', fmt: int, kind: 'exact' },
  { label: '3. accept button visible (ms)', key: 'bannerMs', fmt: ms, kind: 'range' },
  { label: '3. accept button visible, CPU ×4 (ms)', key: 'bannerMsX4', fmt: ms, kind: 'range' },
  { label: '4. script duration (ms)', key: 'scriptMs', fmt: ms, kind: 'range' },
  { label: '4. script duration, CPU ×4 (ms)', key: 'scriptMsX4', fmt: ms, kind: 'range' },
  { label: '4. long tasks, sum (ms)', key: 'longTaskMs', fmt: ms, kind: 'range' },
  { label: '4. long tasks, sum, CPU ×4 (ms)', key: 'longTaskMsX4', fmt: ms, kind: 'range' },
  { label: '5. layout shift (CLS)', key: 'cls', fmt: cls, kind: 'range' },
  { label: '6. returning visitor, gzip (B)', key: 'returningGzip', fmt: int, kind: 'exact' },
  { label: '6. returning visitor, brotli (B)', key: 'returningBrotli', fmt: int, kind: 'exact' },
  { label: '6. returning visitor, script duration (ms)', key: 'returningScriptMs', fmt: ms, kind: 'range' },
  { label: '6. returning visitor, UI shown', key: 'returningUi', kind: 'count' },
  { label: '7. host page FCP, 1.6 Mbps / 150 ms RTT (ms)', key: 'fcpSlow', fmt: ms, kind: 'range' },
  { label: '7. host page FCP against no tool (×)', key: 'fcpSlowVsNone', fmt: (x) => x.toFixed(2), kind: 'range' },
  { label: '8. analytics ran before any click', key: 'ranBeforeClick', kind: 'count' },
  { label: '8. analytics ran after reject', key: 'ranAfterReject', kind: 'count' },
  { label: '8. analytics ran after accept', key: 'ranAfterAccept', kind: 'count' },
  { label: '8. analytics ran for returning accepted visitor', key: 'returningRan', kind: 'count' },
];

const cell = (row, value) => {
  if (value == null) return '–';
  if (row.kind === 'count') return `${value.yes}/${value.n}`;
  if (row.kind === 'exact' || value.min === value.max) return row.fmt(value.median);
  return `${row.fmt(value.median)} (${row.fmt(value.min)}–${row.fmt(value.max)})`;
};

const ratio = (row, kakor, peer) => {
  if (row.kind === 'count' || !kakor || !peer || peer.median === 0) return '–';
  return (kakor.median / peer.median).toFixed(2);
};

const markdown = (header, rows) => {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
};

/** The comparison: one row per figure, kakor first, each peer with its kakor/peer ratio. */
export function comparisonTable(libs, summaries, baseline) {
  const [kakor, ...peers] = libs;
  const header = ['figure', kakor.label ?? kakor.id];
  for (const peer of peers) header.push(peer.label ?? peer.id, `kakor/${peer.id}`);
  if (baseline) header.push(baseline.label ?? baseline.id);
  const rows = ROWS.map((row) => {
    const k = summaries[kakor.id]?.[row.key];
    const cells = [row.label, cell(row, k)];
    for (const peer of peers) {
      const p = summaries[peer.id]?.[row.key];
      cells.push(cell(row, p), ratio(row, k, p));
    }
    if (baseline) cells.push(cell(row, summaries[baseline.id]?.[row.key]));
    return cells;
  });
  return markdown(header, rows);
}

/**
 * Which files each library's visits requested (the byte rows count exactly these),
 * so a file loaded on demand, or one that stopped loading, shows up by name.
 */
export function filesNote(libs, samples) {
  const files = (visits, key) => {
    const all = [...new Set(visits.flatMap((v) => v[key] ?? []))];
    return all.length ? all.map((f) => `\`${f.replace(/^\/(node_modules\/)?/, '')}\``).join(' + ') : 'none';
  };
  return libs.map((lib) => {
    const s = samples[lib.id];
    const parts = [`head script ${files(s.first, 'headScripts')}`, `first visit ${files(s.first, 'files')}`];
    if (s.returning.length) parts.push(`returning visitor ${files(s.returning, 'files')}`);
    return `- ${lib.label ?? lib.id}: ${parts.join('; ')}`;
  }).join('\n');
}

/** kakor's entry sizes and its interception overhead (rows from intercept-overhead.mjs). */
export function kakorTable(entries, intercept) {
  const sizes = markdown(
    ['kakor entry', 'files', 'raw (B)', 'gzip (B)', 'brotli (B)'],
    entries.map((e) => [e.name, String(e.files), int(e.raw), int(e.gzip), int(e.brotli)]),
  );
  if (!intercept) return sizes;
  const overhead = markdown(
    ['1,000 insertions, none blocked (median of 21)', 'without kakor (ms)', 'with kakor (ms)', 'overhead (ms)', 'with/without (target ≤ 1.10)',
      'with kakor, all granted (ms)', 'all granted/without'],
    intercept.map((w) => [w.way, w.withoutMs.toFixed(2), w.withMs.toFixed(2), (w.withMs - w.withoutMs).toFixed(2),
      `${w.ratio.toFixed(2)}${w.ratio > 1.1 ? ' (over)' : ''}`, w.grantedMs.toFixed(2),
      `${w.grantedRatio.toFixed(2)}${w.grantedRatio > 1.1 ? ' (over)' : ''}`]),
  );
  return `${sizes}\n\n${overhead}`;
}

/** Shares of the minified script-tag bundle by origin. */
export function compositionTable(parts) {
  return markdown(
    ['dist/kakor.js by origin (esbuild re-bundle)', 'minified (B)', 'share'],
    parts.map((p) => [p.group, int(p.bytes), `${(p.share * 100).toFixed(0)}%`]),
  );
}
