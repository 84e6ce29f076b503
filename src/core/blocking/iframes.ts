// Loads `<iframe data-src data-service>` embeds once their service (or, without
// one, their category) is granted (CONTRACT §5.2). Placeholders are the UI's.
import type { Allowed } from './scripts';

export const BLOCKED_IFRAMES = 'iframe[data-src]';

export function releaseIframes(doc: Document, allowed: Allowed): void {
  for (const frame of doc.querySelectorAll<HTMLIFrameElement>(BLOCKED_IFRAMES)) {
    if (!allowed(frame)) continue;
    frame.src = frame.getAttribute('data-src')!;
    frame.removeAttribute('data-src');
  }
}
