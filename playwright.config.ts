// Browser and API tests against a real `next start` of the production build, in Debian's Chromium.
// The server gets its own data directory and database (DATABASE_URL passes through, so the same
// suite runs on PostgreSQL when the test runner sets it).

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defineConfig } from "@playwright/test";
import { defaultCatalog } from "./lib/catalog/default-catalog";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "archway-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

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
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
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
    { name: "api", testMatch: /.*\.api\.spec\.ts/ },
    { name: "ui", testMatch: /.*\.ui\.spec\.ts/, use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: `node scripts/server.mjs`,
    url: `http://127.0.0.1:${port}/api/assisted-install/v2/openshift-versions`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ARCHWAY_DATA_DIR: dataDir,
      ARCHWAY_CATALOG_FILE: catalogFile,
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
