// The base-image fetch job against real files: a good ISO is cached with its digest and detected
// architecture; an ISO whose kernel contradicts its row, a non-ISO and a missing file are refused
// with a clear reason, and the job's log says so.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildSampleIso } from "@/lib/samples/sample-iso";
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
