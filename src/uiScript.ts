// The dialog entry (dist/kakor-ui.js, CONTRACT §1.1): Preact, the views, the
// styles and the texts. kakor.js loads it when a view must be drawn and gives it
// where to mount through its own <script> element (src/shell/dialogScript.ts).
import type { DialogScript } from './shell/dialogScript';
import { mountUi } from './ui/mountUi';

const script = document.currentScript as DialogScript | null;
if (script && script.kakorMount) script.kakorMount(mountUi);
else console.error('kakor: kakor-ui.js is loaded by kakor.js when a view is drawn; remove its own <script> tag');
