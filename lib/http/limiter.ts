// Caps how many long responses (ISO, rootfs, artifact downloads) run at once; past the cap callers
// get a clear 503. One limiter for the whole process: per-route limiters would each allow the cap.
import { env } from "@/lib/env";

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

// On globalThis: Next loads route modules and instrumentation as separate module copies in one process.
const KEY = Symbol.for("archway.downloadLimiter");
type Holder = { [KEY]?: Limiter };

/** The process-wide download limiter (ARCHWAY_MAX_CONCURRENT_DOWNLOADS). */
export function downloadLimiter(): Limiter {
  const g = globalThis as Holder;
  g[KEY] ??= new Limiter(() => env().ARCHWAY_MAX_CONCURRENT_DOWNLOADS);
  return g[KEY];
}
