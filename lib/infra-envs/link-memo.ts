// Download links checked in the last second. A host booting reads its ISO in hundreds of range
// requests, and each one read the infra-env's row and opened its signing key to check the same link
// again: a database query and its garbage per range, most of a request's time to first byte. A link
// found good is kept for a second, by its exact text and the path it was used on, so nothing else
// can match it. Changing, rotating or deleting an infra-env in this process drops every kept link at
// once; another replica's change reaches this one within the second (as the ISO sources do,
// lib/infra-envs/iso-source.ts). The link's own expiry is checked on every use.
import "server-only";
import type { InfraEnvHead } from "./discovery-iso";

const KEEP_MS = 1000;
const MAX = 4096;

// On globalThis: the routes that change infra-envs run in Next's module copy, the downloads in the
// Node server's.
const shared = globalThis as unknown as { archwayLinksGeneration?: number };

/** Called by every write that can change what an infra-env's links lead to, or whether they work. */
export function linksChanged(): void {
  shared.archwayLinksGeneration = (shared.archwayLinksGeneration ?? 0) + 1;
}

/** Read before the infra-env is: a change committed during the read then leaves nothing kept. */
export const linksGeneration = () => shared.archwayLinksGeneration ?? 0;

type Kept = { head: InfraEnvHead; generation: number; until: number; expiresAt: number };
const kept = new Map<string, Kept>();

/** The infra-env a link checked within the last second leads to, or undefined. */
export function checkedLink(key: string, now = Date.now()): InfraEnvHead | undefined {
  const hit = kept.get(key);
  if (!hit) return undefined;
  if (hit.until > now && hit.expiresAt > now && hit.generation === linksGeneration()) return hit.head;
  kept.delete(key);
  return undefined;
}

export function rememberLink(
  key: string,
  link: { head: InfraEnvHead; expiresAt: Date; generation: number },
  now = Date.now(),
): void {
  if (link.generation !== linksGeneration()) return;
  if (kept.size >= MAX) kept.clear();
  kept.set(key, {
    head: link.head,
    generation: link.generation,
    until: now + KEEP_MS,
    expiresAt: link.expiresAt.getTime(),
  });
}
