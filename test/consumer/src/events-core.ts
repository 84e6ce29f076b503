// Compiled alone: importing only `kakor/core` types the kakor:* events on window.
import { createConsent } from 'kakor/core';

window.addEventListener('kakor:consent', (e) => { const first: boolean = e.detail.firstTime; void first; });
window.addEventListener('kakor:hide', (e) => { const view: string = e.detail.view; void view; });
// @ts-expect-error: kakor:change's detail has no view
window.addEventListener('kakor:change', (e) => e.detail.view);
void createConsent;
