// Swapping a method or constructor of a realm for a guarded one, undoably: the
// one way requests.ts, styles.ts and frames.ts patch what the browser gives.

export type Undo = (() => void)[];

/** Replaces `owner[name]` with `make(original)`; the undo leaves it if someone patched over us. */
export function swap<T>(undo: Undo, owner: any, name: string, make: (orig: T) => T): void {
  const orig = owner && owner[name];
  if (!orig) return;
  const next = make(orig);
  owner[name] = next;
  undo.push(() => owner[name] === next && (owner[name] = orig));
}

type Ctor = new (...args: any[]) => object;

/**
 * Swaps the constructor `owner[name]` for a subclass that builds the real thing
 * with its arguments passed through `args`, so `instanceof`, the constants and
 * every event work as they would.
 */
export function swapConstructor(undo: Undo, owner: any, name: string, args: (a: unknown[]) => unknown[]): void {
  // NOTE: a class, not a function using new.target: terser's unsafe_arrows turns such a function into an arrow.
  swap<Ctor>(undo, owner, name, (Orig) => class extends Orig {
    constructor(...a: any[]) {
      super(...args(a));
    }
  });
}
