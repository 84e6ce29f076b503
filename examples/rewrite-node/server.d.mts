// Types for server.mjs, so the TypeScript browser test can start it.
import type { Manifest } from 'kakor/rewrite';

export function startRewriteServer(options: { upstream: string; manifest: Manifest; port?: number; host?: string }):
  Promise<{ origin: string; close(): Promise<void> }>;
