// Calls a route handler the way Next does: a Web Request in, a Web Response out. Requests are
// signed in as an admin by default with a real API token made in the test database (`as` picks
// another role, or "anonymous" for none), so route tests go through the same check as production.

import type { Role } from "@/lib/auth/roles";
import { createToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Called = { status: number; headers: Headers; body: any; text: string; bytes: Buffer };

export async function call(
  handler: Handler,
  opts: {
    method?: string;
    path?: string;
    params?: Record<string, string>;
    body?: unknown;
    /** Sent as is (bytes for bodies that are not valid UTF-8). */
    rawBody?: string | Uint8Array;
    headers?: Record<string, string>;
    as?: Role | "anonymous";
  } = {},
): Promise<Called> {
  const as = opts.as ?? "admin";
  const authorization: Record<string, string> =
    as === "anonymous" ? {} : { authorization: `Bearer ${await tokenFor(as)}` };
  const init: RequestInit = { method: opts.method ?? "GET", headers: { ...authorization, ...opts.headers } };
  if (opts.rawBody !== undefined) init.body = opts.rawBody as BodyInit;
  else if (opts.body !== undefined) {
    init.body = JSON.stringify(opts.body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await handler(new Request(`http://localhost${opts.path ?? "/"}`, init), {
    params: Promise.resolve(opts.params ?? {}),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text, bytes };
}

const tokens = new Map<string, Promise<string>>();

/** One token per role and database, made on first use. */
export function tokenFor(role: Role): Promise<string> {
  const key = `${env().databaseUrl} ${role}`;
  let token = tokens.get(key);
  if (!token) {
    token = createToken({ name: `test-${role}`, role, createdBy: "test" }).then((t) => t.token);
    tokens.set(key, token);
  }
  return token;
}
