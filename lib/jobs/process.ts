// Runs one step of a job as a real child process in its own process group, streaming its stdout
// and stderr into the job log line by line; aborting kills the whole group.
import "server-only";
import { spawn } from "node:child_process";
import type { JobLog } from "./job-log";

export class StepFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepFailed";
  }
}

function lineSplitter(emit: (line: string) => void) {
  let rest = "";
  return {
    push(chunk: Buffer) {
      const text = rest + chunk.toString("utf8");
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) emit(l);
    },
    end() {
      if (rest) emit(rest);
      rest = "";
    },
  };
}

export type ProcessOptions = { cwd: string; env?: NodeJS.ProcessEnv; signal: AbortSignal; input?: string | Buffer };

export function runProcess(
  log: JobLog,
  step: string,
  cmd: string,
  args: string[],
  opts: ProcessOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (opts.signal.aborted) return reject(new StepFailed(String(opts.signal.reason ?? "aborted")));
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const out = lineSplitter((l) => void log.line(step, l, "stdout"));
    const err = lineSplitter((l) => void log.line(step, l, "stderr"));
    child.stdout!.on("data", (c: Buffer) => out.push(c));
    child.stderr!.on("data", (c: Buffer) => err.push(c));
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      const group = (sig: NodeJS.Signals) => {
        try {
          if (child.pid) process.kill(-child.pid, sig);
        } catch {
          // the group is already gone
        }
      };
      group("SIGTERM");
      killTimer = setTimeout(() => group("SIGKILL"), 3000);
    };
    opts.signal.addEventListener("abort", kill, { once: true });
    child.on("error", (e) => reject(new StepFailed(`${cmd} could not start: ${e.message}`)));
    child.on("close", (code, sig) => {
      opts.signal.removeEventListener("abort", kill);
      clearTimeout(killTimer);
      out.end();
      err.end();
      if (opts.signal.aborted) reject(new StepFailed(String(opts.signal.reason ?? "aborted")));
      else if (code === 0) resolve();
      else
        reject(
          new StepFailed(
            `${[cmd, ...args].join(" ").slice(0, 200)} ${sig ? `was killed by ${sig}` : `exited with status ${code}`}`,
          ),
        );
    });
  });
}
