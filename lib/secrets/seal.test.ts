// Encryption at rest: AES-256-GCM round trips, a fresh nonce each time, and any change to the stored
// text or another key fails loudly instead of yielding something else.

import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSealed, openWith, SecretKeyMismatchError, sealWith } from "./seal";

const key = randomBytes(32);

describe("seal", () => {
  it("round-trips any text and never contains it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1 }), (text) => {
        const sealed = sealWith(key, text);
        expect(isSealed(sealed)).toBe(true);
        expect(openWith(key, sealed)).toBe(text);
        if (text.length >= 4) expect(sealed).not.toContain(text);
      }),
    );
  });

  it("uses a new nonce every time, so equal secrets do not look equal", () => {
    expect(sealWith(key, "same")).not.toBe(sealWith(key, "same"));
  });

  it("refuses another key and any altered byte", () => {
    const sealed = sealWith(key, '{"auths":{"quay.io":{"auth":"c2VjcmV0"}}}');
    expect(() => openWith(randomBytes(32), sealed)).toThrow(SecretKeyMismatchError);
    const raw = Buffer.from(sealed.slice("enc:v1:".length), "base64url");
    for (let i = 0; i < raw.length; i++) {
      const bad = Buffer.from(raw);
      bad[i] ^= 1;
      expect(() => openWith(key, `enc:v1:${bad.toString("base64url")}`), `byte ${i}`).toThrow(SecretKeyMismatchError);
    }
    expect(() => openWith(key, "enc:v1:AAAA")).toThrow(SecretKeyMismatchError);
  });
});
