export interface TlsFront {
  /** `https://127.0.0.1:PORT` */
  origin: string;
  port: number;
  close(): Promise<void>;
}
export function startTlsFront(target: string, options?: { port?: number; host?: string }): Promise<TlsFront>;
export function hostRules(frontPort: number): string;
