// Splits a byte stream into lines in linear time: each chunk is scanned once for newlines, and a
// line longer than `maxBytes` is cut there with a marker instead of growing without bound (one
// line of 64 MiB must not be copied again on every chunk, nor be stored or sent whole).
export const MAX_LINE_BYTES = 16 * 1024;

export function cutMarker(dropped: number): string {
  return ` [… line cut: ${dropped} more bytes not kept]`;
}

export function lineSplitter(emit: (line: string) => void, maxBytes = MAX_LINE_BYTES) {
  let parts: Buffer[] = [];
  let kept = 0; // bytes of the current line in `parts`
  let dropped = 0; // bytes of the current line beyond maxBytes

  const take = (b: Buffer) => {
    const room = maxBytes - kept;
    if (room > 0) {
      const part = b.length > room ? b.subarray(0, room) : b;
      // Copy: the chunk's buffer is reused by the stream.
      parts.push(Buffer.from(part));
      kept += part.length;
    }
    dropped += Math.max(0, b.length - Math.max(room, 0));
  };
  const finish = () => {
    let text = Buffer.concat(parts).toString("utf8");
    if (dropped) text = text.replace(/\uFFFD$/, "") + cutMarker(dropped);
    parts = [];
    kept = 0;
    dropped = 0;
    emit(text);
  };

  return {
    push(chunk: Buffer) {
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        if (nl < 0) break;
        take(chunk.subarray(from, nl));
        finish();
        from = nl + 1;
      }
      if (from < chunk.length) take(chunk.subarray(from));
    },
    end() {
      if (kept || dropped) finish();
    },
  };
}
