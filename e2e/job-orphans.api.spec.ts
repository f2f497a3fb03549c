// kill -9 of a real server while an aarch64 job (emulated, sandboxed) sleeps: nothing of the job
// survives, and the restarted server marks the job failed with the reason and removes its scratch
// disk. SIGTERM (then SIGINT) instead: the server ends the job itself, with the reason, before it exits, and a job
// queued behind it runs after the restart. The servers get their own data directory, SQLite
// database, port and job uid range, so only this test's processes are looked at and the suite's
// server is left alone.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { adminTokenFor } from "./server-token";

const UID_BASE = 1_879_048_192 + 7 * 65_536;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const serverEnv = (dataDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? "",
  NODE_ENV: "production",
  HOSTNAME: "127.0.0.1",
  PORT: String(port),
  ARCHWAY_DATA_DIR: dataDir,
  ARCHWAY_PREFETCH_BASE_IMAGES: "off",
  ARCHWAY_JOB_UID_BASE: String(UID_BASE),
  ...extra,
});

/** The admin token of a data dir's own database, made once by the project's CLI. */
const tokens = new Map<string, string>();
function auth(dataDir: string): Record<string, string> {
  if (!tokens.has(dataDir)) tokens.set(dataDir, adminTokenFor(serverEnv(dataDir, 0)));
  return { authorization: `Bearer ${tokens.get(dataDir)}` };
}

function startServer(dataDir: string, port: number, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: serverEnv(dataDir, port, extra),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", () => {});
  child.stderr!.on("data", () => {});
  return child;
}

async function ready(base: string, dataDir: string): Promise<void> {
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${base}/apis/ims/v3/images`, { headers: auth(dataDir) })).status;
        } catch {
          return 0;
        }
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBe(200);
}

/** Host processes running under this test's job uid range (zombies, which have exited, aside). */
function jobProcesses(): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      if (uid >= UID_BASE && uid < UID_BASE + 65_536 && !/^State:\s+Z/m.test(status))
        found.push({ pid: Number(pid), cmd: readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ") });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** The sample image of `arch` (the samples are imported in the background after start). */
async function sampleImage(base: string, dataDir: string, arch: string): Promise<string> {
  let found: { id: string } | undefined;
  await expect
    .poll(
      async () => {
        const images = (await (await fetch(`${base}/apis/ims/v3/images`, { headers: auth(dataDir) })).json()) as {
          id: string;
          arch: string;
        }[];
        found = images.find((i) => i.arch === arch);
        return !!found;
      },
      { timeout: 120_000, intervals: [1000] },
    )
    .toBe(true);
  return found!.id;
}

async function customize(base: string, dataDir: string, imageId: string, script: string): Promise<{ id: string }> {
  const res = await fetch(`${base}/apis/ims/v3/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth(dataDir) },
    body: JSON.stringify({
      job_type: "customize",
      artifact_id: imageId,
      image_root_archive_name: "orphan",
      customization_script: script,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

type JobView = { status: string; failure_reason?: string };
const jobOf = async (base: string, dataDir: string, id: string): Promise<JobView> =>
  (await (await fetch(`${base}/apis/ims/v3/jobs/${id}`, { headers: auth(dataDir) })).json()) as JobView;

test("kill -9 of the server during a job leaves no process of it alive, and the restart fails the job with the reason", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "archway-orphans-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = startServer(dataDir, port);
  try {
    await ready(base, dataDir);
    const arm = await sampleImage(base, dataDir, "aarch64");
    const job = await customize(base, dataDir, arm, "sleep 120 &\nsleep 121\n");
    await expect
      .poll(() => jobProcesses().filter((p) => /sleep 12[01]/.test(p.cmd)).length, { timeout: 90_000 })
      .toBe(2);

    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));
    // Nothing of the job outlives its server (bwrap --die-with-parent, the job's pid namespace).
    await expect.poll(() => jobProcesses(), { timeout: 5_000 }).toEqual([]);

    server = startServer(dataDir, port);
    await ready(base, dataDir);
    expect(jobProcesses()).toEqual([]);
    const after = await jobOf(base, dataDir, job.id);
    expect(after.status).toBe("error");
    expect(after.failure_reason).toMatch(/Interrupted: the server stopped while this job ran/);
    // Its scratch disk is unmounted and gone.
    expect(readFileSync("/proc/self/mountinfo", "utf8")).not.toContain(job.id);
    expect(existsSync(path.join(dataDir, "jobs", `${job.id}.img`))).toBe(false);
  } finally {
    server.kill("SIGKILL");
  }
});

test("SIGTERM during a job: the server fails it with the reason and kills it before exiting; the job queued behind it runs after the restart", async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "archway-stop-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const oneSlot = { ARCHWAY_JOB_CONCURRENCY: "1" };
  let server = startServer(dataDir, port, oneSlot);
  try {
    await ready(base, dataDir);
    const x86 = await sampleImage(base, dataDir, "x86_64");
    const running = await customize(base, dataDir, x86, "sleep 1234\n");
    await expect.poll(() => jobProcesses().filter((p) => /sleep 1234/.test(p.cmd)).length, { timeout: 90_000 }).toBe(1);
    const queued = await customize(base, dataDir, x86, "echo ran after the restart\n");
    expect((await jobOf(base, dataDir, queued.id)).status).toBe("creating");

    const signalled = Date.now();
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    // A second signal, as Ctrl-C under `npm start` gives (the terminal's and npm start's own): no
    // hastier exit, the stop goes on as begun.
    setTimeout(() => server.kill("SIGINT"), 100);
    const code = await exited;
    const took = Date.now() - signalled;
    console.log(`SIGTERM with a job running: exit ${code} after ${took} ms`);
    expect(code).toBe(0);
    expect(took).toBeLessThan(15_000);
    // Killed (the kernel may still be tearing the job's pid namespace down), its scratch disk removed
    // by the server itself before it exited (after a kill -9 that waits for the next start).
    await expect.poll(() => jobProcesses(), { timeout: 2_000 }).toEqual([]);
    expect(readFileSync("/proc/self/mountinfo", "utf8")).not.toContain(running.id);
    expect(existsSync(path.join(dataDir, "jobs", `${running.id}.img`))).toBe(false);

    server = startServer(dataDir, port, oneSlot);
    await ready(base, dataDir);
    const ended = await jobOf(base, dataDir, running.id);
    expect(ended.status).toBe("error");
    expect(ended.failure_reason).toMatch(/^Worker .+ was stopped \(SIGTERM\) while this job ran$/);
    const workers = (await (await fetch(`${base}/api/v1/workers`, { headers: auth(dataDir) })).json()) as {
      alive: boolean;
      stop_reason?: string;
    }[];
    expect(workers.filter((w) => !w.alive).map((w) => w.stop_reason)).toEqual(["stopped by SIGTERM"]);
    await expect
      .poll(async () => (await jobOf(base, dataDir, queued.id)).status, { timeout: 120_000, intervals: [1000] })
      .toBe("success");
  } finally {
    server.kill("SIGKILL");
  }
});
