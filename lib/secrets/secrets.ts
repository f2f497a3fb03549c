// Secret columns as the services use them: sealed on the way into the database, opened on the way
// out, with this console's key. A value stored before encryption existed is read as it is until the
// start-up pass (encrypt-existing.ts) seals it.
import "server-only";
import { secretKey } from "./key";
import { redactProxyUrl } from "./redact";
import { isSealed, openWith, sealWith } from "./seal";

export function seal<T extends string | null | undefined>(value: T): T {
  return (typeof value === "string" && value !== "" ? sealWith(secretKey(), value) : value) as T;
}

export function unseal<T extends string | null | undefined>(value: T): T {
  return (typeof value === "string" && isSealed(value) ? openWith(secretKey(), value) : value) as T;
}

/**
 * Responses show a proxy URL without its password; a client that sends that redacted URL back
 * (editing another field, or PUT-style whole objects) keeps the stored one rather than losing it.
 */
export function unlessRedactedEcho(sent: string | null | undefined, stored: string | null): string | null | undefined {
  if (!sent || !stored) return sent;
  const current = unseal(stored);
  return sent !== current && sent === redactProxyUrl(current) ? undefined : sent;
}
