// Helpers for the IMS UI specs: recipe archives (good and malicious, as real tar.gz bytes), SSH
// keys, and seeding recipes, images, artifacts and jobs through the real API.
import { createHash, randomBytes } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import { gz, rawTar, tarTree } from "../test/archives";
import { uniqueName } from "./fixtures";

export const IMS = "/apis/ims/v3";

export const KIWI_CONFIG = `<?xml version="1.0"?><image schemaversion="7.4" name="t"><preferences><type image="tbz"/></preferences></image>`;

/** A kiwi-ng recipe made by the tar package; with `templated`, a template file using RELEASE and OWNER. */
export function kiwiArchive(opts: { templated?: boolean } = {}): Promise<Buffer> {
  const templates: Record<string, string> = opts.templated
    ? {
        ".ims_recipe_template.yaml": "template_files:\n  - root/etc/motd\n",
        "root/etc/motd": "release {{ RELEASE }} by {{ OWNER }}\n",
      }
    : {};
  return tarTree({ "config.xml": KIWI_CONFIG, ...templates });
}

/** A tar.gz whose only entry climbs out of the recipe (ustar header written by hand, correct checksum). */
export function traversalArchive(): Buffer {
  return gz(rawTar([{ name: "../etc/passwd", type: "0", content: "root:x:0:0:root:/root:/bin/sh\n" }]));
}

/** A syntactically valid ssh-ed25519 public key line, and the fingerprint `ssh-keygen -lf` would print. */
export function ed25519Key(comment: string): { line: string; fingerprint: string } {
  const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  const type = Buffer.from("ssh-ed25519");
  const blob = Buffer.concat([u32(type.length), type, u32(32), randomBytes(32)]);
  const fingerprint = `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
  return { line: `ssh-ed25519 ${blob.toString("base64")} ${comment}`, fingerprint };
}

type Json = Record<string, unknown>;

async function post(request: APIRequestContext, path: string, data: Json, status = 201): Promise<Json> {
  const res = await request.post(`${IMS}${path}`, { data });
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as Json;
}

export const createRecipeViaApi = (request: APIRequestContext, body: Json) =>
  post(request, "/recipes", body) as Promise<{ id: string; name: string; arch: string }>;

export const createImageViaApi = (request: APIRequestContext, body: Json) =>
  post(request, "/images", body) as Promise<{ id: string; name: string; arch: string }>;

export async function uploadArchiveViaApi(request: APIRequestContext, recipeId: string, archive: Buffer) {
  const res = await request.put(`${IMS}/recipes/${recipeId}/archive`, {
    data: archive,
    headers: { "Content-Type": "application/gzip" },
  });
  expect(res.status(), await res.text()).toBe(200);
}

export type StoredArtifact = {
  id: string;
  link: { path: string; etag: string; type: string };
  size: number;
  md5: string;
  sha256: string;
};

export async function uploadArtifactViaApi(
  request: APIRequestContext,
  body: Buffer | string,
  contentType = "application/octet-stream",
): Promise<StoredArtifact> {
  const res = await request.post(`${IMS}/artifacts`, {
    data: Buffer.from(body),
    headers: { "Content-Type": contentType },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as StoredArtifact;
}

const TYPES = {
  rootfs: "application/vnd.cray.image.rootfs.squashfs",
  kernel: "application/vnd.cray.image.kernel",
  initrd: "application/vnd.cray.image.initrd",
} as const;

/** Imports an image as IMS does: the artifacts, then a manifest.json listing them, then the image linked to it. */
export async function importImageViaApi(
  request: APIRequestContext,
  body: { name: string; arch: string; metadata?: Record<string, string> },
  files: Partial<Record<keyof typeof TYPES, Buffer>>,
) {
  const stored = await Promise.all(
    Object.entries(files).map(async ([role, data]) => ({
      role: role as keyof typeof TYPES,
      a: await uploadArtifactViaApi(request, data!),
    })),
  );
  const manifest = {
    version: "1.0",
    created: "2026-01-01 12:00:00",
    artifacts: stored.map(({ role, a }) => ({ link: a.link, type: TYPES[role], md5: a.md5, sha256: a.sha256 })),
  };
  const m = await uploadArtifactViaApi(request, JSON.stringify(manifest), "application/json");
  const image = await createImageViaApi(request, { ...body, link: m.link });
  return {
    image,
    artifacts: Object.fromEntries(stored.map(({ role, a }) => [role, a])) as Partial<
      Record<keyof typeof TYPES, StoredArtifact>
    >,
  };
}

/** A create job from a recipe; it keeps the recipe referenced (a delete is refused with 409). */
export const startCreateJobViaApi = (request: APIRequestContext, recipeId: string) =>
  post(request, "/jobs", { job_type: "create", artifact_id: recipeId, image_root_archive_name: "e2e" }) as Promise<{
    id: string;
  }>;

type SampleImage = { id: string; name: string; arch: string };
export type SampleJob = { id: string; status: string; emulated: boolean; arch: string; resultant_image_id?: string };

/** The sample images are imported in the background at start; wait for the one of this arch. */
export async function sampleImage(request: APIRequestContext, arch: string): Promise<SampleImage> {
  let found: SampleImage | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`${IMS}/images?name=sample-debian12-busybox`);
        found = ((await res.json()) as SampleImage[]).find((i) => i.arch === arch);
        return !!found;
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(true);
  return found!;
}

/** A customize job on `image` running `script`; `name` is the image it registers. */
export async function startCustomize(
  request: APIRequestContext,
  image: SampleImage,
  script: string,
  name = uniqueName("e2e-custom"),
): Promise<SampleJob> {
  const res = await request.post(`${IMS}/jobs`, {
    data: { job_type: "customize", artifact_id: image.id, image_root_archive_name: name, customization_script: script },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as SampleJob;
}

/** Waits until a job has ended, and returns it as it ended. */
export async function finishedJob(request: APIRequestContext, id: string): Promise<SampleJob> {
  let job: SampleJob | undefined;
  await expect
    .poll(
      async () => {
        job = (await (await request.get(`${IMS}/jobs/${id}`)).json()) as SampleJob;
        return ["success", "error", "cancelled"].includes(job.status);
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBe(true);
  return job!;
}

export const createPublicKeyViaApi = (request: APIRequestContext, name: string, publicKey: string) =>
  post(request, "/public-keys", { name, public_key: publicKey }) as Promise<{ id: string; name: string }>;
