// The one test command (`npm test`): installs the Debian packages the console and the tests need
// (as root, with apt), then unit + route tests on SQLite, the same on a throwaway PostgreSQL, the
// production build, the fresh-machine check (npm start reinstalls a removed package and ends with
// the samples ready), and the Playwright API + browser suites on both databases.
// Flags: --only=unit|e2e|fresh, --db=sqlite|postgresql to run a part.
// Everything the suites write to the temporary directory (databases, ISOs, recipe trees, job roots:
// several GB a run) goes under one directory of this run, removed at the end, passed or failed
// (ARCHWAY_KEEP_TEST_TMP=1 keeps it to look into): left in /tmp, runs had filled the disk.
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkFreshStart } from "./check-fresh-start.mjs";
import { ROOT } from "./db/providers.mjs";
import { startThrowawayPostgres } from "./pg/throwaway.mjs";
import { ensurePrepared } from "./prepare.mjs";
import { ensureSystemPackages } from "./system-deps.mjs";
import { printSummary, runSuite, signalRunningSuite } from "./test-suites.mjs";

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const only = arg("only");
const dbs = only === "fresh" ? [] : arg("db") ? [arg("db")] : ["sqlite", "postgresql"];

const runTmp = mkdtempSync(path.join(tmpdir(), "archway-test-"));
chmodSync(runTmp, 0o755); // as traversable as /tmp itself

const results = [];

// Stopped from outside (Ctrl-C, a CI time limit): the suite running is told too, and the run's
// directory and PostgreSQL go with this process instead of staying behind.
let pg;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    console.error(`\nnpm test: stopped by ${signal}`);
    signalRunningSuite(signal);
    pg?.stop();
    rmSync(runTmp, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

/** Runs a suite with its JSON report in the run's directory; the summary at the end reads it. */
async function run(label, kind, args, env = {}) {
  const report = path.join(runTmp, `report-${results.length}.json`);
  const reportArgs = kind === "vitest" ? ["--reporter=default", "--reporter=json", `--outputFile.json=${report}`] : [];
  const reportEnv = kind === "playwright" ? { E2E_JSON_REPORT: report } : {};
  const result = await runSuite({
    label,
    kind,
    report,
    cmd: bin(kind),
    args: [...args, ...reportArgs],
    cwd: ROOT,
    env: { ...process.env, TMPDIR: runTmp, ...env, ...reportEnv },
  });
  results.push(result);
  return result.ok;
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

// Test files that run once, on SQLite. The discovery ISO boots (minutes): what they add beyond the
// route tests is the guest's side. The rest never open the database: sample ISOs built and booted,
// emulation, apt, this runner's summary. PostgreSQL runs every other file (the sandbox's too: a job
// must not reach a database server on loopback either).
const ONCE = [
  "app/iso/discovery-boot.test.ts",
  "lib/samples/qemu-boot.test.ts",
  "lib/samples/sample-iso.test.ts",
  "lib/samples/sample-iso-failures.test.ts",
  "lib/jobs/emulation.test.ts",
  "scripts/system-deps.test.ts",
  "scripts/test-suites.test.ts",
];

// Test files that time the console's answers while a job loads the machine: run alone, after the
// rest, on each database. Beside another test file they measured its load too (a memory hog's
// slowest answer 145 ms against a 139 ms bound, in one of three runs with two files at once).
const ALONE = ["lib/jobs/sandbox/sandbox.test.ts"];

const bin = (name) => `${ROOT}/node_modules/.bin/${name}`;
let ok = true;
try {
  // "bench" too: the suite tests the downloads benchmark's comparison against a real nginx.
  const missing = ensureSystemPackages(["runtime", "test", "bench"], { what: "the test suite" });
  if (missing.length) throw new Error(`cannot run the tests without ${missing.join(", ")}`);
  ensurePrepared({ build: only !== "unit" });
  if (!only || only === "fresh") {
    const label = "fresh machine: npm start installs what it lacks";
    console.log(`\n=== ${label} ===`);
    let reason = "";
    const fresh = await checkFreshStart().catch((err) => ((reason = err.message), false));
    if (reason) console.error(`fresh-start check failed: ${reason}`);
    results.push({ label, ok: fresh, exit: 1, failures: [], unhandled: reason ? [reason] : [] });
    ok = fresh && ok;
  }
  if (dbs.includes("postgresql")) pg = await startThrowawayPostgres();
  for (const provider of dbs) {
    const dbEnv = provider === "postgresql" ? { TEST_PG_ADMIN_URL: pg.url } : {};
    const once = provider === "postgresql" ? ONCE.flatMap((file) => ["--exclude", file]) : [];
    if (only !== "e2e") {
      const alone = ALONE.flatMap((file) => ["--exclude", file]);
      ok = (await run(`unit and route tests (${provider})`, "vitest", ["run", ...once, ...alone], dbEnv)) && ok;
      ok =
        (await run(
          `tests timed under load, alone (${provider})`,
          "vitest",
          ["run", "--maxWorkers=1", ...ALONE],
          dbEnv,
        )) && ok;
    }
    if (only !== "unit") {
      if (!existsSync("/usr/bin/chromium") && !process.env.CHROMIUM_PATH)
        throw new Error("Chromium is missing: apt-get install chromium (or set CHROMIUM_PATH)");
      const e2eEnv = provider === "postgresql" ? { DATABASE_URL: await createDatabase(pg.url, "archway_e2e") } : {};
      ok =
        (await run(`browser and API tests (${provider})`, "playwright", ["test"], {
          E2E_PORT: process.env.E2E_PORT ?? (await freePort()),
          ...e2eEnv,
        })) && ok;
    }
  }
} catch (err) {
  console.error(`\nnpm test: ${err.message}`);
  results.push({ label: "setting up the run", ok: false, exit: 1, failures: [], unhandled: [err.message] });
  ok = false;
} finally {
  pg?.stop();
  if (process.env.ARCHWAY_KEEP_TEST_TMP === "1") console.log(`test files kept in ${runTmp}`);
  else rmSync(runTmp, { recursive: true, force: true });
}
printSummary(results);
console.log(ok ? "\nall test suites passed" : "\nsome test suites failed");
process.exit(ok ? 0 : 1);
