// Gives every test file a fresh, migrated database holding the embedded default image table.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { createTestDatabase } from "./databases";

let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "archway-test-"));
  const database = await createTestDatabase(dataDir);
  process.env.ARCHWAY_DATA_DIR = dataDir;
  process.env.DATABASE_URL = database.url;
  for (const k of ["OS_IMAGES", "RELEASE_IMAGES", "OPENSHIFT_VERSIONS", "ARCHWAY_CATALOG_FILE"]) delete process.env[k];
  resetEnvForTests();
  const { startup } = await import("@/lib/startup");
  await startup({ quiet: true });
  cleanup = async () => {
    const { db } = await import("@/lib/db");
    const { closeNotifications } = await import("@/lib/db/notify");
    const { stopLocalWorker } = await import("@/lib/jobs/workers/local");
    const { stopSupervision } = await import("@/lib/jobs/queue/supervise");
    const { closeQueueUtils } = await import("@/lib/jobs/queue/graphile");
    const { digestsSettled } = await import("@/lib/infra-envs/downloads");
    // An ISO link starts its digest in the background; one still running would write to the
    // database dropped below and log a failure into the next file's output.
    await digestsSettled();
    stopSupervision();
    await stopLocalWorker();
    await closeQueueUtils();
    await closeNotifications();
    await db().$disconnect();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
});

afterAll(async () => {
  await cleanup?.();
});
