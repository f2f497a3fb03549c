// The cache heals against real ISOs, files and a loopback HTTP source: concurrent fetches of one url
// run one job; start-up retries an interrupted fetch always, a missing-package failure once the
// packages are there, an unreachable source once it answers, refused content only once it changed;
// and leftovers of a dead process (temp files, the stale template of the original bug) are no obstacle.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fetchRoute from "@/app/api/assisted-install/v2/os-images/[os_image_id]/fetch/route";
import * as osImagesRoute from "@/app/api/assisted-install/v2/os-images/route";
import { storeCatalog } from "@/lib/catalog/store";
import { db } from "@/lib/db";
import { removeLeftovers } from "@/lib/files/leftovers";
import { buildSampleIso } from "@/lib/samples/sample-iso";
import { call } from "@/test/http";
import { cachePath } from "./fetch-job";
import { fetchMissing, reconcileFetches, retryDecision } from "./heal";
import { buildMinimalTemplate } from "./minimal";
import { baseImageFor, FETCH_JOB, startFetch } from "./service";

const dir = mkdtempSync(path.join(tmpdir(), "heal-"));
const iso = path.join(dir, "live-x86_64.iso");
let httpAvailable = false;
const http = createServer((req, res) => {
  if (!httpAvailable) return void res.writeHead(404).end();
  const body = readFileSync(iso);
  res.writeHead(200, { "content-length": body.length, etag: '"v1"' });
  res.end(req.method === "HEAD" ? undefined : body);
});

/** Makes `urls` the whole image table (x86_64 rows), so fetchMissing looks at nothing else. */
async function table(...urls: string[]) {
  await storeCatalog(db(), {
    osImages: urls.map((url, i) => ({
      openshift_version: ["4.8", "4.9", "4.14"][i % 3],
      cpu_architecture: "x86_64" as const,
      url,
      version: `heal-${i}`,
    })),
    releaseImages: [],
  });
}

const fileUrl = (name: string) => pathToFileURL(path.join(dir, name)).href;
const jobs = (id: number) => db().job.count({ where: { jobType: FETCH_JOB, artifactId: String(id) } });
const row = (url: string) => db().baseImage.findUniqueOrThrow({ where: { url } });

/** A pid no process has now: one of a process that has exited. */
function deadPid(): number {
  return Number(execFileSync("sh", ["-c", "sh -c 'echo $$'"]).toString().trim());
}

beforeAll(async () => {
  await buildSampleIso({ arch: "x86_64", out: iso });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe("one fetch per base file", () => {
  it("three rows sharing a url, fetched at once through the route, startFetch and fetchMissing: one job", async () => {
    const url = fileUrl("shared.iso");
    copyFileSync(iso, path.join(dir, "shared.iso"));
    await table(url, url, url);
    const rows = await db().osImage.findMany({ where: { url } });
    expect(rows).toHaveLength(3);
    const viaRoute = rows.map((r) => call(fetchRoute.POST, { method: "POST", params: { os_image_id: String(r.id) } }));
    const viaService = (async () => startFetch((await baseImageFor(url, "x86_64")).id))();
    const sweep = fetchMissing();
    const answers = await Promise.all(viaRoute);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    const flight = await viaService;
    expect(new Set([...answers.map((a) => a.body.job_id), flight.jobId]).size).toBe(1);
    await Promise.all([flight.done, sweep]);

    const bi = await row(url);
    expect(await jobs(bi.id)).toBe(1);
    const listed = (await call(osImagesRoute.GET)).body.os_images.filter((r: { url: string }) => r.url === url);
    expect(listed.map((r: { base_image: { status: string } }) => r.base_image.status)).toEqual([
      "ready",
      "ready",
      "ready",
    ]);
  });
});

describe("derived files are built under temp names", () => {
  it("concurrent minimal-template builds into the same files, over a stale template, all succeed", async () => {
    const out = { minimal: path.join(dir, "t.minimal.iso"), rootfs: path.join(dir, "t.rootfs.img") };
    writeFileSync(out.minimal, Buffer.alloc(65_536, 7)); // what an earlier attempt left behind
    const built = await Promise.all([1, 2, 3].map(() => buildMinimalTemplate(iso, out, () => {})));
    expect(new Set(built.map((b) => b?.minimalSize))).toEqual(new Set([statSync(out.minimal).size]));
    expect(readFileSync(out.minimal).subarray(0, 65_536).equals(Buffer.alloc(65_536, 7))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes(".part-"))).toEqual([]);
  });
});

describe("start-up retries", () => {
  it("an interrupted fetch always, past a dead process's temp files and a stale template", async () => {
    const url = fileUrl("interrupted.iso");
    copyFileSync(iso, path.join(dir, "interrupted.iso"));
    await table(url);
    const bi = await baseImageFor(url, "x86_64");
    await db().baseImage.update({ where: { id: bi.id }, data: { status: "fetching" } });
    const cached = cachePath(url);
    const leftover = `${cached}.part-${deadPid()}-abc123`;
    writeFileSync(leftover, "half an ISO");

    await reconcileFetches();
    expect(await row(url)).toMatchObject({ status: "failed", failureKind: "interrupted" });
    expect(await removeLeftovers()).toMatch(/removed .*: 1 partial file\(s\) in /);
    expect(existsSync(leftover)).toBe(false);
    // What made xorriso refuse in issue 8: a template a previous attempt left at the final name.
    writeFileSync(cached.replace(/\.iso$/, ".minimal.iso"), Buffer.alloc(65_536, 7));
    expect(await retryDecision(await row(url))).toMatchObject({ retry: true });
    await fetchMissing({ neverFetched: false });
    expect(await row(url)).toMatchObject({ status: "ready", failureKind: null });
    expect(readdirSync(path.dirname(cached)).filter((n) => n.includes(".part-"))).toEqual([]);
  });

  it("a missing-package failure only once the packages are installed", async () => {
    const url = fileUrl("prereq.iso");
    copyFileSync(iso, path.join(dir, "prereq.iso"));
    await table(url);
    const bi = await baseImageFor(url, "x86_64");
    const savedPath = process.env.PATH;
    process.env.PATH = path.join(dir, "empty-bin"); // xorriso is not found: as if not installed
    try {
      await (await startFetch(bi.id)).done;
      expect(await row(url)).toMatchObject({ status: "failed", failureKind: "prerequisites" });
      expect((await row(url)).error).toMatch(/apt-get install xorriso/);
      expect(await retryDecision(await row(url))).toEqual({
        retry: false,
        why: "Debian packages still missing: xorriso",
      });
      await fetchMissing();
      expect(await jobs(bi.id)).toBe(1);
    } finally {
      process.env.PATH = savedPath;
    }
    await fetchMissing();
    expect(await jobs(bi.id)).toBe(2);
    expect((await row(url)).status).toBe("ready");
  });

  it("an unreachable source once it answers (loopback HTTP, HEAD)", async () => {
    const { port } = http.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/live.iso`;
    await table(url);
    const bi = await baseImageFor(url, "x86_64");
    httpAvailable = false;
    await (await startFetch(bi.id)).done;
    expect(await row(url)).toMatchObject({ status: "failed", failureKind: "source" });
    await fetchMissing();
    expect(await jobs(bi.id)).toBe(1);
    httpAvailable = true;
    await fetchMissing();
    expect(await jobs(bi.id)).toBe(2);
    expect(await row(url)).toMatchObject({ status: "ready", sourceFingerprint: expect.stringContaining('"v1"') });
  });

  it("a missing file once it exists", async () => {
    const url = fileUrl("later.iso");
    await table(url);
    const bi = await baseImageFor(url, "x86_64");
    await (await startFetch(bi.id)).done;
    expect(await row(url)).toMatchObject({ status: "failed", failureKind: "source" });
    await fetchMissing();
    expect(await jobs(bi.id)).toBe(1);
    copyFileSync(iso, path.join(dir, "later.iso"));
    await fetchMissing();
    expect((await row(url)).status).toBe("ready");
  });

  it("refused content never again from the same source, once more when the source changed", async () => {
    const file = path.join(dir, "junk.iso");
    const url = pathToFileURL(file).href;
    writeFileSync(file, Buffer.alloc(100_000, 1));
    await table(url);
    const bi = await baseImageFor(url, "x86_64");
    await (await startFetch(bi.id)).done;
    expect(await row(url)).toMatchObject({ status: "failed", failureKind: "content" });
    expect((await row(url)).error).toMatch(/Not an ISO 9660 image/);
    expect(existsSync(cachePath(url))).toBe(false); // refused under its temp name, never cached
    await fetchMissing();
    await fetchMissing();
    expect(await jobs(bi.id)).toBe(1);
    copyFileSync(iso, file);
    expect(await retryDecision(await row(url))).toMatchObject({ retry: true });
    await fetchMissing();
    expect(await jobs(bi.id)).toBe(2);
    expect((await row(url)).status).toBe("ready");
  });
});
