// Types for vendors.mjs, so TypeScript tests can serve or map the fakes.

export interface VendorResponse {
  type: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

/** The fake for `host/path` (without `/vendor/`), or null when there is none. */
export function vendorResponse(hostPath: string, params: URLSearchParams): VendorResponse | null;

/** Every fake's `host/path` prefix. */
export const vendorPaths: string[];

/** The real hosts the fakes stand in for. */
export const vendorHosts: Set<string>;
