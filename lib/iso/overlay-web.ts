// The overlay as a pull-based Web ReadableStream for HTTP responses: each pull reads one chunk
// at its offset and patches it, so a slow client holds at most a chunk or two in memory (a Node
// stream bridged with Readable.toWeb would queue without bound).
import { open } from "node:fs/promises";
import { applyPatches, type Patch } from "./overlay";

const CHUNK = 256 * 1024;

export function overlayWebStream(
  file: string,
  patches: Patch[],
  start: number,
  end: number,
  onClose: () => void = () => {},
): ReadableStream<Uint8Array> {
  let pos = start;
  let fh: Awaited<ReturnType<typeof open>> | null = null;
  let closed = false;
  const finish = async () => {
    if (closed) return;
    closed = true;
    onClose();
    await fh?.close().catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          fh ??= await open(file, "r");
          const length = Math.min(CHUNK, end + 1 - pos);
          if (length <= 0) {
            controller.close();
            await finish();
            return;
          }
          const buf = Buffer.allocUnsafe(length);
          const { bytesRead } = await fh.read(buf, 0, length, pos);
          if (bytesRead === 0) throw new Error(`${file} ended early at ${pos}`);
          const chunk = buf.subarray(0, bytesRead);
          applyPatches(chunk, pos, patches);
          pos += bytesRead;
          controller.enqueue(chunk);
          if (pos > end) {
            controller.close();
            await finish();
          }
        } catch (err) {
          controller.error(err);
          await finish();
        }
      },
      async cancel() {
        await finish();
      },
    },
    { highWaterMark: 1 },
  );
}
