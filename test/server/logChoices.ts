// Choices as the engine posts them, for the log-server tests.
import { randomUUID } from 'node:crypto';
import type { LoggedChoice, PostedChoice } from '../../src/server/logServer/choice';

export const SITE = 'https://shop.example.se';

export function posted(over: Partial<PostedChoice> = {}): PostedChoice {
  return {
    consentId: randomUUID(), decidedAt: '2026-05-01T12:00:00.000Z', revision: 3, source: 'banner',
    granted: ['necessary', 'stripe'], denied: ['analytics', 'google-analytics', 'marketing'],
    language: 'sv', url: `${SITE}/kassa`, ...over,
  };
}

export function logged(over: Partial<LoggedChoice> = {}): LoggedChoice {
  return { ...posted(), receivedAt: '2026-05-01T12:00:01.000Z', userAgent: 'Firefox', ...over };
}
