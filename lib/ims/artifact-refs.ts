// Removes stored artifacts once nothing refers to them any more (an image's manifest entries, a
// recipe's archive link); identical content is shared, so a delete must ask first.
import "server-only";
import { deleteArtifact } from "@/lib/artifacts/artifacts";
import { db } from "@/lib/db";
import { artifactIdOf, artifactLinkPath } from "@/lib/images/manifest";

export async function releaseArtifacts(ids: string[]): Promise<void> {
  for (const id of new Set(ids)) {
    const [images, recipes] = await Promise.all([
      db().imageArtifact.count({ where: { artifactId: id } }),
      db().recipe.count({ where: { linkPath: artifactLinkPath(id) } }),
    ]);
    if (images === 0 && recipes === 0) await deleteArtifact(id).catch(() => undefined);
  }
}

export function artifactIdsOfLink(linkPath: string | null): string[] {
  const id = linkPath ? artifactIdOf(linkPath) : null;
  return id ? [id] : [];
}
