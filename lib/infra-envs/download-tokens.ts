// Short signed tokens for discovery ISO URLs: infra-env id, expiry and an HMAC under the
// infra-env's own key, so rotating that key revokes every link issued before. The HMAC also covers
// what the link is for (image type, OpenShift version, architecture: the rest of its path), so a
// token cannot be moved onto another image's path.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type TokenClaims = { infraEnvId: string; expiresAt: Date };
/** What the token is bound to: the image type, version and canonical architecture of its path. */
export type TokenScope = { imageType: string; version: string; arch: string };

const b64 = (buf: Buffer) => buf.toString("base64url");

export function newSigningKey(): string {
  return randomBytes(32).toString("hex");
}

function mac(key: string, id: Buffer, exp: string, scope: TokenScope): Buffer {
  return createHmac("sha256", Buffer.from(key, "hex"))
    .update(id)
    .update(".")
    .update(exp)
    .update(`.${JSON.stringify([scope.imageType, scope.version, scope.arch])}`)
    .digest()
    .subarray(0, 16);
}

/** `<id 22>.<expiry base36>.<mac 22>`: about 55 URL-safe characters, no query string. */
export function signToken(claims: TokenClaims, scope: TokenScope, key: string): string {
  const id = Buffer.from(claims.infraEnvId.replace(/-/g, ""), "hex");
  const exp = Math.floor(claims.expiresAt.getTime() / 1000).toString(36);
  return `${b64(id)}.${exp}.${b64(mac(key, id, exp, scope))}`;
}

/** The claims a token states, before any check (null when it is not shaped like one). */
export function readToken(token: string): (TokenClaims & { parts: [Buffer, string, Buffer] }) | null {
  const m = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const id = Buffer.from(m[1], "base64url");
  const sig = Buffer.from(m[3], "base64url");
  // 22 base64url characters carry 132 bits for 128: only the canonical spelling is accepted, so a
  // token has exactly one written form.
  if (b64(id) !== m[1] || b64(sig) !== m[3]) return null;
  const hex = id.toString("hex");
  const infraEnvId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { infraEnvId, expiresAt: new Date(parseInt(m[2], 36) * 1000), parts: [id, m[2], sig] };
}

/** True only for a token signed with `key` for this scope that has not expired. */
export function verifyToken(token: string, scope: TokenScope, key: string, now = new Date()): boolean {
  const claims = readToken(token);
  if (!claims) return false;
  const [id, exp, sig] = claims.parts;
  const expected = mac(key, id, exp, scope);
  return sig.length === expected.length && timingSafeEqual(sig, expected) && claims.expiresAt > now;
}
