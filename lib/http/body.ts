// Reads a JSON request body with a byte limit, so an oversized or malformed body is a clear 4xx.
import { HttpError } from "./errors";

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError(415, `Send the body as application/json (got ${type.split(";")[0]})`);
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(req, maxBytes);
  if (text.trim() === "")
    throw new HttpError(400, "The request body is empty; send a JSON object", { body: ["Required"] });
  try {
    return JSON.parse(text);
  } catch (err) {
    const why = (err as Error).message;
    throw new HttpError(400, `The request body is not valid JSON: ${why}`, { body: [`Malformed JSON: ${why}`] });
  }
}

function tooLarge(maxBytes: number) {
  return new HttpError(413, `The request body is larger than ${maxBytes} bytes`, {
    body: [`At most ${maxBytes} bytes`],
  });
}

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}
