// First start: with no account at all, create `admin` so the console can be reached with nothing
// but `npm start`. Its password is ARCHWAY_ADMIN_PASSWORD or a random one, printed once and
// written to <data>/initial-admin-password (0600) for whoever missed the log.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createLocalUser } from "./users";

export async function ensureFirstAdmin(log: (line: string) => void): Promise<void> {
  if ((await db().user.count()) > 0) return;
  const e = env();
  const password = e.ARCHWAY_ADMIN_PASSWORD ?? randomBytes(18).toString("base64url");
  try {
    await createLocalUser({ username: "admin", password, role: "admin" });
  } catch (err) {
    // Another process starting at the same moment made it first.
    if ((await db().user.count()) > 0) return;
    throw err;
  }
  if (e.ARCHWAY_ADMIN_PASSWORD) {
    log("created the admin account with the password in ARCHWAY_ADMIN_PASSWORD");
    return;
  }
  mkdirSync(e.dataDir, { recursive: true });
  const file = path.join(e.dataDir, "initial-admin-password");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  log(`created the admin account; sign in as "admin" with password: ${password}`);
  log(`(the password is also in ${file})`);
}
