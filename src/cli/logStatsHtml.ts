// `kakor log stats --html FILE`: one self-contained page, a stacked bar per day
// and revision in inline SVG. No script, no external asset.
import type { StatsRow } from '../server/logServer/logStore';
import { withShares } from './logFormat';

const COLOURS = { acceptAll: '#2e7d32', custom: '#f9a825', rejectAll: '#c62828' };
const LABELS = { acceptAll: 'Accept all', custom: 'Custom', rejectAll: 'Reject all' };
const esc = (s: string | number) => String(s).replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function statsHtml(rows: StatsRow[], title: string): string {
  const bar = 22;
  const width = 640;
  const label = 150;
  const bars = rows.map(withShares).map((r, i) => {
    let x = label;
    const parts = (['acceptAll', 'custom', 'rejectAll'] as const).map((k) => {
      const w = r.total ? (r[k] / r.total) * (width - label) : 0;
      const rect = `<rect x="${x.toFixed(1)}" y="${i * (bar + 6)}" width="${w.toFixed(1)}" height="${bar}" fill="${COLOURS[k]}">`
        + `<title>${LABELS[k]}: ${r[k]} (${r[`${k}Share`]}%)</title></rect>`;
      x += w;
      return rect;
    });
    return `<text x="0" y="${i * (bar + 6) + 16}">${esc(r.day)} · rev ${esc(r.revision)}</text>${parts.join('')}`;
  });
  const rowsHtml = rows.map(withShares).map((r) => `<tr><td>${esc(r.day)}</td><td>${esc(r.revision)}</td>`
    + `<td>${r.acceptAll} (${r.acceptAllShare}%)</td><td>${r.rejectAll} (${r.rejectAllShare}%)</td>`
    + `<td>${r.custom} (${r.customShare}%)</td><td>${r.total}</td></tr>`).join('\n');
  const legend = (['acceptAll', 'custom', 'rejectAll'] as const)
    .map((k) => `<span><i style="background:${COLOURS[k]}"></i>${LABELS[k]}</span>`).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin-top: 1.5rem; }
td, th { padding: .25rem .75rem; border-bottom: 1px solid #ddd; text-align: right; }
td:first-child, th:first-child { text-align: left; }
.legend i { display: inline-block; width: .9em; height: .9em; margin: 0 .3em 0 1em; vertical-align: -.1em; }
svg text { font-size: 13px; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="legend">${legend}</p>
<svg role="img" aria-label="Share of each choice per day and revision" width="${width}" height="${Math.max(1, rows.length * (bar + 6))}">
${bars.join('\n')}
</svg>
<table>
<thead><tr><th>Day (UTC)</th><th>Revision</th><th>Accept all</th><th>Reject all</th><th>Custom</th><th>Total</th></tr></thead>
<tbody>
${rowsHtml}
</tbody>
</table>
</body>
</html>
`;
}
