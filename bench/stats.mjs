// Summaries of repeated samples: median with min and max.

/** { median, min, max, n } of the numbers given (nulls ignored), or null if none. */
export function summarize(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs[xs.length - 1], n: xs.length };
}

/** How many of the booleans are true, { yes, n }, or null if there are none. */
export function count(values) {
  const xs = values.filter((v) => typeof v === 'boolean');
  return xs.length ? { yes: xs.filter(Boolean).length, n: xs.length } : null;
}
