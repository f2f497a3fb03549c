// The sha256 of a patched image, from a child process at the lowest CPU priority (digest-child.mjs):
// links and downloads stay fast on the event loop while a 1 GiB ISO is hashed.
import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import type { Patch } from "./overlay";

const CHILD = path.join(process.cwd(), "lib/iso/digest-child.mjs");

export function sha256OfPatched(file: string, size: number, patches: Patch[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("nice", ["-n", "19", process.execPath, CHILD], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 && /^[0-9a-f]{64}$/.test(out)
        ? resolve(out)
        : reject(new Error(`hashing ${file} failed (exit ${code}): ${err.trim()}`)),
    );
    child.stdin.end(
      JSON.stringify({
        file,
        size,
        patches: patches.map((p) => ({ offset: p.offset, data: p.data.toString("base64") })),
      }),
    );
  });
}
