// The one error the browser API clients throw: a problem+json answer turned into a typed value.
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: FieldErrors = {},
    /** Seconds the server asked to wait before trying again (a 503's Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.name = "ApiError";
  }

  get isNotFound() {
    return this.status === 404;
  }
}

type ProblemBody = { detail?: unknown; title?: unknown; reason?: unknown; errors?: unknown };

function asFieldErrors(value: unknown): FieldErrors {
  // No prototype: the keys are field names the server echoed from the request (even `__proto__`).
  const out = Object.create(null) as FieldErrors;
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [field, messages] of Object.entries(value)) {
    const list = Array.isArray(messages) ? messages : [messages];
    out[field] = list.filter((m): m is string => typeof m === "string");
  }
  return out;
}

/** Reads a failed response; a proxy's HTML error page still yields a readable ApiError. */
export async function apiErrorFrom(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  let body: ProblemBody = {};
  try {
    body = text ? (JSON.parse(text) as ProblemBody) : {};
  } catch {
    // Not JSON: fall back to the status line below.
  }
  const detail = [body.detail, body.reason, body.title].find((v): v is string => typeof v === "string" && v.length > 0);
  return new ApiError(
    res.status,
    detail ?? `${res.status} ${res.statusText || "Request failed"}`,
    asFieldErrors(body.errors),
    retryAfterSeconds(res.headers.get("Retry-After")),
  );
}

/** Retry-After is either delta-seconds or an HTTP date. */
function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
