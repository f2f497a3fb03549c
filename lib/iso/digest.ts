// The sha256 of a patched image, from a child process at the lowest CPU priority (digest-child.mjs):
// links and downloads stay fast on the event loop while a 1 GiB ISO is hashed. The child is started
// once and kept while it has work (and a minute after): starting one per digest forked the whole
// console each time, holding its event loop for tens of milliseconds.
import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Patch } from "./overlay";

const CHILD = path.join(process.cwd(), "lib/iso/digest-child.mjs");
const IDLE_MS = 60_000;

type Waiting = { resolve: (sha256: string) => void; reject: (err: Error) => void; file: string };

let child: ChildProcess | null = null;
let idle: NodeJS.Timeout | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

/** While digests are owed the child keeps this process alive; idle, it neither holds it nor lingers. */
function holdWhileBusy(c: ChildProcess): void {
  const busy = waiting.size > 0;
  for (const h of [c, c.stdin, c.stdout, c.stderr] as unknown as { ref(): void; unref(): void }[])
    busy ? h.ref() : h.unref();
  clearTimeout(idle);
  if (!busy) idle = setTimeout(() => c.kill(), IDLE_MS).unref();
}

function digester(): ChildProcess {
  if (child) return child;
  const c = spawn("nice", ["-n", "19", process.execPath, CHILD], { stdio: ["pipe", "pipe", "pipe"] });
  child = c;
  let stderr = "";
  c.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-2000)));
  createInterface({ input: c.stdout! }).on("line", (line) => {
    let answer: { id: number; sha256?: string; error?: string };
    try {
      answer = JSON.parse(line);
    } catch {
      return;
    }
    const w = waiting.get(answer.id);
    if (!w) return;
    waiting.delete(answer.id);
    if (answer.sha256 && /^[0-9a-f]{64}$/.test(answer.sha256)) w.resolve(answer.sha256);
    else w.reject(new Error(`hashing ${w.file} failed: ${answer.error ?? "no digest"}`));
    holdWhileBusy(c);
  });
  const gone = (why: string) => {
    if (child === c) child = null;
    clearTimeout(idle);
    for (const w of waiting.values()) w.reject(new Error(`hashing ${w.file} failed: ${why}`));
    waiting.clear();
  };
  c.on("error", (err) => gone(err.message));
  c.on("close", (code, signal) => gone(`the digest process ended (${signal ?? `exit ${code}`}) ${stderr.trim()}`));
  c.stdin!.on("error", () => {}); // a child that died: its close says why
  return c;
}

/**
 * A patch's bytes without their trailing zeros, in base64 (the child pads them back to `length`): an
 * embed area is mostly zero padding, and sending it whole cost megabytes of base64 per digest.
 */
function unpadded(data: Buffer): string {
  let end = data.length;
  while (end > 0 && data[end - 1] === 0) end--;
  return data.subarray(0, end).toString("base64");
}

export function sha256OfPatched(file: string, size: number, patches: Patch[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = digester();
    const id = nextId++;
    waiting.set(id, { resolve, reject, file });
    holdWhileBusy(c);
    c.stdin!.write(
      `${JSON.stringify({
        id,
        file,
        size,
        patches: patches.map((p) => ({ offset: p.offset, length: p.data.length, data: unpadded(p.data) })),
      })}\n`,
    );
  });
}

/** The running digest process, if any (tests: one process serves many digests, a dead one is replaced). */
export function digestProcessId(): number | undefined {
  return child?.pid;
}
