import { describe, expect, it } from "vitest";
import { newSigningKey, readToken, signToken, verifyToken } from "./download-tokens";

const id = "6f2c1b1e-1111-4111-8111-11111111abcd";
const scope = { imageType: "full-iso", version: "4.14", arch: "aarch64" };

describe("download tokens", () => {
  const key = newSigningKey();
  const expiresAt = new Date(Date.now() + 3600_000);
  const token = signToken({ infraEnvId: id, expiresAt }, scope, key);

  it("are short and URL-safe, and carry the infra-env id and expiry", () => {
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(token.length).toBeLessThan(60);
    const claims = readToken(token)!;
    expect(claims.infraEnvId).toBe(id);
    expect(Math.abs(claims.expiresAt.getTime() - expiresAt.getTime())).toBeLessThan(1000);
  });

  it("verify with the key that signed them, until they expire", () => {
    expect(verifyToken(token, scope, key)).toBe(true);
    expect(verifyToken(token, scope, key, new Date(expiresAt.getTime() + 1000))).toBe(false);
  });

  it("fail with another key (rotation revokes), and when tampered with", () => {
    expect(verifyToken(token, scope, newSigningKey())).toBe(false);
    const [a, exp, sig] = token.split(".");
    const later = (parseInt(exp, 36) + 86400).toString(36);
    expect(verifyToken(`${a}.${later}.${sig}`, scope, key)).toBe(false);
    const flip = (text: string, i: number) => `${text.slice(0, i)}${text[i] === "A" ? "B" : "A"}${text.slice(i + 1)}`;
    for (let i = 0; i < sig.length; i++)
      expect(verifyToken(`${a}.${exp}.${flip(sig, i)}`, scope, key), `sig char ${i}`).toBe(false);
    for (let i = 0; i < a.length; i++)
      expect(verifyToken(`${flip(a, i)}.${exp}.${sig}`, scope, key), `id char ${i}`).toBe(false);
    expect(verifyToken("garbage", scope, key)).toBe(false);
  });

  it("are bound to the image type, version and architecture they were issued for", () => {
    expect(verifyToken(token, { ...scope, imageType: "minimal-iso" }, key)).toBe(false);
    expect(verifyToken(token, { ...scope, version: "4.15" }, key)).toBe(false);
    expect(verifyToken(token, { ...scope, arch: "x86_64" }, key)).toBe(false);
    expect(verifyToken(token, { ...scope }, key)).toBe(true);
  });
});
