// What passes between a download handler and the Node server that answers it (lib/http/node-downloads.ts):
// the server marks the Request it hands to the handler; streamFile then answers with headers only and
// leaves the body as a plan (which bytes, from where, and the limiter slot) for the server to send.
import type { Readable } from "node:stream";
import type { Patch } from "@/lib/iso/overlay";

export type Source = { file: string; patches?: Patch[] } | { open: (start: number, end: number) => Readable };

export type Plan = { source: Source; start: number; end: number; release: () => void };

// On globalThis: the Node server, instrumentation and route modules are separate module copies.
const KEY = Symbol.for("archway.downloadPlans");
type Registry = { requests: WeakSet<Request>; plans: WeakMap<Response, Plan>; bodies: WeakMap<Response, Buffer[]> };

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  g[KEY] ??= { requests: new WeakSet(), plans: new WeakMap(), bodies: new WeakMap() };
  return g[KEY];
}

/** Marks a request whose body the Node server writes itself. */
export function sendBodyItself(req: Request): void {
  registry().requests.add(req);
}

export function bodySentByServer(req: Request): boolean {
  return registry().requests.has(req);
}

export function attachPlan(res: Response, plan: Plan): Response {
  registry().plans.set(res, plan);
  return res;
}

export function planOf(res: Response): Plan | undefined {
  return registry().plans.get(res);
}

/**
 * A body already in memory as pieces (a large list of kept rows): the Node server writes the pieces
 * themselves, instead of one copy of them all read back out of the Response (megabytes copied into
 * fresh memory twice cost more than building the list).
 */
export function attachBody(res: Response, pieces: Buffer[]): Response {
  registry().bodies.set(res, pieces);
  return res;
}

export function bodyOf(res: Response): Buffer[] | undefined {
  return registry().bodies.get(res);
}
