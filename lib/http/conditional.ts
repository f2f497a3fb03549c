// Conditional request headers compared as RFC 9110 defines them: If-None-Match takes `*` or a list
// of entity tags compared weakly (§13.1.2); If-Range takes one tag compared strongly (§13.1.5).
// Caches and download tools send lists ("a", W/"b") that one exact string comparison never matched.

/** The entity tags of a list header (`W/"x", "y"`), as `{ weak, opaque }`; null if it is not one. */
function entityTags(header: string): { weak: boolean; opaque: string }[] | null {
  const tags: { weak: boolean; opaque: string }[] = [];
  const item = /\s*(W\/)?"([^"]*)"\s*(?:,|$)/y;
  while (item.lastIndex < header.length) {
    const at = item.lastIndex;
    const m = item.exec(header);
    if (!m || item.lastIndex === at) return null;
    tags.push({ weak: !!m[1], opaque: m[2] });
  }
  return tags;
}

const opaqueOf = (etag: string) => etag.replace(/^W\//, "").replace(/^"|"$/g, "");

/** Whether If-None-Match matches the current representation's `etag` (then: 304 to a GET or HEAD). */
export function noneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === "*") return true;
  const want = opaqueOf(etag);
  return entityTags(header)?.some((t) => t.opaque === want) ?? false;
}

/** Whether If-Range names `etag` itself, strongly (a weak tag, or a date, never lets a range through). */
export function rangeStillValid(header: string | null, etag: string): boolean {
  if (header === null) return true;
  if (etag.startsWith("W/")) return false;
  const tags = entityTags(header);
  return tags?.length === 1 && !tags[0].weak && tags[0].opaque === opaqueOf(etag);
}
