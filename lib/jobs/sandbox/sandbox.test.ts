// Hostile jobs against the real sandbox (bubblewrap, cgroups, loop-mounted scratch disks, QEMU for
// aarch64): a customize script on each sample tries to reach the database, the keys, another job,
// the console over the network, device nodes and host processes, and fails; a fork bomb, a memory
// hog and a disk filler each end their job with the limit's reason while the console keeps
// answering; from the host the job's processes run under a non-zero uid.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as one from "@/app/apis/ims/v3/jobs/[job_id]/route";
import * as jobs from "@/app/apis/ims/v3/jobs/route";
import { db } from "@/lib/db";
import { env, resetEnvForTests } from "@/lib/env";
import { ensureSamples, sampleImageName } from "@/lib/samples/sample-images";
import { call } from "@/test/http";
import { hostUid, sandboxPids } from "@/test/sandbox";
import { spawnSandboxed } from "./bwrap";
import { JobCgroup, scopeDirs } from "./cgroup";

const image = (arch: "x86_64" | "aarch64") => db().image.findFirstOrThrow({ where: { name: sampleImageName(arch) } });

async function waitFor(jobId: string, ms = 120_000) {
  const end = Date.now() + ms;
  for (;;) {
    const job = (await call(one.GET, { params: { job_id: jobId } })).body;
    if (["success", "error", "cancelled"].includes(job.status)) return job;
    if (Date.now() > end) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Asks the console (the route handlers of this process) for the job every 50 ms; returns the slowest answer. */
async function slowestAnswerWhile(jobId: string): Promise<number> {
  let slowest = 0;
  for (;;) {
    const t = Date.now();
    const job = (await call(one.GET, { params: { job_id: jobId } })).body;
    slowest = Math.max(slowest, Date.now() - t);
    if (["success", "error", "cancelled"].includes(job.status)) return slowest;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const logOf = async (jobId: string) =>
  (await db().jobLogLine.findMany({ where: { jobId }, orderBy: { seq: "asc" } })).map((l) => l.line).join("\n");

let console_: http.Server;
let consolePort = 0;

beforeAll(async () => {
  await ensureSamples(() => {});
  // Something secret in data/ beside the database (the keys the console signs with live here).
  mkdirSync(path.join(env().dataDir, "keys"), { recursive: true });
  writeFileSync(path.join(env().dataDir, "keys", "signing-key.pem"), "SECRET-KEY\n");
  console_ = http.createServer((_q, r) => r.end("console")).listen(0, "0.0.0.0");
  await new Promise((r) => console_.once("listening", r));
  consolePort = (console_.address() as AddressInfo).port;
}, 120_000);

afterAll(() => console_?.close());

describe.each(["x86_64", "aarch64"] as const)("a hostile customize script on the %s sample", (arch) => {
  it("cannot read the database, the keys or another job, create devices or see host processes; runs as a non-root host uid", async () => {
    const dbUrl = env().databaseUrl;
    const dbFile = dbUrl.startsWith("file:")
      ? fileURLToPath(dbUrl.startsWith("file://") ? dbUrl : `file://${dbUrl.slice(5)}`)
      : path.join(env().dataDir, "archway.db");
    // Another job, running meanwhile: its scratch disk is mounted on the host.
    const other = await call(jobs.POST, {
      method: "POST",
      body: {
        job_type: "customize",
        artifact_id: (await image("x86_64")).id,
        image_root_archive_name: "other",
        customization_script: "echo other-secret > /root/secret; sleep 20\n",
      },
    });
    const otherDir = path.join(`/run`, "archway-jobs-*", other.body.id);
    const script = `
try() { what=$1; shift; if "$@" >/dev/null 2>&1; then echo "LEAK $what"; else echo "blocked $what"; fi; }
try db cat ${dbFile}
try db-dir ls ${env().dataDir}
try keys cat ${path.join(env().dataDir, "keys", "signing-key.pem")}
try other-job sh -c 'cat ${otherDir}/root/root/secret'
try mknod mknod /tmp/sda b 8 0
try host-pid cat /proc/${process.pid}/cmdline
echo "processes $(ls /proc | grep -c '^[0-9]')"
echo "interfaces $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')"
echo "uid $(id -u)"
chown 1000:1000 /tmp && echo "chown works"
sleep 3
`;
    const res = await call(jobs.POST, {
      method: "POST",
      body: {
        job_type: "customize",
        artifact_id: (await image(arch)).id,
        image_root_archive_name: `hostile-${arch}`,
        customization_script: script,
      },
    });
    expect(res.status).toBe(201);
    // From the host, every process of the job runs as an id of its mapped range, never root.
    await expect.poll(() => sandboxPids(res.body.id).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const uids = sandboxPids(res.body.id)
      .map(hostUid)
      .filter((u) => u !== null);
    expect(uids.length).toBeGreaterThan(0);
    for (const uid of uids) expect(uid).toBeGreaterThanOrEqual(env().ARCHWAY_JOB_UID_BASE);
    const done = await waitFor(res.body.id);
    expect(done.status, done.failure_reason).toBe("success");
    const log = await logOf(res.body.id);
    expect(log).not.toContain("LEAK");
    for (const what of ["db", "db-dir", "keys", "other-job", "mknod", "host-pid"])
      expect(log).toContain(`blocked ${what}`);
    expect(log).toMatch(/processes [1-9]\b/); // the job's own few, not the host's hundreds
    expect(log).toMatch(/interfaces lo $/m); // no way out but its own loopback
    expect(log).toContain("uid 0"); // root of the image inside…
    expect(log).toContain("chown works"); // …that can chown within it
    expect(done.network_mode).toBe("none"); // and the job says it had no network
    await waitFor(other.body.id);
  }, 180_000);
});

describe("the network a job ran with", () => {
  afterAll(() => {
    delete process.env.ARCHWAY_JOB_NETWORK;
    resetEnvForTests();
  });

  it("is stored on the job when its sandbox is made: none by default, allowed when the admin setting says so", async () => {
    const start = async () =>
      (
        await call(jobs.POST, {
          method: "POST",
          body: {
            job_type: "customize",
            artifact_id: (await image("x86_64")).id,
            image_root_archive_name: "net-mode",
            customization_script: "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' '; echo\n",
          },
        })
      ).body;
    const queued = await start();
    expect(queued.network_mode).toBeUndefined(); // not decided before the sandbox exists
    const closed = await waitFor(queued.id);
    expect(closed.status, closed.failure_reason).toBe("success");
    expect(closed.network_mode).toBe("none");
    expect(await logOf(queued.id)).toMatch(/^lo $/m);

    process.env.ARCHWAY_JOB_NETWORK = "allowed";
    resetEnvForTests();
    const open = await waitFor((await start()).id);
    expect(open.status, open.failure_reason).toBe("success");
    expect(open.network_mode).toBe("allowed");
    // The host's interfaces, not only a loopback of its own: the setting is what the job really got.
    expect(await logOf(open.id)).not.toMatch(/^lo $/m);
    // Changing the setting later does not rewrite what a finished job ran with.
    delete process.env.ARCHWAY_JOB_NETWORK;
    resetEnvForTests();
    expect((await call(one.GET, { params: { job_id: open.id } })).body.network_mode).toBe("allowed");
  }, 180_000);
});

describe("the network", () => {
  it("a sandboxed process cannot connect to the console, on loopback or the host's address", async () => {
    const cgroup = await JobCgroup.create(env().dataDir, `net-test-${Date.now()}`, {
      memoryBytes: 256 << 20,
      pids: 64,
      cpus: 1,
    });
    try {
      // Jobs as a whole weigh a tenth of the console when both want the CPU (v2 weight, v1 shares).
      const weights = scopeDirs(env().dataDir).flatMap((d) =>
        ["cpu.weight", "cpu.shares"]
          .filter((f) => existsSync(path.join(d, f)))
          .map((f) => readFileSync(path.join(d, f), "utf8").trim()),
      );
      expect(weights).toEqual([existsSync("/sys/fs/cgroup/cgroup.controllers") ? "10" : "102"]);
      const { child, ready } = spawnSandboxed(
        { root: null, cgroup, uidBase: env().ARCHWAY_JOB_UID_BASE, network: false },
        "bash",
        [
          "-c",
          `for h in 127.0.0.1 $(hostname -I 2>/dev/null || true) ${hostAddress()}; do (exec 3<>/dev/tcp/$h/${consolePort}) 2>/dev/null && echo "LEAK $h" || echo "blocked $h"; done`,
        ],
        { cwd: "/", env: { PATH: "/usr/bin:/bin" }, stdin: "ignore" },
      );
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      await ready;
      await new Promise((r) => child.on("close", r));
      expect(out).toContain("blocked 127.0.0.1");
      expect(out).toContain(`blocked ${hostAddress()}`);
      expect(out).not.toContain("LEAK");
      // The same probe outside the sandbox does connect, so the probe itself works.
      const outside = spawn("bash", ["-c", `(exec 3<>/dev/tcp/${hostAddress()}/${consolePort}) && echo open`]);
      let o = "";
      outside.stdout.on("data", (d) => (o += d));
      await new Promise((r) => outside.on("close", r));
      expect(o).toContain("open");
    } finally {
      await cgroup.destroy();
    }
  });
});

function hostAddress(): string {
  return (
    Object.values(networkInterfaces())
      .flat()
      .find((n) => n?.family === "IPv4" && !n?.internal)?.address ?? "127.0.0.1"
  );
}

// This machine may be shared (other builds and VMs): the console's slowest answer while a quiet job
// runs is the baseline the 100 ms are added to.
let baseline = -1;
async function quietBaseline(): Promise<number> {
  if (baseline >= 0) return baseline;
  const res = await call(jobs.POST, {
    method: "POST",
    body: {
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "quiet",
      customization_script: "sleep 3\n",
    },
  });
  baseline = await slowestAnswerWhile(res.body.id);
  console.log(`quiet job: slowest console answer ${baseline} ms`);
  return baseline;
}

describe.each([
  ["fork bomb", "f() { f | f & }; f; sleep 60\n", {}, /exceeded its 64 process limit/],
  ["memory hog", "tail /dev/zero\n", {}, /exceeded its 256 MiB memory limit/],
  [
    "disk filler",
    "dd if=/dev/zero of=/fill bs=1M count=4096\n",
    { build_env_size: 1 },
    /filled its 1 GiB scratch disk/,
  ],
] as const)("a %s", (_what, script, extra, reason) => {
  beforeAll(() => {
    process.env.ARCHWAY_JOB_PIDS = "64";
    process.env.ARCHWAY_JOB_MEMORY_MIB = "256";
    resetEnvForTests();
  });
  afterAll(() => {
    delete process.env.ARCHWAY_JOB_PIDS;
    delete process.env.ARCHWAY_JOB_MEMORY_MIB;
    resetEnvForTests();
  });

  it("ends its job with the limit's reason while the console keeps answering within 100 ms", async () => {
    const quiet = await quietBaseline();
    const res = await call(jobs.POST, {
      method: "POST",
      body: {
        job_type: "customize",
        artifact_id: (await image("x86_64")).id,
        image_root_archive_name: "limit",
        customization_script: script,
        ...extra,
      },
    });
    const slowest = await slowestAnswerWhile(res.body.id);
    const done = await waitFor(res.body.id);
    expect(done.status).toBe("error");
    expect(done.failure_reason).toMatch(reason);
    console.log(
      `${_what}: slowest console answer ${slowest} ms, ${await db().jobLogLine.count({ where: { jobId: res.body.id } })} log lines`,
    );
    expect(slowest).toBeLessThan(100 + quiet);
    expect(sandboxPids(res.body.id)).toEqual([]);
  }, 120_000);
});
