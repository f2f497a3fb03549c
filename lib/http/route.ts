// The route wrapper every handler uses: checks who may call it, parses params, query, the request
// headers it names and body with zod, runs the handler, and turns anything thrown into one
// problem+json response. Handlers just return data or throw.
import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { type Access, asPrincipal, authorize, type Principal } from "./authorize";
import { readJsonBody } from "./body";
import { HttpError, problemResponse } from "./errors";
import { fieldErrorsOf, summarise } from "./zod-errors";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteContext<P, Q, B, H = undefined, A = undefined> = {
  req: Request;
  params: P;
  query: Q;
  body: B;
  headers: H;
  auth: A;
  /** The signed-in user or API token; null only on public routes. */
  principal: Principal | null;
};
type NextContext = { params: Promise<Record<string, string | string[]>> };

export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  H extends z.ZodObject | undefined = undefined,
  A = undefined,
>(
  schemas: {
    params?: P;
    query?: Q;
    body?: B;
    headers?: H;
    maxBodyBytes?: number;
    /** Who may call: "public", or the weakest role allowed (viewer < operator < admin). Checked first. */
    access: Access;
    /** The audit action (default: create/change/delete by method); set on GETs that must be audited. */
    audit?: string;
    /** Runs before the query and body are read (a 401 wins over a malformed body); its result is ctx.auth. */
    auth?: (req: Request, params: Out<P>) => Promise<A>;
  },
  handler: (ctx: RouteContext<Out<P>, Out<Q>, Out<B>, Out<H>, A>) => Promise<Response | unknown>,
) {
  return async (req: Request, ctx?: NextContext): Promise<Response> => {
    const instance = new URL(req.url).pathname;
    try {
      const principal = await authorize(req, schemas.access);
      const params = schemas.params ? parse(schemas.params, (await ctx?.params) ?? {}, "path", 404) : undefined;
      const auth = schemas.auth ? await schemas.auth(req, params as Out<P>) : undefined;
      const query = schemas.query
        ? parse(schemas.query, Object.fromEntries(new URL(req.url).searchParams), "query", 400)
        : undefined;
      const headers = schemas.headers
        ? parse(schemas.headers, namedHeaders(req, schemas.headers), "headers", 400)
        : undefined;
      const body = schemas.body
        ? parse(
            schemas.body,
            await readJsonBody(req, schemas.maxBodyBytes ?? env().ARCHWAY_MAX_BODY_BYTES),
            undefined,
            400,
          )
        : undefined;
      const run = () =>
        handler({ req, params, query, body, headers, auth, principal } as RouteContext<
          Out<P>,
          Out<Q>,
          Out<B>,
          Out<H>,
          A
        >);
      const result = principal ? await asPrincipal(principal, req, schemas.audit, run) : await run();
      return result instanceof Response ? result : json(result);
    } catch (err) {
      return problemResponse(toHttpError(err), instance);
    }
  };
}

function parse<S extends z.ZodType>(schema: S, input: unknown, where: string | undefined, status: number): z.output<S> {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  const errors = fieldErrorsOf(res.error, where === "path" ? undefined : where);
  const detail = status === 404 ? `Not found: ${summarise(errors)}` : summarise(errors);
  throw new HttpError(status, detail, errors);
}

/** The headers a schema names (its keys, e.g. "Last-Event-ID"), as sent; absent ones are left out. */
function namedHeaders(req: Request, schema: z.ZodObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = req.headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { "Content-Type": "application/json", ...headers } });
}

export const created = (data: unknown) => json(data, 201);
export const noContent = () => new Response(null, { status: 204 });

type PrismaLikeError = { name?: string; code?: string; meta?: { modelName?: string; target?: unknown } };

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const e = err as PrismaLikeError;
  if (e?.name === "PrismaClientKnownRequestError") {
    if (e.code === "P2025") return new HttpError(404, `${e.meta?.modelName ?? "Record"} not found`);
    if (e.code === "P2002")
      return new HttpError(
        409,
        `A ${e.meta?.modelName ?? "record"} with the same ${String(e.meta?.target ?? "key")} already exists`,
      );
  }
  const ref = crypto.randomUUID();
  console.error(`[archway] unhandled error ${ref}:`, err);
  return new HttpError(500, `Internal error (reference ${ref}); the server log has the details`);
}
