// Where artifacts live, from ARCHWAY_ARTIFACT_STORE: `file:` (the default, <data>/artifacts),
// `file:/absolute/dir`, or `s3://bucket[/prefix]`. Parsed once here so lib/env.ts can refuse a bad
// value at start with the reason, and store() can build the store from the same answer.
export type StoreLocation = { kind: "file"; dir: string | null } | { kind: "s3"; bucket: string; prefix: string };

// S3's own rules for bucket names (3-63 of a-z 0-9 . -, starting and ending with a letter or digit).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The location, or a sentence saying what is wrong with `value`. */
export function parseStoreLocation(value: string | undefined): StoreLocation | { error: string } {
  const v = (value ?? "").trim();
  if (v === "" || v === "file:") return { kind: "file", dir: null };
  if (v.startsWith("file:")) {
    const dir = v.replace(/^file:(\/\/)?/, "");
    if (!dir.startsWith("/"))
      return { error: `a file: store names an absolute directory (file:/srv/artifacts), not ${v}` };
    return { kind: "file", dir };
  }
  if (v.startsWith("s3://")) {
    const [bucket, ...rest] = v.slice(5).split("/");
    if (!BUCKET.test(bucket) || bucket.includes(".."))
      return { error: `"${bucket}" is not an S3 bucket name (3-63 characters of a-z, 0-9, "." and "-")` };
    const prefix = rest.filter(Boolean).join("/");
    if (/[\\\s]|(^|\/)\.\.?(\/|$)/.test(prefix) || /[^\x21-\x7e]/.test(prefix))
      return { error: `the prefix "${prefix}" may hold only visible ASCII, no spaces, "." or ".." segments` };
    return { kind: "s3", bucket, prefix };
  }
  return { error: `expected file: or s3://bucket/prefix, got ${JSON.stringify(v)}` };
}
