// IMS images against a real database and artifact store: import (upload artifacts + manifest,
// link), arch corrections and labels, a link set once, deletes that keep shared artifacts.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildManifest } from "@/lib/images/manifest";
import { uniqueName } from "@/test/fixtures";
import { call } from "@/test/http";
import * as artifact from "../artifacts/[artifact_id]/route";
import * as artifacts from "../artifacts/route";
import * as one from "./[image_id]/route";
import * as list from "./route";

async function upload(data: Buffer, type = "application/octet-stream") {
  const res = await call(artifacts.POST, {
    method: "POST",
    rawBody: data as unknown as string,
    headers: { "content-type": type },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; md5: string; sha256: string; link: { path: string; etag: string; type: string } };
}

async function importImage(name: string, arch: string, shared?: { id: string; md5: string; sha256: string }) {
  const rootfs = shared ?? (await upload(randomBytes(4096)));
  const kernel = await upload(randomBytes(1024));
  const initrd = await upload(randomBytes(2048));
  const manifest = buildManifest([
    { role: "rootfs", artifactId: rootfs.id, md5: rootfs.md5, sha256: rootfs.sha256 },
    { role: "kernel", artifactId: kernel.id, md5: kernel.md5, sha256: kernel.sha256 },
    { role: "initrd", artifactId: initrd.id, md5: initrd.md5, sha256: initrd.sha256 },
  ]);
  const m = await upload(Buffer.from(JSON.stringify(manifest)), "application/json");
  const res = await call(list.POST, { method: "POST", body: { name, arch, link: m.link } });
  return { res, rootfs, kernel, manifest: m };
}

describe("images", () => {
  it("imports an image: artifacts uploaded with checksums, manifest validated and linked", async () => {
    const data = randomBytes(10_000);
    const up = await upload(data);
    expect(up.sha256).toBe(createHash("sha256").update(data).digest("hex"));
    expect(up.md5).toBe(createHash("md5").update(data).digest("hex"));
    const got = await call(artifact.GET, { params: { artifact_id: up.id }, headers: { range: "bytes=100-199" } });
    expect(got.status).toBe(206);
    expect(got.bytes.equals(data.subarray(100, 200))).toBe(true);

    const { res } = await importImage(uniqueName("img"), "arm64");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ arch: "aarch64", metadata: {} });
    expect(res.body.link.path).toMatch(/^\/apis\/ims\/v3\/artifacts\//);
    expect(await db().imageArtifact.count({ where: { imageId: res.body.id } })).toBe(4);
  });

  it("refuses a manifest that is not one, or lists unknown artifacts (422), storing no image", async () => {
    const junk = await upload(Buffer.from('{"version":"2"}'), "application/json");
    const before = await db().image.count();
    const bad = await call(list.POST, { method: "POST", body: { name: "bad", link: junk.link } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors["manifest.version"]).toBeDefined();
    const ghost = await upload(
      Buffer.from(
        JSON.stringify(
          buildManifest([
            {
              role: "kernel",
              artifactId: "00000000-0000-4000-8000-000000000000",
              md5: "0".repeat(32),
              sha256: "0".repeat(64),
            },
          ]),
        ),
      ),
    );
    const missing = await call(list.POST, { method: "POST", body: { name: "bad", link: ghost.link } });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toMatch(/not a stored artifact/);
    expect(await db().image.count()).toBe(before);
  });

  it("PATCH: arch and labels change; the link is set once", async () => {
    const { body: img } = await call(list.POST, {
      method: "POST",
      body: { name: uniqueName("p"), metadata: { team: "hpc" } },
    });
    const patch = (body: unknown) => call(one.PATCH, { method: "PATCH", params: { image_id: img.id }, body });
    expect((await patch({ arch: "aarch64", metadata: { owner: "ops", team: null } })).body).toMatchObject({
      arch: "aarch64",
      metadata: { owner: "ops" },
    });
    expect((await patch({ metadata: { operation: "set", key: "tier", value: "gold" } })).body.metadata).toEqual({
      owner: "ops",
      tier: "gold",
    });
    const link = { path: "s3://boot-images/x/manifest.json", etag: "abc", type: "s3" };
    expect((await patch({ link })).status).toBe(200);
    expect((await patch({ link })).status).toBe(200);
    const other = await patch({ link: { ...link, path: "s3://boot-images/y/manifest.json" } });
    expect(other.status).toBe(409);
    expect((await patch({ name: "x" })).body.errors.name).toEqual(["Unknown field"]);
  });

  it("delete removes its artifacts but keeps those another image shares; a job reference blocks it", async () => {
    const a = await importImage(uniqueName("a"), "x86_64");
    const b = await importImage(uniqueName("b"), "x86_64", a.rootfs);
    expect((await call(one.DELETE, { method: "DELETE", params: { image_id: a.res.body.id } })).status).toBe(204);
    expect(await db().artifact.findUnique({ where: { id: a.kernel.id } })).toBeNull();
    expect(await db().artifact.findUnique({ where: { id: a.rootfs.id } })).not.toBeNull();
    expect((await call(artifact.GET, { params: { artifact_id: a.rootfs.id } })).status).toBe(200);

    const job = await db().job.create({
      data: {
        jobType: "customize",
        artifactId: b.res.body.id,
        arch: "x86_64",
        status: "building_image",
        stepTimes: {},
      },
    });
    const refused = await call(one.DELETE, { method: "DELETE", params: { image_id: b.res.body.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.errors.jobs[0]).toContain(job.id);
  });
});
