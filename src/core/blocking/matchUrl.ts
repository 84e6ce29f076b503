// Which service a script, iframe or image URL belongs to, by the services'
// `scripts` patterns (CONTRACT §5.3): URL substrings and compiled `/regex/`.

/** The id of the first service whose `scripts` pattern matches this URL (resolved against base), or undefined. data: and blob: URLs never match. */
export function matchService(
  url: string,
  services: { id: string; scripts: (string | RegExp)[] }[],
  base: string,
): string | undefined {
  let abs: string;
  try {
    abs = new URL(url, base).href;
  } catch {
    return undefined;
  }
  // Their bytes are already in the page: nothing to ask a vendor for.
  if (/^(data|blob):/i.test(abs)) return undefined;
  const lower = abs.toLowerCase();
  // Substrings compare without case so `GoogleTagManager.com` in a manifest
  // still blocks; `search` ignores a /g flag's lastIndex, unlike `test`.
  const service = services.find((s) =>
    s.scripts.some((p) => (typeof p == 'string' ? lower.includes(p.toLowerCase()) : abs.search(p) > -1)));
  return service && service.id;
}
