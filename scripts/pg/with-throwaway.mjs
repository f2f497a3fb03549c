// Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL (for db:migration on a
// machine without a server). Usage: node scripts/pg/with-throwaway.mjs <command> [args…]
import { spawnSync } from "node:child_process";
import { startThrowawayPostgres } from "./throwaway.mjs";

const [cmd, ...args] = process.argv.slice(2);
const pg = await startThrowawayPostgres();
let status = 1;
try {
  status = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: pg.url } }).status ?? 1;
} finally {
  pg.stop();
}
process.exit(status);
