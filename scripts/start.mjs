// `npm start`: install the Debian packages the console needs (as root, with apt; see
// scripts/system-deps.mjs), prepare whatever a fresh checkout lacks, then serve the console
// (PORT, HOSTNAME). Migrations and the image table load inside the server at start (instrumentation.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./db/providers.mjs";
import { ensurePrepared } from "./prepare.mjs";
import { ensureSystemPackages } from "./system-deps.mjs";

ensureSystemPackages(["runtime"], { what: "the console" });
ensurePrepared({ build: true });

const server = spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
