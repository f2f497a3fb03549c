// kill -9 of a real server while an aarch64 job (emulated, sandboxed) sleeps: nothing of the job
// survives, and the restarted server marks the job failed with the reason and removes its scratch
// disk. The servers get their own data directory, SQLite database, port and job uid range, so
// only this test's processes are looked at and the suite's server is left alone.
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

const serverEnv = (dataDir: string, port: number): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? "",
  NODE_ENV: "production",
  HOSTNAME: "127.0.0.1",
  PORT: String(port),
  ARCHWAY_DATA_DIR: dataDir,
  ARCHWAY_PREFETCH_BASE_IMAGES: "off",
  ARCHWAY_JOB_UID_BASE: String(UID_BASE),
});

/** The admin token of a data dir's own database, made once by the project's CLI. */
const tokens = new Map<string, string>();
function auth(dataDir: string): Record<string, string> {
  if (!tokens.has(dataDir)) tokens.set(dataDir, adminTokenFor(serverEnv(dataDir, 0)));
  return { authorization: `Bearer ${tokens.get(dataDir)}` };
}

function startServer(dataDir: string, port: number): ChildProcess {
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: serverEnv(dataDir, port),
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

/** Host processes running under this test's job uid range. */
function jobProcesses(): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
      if (uid >= UID_BASE && uid < UID_BASE + 65_536)
        found.push({ pid: Number(pid), cmd: readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ") });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

test("kill -9 of the server during a job leaves no process of it alive, and the restart fails the job with the reason", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "archway-orphans-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = startServer(dataDir, port);
  try {
    await ready(base, dataDir);
    // The sample images are imported in the background after start.
    let arm: { id: string; arch: string } | undefined;
    await expect
      .poll(
        async () => {
          const images = (await (await fetch(`${base}/apis/ims/v3/images`, { headers: auth(dataDir) })).json()) as {
            id: string;
            arch: string;
          }[];
          arm = images.find((i) => i.arch === "aarch64");
          return !!arm;
        },
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe(true);
    const res = await fetch(`${base}/apis/ims/v3/jobs`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth(dataDir) },
      body: JSON.stringify({
        job_type: "customize",
        artifact_id: arm!.id,
        image_root_archive_name: "orphan",
        customization_script: "sleep 120 &\nsleep 121\n",
      }),
    });
    expect(res.status).toBe(201);
    const job = (await res.json()) as { id: string };
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
    const after = (await (await fetch(`${base}/apis/ims/v3/jobs/${job.id}`, { headers: auth(dataDir) })).json()) as {
      status: string;
      failure_reason: string;
    };
    expect(after.status).toBe("error");
    expect(after.failure_reason).toMatch(/Interrupted: the server stopped while this job ran/);
    // Its scratch disk is unmounted and gone.
    expect(readFileSync("/proc/self/mountinfo", "utf8")).not.toContain(job.id);
    expect(existsSync(path.join(dataDir, "jobs", `${job.id}.img`))).toBe(false);
  } finally {
    server.kill("SIGKILL");
  }
});
