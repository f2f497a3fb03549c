// Image jobs for real: customize and create on the x86_64 and aarch64 samples (aarch64 emulated
// on this x86_64 machine), failures, cancel killing the process group, restart reconciliation,
// and the SSE log resuming exactly after Last-Event-ID.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openArtifact } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import { artifactIdOf, manifestSchema } from "@/lib/images/manifest";
import { startTakingJobs, stopTakingJobs } from "@/lib/jobs/run-job";
import { reconcileJobs, resumeQueued } from "@/lib/jobs/runner";
import { ensureSamples, sampleImageName, sampleRecipeName } from "@/lib/samples/sample-images";
import { testProvider } from "@/test/databases";
import { call } from "@/test/http";
import { cmdline, sandboxPids } from "@/test/sandbox";
import * as cancel from "./[job_id]/cancel/route";
import * as logs from "./[job_id]/logs/route";
import * as one from "./[job_id]/route";
import * as jobs from "./route";

async function bytesOf(id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of (await openArtifact(id)).stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function waitFor(
  jobId: string,
  until: (s: string) => boolean = (s) => ["success", "error", "cancelled"].includes(s),
  ms = 120_000,
) {
  const end = Date.now() + ms;
  for (;;) {
    const job = (await call(one.GET, { params: { job_id: jobId } })).body;
    if (until(job.status)) return job;
    if (Date.now() > end) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const logText = async (jobId: string) => (await call(logs.GET, { params: { job_id: jobId } })).text;

async function squashfsFile(imageId: string, file: string): Promise<string> {
  const image = await db().image.findUniqueOrThrow({ where: { id: imageId } });
  const manifest = manifestSchema.parse(JSON.parse((await bytesOf(artifactIdOf(image.linkPath!)!)).toString()));
  const rootfs = manifest.artifacts.find((a) => a.type.endsWith("squashfs"))!;
  const sq = path.join(mkdtempSync(path.join(tmpdir(), "job-sq-")), "r.squashfs");
  writeFileSync(sq, await bytesOf(artifactIdOf(rootfs.link.path)!));
  return execFileSync("unsquashfs", ["-cat", sq, file], { encoding: "utf8" });
}

const image = (arch: "x86_64" | "aarch64") => db().image.findFirstOrThrow({ where: { name: sampleImageName(arch) } });
const start = (body: Record<string, unknown>) => call(jobs.POST, { method: "POST", body });

beforeAll(async () => {
  await ensureSamples(() => {});
}, 120_000);

describe.each([
  ["aarch64", true],
  ["x86_64", false],
] as const)("customize on the %s sample", (arch, emulated) => {
  it(`runs ${emulated ? "emulated" : "natively"}, inherits the arch, and packs the changed root`, async () => {
    const base = await image(arch);
    const res = await start({
      job_type: "customize",
      artifact_id: base.id,
      image_root_archive_name: `custom-${arch}`,
      customization_script: 'echo "inside: $(uname -m)"\necho customized > /etc/archway-test\n',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ arch, emulated, job_type: "customize" });
    const done = await waitFor(res.body.id);
    expect(done.status, done.failure_reason).toBe("success");
    const text = await logText(res.body.id);
    expect(text).toContain(`inside: ${arch}`);
    expect(text).toContain(emulated ? "under QEMU user emulation" : "natively");
    const result = await db().image.findUniqueOrThrow({ where: { id: done.resultant_image_id } });
    expect(result).toMatchObject({ arch, name: `custom-${arch}` });
    expect(await squashfsFile(result.id, "etc/archway-test")).toBe("customized\n");
    // PostgreSQL's jsonb does not keep key order; the start times do.
    const steps = Object.entries(done.step_times as Record<string, { started: string }>)
      .sort(([, a], [, b]) => Date.parse(a.started) - Date.parse(b.started))
      .map(([k]) => k);
    expect(steps).toEqual(["fetching_image", "building_image", "packaging_artifacts"]);
  }, 180_000);
});

describe("create", () => {
  it("builds the aarch64 sample recipe into an aarch64 image (emulated)", async () => {
    const recipe = await db().recipe.findFirstOrThrow({ where: { name: sampleRecipeName("aarch64") } });
    const res = await start({ job_type: "create", artifact_id: recipe.id, image_root_archive_name: "built-arm" });
    expect(res.body).toMatchObject({ arch: "aarch64", emulated: true });
    const done = await waitFor(res.body.id);
    expect(done.status, done.failure_reason).toBe("success");
    expect(await squashfsFile(done.resultant_image_id, "etc/motd")).toBe(
      "Built by Archway's sample recipe on aarch64\n",
    );
    expect((await db().image.findUniqueOrThrow({ where: { id: done.resultant_image_id } })).arch).toBe("aarch64");
  }, 180_000);
});

describe("failures and control", () => {
  it("a failing script ends in error with the reason, and its output in the log", async () => {
    const res = await start({
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "broken",
      customization_script: "echo about to fail >&2\nexit 7\n",
    });
    const done = await waitFor(res.body.id);
    expect(done.status).toBe("error");
    expect(done.failure_reason).toBe("The customization script exited with status 7; its output is in the log");
    expect(await logText(res.body.id)).toContain("about to fail");
  }, 60_000);

  it("cancel kills the whole process group", async () => {
    const marker = `archway-cancel-${Date.now()}`;
    const res = await start({
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "cancelled",
      customization_script: `sleep 300 & sleep 301 # ${marker}\n`,
    });
    // Only processes in this job's cgroup count (other suites may sleep too).
    const ours = () => sandboxPids(res.body.id).filter((pid) => /sleep 30[01]/.test(cmdline(pid)));
    await expect.poll(() => ours().length, { timeout: 30_000 }).toBe(2);
    const seen = ours();
    const c = await call(cancel.POST, { method: "POST", params: { job_id: res.body.id } });
    expect(c.status).toBe(202);
    const done = await waitFor(res.body.id);
    expect(done.status).toBe("cancelled");
    expect(seen.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  }, 60_000);

  it("rejects arch in the request and unknown artifacts (400, nothing started)", async () => {
    const before = await db().job.count();
    const withArch = await start({
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "x",
      customization_script: "true",
      arch: "aarch64",
    });
    expect(withArch.status).toBe(400);
    expect(withArch.body.errors.arch[0]).toMatch(/comes from the recipe/);
    const missing = await start({
      job_type: "create",
      artifact_id: "00000000-0000-4000-8000-000000000000",
      image_root_archive_name: "x",
    });
    expect(missing.body.errors.artifact_id[0]).toMatch(/No recipe/);
    const noScript = await start({
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "x",
    });
    expect(noScript.body.errors.customization_script).toBeDefined();
    expect(await db().job.count()).toBe(before);
  });

  it("after a restart no job is left running", async () => {
    const stale = await db().job.create({
      data: {
        jobType: "customize",
        artifactId: (await image("x86_64")).id,
        arch: "x86_64",
        status: "building_image",
        stepTimes: {},
      },
    });
    expect(await reconcileJobs()).toBeGreaterThanOrEqual(1);
    expect(await db().job.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({
      status: "error",
      failureReason: expect.stringMatching(/Interrupted/),
    });
  });

  it("after a restart a job that was queued, never started, runs", async () => {
    // Made while this process's worker takes no jobs, as a job left queued by a stopped server.
    stopTakingJobs();
    const res = await start({
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "resumed",
      customization_script: "echo resumed\n",
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await call(one.GET, { params: { job_id: res.body.id } })).body.status).toBe("creating");
    await reconcileJobs();
    expect((await call(one.GET, { params: { job_id: res.body.id } })).body.status).toBe("creating");
    startTakingJobs();
    // SQLite submits it again; on PostgreSQL it waited in the shared queue all along.
    expect(await resumeQueued()).toBe(testProvider() === "sqlite" ? 1 : 0);
    expect((await waitFor(res.body.id)).status).toBe("success");
  });
});

describe("SSE log", () => {
  it("resumes after Last-Event-ID with exactly the missing lines, then event: end", async () => {
    const res = await start({
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "sse",
      customization_script: "for i in 1 2 3 4 5 6 7 8 9 10; do echo line $i; done\n",
    });
    await waitFor(res.body.id);
    const all = await db().jobLogLine.findMany({ where: { jobId: res.body.id }, orderBy: { seq: "asc" } });
    const sse = await call(logs.GET, {
      path: "/x?follow=1",
      params: { job_id: res.body.id },
      headers: { accept: "text/event-stream", "last-event-id": "5" },
    });
    expect(sse.headers.get("content-type")).toMatch(/text\/event-stream/);
    const ids = [...sse.text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(all.filter((l) => l.seq > 5).map((l) => l.seq));
    const data = [...sse.text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]));
    expect(data.slice(0, -1).map((d) => d.line)).toEqual(all.filter((l) => l.seq > 5).map((l) => l.line));
    expect(sse.text).toMatch(/event: end\ndata: \{"status":"success"\}\n\n$/);
  }, 60_000);
});

describe("deleting a job", () => {
  it("takes its log with it, unless asked to keep it (then the log is an artifact)", async () => {
    const res = await start({
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "del",
      customization_script: "echo keep me\n",
    });
    await waitFor(res.body.id);
    const kept = await call(one.DELETE, {
      method: "DELETE",
      path: "/x?keep_logs=true",
      params: { job_id: res.body.id },
    });
    expect(kept.status).toBe(200);
    expect(await db().jobLogLine.count({ where: { jobId: res.body.id } })).toBe(0);
    expect((await bytesOf(artifactIdOf(kept.body.log.path)!)).toString()).toContain("keep me");
    const again = await start({
      job_type: "customize",
      artifact_id: (await image("x86_64")).id,
      image_root_archive_name: "del2",
      customization_script: "sleep 3\n",
    });
    expect((await call(one.DELETE, { method: "DELETE", params: { job_id: again.body.id } })).status).toBe(409);
    await waitFor(again.body.id);
    expect((await call(one.DELETE, { method: "DELETE", params: { job_id: again.body.id } })).status).toBe(204);
  }, 60_000);
});
