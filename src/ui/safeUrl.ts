// Which manifest URLs may become links: http(s) and relative only (CONTRACT §8),
// so a `javascript:` or `data:` policyUrl is dropped instead of made clickable.

/** The URL when it is http(s) or relative, otherwise undefined. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url != 'string') return;
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"),
  // so judge the URL with them removed.
  const bare = url.replace(/[\0- ]/g, '');
  if (bare && (/^https?:/i.test(bare) || !/^[a-z][\w+.-]*:/i.test(bare))) return url.trim();
}
