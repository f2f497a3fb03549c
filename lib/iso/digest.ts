// The sha256 of a patched image, from a child process at the lowest CPU priority (digest-child.mjs):
// links and downloads stay fast on the event loop while a 1 GiB ISO is hashed. The child is started
// once and kept while it has work (and a minute after): starting one per digest forked the whole
// console each time, holding its event loop for tens of milliseconds.
import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { type Patch, spanOf } from "./overlay";

const CHILD = path.join(process.cwd(), "lib/iso/digest-child.mjs");
let idleMs = 60_000;

type Waiting = { resolve: (sha256: string) => void; reject: (err: Error) => void; file: string };
/** One child and the digests it owes: a child being retired fails only its own. */
type Digester = { process: ChildProcess; waiting: Map<number, Waiting>; idle?: NodeJS.Timeout };

let current: Digester | null = null;
let nextId = 0;

/**
 * While digests are owed the child keeps this process alive; idle, it neither holds it nor lingers.
 * An idle child is detached before it is killed, so a digest asked for meanwhile starts a new one.
 */
function holdWhileBusy(d: Digester): void {
  const busy = d.waiting.size > 0;
  const c = d.process;
  for (const h of [c, c.stdin, c.stdout, c.stderr] as unknown as { ref(): void; unref(): void }[])
    busy ? h.ref() : h.unref();
  clearTimeout(d.idle);
  if (!busy)
    d.idle = setTimeout(() => {
      if (current === d) current = null;
      c.kill();
    }, idleMs).unref();
}

function digester(): Digester {
  if (current) return current;
  const c = spawn("nice", ["-n", "19", process.execPath, CHILD], { stdio: ["pipe", "pipe", "pipe"] });
  const d: Digester = { process: c, waiting: new Map() };
  current = d;
  let stderr = "";
  c.stderr!.setEncoding("utf8").on("data", (s: string) => (stderr = (stderr + s).slice(-2000)));
  createInterface({ input: c.stdout! }).on("line", (line) => {
    let answer: { id: number; sha256?: string; error?: string };
    try {
      answer = JSON.parse(line);
    } catch {
      return;
    }
    const w = d.waiting.get(answer.id);
    if (!w) return;
    d.waiting.delete(answer.id);
    if (answer.sha256 && /^[0-9a-f]{64}$/.test(answer.sha256)) w.resolve(answer.sha256);
    else w.reject(new Error(`hashing ${w.file} failed: ${answer.error ?? "no digest"}`));
    holdWhileBusy(d);
  });
  const gone = (why: string) => {
    if (current === d) current = null;
    clearTimeout(d.idle);
    for (const w of d.waiting.values()) w.reject(new Error(`hashing ${w.file} failed: ${why}`));
    d.waiting.clear();
  };
  c.on("error", (err) => gone(err.message));
  c.on("close", (code, signal) => gone(`the digest process ended (${signal ?? `exit ${code}`}) ${stderr.trim()}`));
  c.stdin!.on("error", () => {}); // a child that died: its close says why
  return d;
}

/**
 * A patch's bytes without their trailing zeros, in base64 (the child pads them back to `length`):
 * sending an embed area's zero padding cost megabytes of base64 per digest.
 */
function unpadded(p: Patch): string {
  let end = p.data.length;
  // Whole blocks of zeros compared at once, then byte by byte.
  while (end >= ZEROS.length && p.data.subarray(end - ZEROS.length, end).equals(ZEROS)) end -= ZEROS.length;
  while (end > 0 && p.data[end - 1] === 0) end--;
  return p.data.subarray(0, end).toString("base64");
}
const ZEROS = Buffer.alloc(4096);

export function sha256OfPatched(file: string, size: number, patches: Patch[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const d = digester();
    const id = nextId++;
    d.waiting.set(id, { resolve, reject, file });
    holdWhileBusy(d);
    d.process.stdin!.write(
      `${JSON.stringify({
        id,
        file,
        size,
        patches: patches.map((p) => ({ offset: p.offset, length: spanOf(p), data: unpadded(p) })),
      })}\n`,
    );
  });
}

/** The running digest process, if any (tests: one process serves many digests, a dead one is replaced). */
export function digestProcessId(): number | undefined {
  return current?.process.pid;
}

/** How long an idle child is kept (tests shorten it to see it retired). */
export function setDigestIdleMs(ms: number): void {
  idleMs = ms;
}
