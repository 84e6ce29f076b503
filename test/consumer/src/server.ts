// What a server route or middleware does with the visitor's Cookie header.
import { readConsent } from 'kakor/server';
import type { ConsentState } from 'kakor/core';
import manifest from './cookies.json';

export function analyticsAllowed(request: Request): boolean {
  const state: ConsentState = readConsent(request.headers.get('cookie'), manifest);
  return state.decided && state.categories.analytics === true;
}

export const anyChoice = (cookieHeader: string | undefined) => readConsent(cookieHeader).decided;
