// Routes field errors (from the client-side zod parse or the server's 400) to the form's fields;
// whatever no field claims is left for the form-level alert.
import type { z } from "zod";
import type { FieldErrors } from "@/lib/api-client/api-error";

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = Object.create(null); // keys echo the request's fields, even `__proto__`
  for (const issue of error.issues) (out[issue.path.map(String).join(".") || "body"] ??= []).push(issue.message);
  return out;
}

export type Routed<F extends string> = { byField: Partial<Record<F, string[]>>; unmapped: string[] };

/**
 * `route` names the form field for an API key ("proxy.http_proxy", "olm_operators.0.name"), or null.
 * A field shows one message, the first: later ones repeat it in other words ("Required", then the
 * pattern an empty value does not match either).
 */
export function routeFieldErrors<F extends string>(errors: FieldErrors, route: (key: string) => F | null): Routed<F> {
  const byField: Partial<Record<F, string[]>> = {};
  const unmapped: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const field = route(key);
    if (field) byField[field] ??= messages.slice(0, 1);
    else unmapped.push(...messages.map((m) => (key === "body" ? m : `${key}: ${m}`)));
  }
  return { byField, unmapped };
}

/** Matches "field" and "field.anything" / "field[...]". */
export function keyIs(key: string, field: string): boolean {
  return key === field || key.startsWith(`${field}.`) || key.startsWith(`${field}[`);
}
