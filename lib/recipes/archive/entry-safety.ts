// The generic safety rules every recipe archive must pass, whatever its type: checked per entry as
// it streams by (fail fast, naming the entry), and once for links at the end.
import type { ArchiveIndex, EntryKind } from "./archive-index";
import { normalizeEntryPath, symlinkTarget } from "./entry-path";
import { RecipeArchiveError } from "./errors";
import type { ArchiveLimits } from "./limits";

export type RawEntry = { path: string; type: string; size: number; mode: number; linkpath?: string };

const KINDS: Record<string, EntryKind> = {
  File: "file",
  OldFile: "file",
  ContiguousFile: "file",
  Directory: "dir",
  SymbolicLink: "symlink",
  Link: "hardlink",
};

const REFUSED: Record<string, string> = {
  CharacterDevice: "character devices are not allowed in a recipe",
  BlockDevice: "block devices are not allowed in a recipe",
  FIFO: "FIFOs (named pipes) are not allowed in a recipe",
};

/** Checks one entry against the rules and the limits, records it, and returns its normalised path. */
export function checkEntry(raw: RawEntry, index: ArchiveIndex, limits: ArchiveLimits): string {
  const fail = (reason: string): never => {
    throw new RecipeArchiveError(reason, raw.path);
  };
  if (index.count + 1 > limits.maxFiles) fail(`the archive has more than ${limits.maxFiles} entries`);
  const kind = KINDS[raw.type] ?? fail(REFUSED[raw.type] ?? `entries of type ${raw.type} are not supported`);
  const checked = normalizeEntryPath(raw.path);
  if ("unsafe" in checked) return fail(checked.unsafe);
  const path = checked.path;
  if (path === "" && kind !== "dir") fail("only a directory may name the archive root");
  if (raw.size > limits.maxBytes) fail(`the entry is ${raw.size} bytes, over the ${limits.maxBytes}-byte limit`);
  if (index.bytes + raw.size > limits.maxBytes)
    fail(`the archive holds more than ${limits.maxBytes} bytes uncompressed`);
  const through = index.links.linkAncestor(path);
  if (through !== undefined) fail(`the entry would be written through the symbolic link "${through}"`);

  let target: string | undefined;
  if (kind === "symlink") {
    const t = symlinkTarget(path, raw.linkpath ?? "");
    if ("unsafe" in t) return fail(t.unsafe);
    target = raw.linkpath;
  } else if (kind === "hardlink") {
    const t = normalizeEntryPath(raw.linkpath ?? "");
    if ("unsafe" in t) return fail(`the hard link target "${raw.linkpath}" is unsafe: ${t.unsafe}`);
    const existing = index.entries.get(t.path);
    if (!existing || existing.kind === "dir")
      fail(`the hard link target "${raw.linkpath}" is not a file earlier in the archive`);
    target = existing!.kind === "hardlink" ? existing!.target : t.path;
  }
  index.add(path, { name: raw.path, kind, mode: raw.mode, size: raw.size, target });
  return path;
}

/** Links that only escape, or loop, when followed through other links. */
export function checkLinks(index: ArchiveIndex) {
  for (const [path, target] of index.links.entries()) {
    const dir = path.split("/").slice(0, -1).join("/");
    const r = index.links.resolve(dir ? `${dir}/${target}` : target);
    if ("escapes" in r)
      throw new RecipeArchiveError(
        `the link target "${target}" leaves the archive root once other links are followed`,
        index.nameOf(path),
      );
    if ("loop" in r)
      throw new RecipeArchiveError(`the link target "${target}" is part of a symbolic link loop`, index.nameOf(path));
  }
}
