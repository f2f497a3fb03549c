// Runs an external image tool (xorriso, cpio, mkfs.vfat, ...) as a child process: its stderr goes
// to the caller's log line by line, and a failure throws naming the command and its stderr tail.
import "server-only";
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type Log = (line: string) => void;

// mkfs.vfat lives in /usr/sbin, which a non-root user's PATH often lacks.
const EXTRA_DIRS = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

/** Absolute path of an executable on PATH (or in the sbin directories), or null. */
export function findExecutable(name: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return null;
}

const CLOSED_EARLY = new Set(["EPIPE", "ERR_STREAM_PREMATURE_CLOSE", "ERR_STREAM_DESTROYED"]);

export type RunOptions = {
  log?: Log;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Streamed into the tool's stdin; without it the tool sees an empty stdin. */
  stdin?: Readable;
};

function describeCommand(cmd: string, args: string[]): string {
  return [cmd, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(" ");
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n").slice(-2000);
}

/** Resolves with the tool's stdout; rejects when it cannot start or exits non-zero. */
export async function runTool(cmd: string, args: string[], opts: RunOptions = {}): Promise<Buffer> {
  const log = opts.log ?? (() => {});
  const shown = describeCommand(cmd, args);
  log(`$ ${shown}`);
  const child = spawn(findExecutable(cmd) ?? cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const out: Buffer[] = [];
  let stderr = "";
  let partial = "";
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr = (stderr + text).slice(-16_384); // only the tail is reported
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) log(line);
  });
  // A tool that exits early closes its stdin (EPIPE); its exit status says more than the pipe error.
  child.stdin.on("error", () => {}); // reported through `feeding` or the exit status
  if (!opts.stdin) child.stdin.end();
  const feeding = opts.stdin
    ? pipeline(opts.stdin, child.stdin).then(
        () => null,
        (err: Error) => err,
      )
    : Promise.resolve(null);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", (err) => reject(new Error(`${cmd} could not be started (${err.message}); is it installed?`)));
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  const { code, signal } = await exit;
  const feedError = await feeding;
  if (partial) log(partial);
  if (code !== 0) {
    const why = signal ? `killed by ${signal}` : `exit ${code}`;
    throw new Error(`Command failed (${why}): ${shown}${stderr.trim() ? `\n${tail(stderr)}` : ""}`);
  }
  // A tool may stop reading once it has what it needs (cpio at its trailer, before the padding);
  // only a failure on the reading side (missing file, corrupt gzip) is an error then.
  if (feedError && !CLOSED_EARLY.has((feedError as NodeJS.ErrnoException).code ?? "")) {
    throw new Error(`Feeding the input of ${cmd} failed: ${feedError.message}`);
  }
  return Buffer.concat(out);
}
