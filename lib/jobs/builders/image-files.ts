// Steps the builders share: reading an image's manifest, fetching artifacts, unpacking and
// repacking a squashfs root, running a script inside it, and registering the result.
import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Arch } from "@/lib/arch";
import { openArtifact, saveArtifact } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import {
  ARTIFACT_TYPES,
  type ArtifactRole,
  artifactIdOf,
  artifactLinkPath,
  buildManifest,
  manifestSchema,
  roleOf,
} from "@/lib/images/manifest";
import { createImage } from "@/lib/images/service";
import type { BuildContext } from "../context";
import { runProcess, StepFailed } from "../process";

export async function artifactToFile(artifactId: string, file: string, signal: AbortSignal): Promise<void> {
  const { stream } = await openArtifact(artifactId);
  await pipeline(stream, createWriteStream(file), { signal });
}

export type ImageParts = Partial<Record<ArtifactRole, { artifactId: string; md5: string; sha256: string }>>;

export async function imageParts(imageId: string): Promise<{ name: string; parts: ImageParts }> {
  const image = await db().image.findUniqueOrThrow({ where: { id: imageId } });
  const manifestId = image.linkPath ? artifactIdOf(image.linkPath) : null;
  if (!manifestId)
    throw new StepFailed(`Image ${image.name} has no manifest stored here (link ${image.linkPath ?? "none"})`);
  const chunks: Buffer[] = [];
  for await (const c of (await openArtifact(manifestId)).stream) chunks.push(c as Buffer);
  const manifest = manifestSchema.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
  const parts: ImageParts = {};
  for (const a of manifest.artifacts) {
    const role = roleOf(a.type);
    const id = artifactIdOf(a.link.path);
    if (role && id) parts[role] = { artifactId: id, md5: a.md5, sha256: a.sha256 ?? "" };
  }
  return { name: image.name, parts };
}

// unsquashfs and mksquashfs read image content, so they run in the job's sandbox too (the tools
// view: the host's /usr read-only, the scratch disk at /scratch), which also keeps the image's
// owners as the mapped ids they are inside.
const inScratch = (ctx: BuildContext, file: string) => path.join("/scratch", path.relative(ctx.workDir, file));

export async function unsquash(ctx: BuildContext, step: string, squash: string, root: string): Promise<void> {
  // Device nodes cannot be created in the sandbox: unsquashfs says so per node and goes on.
  await runProcess(
    ctx.log,
    step,
    "unsquashfs",
    ["-d", inScratch(ctx, root), "-f", "-no-progress", "-ignore-errors", "-no-exit-code", inScratch(ctx, squash)],
    { cwd: "/scratch", signal: ctx.signal, sandbox: { ...ctx.sandbox, root: null, scratch: ctx.workDir } },
  );
}

export async function squash(ctx: BuildContext, step: string, root: string, out: string): Promise<void> {
  await runProcess(
    ctx.log,
    step,
    "mksquashfs",
    [inScratch(ctx, root), inScratch(ctx, out), "-noappend", "-comp", "gzip", "-no-progress"],
    { cwd: "/scratch", signal: ctx.signal, sandbox: { ...ctx.sandbox, root: null, scratch: ctx.workDir } },
  );
}

/** Runs `script` with /bin/sh inside `root` in the job's sandbox (QEMU emulates it through binfmt when the root is foreign). */
export async function runInRoot(
  ctx: BuildContext,
  step: string,
  root: string,
  script: string,
  name = "archway-job.sh",
): Promise<void> {
  try {
    await runProcess(
      ctx.log,
      step,
      "/bin/sh",
      [
        "-c",
        `echo "[archway] running in $(uname -m) root ${ctx.emulation.native ? "natively" : "under QEMU user emulation"}"; /bin/sh /tmp/${name}; s=$?; rm -f /tmp/${name}; exit $s`,
      ],
      // The script is written by bwrap inside the sandbox: a host-side write into the image's
      // /tmp would follow whatever links the image holds there.
      {
        cwd: "/",
        signal: ctx.signal,
        sandbox: { ...ctx.sandbox, root, files: [{ dest: `/tmp/${name}`, content: script }] },
      },
    );
  } catch (err) {
    // Say what failed in the user's terms, not the sandbox command line and our paths.
    const status = /exited with status (\d+)|was killed by (\w+)/.exec((err as Error).message);
    if (status && !ctx.signal.aborted)
      throw new StepFailed(
        `The ${name === "archway-customize.sh" ? "customization script" : "recipe's build.sh"} ${status[1] ? `exited with status ${status[1]}` : `was killed by ${status[2]}`}; its output is in the log`,
      );
    throw err;
  }
}

/** Stores the new rootfs, writes a manifest with the kept kernel and initrd, creates the image. */
export async function registerImage(
  ctx: BuildContext,
  opts: {
    name: string;
    arch: Arch;
    rootfs: string;
    kernel?: ImageParts["kernel"];
    initrd?: ImageParts["initrd"];
    labels: Record<string, string>;
  },
): Promise<string> {
  const rootfs = await saveArtifact(createReadStream(opts.rootfs), { contentType: ARTIFACT_TYPES.rootfs });
  void ctx.log.line("packaging_artifacts", `rootfs ${rootfs.sizeBytes} bytes, sha256 ${rootfs.sha256}`);
  const items = [{ role: "rootfs" as const, artifactId: rootfs.id, md5: rootfs.md5, sha256: rootfs.sha256 }];
  if (opts.kernel) items.push({ role: "kernel" as never, ...opts.kernel });
  if (opts.initrd) items.push({ role: "initrd" as never, ...opts.initrd });
  const manifest = await saveArtifact(Readable.from([Buffer.from(JSON.stringify(buildManifest(items), null, 2))]), {
    contentType: "application/json",
  });
  const image = await createImage({
    name: opts.name,
    arch: opts.arch,
    link: { path: artifactLinkPath(manifest.id), etag: manifest.md5, type: "archway" },
    metadata: opts.labels,
  });
  void ctx.log.line("packaging_artifacts", `registered image ${image.name} (${image.id}), ${opts.arch}`);
  return image.id;
}
