// Unit and route-handler tests. Each test file gets its own fresh database (test/setup-db.ts):
// a temp SQLite file by default, a new database on a real PostgreSQL server when
// TEST_PG_ADMIN_URL is set (scripts/test.mjs runs the suite both ways).

import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The marker package throws outside React Server Components; tests are plain Node.
      { find: /^server-only$/, replacement: `${root}/test/server-only.ts` },
    ],
  },
  test: {
    environment: "node",
    include: ["{lib,app,scripts,test}/**/*.test.ts"],
    setupFiles: ["test/setup-db.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two files at once on this 2-core machine: one at a time left a core idle half the run (test
    // files mostly wait on QEMU, child processes, PostgreSQL and the disk). Files that time the
    // console under load run alone, after the rest (ALONE in scripts/test.mjs).
    maxWorkers: 2,
  },
});
