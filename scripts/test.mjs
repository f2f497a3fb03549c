// The one test command (`npm test`): installs the Debian packages the console and the tests need
// (as root, with apt), then unit + route tests on SQLite, the same on a throwaway PostgreSQL, the
// production build, the fresh-machine check (npm start reinstalls a removed package and ends with
// the samples ready), and the Playwright API + browser suites on both databases.
// Flags: --only=unit|e2e|fresh, --db=sqlite|postgresql to run a part.
// Everything the suites write to the temporary directory (databases, ISOs, recipe trees, job roots:
// several GB a run) goes under one directory of this run, removed at the end, passed or failed
// (ARCHWAY_KEEP_TEST_TMP=1 keeps it to look into): left in /tmp, runs had filled the disk.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkFreshStart } from "./check-fresh-start.mjs";
import { ROOT } from "./db/providers.mjs";
import { startThrowawayPostgres } from "./pg/throwaway.mjs";
import { ensurePrepared } from "./prepare.mjs";
import { ensureSystemPackages } from "./system-deps.mjs";

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const only = arg("only");
const dbs = only === "fresh" ? [] : arg("db") ? [arg("db")] : ["sqlite", "postgresql"];

const runTmp = mkdtempSync(path.join(tmpdir(), "archway-test-"));
chmodSync(runTmp, 0o755); // as traversable as /tmp itself

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, TMPDIR: runTmp, ...env } });
  if (res.status !== 0) {
    console.error(`\n${label}: failed (exit ${res.status ?? res.signal})`);
    return false;
  }
  return true;
}

async function createDatabase(adminUrl, name) {
  const { default: pgLib } = await import("pg");
  const client = new pgLib.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}"`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A free loopback port for the browser tests' server, so a stray server elsewhere cannot collide. */
function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(String(port)));
    });
  });
}

const bin = (name) => `${ROOT}/node_modules/.bin/${name}`;
let ok = true;
let pg;
try {
  const missing = ensureSystemPackages(["runtime", "test"], { what: "the test suite" });
  if (missing.length) throw new Error(`cannot run the tests without ${missing.join(", ")}`);
  ensurePrepared({ build: only !== "unit" });
  if (!only || only === "fresh") {
    console.log("\n=== fresh machine: npm start installs what it lacks ===");
    ok =
      (await checkFreshStart().catch((err) => (console.error(`fresh-start check failed: ${err.message}`), false))) &&
      ok;
  }
  if (dbs.includes("postgresql")) pg = await startThrowawayPostgres();
  for (const provider of dbs) {
    const dbEnv = provider === "postgresql" ? { TEST_PG_ADMIN_URL: pg.url } : {};
    // The VM boots (minutes each) run once, on SQLite: what they add beyond the route tests is the
    // guest's side, which does not depend on the database; PostgreSQL runs every other test file.
    const once = provider === "postgresql" ? ["--exclude", "app/iso/discovery-boot.test.ts"] : [];
    if (only !== "e2e") ok = run(`unit and route tests (${provider})`, bin("vitest"), ["run", ...once], dbEnv) && ok;
    if (only !== "unit") {
      if (!existsSync("/usr/bin/chromium") && !process.env.CHROMIUM_PATH)
        throw new Error("Chromium is missing: apt-get install chromium (or set CHROMIUM_PATH)");
      const e2eEnv = provider === "postgresql" ? { DATABASE_URL: await createDatabase(pg.url, "archway_e2e") } : {};
      ok =
        run(`browser and API tests (${provider})`, bin("playwright"), ["test"], {
          E2E_PORT: process.env.E2E_PORT ?? (await freePort()),
          ...e2eEnv,
        }) && ok;
    }
  }
} finally {
  pg?.stop();
  if (process.env.ARCHWAY_KEEP_TEST_TMP === "1") console.log(`test files kept in ${runTmp}`);
  else rmSync(runTmp, { recursive: true, force: true });
}
console.log(ok ? "\nall test suites passed" : "\nsome test suites failed");
process.exit(ok ? 0 : 1);
