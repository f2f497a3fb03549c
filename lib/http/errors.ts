// The one error type handlers throw, and the problem+json document it becomes (RFC 9457), with
// assisted-service's `code`/`reason` alongside so its clients still find the message.
export type FieldErrors = Record<string, string[]>;

/**
 * An empty field-error map. Its keys come from the request (a body key `__proto__` or `constructor`
 * is reported as an unknown field), so it has no prototype: `errors[key] ??= []` never finds
 * Object.prototype's members, and JSON.stringify still writes every key as a plain own property.
 */
export function emptyFieldErrors(): FieldErrors {
  return Object.create(null) as FieldErrors;
}

/** Appends one message to a field's list (the list is created on first use). */
export function addFieldError(errors: FieldErrors, field: string, message: string): FieldErrors {
  if (!Object.hasOwn(errors, field)) errors[field] = [];
  errors[field].push(message);
  return errors;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export class HttpError extends Error {
  readonly errors?: FieldErrors;

  constructor(
    readonly status: number,
    readonly detail: string,
    errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = "HttpError";
    // Copied into a prototype-less map whatever the caller built, so later lookups by field are safe.
    this.errors = errors && Object.assign(emptyFieldErrors(), errors);
  }
}

export const badRequest = (detail: string, errors?: FieldErrors) => new HttpError(400, detail, errors);
export const notFound = (detail: string) => new HttpError(404, detail);
export const conflict = (detail: string, errors?: FieldErrors) => new HttpError(409, detail, errors);

/** A single-field 400, the common case for domain rules. */
export function fieldError(field: string, message: string): HttpError {
  return new HttpError(400, message, addFieldError(emptyFieldErrors(), field, message));
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldErrors;
  code: string;
  reason: string;
  kind: "Error";
  id: number;
  href: string;
};

export function toProblem(err: HttpError, instance?: string): Problem {
  return {
    type: err.status >= 500 ? "about:blank" : `https://archway.dev/problems/${err.status}`,
    title: TITLES[err.status] ?? "Error",
    status: err.status,
    detail: err.detail,
    ...(instance ? { instance } : {}),
    ...(err.errors && Object.keys(err.errors).length ? { errors: err.errors } : {}),
    code: String(err.status),
    reason: err.detail,
    kind: "Error",
    id: err.status,
    href: instance ?? "",
  };
}

export function problemResponse(err: HttpError, instance?: string): Response {
  return new Response(JSON.stringify(toProblem(err, instance)), {
    status: err.status,
    headers: { "Content-Type": "application/problem+json", ...err.headers },
  });
}
