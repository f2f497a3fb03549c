// A Node Readable as a pull-based Web ReadableStream: one chunk is read per pull, so a slow client
// holds at most a chunk or two in memory (Readable.toWeb queues without bound).
import type { Readable } from "node:stream";

export function readableWebStream(stream: Readable, onClose: () => void = () => {}): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]();
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    onClose();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) {
            controller.close();
            finish();
          } else controller.enqueue(value as Uint8Array);
        } catch (err) {
          controller.error(err);
          finish();
        }
      },
      cancel() {
        stream.destroy();
        finish();
      },
    },
    { highWaterMark: 1 },
  );
}
