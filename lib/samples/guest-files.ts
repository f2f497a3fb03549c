// The sample live root's own programs (lib/samples/guest/): /init, the Ignition files stage, the
// udhcpc event script, the discovery agent and the JSON flattener they share, all busybox sh/awk,
// placed where /init expects them.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CpioEntry } from "@/lib/iso/cpio";

// Read from the checkout (like the SQL migrations), so the scripts stay plain files one can run `sh -n` on.
const GUEST_DIR = path.join(process.cwd(), "lib/samples/guest");

const PLACES: { file: string; path: string; mode: number }[] = [
  { file: "init.sh", path: "init", mode: 0o755 },
  { file: "agent.sh", path: "usr/bin/archway-agent", mode: 0o755 },
  { file: "ignition-files.sh", path: "usr/lib/archway/ignition-files.sh", mode: 0o755 },
  { file: "json-flat.awk", path: "usr/lib/archway/json-flat.awk", mode: 0o644 },
  { file: "http-exchange.sh", path: "usr/lib/archway/http-exchange", mode: 0o755 },
  { file: "udhcpc.sh", path: "usr/share/udhcpc/default.script", mode: 0o755 },
];

export async function guestFiles(): Promise<CpioEntry[]> {
  return Promise.all(
    PLACES.map(
      async (p): Promise<CpioEntry> => ({
        path: p.path,
        type: "file",
        data: await readFile(path.join(GUEST_DIR, p.file)),
        mode: p.mode,
      }),
    ),
  );
}
