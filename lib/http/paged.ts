// A page of a list as every list route answers it: the rows, and the total in X-Total-Count, so a
// client pages without counting for itself.
import "server-only";
import { attachBody } from "./download-plan";
import { json } from "./route";

export function pageResponse(rows: unknown[], total: number, headers: Record<string, string> = {}): Response {
  return json(rows, 200, { "X-Total-Count": String(total), ...headers });
}

/** A page already encoded as a JSON array (lists that keep each row's JSON), whole or as pieces. */
export function pageTextResponse(json: string | Buffer[], total: number): Response {
  const headers = { "Content-Type": "application/json", "X-Total-Count": String(total) };
  if (typeof json === "string") return new Response(json, { status: 200, headers });
  // Streamed for Next (`next dev`, route tests); the Node server writes the pieces directly.
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < json.length) controller.enqueue(json[next++]);
      else controller.close();
    },
  });
  return attachBody(new Response(body, { status: 200, headers }), json);
}
