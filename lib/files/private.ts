// The data dir holds the database, the secret key and cached images with secrets patched in on the
// fly: only the console's own user may read it (0700), and the SQLite file (with its -wal and -shm,
// which SQLite creates with the database's mode) is 0600.
import "server-only";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates the SQLite file 0600 before SQLite opens it, and tightens one made earlier. */
export function makePrivateDatabaseFile(file: string): void {
  if (file === ":memory:") return;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}
