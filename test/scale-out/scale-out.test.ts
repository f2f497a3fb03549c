// Scale-out with real processes on one PostgreSQL database and one S3 object store (s3rver): two
// `web` and two `worker` processes of the production server, each with its own data directory. A
// job created through web 1 runs on a worker while its log streams live through web 2, and the image
// it made downloads from both webs with the same sha256; a discovery ISO (full and minimal) is the
// same from both webs; an aarch64 job goes to the worker that can emulate it when the other has
// emulation off; kill -9 of the worker running a long job fails that job with the reason within 60 s
// while the other worker keeps working; SIGTERM of a worker ends its job at once with the reason.
// Needs `.next` (npm test builds it first) and TEST_PG_ADMIN_URL.
import { createHash } from "node:crypto";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleImageName } from "@/lib/samples/sample-images";
import { type S3Server, startS3Server } from "../s3-server";
import { type Cluster, readSse, startCluster, waitUntil } from "./cluster";

const enabled = Boolean(process.env.TEST_PG_ADMIN_URL);

type JobJson = {
  id: string;
  arch: string;
  status: string;
  emulated: boolean;
  failure_reason?: string;
  worker?: { id: string; name: string; hostname: string };
};
type WorkerJson = { name: string; native_arch: string; emulates: string[]; alive: boolean; running_jobs: string[] };

let cluster: Cluster;
let s3: S3Server;
const images = new Map<string, string>();
let liveLogJob: string;

async function json<T>(res: Response | Promise<Response>): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (!r.ok) throw new Error(`${r.status} ${r.url}: ${text}`);
  return JSON.parse(text) as T;
}

const startJob = (via: string, arch: "x86_64" | "aarch64", script: string, name = `scale-${arch}`) =>
  json<JobJson>(
    cluster.api(via, "/apis/ims/v3/jobs", {
      method: "POST",
      body: JSON.stringify({
        job_type: "customize",
        artifact_id: images.get(arch),
        image_root_archive_name: name,
        customization_script: script,
      }),
    }),
  );

const getJob = (via: string, id: string) => json<JobJson>(cluster.api(via, `/apis/ims/v3/jobs/${id}`));

const ended = (via: string, id: string, ms = 120_000) =>
  waitUntil(
    `job ${id} to end`,
    async () => {
      const job = await getJob(via, id);
      return ["success", "error", "cancelled"].includes(job.status) ? job : undefined;
    },
    ms,
  );

describe.skipIf(!enabled)("two web and two worker processes on one PostgreSQL", () => {
  beforeAll(async () => {
    s3 = await startS3Server();
    cluster = await startCluster({
      processes: [
        // web 1 imports the sample images (one per arch) the jobs below customize.
        { name: "web1", role: "web", env: { ARCHWAY_SAMPLE_IMAGES: "on" } },
        { name: "web2", role: "web" },
        { name: "w1", role: "worker", env: { ARCHWAY_WORKER_NAME: "w1" } },
        { name: "w2", role: "worker", env: { ARCHWAY_WORKER_NAME: "w2", ARCHWAY_EMULATION: "off" } },
      ],
      // Behind one load balancer every replica tells hosts the same address, so ISOs match byte for byte.
      env: { ARCHWAY_JOB_CONCURRENCY: "2", ARCHWAY_AGENT_URL: "http://console.example:8080", ...s3.env("scale") },
      sharedArtifacts: false,
    });
    for (const arch of ["x86_64", "aarch64"] as const) {
      const id = await waitUntil(`the ${arch} sample image`, async () => {
        const list = await json<{ id: string; name: string }[]>(
          cluster.api("web2", `/apis/ims/v3/images?name=${sampleImageName(arch)}`),
        );
        return list.find((i) => i.name === sampleImageName(arch))?.id;
      });
      images.set(arch, id);
    }
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await s3?.close();
  });

  it("a worker serves only /healthz; the webs list both workers with their capabilities", async () => {
    expect((await fetch(`${cluster.get("w1").url}/healthz`)).status).toBe(200);
    const other = await cluster.api("w1", "/api/v1/workers");
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toMatch(/problem\+json/);
    const workers = await json<WorkerJson[]>(cluster.api("web2", "/api/v1/workers"));
    const byName = Object.fromEntries(workers.filter((w) => w.alive).map((w) => [w.name, w]));
    expect(Object.keys(byName).sort()).toEqual(["w1", "w2"]);
    expect(byName.w1).toMatchObject({ native_arch: "x86_64", emulates: expect.arrayContaining(["aarch64"]) });
    expect(byName.w2).toMatchObject({ native_arch: "x86_64", emulates: [] });
  });

  it("a job created through web 1 runs on a worker while its log streams live through web 2", async () => {
    const script = "for i in 1 2 3 4; do echo tick $i; sleep 1; done\n"; // busybox sleep: whole seconds
    const job = await startJob("web1", "x86_64", script, "live-log");
    liveLogJob = job.id;
    const res = await cluster.api("web2", `/apis/ims/v3/jobs/${job.id}/logs?follow=1`, {
      headers: { accept: "text/event-stream" },
    });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const { frames } = await readSse(res);
    const first = frames.find((f) => f.text.includes("tick 1"));
    const last = frames.find((f) => f.text.includes("tick 4"));
    const end = frames.at(-1)!;
    expect(end.text).toMatch(/^event: end$/m);
    expect(first && last).toBeTruthy();
    // Live: the first tick arrived while the job still had 3 s of ticks to go.
    const timeline = frames.map((f) => `${f.at - frames[0].at} ms: ${f.text.replace(/\n/g, " | ").slice(0, 160)}`);
    expect(last!.at - first!.at, timeline.join("\n")).toBeGreaterThan(1500);
    const done = await getJob("web2", job.id);
    expect(done.status, done.failure_reason).toBe("success");
    expect(["w1", "w2"]).toContain(done.worker?.name);
    expect(done).toMatchObject({ emulated: false, worker: { hostname: os.hostname() } });
  }, 120_000);

  it("an aarch64 job goes to the worker that emulates it when the other has emulation off", async () => {
    const job = await startJob("web2", "aarch64", 'echo "inside: $(uname -m)"\n', "arm-placed");
    const done = await ended("web1", job.id, 150_000);
    expect(done.status, done.failure_reason).toBe("success");
    expect(done).toMatchObject({ arch: "aarch64", emulated: true, worker: { name: "w1" } });
  }, 180_000);

  it("cancel through web 2 reaches the worker running the job through web 1", async () => {
    const job = await startJob("web1", "x86_64", "echo waiting; sleep 600\n", "to-cancel");
    const running = await waitUntil("the job to start", async () => {
      const j = await getJob("web1", job.id);
      return j.worker && j.status === "building_image" ? j : undefined;
    });
    const res = await cluster.api("web2", `/apis/ims/v3/jobs/${job.id}/cancel`, { method: "POST" });
    expect(res.status).toBe(202);
    const done = await ended("web1", job.id, 30_000);
    expect(done).toMatchObject({ status: "cancelled", worker: { name: running.worker!.name } });
    expect(cluster.get(running.worker!.name).alive()).toBe(true);
  }, 90_000);

  it("kill -9 of the worker running a long job fails it with the reason within 60 s; the other keeps working", async () => {
    const long = await startJob("web1", "x86_64", "echo started; sleep 600\n", "long");
    const running = await waitUntil("the long job to start", async () => {
      const j = await getJob("web1", long.id);
      return j.worker && j.status === "building_image" ? j : undefined;
    });
    const victim = cluster.get(running.worker!.name);
    const survivor = cluster.get(victim.name === "w1" ? "w2" : "w1");
    const killedAt = Date.now();
    await victim.kill("SIGKILL");

    // The survivor takes new work meanwhile.
    const next = await startJob("web2", "x86_64", "echo after the kill\n", "after-kill");
    const failed = await ended("web2", long.id, 60_000);
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(failed).toMatchObject({
      status: "error",
      failure_reason: `worker ${victim.name} on ${os.hostname()} stopped responding`,
    });
    const done = await ended("web1", next.id, 60_000);
    expect(done.status, done.failure_reason).toBe("success");
    expect(done.worker?.name).toBe(survivor.name);
    const workers = await json<WorkerJson[]>(cluster.api("web1", "/api/v1/workers"));
    expect(workers.find((w) => w.name === victim.name)?.alive).toBe(false);
    expect(workers.find((w) => w.name === survivor.name)?.alive).toBe(true);
  }, 150_000);

  it("SIGTERM of the worker running a long job: the job fails at once with the reason, the worker shows why it stopped", async () => {
    await cluster.add({ name: "w3", role: "worker", env: { ARCHWAY_WORKER_NAME: "w3" } });
    const long = await startJob("web1", "x86_64", "echo started; sleep 600\n", "long-term");
    const running = await waitUntil("the long job to start", async () => {
      const j = await getJob("web1", long.id);
      return j.worker && j.status === "building_image" ? j : undefined;
    });
    const stopped = cluster.get(running.worker!.name);
    const other = cluster.processes.find((p) => p.role === "worker" && p.alive() && p.name !== stopped.name)!;
    const signalledAt = Date.now();
    await stopped.kill("SIGTERM");
    const exitedIn = Date.now() - signalledAt;
    // Ended by the worker itself before it exited, not by the reaper 30-60 s later.
    const failed = await getJob("web2", long.id);
    console.log(`SIGTERM: worker exited after ${exitedIn} ms, its job already ${failed.status}`);
    expect(exitedIn).toBeLessThan(20_000);
    expect(failed).toMatchObject({
      status: "error",
      failure_reason: `Worker ${stopped.name} on ${os.hostname()} was stopped (SIGTERM) while this job ran`,
    });
    const workers = await json<(WorkerJson & { stop_reason?: string })[]>(cluster.api("web2", "/api/v1/workers"));
    expect(workers.find((w) => w.name === stopped.name)).toMatchObject({
      alive: false,
      stop_reason: "stopped by SIGTERM",
    });
    const next = await startJob("web2", "x86_64", "echo after the stop\n", "after-stop");
    const done = await ended("web1", next.id, 60_000);
    expect(done.status, done.failure_reason).toBe("success");
    expect(done.worker?.name).toBe(other.name);
  }, 150_000);

  it("the image a job made downloads from both webs with the same sha256 (artifacts in S3)", async () => {
    const job = await json<JobJson & { resultant_image_id?: string }>(
      cluster.api("web2", `/apis/ims/v3/jobs/${liveLogJob}`),
    );
    expect(job.resultant_image_id).toBeTruthy();
    const image = await json<{ link: { path: string } }>(
      cluster.api("web1", `/apis/ims/v3/images/${job.resultant_image_id}`),
    );
    const manifest = await json<{ artifacts: { link: { path: string }; sha256?: string; type: string }[] }>(
      cluster.api("web2", new URL(image.link.path, "http://x").pathname),
    );
    expect(manifest.artifacts.length).toBeGreaterThan(0);
    for (const a of manifest.artifacts) {
      const sums = await Promise.all(
        ["web1", "web2"].map(async (web) => {
          const res = await cluster.api(web, new URL(a.link.path, "http://x").pathname);
          expect(res.status).toBe(200);
          return createHash("sha256")
            .update(Buffer.from(await res.arrayBuffer()))
            .digest("hex");
        }),
      );
      expect(sums[1]).toBe(sums[0]);
      if (a.sha256) expect(sums[0]).toBe(a.sha256);
    }
    // The blobs are in the bucket, not in any process's data directory.
    expect(s3.requests.some((r) => r.startsWith("PUT /archway-test/scale/sha256/"))).toBe(true);
  }, 60_000);

  it("a discovery ISO is the same bytes and ETag from both webs, full and minimal", async () => {
    const ie = await json<{ id: string }>(
      cluster.api("web1", "/api/assisted-install/v2/infra-envs", {
        method: "POST",
        body: JSON.stringify({ name: "replicas", openshift_version: "4.14", cpu_architecture: "x86_64" }),
      }),
    );
    for (const imageType of ["full-iso", "minimal-iso"]) {
      // The first asks start the base ISO's fetch job (on a worker); then each web copies it from the store.
      let last = "";
      const link = await waitUntil(
        `the ${imageType} link`,
        async () => {
          const res = await cluster.api(
            "web1",
            `/api/assisted-install/v2/infra-envs/${ie.id}/downloads/image-url?image_type=${imageType}`,
          );
          if (res.ok) return (await res.json()) as { url: string };
          last = `${res.status} ${await res.text()}`;
          return undefined;
        },
        180_000,
      ).catch((err: Error) => {
        const logs = cluster.processes.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join("\n");
        throw new Error(`${err.message}; last answer: ${last}\n${logs}`);
      });
      const isoPath = new URL(link.url).pathname;
      const got = await Promise.all(
        ["web1", "web2"].map((web) =>
          waitUntil(
            `${web} to serve the ${imageType}`,
            async () => {
              const res = await fetch(`${cluster.get(web).url}${isoPath}`);
              if (res.status !== 200) return undefined;
              const body = Buffer.from(await res.arrayBuffer());
              return { etag: res.headers.get("etag"), sha256: createHash("sha256").update(body).digest("hex") };
            },
            120_000,
          ),
        ),
      );
      expect(got[1]).toEqual(got[0]);
    }
  }, 400_000);
});
