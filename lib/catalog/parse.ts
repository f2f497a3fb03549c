// Validates image tables row by row so a bad row is reported by its index and what identifies it.
import type { z } from "zod";
import type { Catalog, OsImageRow, ReleaseImageRow } from "./schemas";
import { openshiftVersionsSchema, osImageRowSchema, releaseImageRowSchema } from "./schemas";

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogError";
  }
}

function describeRow(row: unknown): string {
  if (!row || typeof row !== "object") return JSON.stringify(row);
  const r = row as Record<string, unknown>;
  const bits = ["openshift_version", "cpu_architecture", "version", "url"]
    .filter((k) => r[k] !== undefined)
    .map((k) => `${k} ${JSON.stringify(r[k])}`);
  return bits.length ? bits.join(", ") : "no identifying fields";
}

function issuesOf(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const field = i.path.join(".");
      const missing = i.code === "invalid_type" && i.input === undefined;
      return `${field || "row"}: ${missing ? "is required" : i.message}`;
    })
    .join("; ");
}

function parseRows<T>(name: string, input: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(input)) throw new CatalogError(`${name} must be a JSON array of rows`);
  return input.map((row, i) => {
    const res = schema.safeParse(row);
    if (!res.success) throw new CatalogError(`${name}[${i}] (${describeRow(row)}): ${issuesOf(res.error)}`);
    return res.data;
  });
}

export function parseOsImages(input: unknown): OsImageRow[] {
  return parseRows("OS_IMAGES", input, osImageRowSchema);
}

export function parseReleaseImages(input: unknown): ReleaseImageRow[] {
  return parseRows("RELEASE_IMAGES", input, releaseImageRowSchema);
}

/** The pre-multi-arch format: every entry is an x86_64 OS image plus release image. */
export function parseOpenshiftVersions(input: unknown): Catalog {
  const res = openshiftVersionsSchema.safeParse(input);
  if (!res.success) throw new CatalogError(`OPENSHIFT_VERSIONS: ${issuesOf(res.error)}`);
  const osImages: OsImageRow[] = [];
  const releaseImages: ReleaseImageRow[] = [];
  for (const [version, v] of Object.entries(res.data)) {
    osImages.push({
      openshift_version: version,
      cpu_architecture: "x86_64",
      url: v.rhcos_image,
      rootfs_url: v.rhcos_rootfs,
      version: v.rhcos_version,
    });
    releaseImages.push({
      openshift_version: version,
      cpu_architecture: "x86_64",
      url: v.release_image,
      version: v.release_version ?? v.display_name,
      default: v.default,
      support_level: v.support_level,
    });
  }
  return { osImages, releaseImages };
}

export function parseJsonText(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CatalogError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
}
