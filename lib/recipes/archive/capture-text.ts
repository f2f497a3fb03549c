// Keeps one small file's bytes while it streams by, refusing past a cap, for the few files parsed.

import { RecipeArchiveError } from "./errors";
import type { EntrySink } from "./walk-tar";

export function captureText(entry: string, maxBytes: number, done: (text: string) => void): EntrySink {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    write(chunk) {
      size += chunk.length;
      if (size > maxBytes)
        throw new RecipeArchiveError(`the file is larger than ${maxBytes} bytes, too large to check`, entry);
      chunks.push(chunk);
    },
    end() {
      done(
        Buffer.concat(chunks)
          .toString("utf8")
          .replace(/^\uFEFF/, ""),
      );
    },
  };
}
