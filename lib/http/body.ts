// Reads a JSON request body with a byte limit, so an oversized, deeply nested, non-UTF-8 or malformed
// body is a clear 4xx. The body must say it is JSON: a cross-site page can send text/plain or no
// Content-Type without a CORS preflight, but never application/json, so this also stops such
// requests from creating anything.
import { jsonDepth, MAX_JSON_DEPTH } from "@/lib/validation/fields";
import { HttpError } from "./errors";

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new HttpError(
      415,
      type
        ? `Send the body as application/json (got ${type.split(";")[0].slice(0, 100)})`
        : "Send the body with Content-Type: application/json",
      { "headers.Content-Type": ["Expected application/json"] },
    );
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = decodeUtf8(await readLimited(req, maxBytes));
  if (text.trim() === "")
    throw new HttpError(400, "The request body is empty; send a JSON object", { body: ["Required"] });
  // Checked on the text: JSON.parse copes with any depth, but what walks the value afterwards recurses.
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new HttpError(400, `The request body nests deeper than ${MAX_JSON_DEPTH} levels`, {
      body: [`At most ${MAX_JSON_DEPTH} levels of nested arrays and objects`],
    });
  try {
    return JSON.parse(text);
  } catch (err) {
    const why = (err as Error).message;
    throw new HttpError(400, `The request body is not valid JSON: ${why}`, { body: [`Malformed JSON: ${why}`] });
  }
}

// JSON is UTF-8 (RFC 8259 §8.1); a lenient decoder would turn bad bytes into U+FFFD and store them.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new HttpError(400, "The request body is not valid UTF-8", { body: ["Send the body as UTF-8 JSON"] });
  }
}

function tooLarge(maxBytes: number) {
  return new HttpError(413, `The request body is larger than ${maxBytes} bytes`, {
    body: [`At most ${maxBytes} bytes`],
  });
}

async function readLimited(req: Request, maxBytes: number): Promise<Buffer> {
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
