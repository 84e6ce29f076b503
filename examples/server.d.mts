// Types for server.mjs, so the TypeScript browser tests can start it.

export interface LoggedRequest {
  /** Increases by one per request; `/__kakor/requests?since=N` returns those after N. */
  seq: number;
  method: string;
  /** Path and query, as requested. */
  path: string;
  /** The Host header: `127.0.0.1:PORT` or `www.kakor.test:PORT`. */
  host: string;
  /** The body of a POST or PUT. */
  body?: string;
  time: number;
}

export interface Server {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The live log, oldest first. */
  requests: LoggedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

export function startServer(options?: {
  port?: number;
  host?: string;
  /** A kakor log-server URL that `/consent-log` is passed to; without it `/consent-log` answers 204. */
  consentLog?: string;
}): Promise<Server>;
