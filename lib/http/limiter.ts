// Caps how many long responses (ISO downloads) run at once; past the cap callers get a clear 503.
export class Limiter {
  private active = 0;
  constructor(private readonly max: () => number) {}

  /** A release function, or null when full. Release is idempotent. */
  tryAcquire(): (() => void) | null {
    if (this.active >= this.max()) return null;
    this.active++;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.active--;
      }
    };
  }

  get inUse(): number {
    return this.active;
  }
}
