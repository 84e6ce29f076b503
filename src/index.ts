// `kakor`: the consent engine with its dialog. Importing it does nothing until init().
export { init } from './init';
export type { InitOptions } from './init';
export * from './core/index';
