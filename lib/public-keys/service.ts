// Public keys that build and customize jobs install for SSH access (IMS public-keys).
import "server-only";
import type { PublicKey } from "@/lib/db";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/errors";
import { TERMINAL } from "@/lib/jobs/statuses";
import type { PublicKeyCreate } from "./schemas";

export function serializePublicKey(k: PublicKey) {
  return { id: k.id, name: k.name, public_key: k.publicKey, created: k.createdAt.toISOString() };
}

export async function listPublicKeys(q: { name?: string; limit: number; offset: number }) {
  const where = q.name ? { name: { contains: q.name } } : {};
  const [rows, total] = await Promise.all([
    db().publicKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: q.offset, take: q.limit }),
    db().publicKey.count({ where }),
  ]);
  return { rows, total };
}

export async function getPublicKey(id: string) {
  const key = await db().publicKey.findUnique({ where: { id } });
  if (!key) throw notFound(`Public key ${id} not found`);
  return key;
}

export function createPublicKey(input: PublicKeyCreate) {
  return db().publicKey.create({ data: { name: input.name, publicKey: input.public_key } });
}

export async function deletePublicKey(id: string) {
  await getPublicKey(id);
  const jobs = await db().job.findMany({
    where: { publicKeyId: id, status: { notIn: TERMINAL } },
    select: { id: true },
  });
  if (jobs.length)
    throw conflict(`Public key ${id} is used by running job(s) ${jobs.map((j) => j.id).join(", ")}`, {
      jobs: jobs.map((j) => j.id),
    });
  await db().publicKey.delete({ where: { id } });
}
