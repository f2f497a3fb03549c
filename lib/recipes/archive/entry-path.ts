// Entry names and link targets as the archive spells them, normalised, or the reason they would
// land outside the directory the recipe is unpacked into.
export type PathCheck = { path: string } | { unsafe: string };

/** `./a//b/` -> `a/b`; the archive root itself (`./`) is "". */
export function normalizeEntryPath(raw: string): PathCheck {
  if (raw.includes("\0")) return { unsafe: "the path contains a NUL byte" };
  if (raw.startsWith("/") || /^[A-Za-z]:[\\/]/.test(raw) || raw.startsWith("\\\\"))
    return { unsafe: "the path is absolute" };
  const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) return { unsafe: 'the path has a ".." component' };
  return { path: parts.join("/") };
}

/**
 * Where a symbolic link at `linkPath` points, resolved lexically from the link's own directory (how
 * the kernel resolves relative targets), or why it leaves the root. Links through other links are
 * the link graph's concern.
 */
export function symlinkTarget(linkPath: string, target: string): PathCheck {
  if (target.includes("\0")) return { unsafe: "the link target contains a NUL byte" };
  if (target.startsWith("/")) return { unsafe: `the link points to the absolute path "${target}"` };
  const out = linkPath.split("/").slice(0, -1);
  for (const part of target.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return { unsafe: `the link target "${target}" leaves the archive root` };
      out.pop();
    } else out.push(part);
  }
  return { path: out.join("/") };
}
