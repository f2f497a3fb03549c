// The key secrets are encrypted with at rest: ARCHWAY_SECRET_KEY (32 bytes as 64 hex digits or
// base64), else data/secret.key, made on first use with mode 0600 (the data dir itself is 0700).
// Losing it loses the stored pull secrets and tokens, so it is never rotated silently.
import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: { source: string; key: Buffer } | undefined;

/** 64 hex digits or base64(url) of exactly 32 bytes; anything else is a configuration error. */
export function parseSecretKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t)
    ? Buffer.from(t, "hex")
    : Buffer.from(t, /[-_]/.test(t) ? "base64url" : "base64");
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(t) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(t)))
    throw new Error(`${where} must be 32 bytes written as 64 hex digits or base64 (e.g. openssl rand -hex 32)`);
  return key;
}

export function keyFile(): string {
  return path.join(env().dataDir, "secret.key");
}

function fromFile(file: string): Buffer {
  try {
    return parseSecretKey(readFileSync(file, "utf8"), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": of two servers starting at once, one writes and the other reads what it wrote.
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  chmodSync(file, 0o600);
  return parseSecretKey(readFileSync(file, "utf8"), file);
}

export function secretKey(): Buffer {
  const configured = env().ARCHWAY_SECRET_KEY;
  const source = configured ? "env" : keyFile();
  if (cached?.source === source) return cached.key;
  const key = configured ? parseSecretKey(configured, "ARCHWAY_SECRET_KEY") : fromFile(source);
  cached = { source, key };
  return key;
}
