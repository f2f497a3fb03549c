// Turns zod issues into field-by-field messages; unknown keys become one entry per key.
import type { z } from "zod";
import { addFieldError, emptyFieldErrors, type FieldErrors } from "./errors";

export function fieldErrorsOf(error: z.ZodError, prefix?: string): FieldErrors {
  const out = emptyFieldErrors(); // keys are the client's (unknown fields), see emptyFieldErrors
  const add = (field: string, message: string) => addFieldError(out, field, message);
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, "Unknown field");
    } else {
      add(base || "body", issue.message);
    }
  }
  return out;
}

export function summarise(errors: FieldErrors): string {
  const entries = Object.entries(errors);
  const [field, messages] = entries[0];
  const first = field === "body" ? messages[0] : `${field}: ${messages[0]}`;
  return entries.length === 1 && messages.length === 1
    ? first
    : `${first} (and ${entries.reduce((n, [, m]) => n + m.length, 0) - 1} more)`;
}
