// Field validators shared by several resources (and by the browser forms): names, SSH keys, DNS
// names, pull secrets, proxy URLs, JSON nesting depth.
import { z } from "zod";

// C0, DEL and C1 controls, plus the bidirectional embeddings, overrides and isolates that can make a
// name display as something else ("Trojan Source"). Zero-width joiners stay allowed (emoji).
const CONTROL = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// A character that draws something: not whitespace, not a control or format character (zero-width
// space, BOM, bidi marks), not a lone surrogate, not a default-ignorable one (Hangul fillers...).
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;

export const NAME_INVISIBLE = "Name must contain visible characters";
export const NAME_CONTROL = "Name must not contain control characters";

/**
 * Every user-given name (clusters, infra-envs, recipes, images, public keys, operators, NICs, job
 * file names): trimmed, 1 to `max` characters, something visible, no control characters. A name of
 * only invisible characters is refused before trimming, so "\ufeff" gets that reason, not "Required".
 */
export const nameField = (max = 128) =>
  z
    .string()
    .refine((v) => v === "" || VISIBLE.test(v), { message: NAME_INVISIBLE, abort: true })
    .trim()
    .min(1, "Required")
    .max(max, `At most ${max} characters`)
    .refine((v) => !CONTROL.test(v), NAME_CONTROL);

/** Free text shown beside a name (label values): may be empty, never carries control characters. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((v) => !CONTROL.test(v), "Must not contain control characters");

/**
 * A z.record that refuses a `__proto__` key. zod drops that key without a word (assigning it would
 * set the prototype), so `{"__proto__": "x"}` would be accepted as `{}`; the client hears why instead.
 */
export const refuseProtoKey = <T extends z.ZodType>(record: T) =>
  z.preprocess((value, ctx) => {
    if (value && typeof value === "object" && Object.hasOwn(value, "__proto__"))
      ctx.issues.push({ code: "custom", path: ["__proto__"], message: "__proto__ is not a usable key", input: value });
    return value;
  }, record);

/** The deepest JSON nesting the APIs accept, in a body or in JSON carried inside a string field. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of `[`/`{` in JSON text, by one linear scan that skips strings. It runs before
 * the parsed value is walked recursively (zod, JSON.stringify, Prisma, the Ignition merge), where a
 * 100,000-deep array would overflow the stack. Malformed text is left to JSON.parse to report.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const SSH_KEY_TYPES = [
  "ssh-rsa",
  "ssh-ed25519",
  "ssh-dss",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "sk-ssh-ed25519@openssh.com",
  "sk-ecdsa-sha2-nistp256@openssh.com",
];

function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  try {
    const bin = atob(text);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Why one OpenSSH public key line is invalid, or null. The blob must name the same key type. */
export function sshKeyProblem(line: string): string | null {
  const [type, blob] = line.trim().split(/\s+/);
  if (!SSH_KEY_TYPES.includes(type))
    return `Unsupported key type "${type ?? ""}"; expected one of ${SSH_KEY_TYPES.slice(0, 3).join(", ")}, ecdsa-sha2-nistp256…`;
  const bytes = blob ? decodeBase64(blob) : null;
  if (!bytes || bytes.length < 4) return "The key data is not valid base64";
  const len = new DataView(bytes.buffer).getUint32(0);
  const inner = new TextDecoder().decode(bytes.subarray(4, 4 + len));
  if (inner !== type) return `The key data says "${inner.slice(0, 40)}" but the line says "${type}"`;
  return null;
}

/** One or more OpenSSH public keys, one per line (as authorized_keys). */
export const sshPublicKeys = z
  .string()
  .trim()
  .max(16 * 1024)
  .superRefine((text, ctx) => {
    const lines = text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    if (lines.length === 0)
      ctx.addIssue({ code: "custom", message: "Expected an OpenSSH public key such as ssh-ed25519 AAAA… user@host" });
    lines.forEach((l, i) => {
      const problem = sshKeyProblem(l);
      if (problem) ctx.addIssue({ code: "custom", message: lines.length > 1 ? `Line ${i + 1}: ${problem}` : problem });
    });
  });

/** One key only (IMS public keys). */
export const sshPublicKey = sshPublicKeys.refine(
  (t) => t.split("\n").filter((l) => l.trim()).length === 1,
  "Expected exactly one public key",
);

const label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

/** A DNS-1123 label: what OpenShift accepts as a cluster name. */
export const dnsLabel = nameField(54).regex(
  new RegExp(`^${label}$`),
  "Use lowercase letters, digits and '-', starting and ending with a letter or digit",
);

export const dnsDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(181, "At most 181 characters")
  .regex(new RegExp(`^(${label}\\.)+${label}\\.?$|^${label}$`), "Expected a DNS domain such as example.com");

/** A pull secret is a JSON object with an "auths" map (as from console.redhat.com). */
export const pullSecret = z
  .string()
  .trim()
  .max(64 * 1024)
  .superRefine((text, ctx) => {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: "custom", message: "The pull secret must be JSON" });
      return;
    }
    const auths = (doc as { auths?: unknown })?.auths;
    if (!auths || typeof auths !== "object" || Array.isArray(auths))
      ctx.addIssue({ code: "custom", message: 'The pull secret must be a JSON object with an "auths" map' });
  });

/**
 * A proxy URL, written into the discovery ISO's systemd configuration. The WHATWG URL parser drops
 * tabs and newlines before parsing, so "http://p:3128\nExecStartPre=…" would parse: control
 * characters and spaces are refused on the text itself first.
 */
export const proxyUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => !CONTROL.test(v) && !/\s/.test(v), {
    message: "Must not contain spaces or control characters",
    abort: true,
  })
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
    } catch {
      return false;
    }
  }, "Expected an http:// or https:// proxy URL");

export const noProxyList = z
  .string()
  .trim()
  .max(4096)
  .regex(/^(\*|[\w.:\-/]+(,[\w.:\-/]+)*)$/, "Expected '*' or a comma-separated list of domains, IPs or CIDRs");

/** "" from a cleared form field means "not set". */
export const emptyToUndefined = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** For updates: "" (or null) clears the field, which the service stores as null. */
export const clearable = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    z.union([z.null(), schema]).optional(),
  );
