// Stand-in for a third-party analytics script (served for every /vendor/ URL):
// it only records that it ran and sets a first-party analytics cookie.
window.__analyticsRan = true;
document.cookie = '_ga=GA1.1.1000.1700000000; path=/; max-age=63072000; SameSite=Lax';
