// The dialog's stylesheet and how a shadow root gets it. Each themeable value is a
// --kakor-* custom property, read once on :host into a short private one. The
// colour scheme is the page's (CONTRACT §8): the host inherits the page's
// `color-scheme` (the root's property, else its <meta name="color-scheme">), and
// light-dark() picks each default by it, so no script reads it; where light-dark()
// is unknown (browsers before 2024) the light defaults stay.
import { addSheet, createSheet as createSheetOf } from '../shell/styleRoot';

// Lines end in \ (a line continuation) so the string itself holds no newlines.
const css = `:host{all:initial;color-scheme:inherit;--b:var(--kakor-bg,#fff);--f:var(--kakor-fg,#1c1c21);--m:var(--kakor-muted,#5c5c68);--a:var(--kakor-accent,#1f5bd8);--l:var(--kakor-border,#d6d6de);font:15px/1.5 var(--kakor-font,system-ui,sans-serif);color:var(--f)}\
@supports(color:light-dark(#000,#fff)){:host{--b:var(--kakor-bg,light-dark(#fff,#1f2026));--f:var(--kakor-fg,light-dark(#1c1c21,#f2f2f5));--m:var(--kakor-muted,light-dark(#5c5c68,#a8a8b5));--a:var(--kakor-accent,light-dark(#1f5bd8,#93b4ff));--l:var(--kakor-border,light-dark(#d6d6de,#45464f))}}\
*{box-sizing:border-box;margin:0;font:inherit;color:inherit}\
h2,h3,h4,th,strong,.b{font-weight:600}\
h2{font-size:1.25em}\
p{margin-top:4px}\
a{color:var(--a)}\
:focus-visible{outline:3px solid var(--kakor-focus,var(--a));outline-offset:2px}\
.bn,.dl,.ph{background:var(--b)}\
.bn,.dl{box-shadow:0 4px 32px #0006}\
.bn,.ov{position:fixed;z-index:var(--kakor-z-index,2147483000)}\
.bn{inset:auto 0 0;display:flex;flex-wrap:wrap;align-items:center;gap:12px 32px;max-height:100%;overflow:auto;padding:16px max(16px,50% - 560px)}\
.bn[data-dock=top]{inset:0 0 auto}\
.tx{flex:1 1 360px}\
.bt{display:grid;grid:auto/1fr 1fr 1fr;gap:8px}\
.bx{inset:0;margin:auto;width:min(440px,100% - 32px);height:fit-content;max-height:calc(100% - 32px);display:block;padding:24px}\
.bx[data-dock=bottom]{inset:auto 0 16px}\
.bx[data-dock=top]{inset:16px 0 auto}\
.bx[data-dock=bar]{inset:auto 0 0;width:auto;height:auto;margin:0;border-width:1px 0 0;border-radius:0;display:flex;padding:16px max(16px,50% - 560px)}\
.bx[data-dock=bar] .bt{margin-top:0}\
@media(min-width:481px){.bx[data-dock=bar] .bt{grid:auto/1fr 1fr 1fr}}\
.bx .bt{grid:auto/1fr;margin-top:16px}\
button{background:none;border:0;cursor:pointer}\
.b{background:var(--f);color:var(--b)}\
.b{min-height:44px;padding:8px 16px;border-radius:8px}\
.ov{inset:0;display:flex;align-items:center;justify-content:center;padding:16px;background:var(--kakor-backdrop,#0009)}\
.dl{display:flex;flex-direction:column;width:min(640px,100%);max-height:100%;outline:0}\
.dl,.bx,.ph{border:1px solid var(--l);border-radius:var(--kakor-radius,12px)}\
.hd,.bd,.dl .bt{padding:16px 20px}\
.rw{display:flex;align-items:center;gap:12px}\
h2,h3,h4{flex:1}\
.bd{overflow:auto;padding-top:0;border-block:1px solid var(--l)}\
.x{width:44px;height:44px;margin:-8px;font-size:28px}\
.c{padding-top:12px;margin-top:12px;border-top:1px solid var(--l)}\
.c p,.on{color:var(--m)}\
.on,table{font-size:.85em}\
.e{display:flex;align-items:center;gap:10px;padding:8px 0;text-align:left}\
.e:before{content:"";width:7px;height:7px;border:solid;border-width:0 2px 2px 0;rotate:-45deg}\
[aria-expanded=true]:before{rotate:45deg}\
.sw{flex:none;width:44px;height:24px;padding:3px;border-radius:12px;background:var(--m)}\
.sw:after{content:"";display:block;width:18px;height:18px;border-radius:50%;background:var(--b)}\
[aria-checked=true]{background:var(--a)}\
[aria-checked=true]:after{translate:20px}\
[aria-disabled]{opacity:.6;cursor:auto}\
.s{margin:12px 0 0 16px;padding-top:12px;border-top:1px dashed var(--l)}\
table{width:100%;margin-top:8px;border-collapse:collapse}\
th,td{padding:4px 8px 4px 0;border-bottom:1px solid var(--l);text-align:left;vertical-align:top}\
td{overflow-wrap:break-word}\
.cn{white-space:nowrap}\
.ph{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;padding:16px;text-align:center}\
@keyframes k{0%{translate:0 16px}}\
@media(max-width:480px){.bt{grid:auto/1fr;flex:auto}}\
@media(max-width:480px),(max-height:480px){.dl{overflow:auto}.bd{overflow:visible}.s{margin-left:0}}\
@media(max-width:480px){table,tr,td{display:block}tr{padding:6px 0;border-bottom:1px solid var(--l)}tr:first-child{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}td{padding:0;border:0}.cn{font-weight:600;white-space:normal;overflow-wrap:anywhere}td[data-label]:before{content:attr(data-label) ": "}}\
@media(prefers-reduced-motion:no-preference){.bn,.dl{animation:k .3s}.sw:after{transition:translate .2s}}`;

/** One constructable sheet, shared by every shadow root of one mount; null where unsupported. */
export const createSheet = (): CSSStyleSheet | null => createSheetOf(css);

/** Styles a shadow root, beside the reopen button's sheet where it has one. */
export const adopt = (root: ShadowRoot, sheet: CSSStyleSheet | null): void => addSheet(root, sheet, css);
