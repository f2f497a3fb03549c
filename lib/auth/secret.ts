// The key that signs session cookies: ARCHWAY_AUTH_SECRET, or one generated at first start into
// <data>/auth-secret (mode 0600) so sessions survive restarts without any setup.
import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

export function authSecret(): string {
  const e = env();
  if (e.ARCHWAY_AUTH_SECRET) return e.ARCHWAY_AUTH_SECRET;
  const file = path.join(e.dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(e.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    // "wx": two processes starting at once must not each write their own.
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    } catch {
      return readFileSync(file, "utf8").trim();
    }
    chmodSync(file, 0o600);
    return secret;
  }
}
