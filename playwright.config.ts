// Browser and API tests against a real `next start` of the production build, in Debian's Chromium.
// The server gets its own data directory and database (DATABASE_URL passes through, so the same
// suite runs on PostgreSQL when the test runner sets it).

import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defineConfig } from "@playwright/test";
import { defaultCatalog } from "./lib/catalog/default-catalog";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "archway-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

// Signing in is real: the server creates `admin` with this password at its first start; the "auth"
// project signs in through the login page and keeps the session for the UI specs (storageState).
// API specs send a bearer token made by the project's CLI on the same database, as a script would.
// The config is loaded again in each worker; the environment carries what the first load made.
process.env.E2E_ADMIN_PASSWORD ??= randomBytes(12).toString("base64url");
const serverDb = {
  ARCHWAY_DATA_DIR: dataDir,
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
};
process.env.E2E_TOKEN ??= execFileSync(
  process.execPath,
  ["bin/archway.mjs", "token", "create", "--role", "admin", "--name", "e2e"],
  { env: { ...process.env, ...serverDb }, encoding: "utf8" },
).trim();
const adminState = path.join(dataDir, "admin-session.json");
// Everything the server prints during the run, read by the teardown that looks for leaked secrets.
process.env.E2E_SERVER_LOG ??= path.join(dataDir, "server.log");

// The embedded sample table plus one row whose base ISO cannot be fetched (its file does not exist),
// so the browser tests see a real failed fetch: IBM Z at 4.14.
const sample = defaultCatalog(dataDir);
const catalogFile = path.join(dataDir, "catalog.json");
writeFileSync(
  catalogFile,
  JSON.stringify({
    OS_IMAGES: [
      ...sample.osImages,
      {
        openshift_version: "4.14",
        cpu_architecture: "s390x",
        url: pathToFileURL(path.join(dataDir, "os-images", "missing", "live-s390x.iso")).href,
        version: "missing-4.14-s390x",
      },
    ],
    RELEASE_IMAGES: [
      ...sample.releaseImages,
      {
        openshift_version: "4.14",
        cpu_architecture: "s390x",
        url: "quay.io/openshift-release-dev/ocp-release:4.14.38-s390x",
        version: "4.14.38",
        support_level: "production",
      },
    ],
  }),
);

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/server-log.teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // npm test asks for a JSON report too: its summary names the failed tests at the end of the run.
  reporter: [
    ["list"],
    ...(process.env.CI ? [] : [["html", { open: "never" }] as const]),
    ...(process.env.E2E_JSON_REPORT ? [["json", { outputFile: process.env.E2E_JSON_REPORT }] as const] : []),
  ],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "auth", testMatch: /auth\.setup\.ts/ },
    {
      name: "api",
      testMatch: /.*\.api\.spec\.ts/,
      use: { extraHTTPHeaders: { Authorization: `Bearer ${process.env.E2E_TOKEN}` } },
    },
    {
      name: "ui",
      testMatch: /.*\.ui\.spec\.ts/,
      dependencies: ["auth"],
      use: {
        viewport: { width: 1280, height: 800 },
        storageState: adminState,
        // The request fixture carries the signed-in cookie: the request guard wants writes with a
        // cookie to say where they come from, as a browser's do.
        extraHTTPHeaders: { Origin: `http://127.0.0.1:${port}` },
      },
    },
  ],
  webServer: {
    // pipefail: the server's own exit status, not tee's.
    command: `bash -o pipefail -c 'node scripts/server.mjs 2>&1 | tee -a "$E2E_SERVER_LOG"'`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ...serverDb,
      ARCHWAY_CATALOG_FILE: catalogFile,
      ARCHWAY_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
