// kakor/log-server: the proof-of-consent receiver (CONTRACT §9) and its stores.
export { createLogHandler } from './handler';
export type { ClientInfo, LogHandler, LogHandlerOptions } from './handler';
export { openLogStore } from './openLogStore';
export type { LogStoreOptions } from './openLogStore';
export type { LogStore, StatsRow, TimeRange } from './logStore';
export type { LoggedChoice } from './choice';
export type { RateLimit } from './rateLimit';
export { startLogServer } from './nodeServer';
export type { RunningLogServer } from './nodeServer';
