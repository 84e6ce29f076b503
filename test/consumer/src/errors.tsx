// What an app must not be able to write: each line below is a type error.
import { createConsent, type Manifest } from 'kakor/core';
import { init } from 'kakor';
import { ConsentGate } from 'kakor/react';
import { readConsent } from 'kakor/server';

// @ts-expect-error: kakor.js is a script, it exports nothing
import { start } from 'kakor/kakor.js';
// @ts-expect-error: no entry kakor/ui
import 'kakor/ui';

// @ts-expect-error: a manifest needs categories
createConsent({ manifest: { services: [] } });
// @ts-expect-error: defaultLanguage is a string
const badLanguage: Manifest = { categories: ['necessary'], defaultLanguage: 1 };
// @ts-expect-error: revision is a number
const badRevision: Manifest = { categories: ['necessary'], revision: '2' };
// @ts-expect-error: layout is bar or box
void init({ layout: 'modal' });
// @ts-expect-error: no such event
createConsent().on('changed', () => {});
// @ts-expect-error: readConsent takes a Cookie header string
readConsent({ cookie: 'kakor_consent=1' });
// @ts-expect-error: a gate needs a category or a service
const noId = <ConsentGate fallback={null}>…</ConsentGate>;
// @ts-expect-error: a gate takes a category or a service, not both
const both = <ConsentGate category="analytics" service="youtube">…</ConsentGate>;

void [start, badLanguage, badRevision, noId, both];
