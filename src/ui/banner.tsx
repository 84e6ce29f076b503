/** @jsxRuntime classic */
/** @jsx h */
// The first layer (CONTRACT §8): title, short text, policy link and the three
// equal buttons, as a bar along the bottom or a centred box.
import { h, type ComponentChild } from 'preact';
import { localize, type UiSource } from '../core/index';
import { fill, listPurposes } from './texts';
import type { Ui } from './ui';

/** Accept and reject, equal in size and weight (CONTRACT §8), with the view's own third button. */
export function choices({ consent, t }: Ui, source: UiSource, third: ComponentChild) {
  const accept = <button class="b" part="button accept" onClick={() => consent.acceptAll(source)}>{t.acceptAll}</button>;
  const reject = <button class="b" part="button reject" onClick={() => consent.rejectAll(source)}>{t.rejectAll}</button>;
  return <div class="bt">{source == 'banner' ? [accept, reject, third] : [third, accept, reject]}</div>;
}

/** The text with the policy link after it, when the manifest has a safe one. */
export const withPolicy = ({ t, policy }: Ui, text: string) => (
  <p>{text}{policy && [' ', <a href={policy}>{t.policyLink}</a>]}</p>
);

export function banner(ui: Ui, box: boolean) {
  const { consent, m, t, lang } = ui;
  // The first layer names every purpose the visitor is asked about (CONTRACT §8).
  const purposes = listPurposes(m.categories.filter((c) => !c.required).map((c) => localize(c.title, lang)!), t);
  return (
    <section class={box ? 'bn bx' : 'bn'} part="banner" aria-labelledby="kt">
      <div class="tx">
        <h2 id="kt">{t.bannerTitle}</h2>
        {withPolicy(ui, fill(t.bannerText, 'purposes', purposes))}
      </div>
      {/* class f: where focus goes back to when the preferences close undecided */}
      {choices(ui, 'banner', <button class="b f" part="button customise" onClick={consent.showPreferences}>{t.customise}</button>)}
    </section>
  );
}
