// A page of a list as every list route answers it: the rows, and the total in X-Total-Count, so a
// client pages without counting for itself.
import "server-only";
import { attachBody } from "./download-plan";
import { json } from "./route";

export function pageResponse(rows: unknown[], total: number, headers: Record<string, string> = {}): Response {
  return json(rows, 200, { "X-Total-Count": String(total), ...headers });
}

/** A page already encoded as a JSON array (lists that keep each row's JSON). */
export function pageTextResponse(json: string | Buffer, total: number): Response {
  const res = new Response(
    typeof json === "string"
      ? json
      : (new Uint8Array(json.buffer, json.byteOffset, json.length) as Uint8Array<ArrayBuffer>),
    {
      status: 200,
      headers: { "Content-Type": "application/json", "X-Total-Count": String(total) },
    },
  );
  return typeof json === "string" ? res : attachBody(res, json);
}
