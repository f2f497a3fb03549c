// Who the current request acts for, so what it writes (events, audit entries) names them without
// every service taking an extra argument. The route wrapper sets it; background work has none.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export type Actor = { name: string; ipAddress?: string | null };

const store = new AsyncLocalStorage<Actor>();

export function runAs<T>(actor: Actor, fn: () => T): T {
  return store.run(actor, fn);
}

/** The acting user ("admin"), token ("token:ci") or undefined outside a request. */
export function currentActor(): Actor | undefined {
  return store.getStore();
}
