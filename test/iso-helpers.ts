// Shared steps of the discovery ISO tests: fetch base images through the real job, download an
// ISO through the real route, and read files back out of it with xorriso.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as fetchRoute from "@/app/api/assisted-install/v2/os-images/[os_image_id]/fetch/route";
import * as isoRoute from "@/app/iso/[token]/[version]/[arch]/[file]/route";
import { db } from "@/lib/db";
import { type Called, call } from "./http";

export async function fetchBaseImage(openshiftVersion: string, cpuArchitecture: string) {
  const row = await db().osImage.findFirstOrThrow({ where: { openshiftVersion, cpuArchitecture } });
  const res = await call(fetchRoute.POST, { method: "POST", params: { os_image_id: String(row.id) } });
  if (res.status !== 202) throw new Error(`fetch answered ${res.status}: ${res.text}`);
  for (let i = 0; i < 600; i++) {
    const job = await db().job.findUniqueOrThrow({ where: { id: res.body.job_id } });
    if (job.status === "success") return job;
    if (job.status === "error") throw new Error(`fetch job failed: ${job.failureReason}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("fetch job did not finish");
}

/** Splits /iso/{token}/{version}/{arch}/{file} into the route's params. */
export function isoParams(url: string) {
  const [, , token, version, arch, file] = new URL(url).pathname.split("/");
  return { token, version, arch, file };
}

export function getIso(
  url: string,
  headers: Record<string, string> = {},
  method: "GET" | "HEAD" = "GET",
): Promise<Called> {
  const handler = method === "GET" ? isoRoute.GET : isoRoute.HEAD;
  return call(handler as never, { method, path: new URL(url).pathname, params: isoParams(url), headers });
}

export function xorrisoFiles(iso: string): string[] {
  const out = execFileSync("xorriso", ["-indev", iso, "-find", "/", "-type", "f"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return out
    .split("\n")
    .map((l) => l.trim().replace(/^'|'$/g, ""))
    .filter(Boolean)
    .sort();
}

export function xorrisoExtract(iso: string, file: string): Buffer {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "xorriso-")), path.basename(file));
  execFileSync("xorriso", ["-osirrox", "on", "-indev", iso, "-extract", file, out], { stdio: "ignore" });
  return readFileSync(out);
}
