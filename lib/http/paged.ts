// A page of a list as every list route answers it: the rows, and the total in X-Total-Count, so a
// client pages without counting for itself.
import "server-only";
import { attachBody } from "./download-plan";
import { json } from "./route";

export function pageResponse(rows: unknown[], total: number, headers: Record<string, string> = {}): Response {
  return json(rows, 200, { "X-Total-Count": String(total), ...headers });
}

const OPEN = Buffer.from("[");
const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]");

/** The pieces of a JSON array of rows each already encoded (as one or more pieces); missing rows left out. */
export function jsonArrayPieces(rows: (Buffer | Buffer[] | undefined)[]): Buffer[] {
  const pieces: Buffer[] = [OPEN];
  for (const row of rows) {
    if (!row) continue;
    if (pieces.length > 1) pieces.push(COMMA);
    if (Array.isArray(row)) pieces.push(...row);
    else pieces.push(row);
  }
  pieces.push(CLOSE);
  return pieces;
}

/**
 * A page already encoded as the pieces of a JSON array (lists that keep each row's JSON). `tag`, when
 * the list can name its bytes, becomes a weak ETag: a client may revalidate (304), and the Node server
 * keeps the compressed body under it.
 */
export function pageTextResponse(json: Buffer[], total: number, tag?: string): Response {
  const headers: Record<string, string> = { "Content-Type": "application/json", "X-Total-Count": String(total) };
  if (tag) headers.ETag = `W/"${tag}"`;
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
