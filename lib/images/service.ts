// IMS images: records, arch corrections, labels, a link set once, guarded deletes.
import "server-only";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/errors";
import { releaseArtifacts } from "@/lib/ims/artifact-refs";
import { type ListQuery, linkOf, sameLink } from "@/lib/ims/common";
import { TERMINAL } from "@/lib/jobs/statuses";
import { manifestArtifacts } from "./attach-manifest";
import type { ImageCreate, ImagePatch } from "./schemas";

export async function listImages(q: ListQuery) {
  const where = { ...(q.name ? { name: { contains: q.name } } : {}), ...(q.arch ? { arch: q.arch } : {}) };
  const [rows, total] = await Promise.all([
    db().image.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: q.offset, take: q.limit }),
    db().image.count({ where }),
  ]);
  return { rows, total };
}

export async function getImage(id: string) {
  const image = await db().image.findUnique({ where: { id } });
  if (!image) throw notFound(`Image ${id} not found`);
  return image;
}

export async function createImage(input: ImageCreate) {
  const artifacts = input.link ? await manifestArtifacts(input.link) : [];
  return db().image.create({
    data: {
      name: input.name,
      arch: input.arch ?? "x86_64",
      linkPath: input.link?.path ?? null,
      linkEtag: input.link?.etag ?? null,
      linkType: input.link?.type ?? null,
      labels: input.metadata ?? {},
      artifacts: { create: artifacts },
    },
  });
}

function applyLabels(
  current: Record<string, string>,
  change: NonNullable<ImagePatch["metadata"]>,
): Record<string, string> {
  const next = { ...current };
  if ("operation" in change && typeof change.operation === "string" && "key" in change) {
    const op = change as { operation: "set" | "remove"; key: string; value?: string };
    if (op.operation === "set") next[op.key] = op.value!;
    else delete next[op.key];
    return next;
  }
  for (const [k, v] of Object.entries(change as Record<string, string | null>)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

export async function patchImage(id: string, patch: ImagePatch) {
  const image = await getImage(id);
  const current = linkOf(image);
  if (patch.link && current && !sameLink(current, patch.link)) {
    throw conflict(`Image ${image.name} already links to ${current.path}; a link is set once`, {
      link: ["Already set; create a new image instead"],
    });
  }
  const artifacts = patch.link && !current ? await manifestArtifacts(patch.link) : [];
  return db().image.update({
    where: { id },
    data: {
      arch: patch.arch,
      ...(patch.link && !current
        ? {
            linkPath: patch.link.path,
            linkEtag: patch.link.etag,
            linkType: patch.link.type,
            artifacts: { create: artifacts },
          }
        : {}),
      ...(patch.metadata
        ? { labels: applyLabels((image.labels as Record<string, string>) ?? {}, patch.metadata) }
        : {}),
    },
  });
}

/** Jobs that customize this image, or produced it from another, keep it alive. */
export async function imageReferences(id: string) {
  return db().job.findMany({
    where: {
      OR: [
        { artifactId: id, jobType: "customize" },
        { resultantImageId: id, status: { notIn: TERMINAL } },
      ],
    },
    select: { id: true, status: true },
  });
}

export async function deleteImage(id: string) {
  const image = await getImage(id);
  const jobs = await imageReferences(id);
  if (jobs.length)
    throw conflict(`Image ${image.name} is referenced by ${jobs.length} job(s): ${jobs.map((j) => j.id).join(", ")}`, {
      jobs: jobs.map((j) => `${j.id} (${j.status})`),
    });
  const owned = await db().imageArtifact.findMany({ where: { imageId: id }, select: { artifactId: true } });
  await db().image.delete({ where: { id } });
  await releaseArtifacts(owned.map((o) => o.artifactId));
}
