// Types for sizes.mjs, so test/artifact/size.test.ts can share its byte counting.
export interface Size { raw: number; gzip: number; brotli: number }
export function fileSize(file: string): Size;
export function totalSize(files: string[]): Size;
export function entryFiles(entry: string): string[];
export type Entry = 'dist/kakor.js' | 'dist/kakor-ui.js' | 'kakor' | 'kakor/core';
export function kakorEntries(dist: string): Record<Entry, string[]>;
