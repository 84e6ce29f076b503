/** @jsxRuntime classic */
/** @jsx h */
// One category in the preferences: its switch (locked on when required) and,
// expanded, its services with their own switches and cookie tables.
import { h } from 'preact';
import { localize, type Category, type CookieInfo, type Service } from '../core/index';
import type { Ui } from './ui';

/**
 * The on/off switch of a category or service (WAI-ARIA switch pattern), showing its draft.
 * `locked`: the required category, which the draft starts on and nothing flips.
 */
const switcher = ({ draft, flip }: Ui, id: string, label: string, locked?: boolean) => (
  <button
    class="sw" part="switch" role="switch" aria-checked={draft[id]} aria-label={label}
    // aria-disabled, not disabled: it stays focusable, so a screen reader user hears it is locked on.
    aria-disabled={locked || undefined} onClick={() => locked || flip(id, !draft[id])}
  />
);

/** A cookie named by a pattern, `/^_ga_/`, reads as `_ga_*` to a visitor. */
const cookieName = (name: string) => name.replace(/^\/\^?(.*?)\$?\/$/, '$1*');

/** A duration as written, except the manifest's "session", which a visitor reads as words. */
const duration = ({ t, lang }: Ui, d: CookieInfo['duration']) => {
  const text = localize(d, lang);
  return text && /^session$/i.test(text) ? t.sessionDuration : text;
};

function service(ui: Ui, s: Service, locked: boolean) {
  const { t, lang } = ui;
  // Only http(s) and relative URLs get this far: the manifest check drops the rest.
  const policy = localize(s.privacyPolicyUrl, lang);
  return (
    <div class="s">
      <div class="rw">
        <h4>{s.name}</h4>
        {!locked && switcher(ui, s.id, s.name)}
      </div>
      {s.description && <p>{localize(s.description, lang)}</p>}
      {s.provider && <p>{t.provider}: {s.provider}</p>}
      {policy && <p><a href={policy}>{t.privacyPolicy}</a></p>}
      {s.cookies.length > 0 && (
        <table>
          <tr>{[t.cookieName, t.purpose, t.duration].map((x) => <th scope="col">{x}</th>)}</tr>
          {s.cookies.map((c) => (
            <tr>
              {/* A third-party cookie names the site that sets it. */}
              <td class="cn">{cookieName(c.name)}{c.domain && [<br />, c.domain]}</td>
              <td>{localize(c.purpose, lang)}</td>
              {/* data-label: on a narrow screen each row stacks, and the duration is labelled in place. */}
              <td data-label={t.duration}>{duration(ui, c.duration)}</td>
            </tr>
          ))}
        </table>
      )}
    </div>
  );
}

/** `index` makes the element ids: a category id may hold characters an id list cannot. */
export function category(ui: Ui, c: Category, index: number) {
  const { m, t, lang, open } = ui;
  const title = localize(c.title, lang);
  const services = m.services.filter((s) => s.category == c.id);
  const id = `kc${index}`;
  return (
    <div class="c" part="category">
      <div class="rw">
        <h3>
          {services.length
            ? <button class="e" aria-expanded={!!open[c.id]} aria-controls={id} onClick={() => ui.toggle(c.id)}>{title}</button>
            : title}
        </h3>
        {c.required && <span class="on">{t.alwaysOn}</span>}
        {switcher(ui, c.id, title, c.required)}
      </div>
      <p>{localize(c.description, lang)}</p>
      {open[c.id] && <div id={id}>{services.map((s) => service(ui, s, c.required))}</div>}
    </div>
  );
}
