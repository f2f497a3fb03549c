// Pieces the IMS-style resources share: the link object, list queries, arch filters.
import { z } from "zod";
import { archSchema } from "@/lib/arch";
import { pagination } from "@/lib/http/params";

/** Where an artifact lives: `type` "archway" paths are /apis/ims/v3/artifacts/{id}. */
export const linkSchema = z
  .object({
    path: z.string().trim().min(1).max(1024),
    etag: z.string().trim().max(128).optional().default(""),
    type: z.string().trim().min(1).max(32),
  })
  .strict();

export type Link = z.output<typeof linkSchema>;

export const listQuery = z
  .object({
    name: z.string().max(128).optional(),
    arch: archSchema.optional(),
    ...pagination,
  })
  .strict();

export type ListQuery = z.output<typeof listQuery>;

export function linkOf(row: {
  linkPath: string | null;
  linkEtag: string | null;
  linkType: string | null;
}): Link | null {
  return row.linkPath ? { path: row.linkPath, etag: row.linkEtag ?? "", type: row.linkType ?? "archway" } : null;
}

export function sameLink(a: Link, b: Link): boolean {
  return a.path === b.path && a.type === b.type && (a.etag ?? "") === (b.etag ?? "");
}
