// A request body as a Node stream (uploads are streamed, never buffered whole).
import { Readable } from "node:stream";
import { HttpError } from "./errors";

export function rawBody(req: Request): Readable {
  if (!req.body)
    throw new HttpError(400, "The request has no body; send the file as the raw body", { body: ["Required"] });
  return Readable.fromWeb(req.body as import("node:stream/web").ReadableStream);
}
