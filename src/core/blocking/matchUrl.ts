// Which service a script, iframe or image URL belongs to, by the services'
// `scripts` patterns (CONTRACT §5.3): URL substrings and compiled `/regex/`.

/**
 * The id of the first service whose `scripts` pattern matches this absolute
 * http(s) URL, or undefined. The interceptor resolves URLs and asks about
 * http(s) ones only, so data: and blob: URLs never get here.
 */
export function matchService(url: string, services: { id: string; scripts: (string | RegExp)[] }[]): string | undefined {
  const lower = url.toLowerCase();
  // Substrings compare without case so `GoogleTagManager.com` in a manifest
  // still blocks; `search` ignores a /g flag's lastIndex, unlike `test`.
  const service = services.find((s) =>
    s.scripts.some((p) => (typeof p == 'string' ? lower.includes(p.toLowerCase()) : url.search(p) > -1)));
  return service && service.id;
}
