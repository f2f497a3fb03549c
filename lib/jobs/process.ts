// Runs one step of a job as a real child process, streaming its stdout and stderr into the job log
// line by line; aborting kills it. With `sandbox` the process runs in the job's bubblewrap sandbox
// and cgroup (lib/jobs/sandbox), and the abort kills every process of the cgroup.
import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import type { JobLog } from "./job-log";
import { lineSplitter } from "./line-splitter";
import { type SandboxSpec, spawnSandboxed } from "./sandbox/bwrap";

export class StepFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepFailed";
  }
}

export type ProcessOptions = {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  signal: AbortSignal;
  input?: string | Buffer;
  sandbox?: SandboxSpec;
};

const SANDBOX_ENV = { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root", LANG: "C" };

function start(cmd: string, args: string[], opts: ProcessOptions): { child: ChildProcess; ready: Promise<void> } {
  const stdin = opts.input === undefined ? "ignore" : "pipe";
  if (opts.sandbox)
    return spawnSandboxed(opts.sandbox, cmd, args, {
      cwd: opts.cwd,
      env: { ...SANDBOX_ENV, ...(opts.env as Record<string, string> | undefined) },
      stdin,
    });
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: [stdin, "pipe", "pipe"],
  });
  return { child, ready: Promise.resolve() };
}

export async function runProcess(
  log: JobLog,
  step: string,
  cmd: string,
  args: string[],
  opts: ProcessOptions,
): Promise<void> {
  // A spawn holds the event loop while the kernel copies this process (tens of milliseconds for a
  // console of a few hundred MiB): let what is queued to go out first (live log lines) go out.
  await new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve, reject) => {
    if (opts.signal.aborted) return reject(new StepFailed(String(opts.signal.reason ?? "aborted")));
    const { child, ready } = start(cmd, args, opts);
    const out = log.stream(step, "stdout", child.stdout!);
    const err = log.stream(step, "stderr", child.stderr!);
    if (opts.input !== undefined)
      void ready.then(
        () => child.stdin!.end(opts.input),
        () => {},
      );
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      const group = (sig: NodeJS.Signals) => {
        try {
          if (child.pid) process.kill(-child.pid, sig);
        } catch {
          // the group is already gone
        }
        if (sig === "SIGKILL") opts.sandbox?.cgroup.killAll();
      };
      if (opts.sandbox) return group("SIGKILL"); // nothing inside needs a grace period
      group("SIGTERM");
      killTimer = setTimeout(() => group("SIGKILL"), 3000);
    };
    opts.signal.addEventListener("abort", kill, { once: true });
    let setupError: Error | null = null;
    ready.catch((e: Error) => (setupError = e));
    child.on("error", (e) => reject(new StepFailed(`${cmd} could not start: ${e.message}`)));
    child.on("close", async (code, sig) => {
      opts.signal.removeEventListener("abort", kill);
      clearTimeout(killTimer);
      await Promise.all([out, err]);
      if (opts.signal.aborted) reject(new StepFailed(String(opts.signal.reason ?? "aborted")));
      else if (setupError && code !== 0) reject(new StepFailed((setupError as Error).message));
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

export { lineSplitter };
