// Reads the image table from the environment: OS_IMAGES + RELEASE_IMAGES (JSON text or a file
// path), else ARCHWAY_CATALOG_FILE, else the deprecated OPENSHIFT_VERSIONS, else the embedded default.
import "server-only";
import { readFileSync } from "node:fs";
import type { Env } from "@/lib/env";
import { defaultCatalog } from "./default-catalog";
import { CatalogError, parseJsonText, parseOpenshiftVersions, parseOsImages, parseReleaseImages } from "./parse";
import type { Catalog } from "./schemas";

export type CatalogSource = "env" | "file" | "openshift_versions" | "default";

function readValue(name: string, value: string): unknown {
  const text = value.trim();
  if (text.startsWith("[") || text.startsWith("{")) return parseJsonText(name, text);
  try {
    return parseJsonText(`${name} (file ${text})`, readFileSync(text, "utf8"));
  } catch (err) {
    if (err instanceof CatalogError) throw err;
    throw new CatalogError(`${name} is neither JSON nor a readable file: ${(err as Error).message}`);
  }
}

export function loadCatalog(
  e: Pick<Env, "OS_IMAGES" | "RELEASE_IMAGES" | "OPENSHIFT_VERSIONS" | "ARCHWAY_CATALOG_FILE" | "dataDir">,
): { catalog: Catalog; source: CatalogSource } {
  if (e.OS_IMAGES || e.RELEASE_IMAGES) {
    if (!e.OS_IMAGES || !e.RELEASE_IMAGES)
      throw new CatalogError("Set OS_IMAGES and RELEASE_IMAGES together (one was empty)");
    return {
      catalog: {
        osImages: parseOsImages(readValue("OS_IMAGES", e.OS_IMAGES)),
        releaseImages: parseReleaseImages(readValue("RELEASE_IMAGES", e.RELEASE_IMAGES)),
      },
      source: "env",
    };
  }
  if (e.ARCHWAY_CATALOG_FILE) {
    const doc = readValue("ARCHWAY_CATALOG_FILE", e.ARCHWAY_CATALOG_FILE) as Record<string, unknown>;
    return {
      catalog: { osImages: parseOsImages(doc?.OS_IMAGES), releaseImages: parseReleaseImages(doc?.RELEASE_IMAGES) },
      source: "file",
    };
  }
  if (e.OPENSHIFT_VERSIONS) {
    return {
      catalog: parseOpenshiftVersions(readValue("OPENSHIFT_VERSIONS", e.OPENSHIFT_VERSIONS)),
      source: "openshift_versions",
    };
  }
  return { catalog: defaultCatalog(e.dataDir), source: "default" };
}
