// The in-page probe, installed before any page script runs: records long
// tasks and layout shifts, and the time the first layer's accept button first
// became visible, checked once per animation frame (a frame is when it can be
// painted, so this is the earliest honest moment).

/** Runs in the page (passed to addInitScript, so it must be self-contained). */
export function installProbe({ accept, watch }) {
  const state = { shownAt: null, longTasks: [], shifts: [] };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) state.shifts.push([e.startTime, e.value]);
  }).observe({ type: 'layout-shift', buffered: true });

  const visible = (el) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
      r.top < innerHeight && r.left < innerWidth;
  };
  // Open shadow roots are searched too; the page is small, so walking it per
  // frame costs every library the same few microseconds.
  state.acceptVisible = () => {
    const roots = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots) {
      for (const el of root.querySelectorAll(accept.selector)) {
        if (el.textContent.trim() === accept.text && visible(el)) return true;
      }
    }
    return false;
  };
  if (!watch) return;
  const tick = () => {
    if (state.acceptVisible()) state.shownAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
