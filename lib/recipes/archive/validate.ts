// Validates an uploaded recipe archive (tar.gz) in one streaming pass, without unpacking it: generic
// safety (paths, links, special files, size and count limits, gzip bombs), then the recipe type's rules.
import type { Readable } from "node:stream";
import type { Arch } from "@/lib/arch";
import { ArchiveIndex } from "./archive-index";
import { captureText } from "./capture-text";
import { checkEntry, checkLinks } from "./entry-safety";
import { gunzipCapped } from "./gunzip-capped";
import { type ArchiveLimits, decompressedBudget, resolveLimits } from "./limits";
import { checkKiwi, checkRootfs, checkTemplates, KIWI_CONFIG, kiwiRoot, TEMPLATE_LIST } from "./recipe-checks";
import { findTemplateVars, scanTemplateVars } from "./template-vars";
import { type EntrySink, walkTar } from "./walk-tar";

export type RecipeType = "kiwi-ng" | "packer" | "rootfs";
export type ArchiveRecipe = {
  recipe_type: RecipeType;
  arch: Arch;
  template_dictionary: { key: string; value: string }[];
};

export type RecipeArchiveReport = {
  /** Entries of every kind (what `maxFiles` limits). */
  files: number;
  /** Uncompressed content bytes. */
  bytes: number;
  warnings: string[];
  /** Where the recipe starts inside the archive: "" or the one top-level directory ("name/") of a kiwi-ng recipe. */
  root: string;
};

/** Resolves with a report, or rejects with a RecipeArchiveError (422) naming the entry at fault. */
export async function validateRecipeArchive(
  stream: Readable,
  recipe: ArchiveRecipe,
  limits?: Partial<ArchiveLimits>,
): Promise<RecipeArchiveReport> {
  const lim = resolveLimits(limits);
  const index = new ArchiveIndex();
  const parsedFiles = parsedFileFilter(recipe.recipe_type);
  await walkTar(gunzipCapped(stream, decompressedBudget(lim)), (raw) => {
    const path = checkEntry(raw, index, lim);
    index.templateVars.delete(path); // a later entry of the same name replaces the earlier one
    if (index.entries.get(path)?.kind !== "file") return undefined;
    return sinkFor(path, raw.path, index, parsedFiles(path), lim);
  });
  checkLinks(index);

  let root = "";
  if (recipe.recipe_type === "kiwi-ng") {
    root = kiwiRoot(index);
    checkKiwi(index, root, recipe.arch);
  } else if (recipe.recipe_type === "rootfs") {
    checkRootfs(index);
  }
  const warnings = checkTemplates(index, root, recipe.template_dictionary);
  return { files: index.count, bytes: index.bytes, warnings, root };
}

/** Every file is scanned for template variables; the few the checks parse are also kept whole. */
function sinkFor(path: string, rawPath: string, index: ArchiveIndex, keep: boolean, lim: ArchiveLimits): EntrySink {
  if (!keep) return scanTemplateVars((vars) => index.templateVars.set(path, vars));
  return captureText(rawPath, lim.maxParsedFileBytes, (text) => {
    index.texts.set(path, text);
    const vars = findTemplateVars(text);
    if (vars.size > 0) index.templateVars.set(path, vars);
  });
}

/**
 * config.xml and the template list, at the root or (kiwi-ng) in a top-level directory. Only the first
 * such directory's are kept: with two, the recipe has no single root anyway, and memory stays bounded.
 */
function parsedFileFilter(type: RecipeType): (path: string) => boolean {
  let nestedDir: string | undefined;
  return (path) => {
    const parts = path.split("/");
    const name = parts[parts.length - 1];
    if (name !== KIWI_CONFIG && name !== TEMPLATE_LIST) return false;
    if (parts.length === 1) return name === TEMPLATE_LIST || type === "kiwi-ng";
    if (parts.length !== 2 || type !== "kiwi-ng") return false;
    nestedDir ??= parts[0];
    return nestedDir === parts[0];
  };
}
