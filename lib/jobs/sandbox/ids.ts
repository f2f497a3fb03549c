// Files the console prepared on the host (a recipe's base root) belong to host ids; inside the
// sandbox only the mapped range is owned by anyone. Shifting them by the range's base makes the
// host's root the sandbox's root (and uid n its n), as unpacking inside the sandbox would have.
import "server-only";
import { lchown, lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { ID_RANGE } from "./bwrap";

export async function shiftOwnership(dir: string, base: number): Promise<void> {
  const st = await lstat(dir);
  if (st.uid < ID_RANGE && st.gid < ID_RANGE) await lchown(dir, base + st.uid, base + st.gid);
  if (!st.isDirectory()) return;
  for (const e of await readdir(dir)) await shiftOwnership(path.join(dir, e), base);
}
