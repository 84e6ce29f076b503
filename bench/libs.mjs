// The libraries under test: where each page is, which requested files are the
// consent tool (counted in bytes), and how to find its first-layer buttons.
// Buttons are matched by selector and exact text, in the document and in any
// open shadow root (kakor renders into one).

export const LIBS = [
  {
    id: 'kakor',
    page: '/bench/pages/kakor/',
    files: ['/dist/'],
    accept: { selector: 'button', text: 'Godkänn alla' },
    reject: { selector: 'button', text: 'Neka alla' },
  },
  {
    id: 'cookieconsent',
    label: 'vanilla-cookieconsent',
    page: '/bench/pages/cookieconsent/',
    files: ['/node_modules/vanilla-cookieconsent/'],
    accept: { selector: '#cc-main .cm__btn', text: 'Godkänn alla' },
    reject: { selector: '#cc-main .cm__btn', text: 'Neka alla' },
  },
  {
    id: 'klaro',
    page: '/bench/pages/klaro/',
    files: ['/node_modules/klaro/'],
    // Swedish translation shipped by klaro: "OK" accepts, "Avböj" declines.
    accept: { selector: '.klaro .cookie-notice .cm-btn-success', text: 'OK' },
    reject: { selector: '.klaro .cookie-notice .cn-decline', text: 'Avböj' },
  },
  {
    id: 'orejime',
    page: '/bench/pages/orejime/',
    files: ['/node_modules/orejime/'],
    accept: { selector: '.orejime-Banner-saveButton', text: 'Acceptera' },
    reject: { selector: '.orejime-Banner-declineButton', text: 'Avböj' },
  },
];

/** The same page with no consent tool: the floor for script cost and layout shift. */
export const BASELINE = { id: 'none', label: 'no tool (baseline)', page: '/bench/pages/none/', files: [] };
