// `kakor/rewrite`: blocked markup written on the server (CONTRACT §5.3), for
// Node and edge runtimes: no DOM, no Node streams.
export { rewriteHtml } from './rewriteHtml';
export { rewriteHtmlStream } from './rewriteHtmlStream';
export type { RewriteOptions } from './createRewriter';
export type { Manifest } from '../core/types';
