// The dialog in real Chromium (issue 4): dist/kakor.js by script tag on the
// example pages. axe-core, keyboard-only use, focus, button sizes, layout
// shift, a strict CSP and a hostile manifest.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, visit } from './harness';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGE = '/examples/script-tag/';
const w = {
  sv: { title: 'Vi använder cookies', accept: 'Godkänn alla', reject: 'Neka alla', customise: 'Anpassa', settings: 'Cookieinställningar', save: 'Spara mina val', analytics: 'Statistik' },
  en: { title: 'We use cookies', accept: 'Accept all', reject: 'Reject all', customise: 'Customise', settings: 'Cookie settings', save: 'Save my choices', analytics: 'Analytics' },
};

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Opens a page with the given viewport and colour scheme, kakor ready. */
async function open(path = PAGE, options: { width?: number; height?: number; dark?: boolean; lang?: 'sv' | 'en' } = {}) {
  const v = await openPage(browser);
  await v.page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 800 });
  await v.page.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light' });
  await visit(v.page, path);
  if (options.lang) await v.page.evaluate((l) => window.kakor.setLanguage(l), options.lang);
  return v;
}

const ui = (page: Page) => page.locator('kakor-dialog');

/** The accessible name (or text) of the focused element, looking into shadow roots. */
const focusedName = (page: Page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
});

/** Whether focus is inside the preferences dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => {
  const root = document.querySelector('kakor-dialog')!.shadowRoot!;
  const dialog = root.querySelector('[role=dialog]');
  return !!dialog && document.activeElement === root.host && dialog.contains(root.activeElement);
});

/** Presses Tab until the focused element is named `name`; fails after 60 presses. */
async function tabTo(page: Page, name: string, key = 'Tab') {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(key);
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function axe(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: Function } }).axe.run(
      { include: [['kakor-dialog']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    );
    return (result.violations as { id: string; nodes: { target: unknown; failureSummary: string }[] }[])
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join('; ')}`);
  });
}

describe('axe-core finds no WCAG 2.2 AA violation', () => {
  for (const lang of ['sv', 'en'] as const) {
    for (const dark of [false, true]) {
      const label = `${lang}, ${dark ? 'dark' : 'light'}`;
      it(`in the banner and the expanded preferences (${label})`, async () => {
        const v = await open(PAGE, { dark, lang });
        await ui(v.page).getByRole('region', { name: w[lang].title }).waitFor();
        expect(await axe(v.page)).toEqual([]);
        await ui(v.page).getByRole('button', { name: w[lang].customise }).click();
        const dialog = ui(v.page).getByRole('dialog', { name: w[lang].settings });
        for (const button of await dialog.locator('button[aria-expanded]').all()) await button.click();
        expect(await axe(v.page)).toEqual([]);
        expect(v.pageErrors).toEqual([]);
        await v.close();
      });
    }
  }

  it('in the box layout, the floating button and an iframe placeholder', async () => {
    const v = await open('/test/browser/pages/ui/box.html', { dark: true });
    await ui(v.page).getByRole('region', { name: w.sv.title }).waitFor();
    expect(await axe(v.page)).toEqual([]);
    await ui(v.page).getByRole('button', { name: w.sv.reject }).click();
    await ui(v.page).getByRole('button', { name: w.sv.settings }).waitFor();
    const results = await v.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: Function } }).axe;
      const r = await axe.run({ include: [['kakor-dialog'], ['kakor-placeholder']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return (r.violations as { id: string }[]).map((x) => x.id);
    });
    expect(results).toEqual([]);
    await v.close();
  });
});

describe('keyboard only', () => {
  it('rejects all from the banner, which comes first in the tab order', async () => {
    const v = await open();
    await tabTo(v.page, w.sv.reject);
    await v.page.keyboard.press('Enter');
    expect(await v.page.evaluate(() => window.kakor.getConsent())).toMatchObject({
      decided: true, source: 'banner', categories: { necessary: true, analytics: false, marketing: false },
    });
    await v.close();
  });

  it('accepts all from the banner with Space', async () => {
    const v = await open();
    await tabTo(v.page, w.sv.accept);
    await v.page.keyboard.press('Space');
    expect(await v.page.evaluate(() => window.kakor.getConsent())).toMatchObject({
      decided: true, source: 'banner', categories: { analytics: true, marketing: true },
    });
    // Focus is not dropped on the page: it lands on the reopen button.
    expect(await focusedName(v.page)).toBe(w.sv.settings);
    // Which opens the preferences on this same page, drawn with the dialog's stylesheet
    // (the button, made after the decision, once replaced it: the dialog fell into the flow).
    await v.page.keyboard.press('Enter');
    await ui(v.page).getByRole('dialog', { name: w.sv.settings }).waitFor();
    expect(await v.page.evaluate(() => {
      const dialog = document.querySelector('kakor-dialog')!.shadowRoot!.querySelector('[role=dialog]')!;
      return [getComputedStyle(dialog.parentElement!).position, document.querySelector('kakor-dialog')!.getBoundingClientRect().height];
    })).toEqual(['fixed', 0]);
    await v.close();
  });

  it('saves a custom choice, keeping focus trapped in the dialog all along', async () => {
    const v = await open(PAGE, { lang: 'en' });
    await tabTo(v.page, w.en.customise);
    await v.page.keyboard.press('Enter');
    expect(await focusInDialog(v.page)).toBe(true);
    // Round and round both ways: focus never leaves the dialog.
    for (let i = 0; i < 25; i++) {
      await v.page.keyboard.press('Tab');
      expect(await focusInDialog(v.page)).toBe(true);
    }
    for (let i = 0; i < 25; i++) {
      await v.page.keyboard.press('Shift+Tab');
      expect(await focusInDialog(v.page)).toBe(true);
    }
    await tabTo(v.page, w.en.analytics);
    const isSwitch = await v.page.evaluate(() => {
      const el = document.querySelector('kakor-dialog')!.shadowRoot!.activeElement!;
      return el.getAttribute('role') === 'switch' ? el.getAttribute('aria-checked') : 'not the switch';
    });
    if (isSwitch === 'not the switch') await tabTo(v.page, w.en.analytics);
    await v.page.keyboard.press('Space');
    await tabTo(v.page, w.en.save);
    await v.page.keyboard.press('Enter');
    expect(await v.page.evaluate(() => window.kakor.getConsent())).toMatchObject({
      decided: true, source: 'preferences', categories: { necessary: true, analytics: true, marketing: false },
    });
    await v.close();
  });

  it('Escape closes the preferences and focus returns to what opened them', async () => {
    const v = await open();
    await tabTo(v.page, w.sv.customise);
    await v.page.keyboard.press('Enter');
    expect(await focusInDialog(v.page)).toBe(true);
    await v.page.keyboard.press('Escape');
    expect(await v.page.evaluate(() => window.kakor.getView())).toBe('banner');
    expect(await focusedName(v.page)).toBe(w.sv.customise);
    await tabTo(v.page, w.sv.reject, 'Shift+Tab');
    await v.page.keyboard.press('Enter');

    // The site's own footer button, data-kakor-open.
    await v.page.locator('footer [data-kakor-open]').focus();
    await v.page.keyboard.press('Enter');
    expect(await focusInDialog(v.page)).toBe(true);
    await v.page.keyboard.press('Escape');
    expect(await v.page.evaluate(() => window.kakor.getView())).toBe(null);
    expect(await v.page.evaluate(() => document.activeElement?.hasAttribute('data-kakor-open'))).toBe(true);
    await v.close();
  });
});

describe('accept and reject are equal and visible without scrolling', () => {
  for (const [width, height] of [[320, 640], [1280, 800]]) {
    it(`at ${width}×${height}`, async () => {
      const v = await open(PAGE, { width, height });
      const boxes = [];
      for (const name of [w.sv.accept, w.sv.reject, w.sv.customise]) {
        const button = ui(v.page).getByRole('button', { name });
        const box = (await button.boundingBox())!;
        const font = await button.evaluate((el) => {
          const s = getComputedStyle(el);
          return `${s.fontFamily} ${s.fontSize} ${s.fontWeight} ${s.color} ${s.backgroundColor}`;
        });
        boxes.push({ ...box, font });
      }
      const [accept, reject, customise] = boxes;
      expect(reject.height).toBe(accept.height);
      expect(reject.width).toBe(accept.width);
      expect(customise.height).toBe(accept.height);
      expect(reject.font).toBe(accept.font);
      for (const b of boxes) {
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height).toBeLessThanOrEqual(height);
        expect(b.x + b.width).toBeLessThanOrEqual(width);
      }
      expect(await v.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await v.close();
    });
  }
});

// NOTE: a page painted while still being parsed can shift by itself (measured at CPU ×6:
// the header's nav grows as its last link arrives), more often with any script that
// runs during parsing; that is the page's own shift, not the banner's. So the banner's
// first appearance is checked by what makes a shift impossible (a host that takes no
// room in the flow, a fixed banner), and its going and coming back by the shifts
// measured once the page is loaded.
it('causes no layout shift (CLS 0) when the banner appears and goes', async () => {
  const v = await openPage(browser);
  await v.context.addInitScript(() => {
    const shifts: [number, number][] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) shifts.push([e.startTime, (e as unknown as { value: number }).value]);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await visit(v.page, PAGE);
  const banner = ui(v.page).getByRole('region', { name: w.sv.title });
  await banner.waitFor();
  expect(await v.page.evaluate(() => {
    const host = document.querySelector('kakor-dialog')!;
    const box = host.getBoundingClientRect();
    const region = host.shadowRoot!.querySelector('[part=banner]')!;
    return { width: box.width, height: box.height, first: document.body.firstElementChild === host, position: getComputedStyle(region).position };
  })).toEqual({ width: 0, height: 0, first: true, position: 'fixed' });

  const since = await v.page.evaluate(() => performance.now());
  const shiftsSince = () => v.page.evaluate((t) => new Promise<number[]>((done) => requestAnimationFrame(() =>
    // Two frames later every shift so far has been reported.
    requestAnimationFrame(() => done((window as unknown as { __shifts: [number, number][] }).__shifts
      .filter(([at]) => at >= t).map(([, value]) => value))))), since);
  await ui(v.page).getByRole('button', { name: w.sv.accept }).click();
  await ui(v.page).getByRole('button', { name: w.sv.settings }).waitFor();
  expect(await shiftsSince()).toEqual([]);
  // Shown again on the same page: the reopen button, made after the decision, must
  // not have taken the dialog's stylesheet (it did once, drawing the banner in the flow).
  await v.page.evaluate(() => window.kakor.show());
  await banner.waitFor();
  expect(await shiftsSince()).toEqual([]);
  expect(await v.page.evaluate(() => getComputedStyle(document.querySelector('kakor-dialog')!.shadowRoot!.querySelector('[part=banner]')!).position)).toBe('fixed');
  await v.close();
});

it('shows the banner opaque in the first frame it is painted in, also where motion is allowed', async () => {
  const v = await openPage(browser);
  await v.page.emulateMedia({ reducedMotion: 'no-preference' });
  // Each frame until the banner exists, note its opacity: a fade-in from
  // transparent would keep the first painted frame empty.
  await v.context.addInitScript(() => {
    const w = window as unknown as { __firstOpacity?: string };
    const frame = () => {
      const banner = document.querySelector('kakor-dialog')?.shadowRoot?.querySelector('[part=banner]');
      if (banner) w.__firstOpacity = getComputedStyle(banner).opacity;
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await visit(v.page, PAGE);
  await ui(v.page).getByRole('region', { name: w.sv.title }).waitFor();
  expect(await v.page.evaluate(() => (window as unknown as { __firstOpacity?: string }).__firstOpacity)).toBe('1');
  await v.close();
});

it('reports no CSP violation on a page with script-src and style-src \'self\', styled all the same', async () => {
  const v = await open('/examples/strict-csp/');
  const banner = ui(v.page).getByRole('region', { name: w.sv.title });
  await banner.waitFor();
  expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  await ui(v.page).getByRole('button', { name: w.sv.customise }).click();
  await ui(v.page).getByRole('dialog').waitFor();
  await ui(v.page).getByRole('button', { name: w.sv.accept }).click();
  await ui(v.page).getByRole('button', { name: w.sv.settings }).waitFor();
  expect(await v.page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(v.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  await v.close();
});

it('renders a hostile manifest literally and runs none of it', async () => {
  const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>fet</b>';
  const v = await open('/test/browser/pages/ui/xss.html');
  const page = v.page;
  const banner = ui(page).getByRole('region', { name: evil });
  await banner.waitFor();
  expect(await banner.getByRole('button', { name: evil }).count()).toBe(3);
  await banner.getByRole('button', { name: evil }).nth(2).click();
  const dialog = ui(page).getByRole('dialog', { name: evil });
  for (const button of await dialog.locator('button[aria-expanded]').all()) await button.click();
  expect(await dialog.getByText(evil, { exact: true }).count()).toBeGreaterThan(10);
  const placeholder = page.locator('kakor-placeholder');
  expect(await placeholder.getByRole('button').textContent()).toBe(evil);
  const found = await page.evaluate(() => {
    const roots = [...document.querySelectorAll('kakor-dialog, kakor-placeholder')].map((h) => h.shadowRoot!);
    return {
      elements: roots.flatMap((r) => [...r.querySelectorAll('img, script, b')]).length,
      links: roots.flatMap((r) => [...r.querySelectorAll('a')]).map((a) => a.getAttribute('href')),
      xss: (window as unknown as { __xss?: number }).__xss ?? null,
    };
  });
  expect(found).toEqual({ elements: 0, links: [], xss: null });
  await page.evaluate(() => window.kakor.setLanguage('en'));
  expect(await ui(page).locator('a').count()).toBe(0);
  expect(v.pageErrors).toEqual([]);
  await v.close();
});
