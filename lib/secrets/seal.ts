// Authenticated encryption of one secret value (AES-256-GCM from node:crypto) into text a database
// column holds: "enc:v1:" + base64url(12-byte nonce | 16-byte tag | ciphertext). Tampering with any
// byte, or opening with another key, fails loudly instead of returning garbage.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const SEALED_PREFIX = "enc:v1:";
const NONCE = 12;
const TAG = 16;

export class SecretKeyMismatchError extends Error {
  constructor() {
    super(
      "A stored secret cannot be decrypted: it was encrypted with another key. Set ARCHWAY_SECRET_KEY (or restore data/secret.key) to the key this database was written with.",
    );
    this.name = "SecretKeyMismatchError";
  }
}

export const isSealed = (value: string) => value.startsWith(SEALED_PREFIX);

export function sealWith(key: Buffer, plaintext: string): string {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64url");
}

export function openWith(key: Buffer, sealed: string): string {
  if (!isSealed(sealed)) throw new Error("Not a sealed secret");
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), "base64url");
  if (raw.length < NONCE + TAG) throw new SecretKeyMismatchError();
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, NONCE));
  decipher.setAuthTag(raw.subarray(NONCE, NONCE + TAG));
  try {
    return Buffer.concat([decipher.update(raw.subarray(NONCE + TAG)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyMismatchError();
  }
}
