// A page of a list as every list route answers it: the rows, and the total in X-Total-Count, so a
// client pages without counting for itself.
import "server-only";
import { json } from "./route";

export function pageResponse(rows: unknown[], total: number, headers: Record<string, string> = {}): Response {
  return json(rows, 200, { "X-Total-Count": String(total), ...headers });
}

/** A page already encoded as a JSON array (lists that keep each row's JSON). */
export function pageTextResponse(json: string, total: number): Response {
  return new Response(json, {
    status: 200,
    headers: { "Content-Type": "application/json", "X-Total-Count": String(total) },
  });
}
