// The in-page probe, installed before any page script runs: records long
// tasks and layout shifts, and the time the first layer's accept button first
// became visible: the time of the first animation frame that painted it, read
// after that frame so the probe itself never forces a layout.

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
  const buttons = () => {
    const roots = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    return roots.flatMap((root) => [...root.querySelectorAll(accept.selector)])
      .filter((el) => el.textContent.trim() === accept.text);
  };
  state.acceptVisible = () => buttons().some(visible);
  if (!watch) return;
  // The buttons are found in the frame (no layout needed) and their visibility
  // read once that frame is painted, when layout is clean. Reading it inside the
  // frame would force the first layout of a page still loading and bill it as
  // script time to whichever library already had its button in the DOM.
  const tick = () => {
    const frame = performance.now();
    const found = buttons();
    setTimeout(() => {
      if (found.some(visible)) state.shownAt = frame;
      else requestAnimationFrame(tick);
    });
  };
  requestAnimationFrame(tick);
}
