// Boots a live ISO under QEMU (TCG) and reports what the sample initrd saw: proof that the ISO's
// boot loader, kernel, karg area and Ignition embed area work on that architecture and firmware.
import "server-only";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BootReport, bootFinished, normalizeSerial, parseBootLog } from "./boot-log";
import { assertInstalled, missingBootTools } from "./prerequisites";
import { type BootMode, type GuestHardware, qemuCommand } from "./qemu-command";
import { findExecutable } from "./run-tool";

export type { BootMode, GuestHardware } from "./qemu-command";
export type BootOptions = {
  iso: string;
  mode: BootMode;
  timeoutMs: number;
  hardware?: GuestHardware;
  /**
   * A guest that keeps running (a discovery agent) is stopped when this aborts, not at /init's
   * last marker; `onOutput` sees the serial console as it comes.
   */
  signal?: AbortSignal;
  onOutput?: (text: string) => void;
};
export type BootResult = BootReport & { log: string; seconds: number; timedOut: boolean };

// /init powers off right after its last marker; a guest still running after this gets killed.
const POWEROFF_GRACE_MS = 5_000;
const MAX_LOG_CHARS = 4 * 1024 * 1024;

type Run = { output: string; timedOut: boolean };

/** Runs QEMU in its own process group (so a kill reaches everything it started), stdin closed. */
function runQemu(
  cmd: string,
  args: string[],
  timeoutMs: number,
  signal?: AbortSignal,
  onOutput?: (text: string) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(findExecutable(cmd) ?? cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    let timedOut = false;
    let grace: NodeJS.Timeout | undefined;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const onData = (text: string) => {
      output += text;
      if (output.length > MAX_LOG_CHARS) output = output.slice(-MAX_LOG_CHARS);
      onOutput?.(text);
      // Only the new text (plus a marker's length before it) can complete a marker.
      if (!signal && !grace && bootFinished(output.slice(-(text.length + 32))))
        grace = setTimeout(killGroup, POWEROFF_GRACE_MS);
    };
    child.stdout.setEncoding("utf8").on("data", onData);
    child.stderr.setEncoding("utf8").on("data", onData);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    // If this process exits first, the detached QEMU must not outlive it.
    process.once("exit", killGroup);
    if (signal?.aborted) killGroup();
    signal?.addEventListener("abort", killGroup);
    const done = () => {
      clearTimeout(timer);
      clearTimeout(grace);
      process.removeListener("exit", killGroup);
      signal?.removeEventListener("abort", killGroup);
    };
    child.on("error", (err) => {
      done();
      reject(new Error(`${cmd} could not be started (${err.message})`));
    });
    child.on("close", () => {
      done();
      resolve({ output, timedOut });
    });
  });
}

export async function bootIso({ iso, mode, timeoutMs, hardware, signal, onOutput }: BootOptions): Promise<BootResult> {
  assertInstalled(missingBootTools(mode, hardware), `boot an ISO in ${mode} mode`);
  const work = await mkdtemp(path.join(tmpdir(), "archway-qemu-"));
  try {
    const { cmd, args } = await qemuCommand(mode, path.resolve(iso), work, hardware);
    const started = performance.now();
    const { output, timedOut } = await runQemu(cmd, args, timeoutMs, signal, onOutput);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const log = normalizeSerial(output);
    return { ...parseBootLog(log), log, seconds, timedOut };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
