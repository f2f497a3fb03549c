// An admin API token for a server a spec starts itself (its own data dir and database), made by the
// project's CLI with exactly the server's environment, as an operator would bootstrap automation.
import { execFileSync } from "node:child_process";

export function adminTokenFor(serverEnv: Record<string, string | undefined>): string {
  return execFileSync(
    process.execPath,
    ["bin/archway.mjs", "token", "create", "--role", "admin", "--name", `e2e-${Date.now()}`],
    { env: serverEnv as NodeJS.ProcessEnv, encoding: "utf8" },
  ).trim();
}
