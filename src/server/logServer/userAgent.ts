// The one thing the log keeps of a User-Agent header: the browser family.
// Order matters: Edge and Opera say "Chrome", Chrome says "Safari".

const FAMILIES: [string, RegExp][] = [
  ['Edge', /\bEdg(e|A|iOS)?\//],
  ['Opera', /\b(OPR|Opera)\//],
  ['Samsung Internet', /\bSamsungBrowser\//],
  ['Firefox', /\b(Firefox|FxiOS)\//],
  ['Chrome', /\b(HeadlessChrome|Chrome|Chromium|CriOS)\//],
  ['Safari', /\bVersion\/[\d.]+.*\bSafari\//],
];

/** "Chrome", "Firefox", "Safari", "Edge", "Opera", "Samsung Internet" or "other". */
export function userAgentFamily(header: string | null): string {
  if (!header) return 'other';
  for (const [family, test] of FAMILIES) if (test.test(header)) return family;
  return 'other';
}
