// Compiled alone: importing `kakor` types the kakor:* events on window.
import { init } from 'kakor';

window.addEventListener('kakor:change', (e) => {
  const granted: string[] = e.detail.granted;
  const decided: boolean = e.detail.consent.decided;
  void [granted, decided];
});
window.addEventListener('kakor:show', (e) => { const view: 'banner' | 'preferences' = e.detail.view; void view; });
// @ts-expect-error: kakor:ready's detail has no firstTime
window.addEventListener('kakor:ready', (e) => e.detail.firstTime);
void init;
