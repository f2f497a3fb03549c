// The base-image fetch job against real files: a good ISO is cached with its digest and detected
// architecture; an ISO whose kernel contradicts its row, a non-ISO and a missing file are refused
// with a clear reason, and the job's log says so.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import * as cancel from "@/app/apis/ims/v3/jobs/[job_id]/cancel/route";
import * as logs from "@/app/apis/ims/v3/jobs/[job_id]/logs/route";
import { db } from "@/lib/db";
import { buildSampleIso } from "@/lib/samples/sample-iso";
import { dribblingSource } from "@/test/dribbling-source";
import { call } from "@/test/http";
import { baseImageFor, startFetch } from "./service";

const dir = mkdtempSync(path.join(tmpdir(), "base-images-"));
const x86 = path.join(dir, "live-x86_64.iso");

async function fetchOnce(file: string, arch: string) {
  const bi = await baseImageFor(pathToFileURL(file).href, arch);
  const { jobId, done } = await startFetch(bi.id);
  await done;
  const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
  const log = (await db().jobLogLine.findMany({ where: { jobId }, orderBy: { seq: "asc" } }))
    .map((l) => l.line)
    .join("\n");
  return { bi: await db().baseImage.findUniqueOrThrow({ where: { id: bi.id } }), job, log };
}

beforeAll(async () => {
  await buildSampleIso({ arch: "x86_64", out: x86 });
}, 60_000);

describe("fetching a base image", () => {
  it("caches, hashes and verifies a good ISO, logging each step", async () => {
    const { bi, job, log } = await fetchOnce(x86, "x86_64");
    expect(job).toMatchObject({ status: "success", progress: 100, jobType: "fetch_base_image", arch: "x86_64" });
    expect(bi).toMatchObject({ status: "ready", detectedArch: "x86_64", error: null });
    expect(bi.sha256).toBe(createHash("sha256").update(readFileSync(x86)).digest("hex"));
    expect(readFileSync(bi.path!).equals(readFileSync(x86))).toBe(true);
    // The log reaches the browser: it names the file, not the server path.
    expect(log).toMatch(/Fetching \S+\.iso \(on the server\)/);
    expect(log).not.toContain("file://");
    expect(log).toMatch(/\(100%\)/);
    expect(log).toMatch(/kernel \/images\/pxeboot\/vmlinuz is x86_64/);
    expect(bi.minimalPath).toMatch(/\.minimal\.iso$/);
  });

  it("refuses an ISO whose kernel is not the row's architecture", async () => {
    const copy = path.join(dir, "claims-arm.iso");
    writeFileSync(copy, readFileSync(x86));
    const { bi, job, log } = await fetchOnce(copy, "aarch64");
    expect(bi.status).toBe("failed");
    expect(bi.error).toBe(
      "The kernel inside (/images/pxeboot/vmlinuz) is x86_64, but the image table row says Arm64 (aarch64)",
    );
    expect(job).toMatchObject({ status: "error", failureReason: bi.error });
    expect(log).toContain(bi.error);
  });

  it.each([
    [
      "not an ISO",
      () => (writeFileSync(path.join(dir, "junk.iso"), Buffer.alloc(100_000, 1)), path.join(dir, "junk.iso")),
      /Not an ISO 9660 image/,
    ],
    ["a missing file", () => path.join(dir, "nope.iso"), /does not exist/],
  ])("refuses %s", async (_, make, reason) => {
    const { bi, job } = await fetchOnce(make(), "x86_64");
    expect(bi.status).toBe("failed");
    expect(bi.error).toMatch(reason);
    expect(job.status).toBe("error");
  });
});

describe("a base-image fetch is a job of the job runner", () => {
  it("can be cancelled: the download stops, the job ends cancelled with `event: end`, the image keeps why", async () => {
    const source = await dribblingSource();
    const served = source.served;
    try {
      const url = source.url;
      const bi = await baseImageFor(url, "x86_64");
      const { jobId, done } = await startFetch(bi.id);
      await expect.poll(served, { timeout: 20_000 }).toBeGreaterThan(0);
      // A live viewer, following while the job is cancelled (its body ends with the job).
      const following = call(logs.GET, {
        path: "/x?follow=1",
        headers: { accept: "text/event-stream" },
        params: { job_id: jobId },
      });
      const res = await call(cancel.POST, { method: "POST", params: { job_id: jobId } });
      expect(res.status).toBe(202);
      await done;
      const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job).toMatchObject({ status: "cancelled", failureReason: "Cancelled by the user" });
      expect(await db().baseImage.findUniqueOrThrow({ where: { id: bi.id } })).toMatchObject({
        status: "failed",
        failureKind: "cancelled",
      });
      // The download really stopped: nothing more is served once the client went away.
      const after = served();
      await new Promise((r) => setTimeout(r, 300));
      expect(served() - after).toBeLessThanOrEqual(65536);
      expect((await following).text).toMatch(/event: end\ndata: \{"status":"cancelled"/);
    } finally {
      source.close();
    }
  }, 60_000);
});

describe("one fetch per base image across processes", () => {
  it("a second process asking for the same base image joins the running fetch job", async () => {
    // A source that holds its body until released: the first fetch is surely still running.
    const body = readFileSync(x86);
    let requests = 0;
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    const server = http
      .createServer((_req, res) => {
        requests++;
        res.writeHead(200, { "content-length": String(body.length), "content-type": "application/octet-stream" });
        void released.then(() => res.end(body));
      })
      .listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/held.iso`;
      const bi = await baseImageFor(url, "x86_64");
      const flights = (globalThis as unknown as { archwayFetches: Map<number, unknown> }).archwayFetches;
      const first = await startFetch(bi.id);
      await expect.poll(() => requests, { timeout: 20_000 }).toBeGreaterThan(0);
      // Another web replica: the same database, none of this process's in-memory flights.
      flights.delete(bi.id);
      const second = await startFetch(bi.id);
      expect(second.jobId).toBe(first.jobId);
      release();
      await Promise.all([first.done, second.done]);
      const jobs = await db().job.findMany({ where: { jobType: "fetch_base_image", artifactId: String(bi.id) } });
      expect(jobs.map((j) => j.status)).toEqual(["success"]);
      // Once it has ended, a new ask starts a new fetch (a re-fetch), not a join.
      flights.delete(bi.id);
      const again = await startFetch(bi.id);
      expect(again.jobId).not.toBe(first.jobId);
      await again.done;
    } finally {
      release();
      server.close();
    }
  }, 120_000);
});
