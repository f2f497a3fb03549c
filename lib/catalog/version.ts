// OpenShift version strings: "4.14", "4.14.3", "4.9.0-rc.4". Ordering and the x.y they belong to.

/** "4.14.3" → "4.14"; anything with fewer than two numeric parts → null. */
export function minorOf(version: string): string | null {
  const m = /^(\d+)\.(\d+)/.exec(version.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : null;
}

export function isMinorOnly(version: string): boolean {
  return /^\d+\.\d+$/.test(version.trim());
}

function parts(version: string): { nums: number[]; pre: string | null } {
  const [core, ...pre] = version.trim().split("-");
  return { nums: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre: pre.length ? pre.join("-") : null };
}

/** Negative if a < b. Numeric parts compare numerically; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.nums.length, pb.nums.length); i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === null) return 1;
  if (pb.pre === null) return -1;
  return pa.pre.localeCompare(pb.pre, "en", { numeric: true });
}

/** True when `version`'s x.y is at least `min` ("4.9"). */
export function atLeast(version: string, min: string): boolean {
  const minor = minorOf(version);
  return minor !== null && compareVersions(minor, min) >= 0;
}
