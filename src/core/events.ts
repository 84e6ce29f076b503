// One typed event map (CONTRACT §7) drives both `on(name, fn)` and the
// `kakor:*` CustomEvents dispatched on window, which pages can hear before kakor loads.
import type { KakorEvents } from './types';

type Listener<K extends keyof KakorEvents> = (detail: KakorEvents[K]) => void;

export interface Emitter {
  on<K extends keyof KakorEvents>(event: K, fn: Listener<K>): () => void;
  emit<K extends keyof KakorEvents>(event: K, detail: KakorEvents[K]): void;
  clear(): void;
}

export function createEmitter(win: Window, report: (error: unknown) => void): Emitter {
  const listeners = new Map<string, Set<(detail: never) => void>>();
  return {
    on(event, fn) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn);
      return () => { set!.delete(fn); };
    },
    emit(event, detail) {
      // A throwing listener must not stop the others, nor kakor's own work.
      new Set(listeners.get(event)).forEach((fn) => {
        try { (fn as Listener<typeof event>)(detail); } catch (e) { report(e); }
      });
      win.dispatchEvent(new CustomEvent(`kakor:${event}`, { detail }));
    },
    clear: () => listeners.clear(),
  };
}
