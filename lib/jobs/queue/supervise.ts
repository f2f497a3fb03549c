// Every process on PostgreSQL (web or worker) looks after the queue every few seconds: it reaps the
// workers that stopped answering and re-places the waiting jobs when the live workers changed. Many
// processes doing it at once is harmless (every change is a conditional UPDATE).
import "server-only";
import { reap } from "../workers/reaper";
import { HEARTBEAT_MS, liveWorkers } from "../workers/registry";
import { replaceWaiting } from "./placement";

const g = globalThis as unknown as { archwaySupervisor?: NodeJS.Timeout };

/** One pass: reap, then re-place what waits against the workers alive now. */
export async function superviseOnce(): Promise<void> {
  const { stopped, failed, requeued } = await reap();
  for (const w of stopped) console.log(`[archway] worker ${w.name} on ${w.hostname} stopped responding`);
  if (failed.length) console.log(`[archway] ${failed.length} job(s) of stopped workers failed`);
  if (requeued.length) console.log(`[archway] ${requeued.length} base-image fetch(es) of stopped workers queued again`);
  await replaceWaiting(await liveWorkers());
}

export function startSupervision(): void {
  if (g.archwaySupervisor) return;
  let busy = false;
  g.archwaySupervisor = setInterval(() => {
    if (busy) return;
    busy = true;
    superviseOnce()
      .catch((err) => console.error(`[archway] supervising the job queue failed: ${(err as Error).message}`))
      .finally(() => (busy = false));
  }, HEARTBEAT_MS);
  g.archwaySupervisor.unref();
}

export function stopSupervision(): void {
  clearInterval(g.archwaySupervisor);
  g.archwaySupervisor = undefined;
}
