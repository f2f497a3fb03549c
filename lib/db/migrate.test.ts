// The migrations are the only way the schema reaches a database: prove they match schema.prisma
// (on the provider under test) and that the runner is idempotent and refuses edited history.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testProvider } from "@/test/databases";
import { migrate, readMigrations } from "./migrate";

const root = process.cwd();
const provider = testProvider();

function check(env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", "scripts/db/check-migrations.mjs", provider],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ...env },
    },
  );
}

describe(`migrations (${provider})`, () => {
  it("build exactly what prisma/schema.prisma describes", () => {
    const res = check();
    expect(res.stderr).toBe("");
    expect(res.stdout).toContain("migrations match prisma/schema.prisma");
    expect(res.status).toBe(0);
  });

  it("the check notices a model change the migrations lack", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "schema-"));
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8").replace(
      "model PublicKey {",
      "model PublicKey {\n  comment String?",
    );
    writeFileSync(path.join(dir, "schema.prisma"), schema);
    const res = check({ ARCHWAY_SCHEMA_PATH: path.join(dir, "schema.prisma") });
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/ALTER TABLE "PublicKey" ADD COLUMN\s+"comment" TEXT/);
  });

  it("apply once, then are a no-op", async () => {
    const db = await createTestDatabase(mkdtempSync(path.join(tmpdir(), "mig-")));
    try {
      const names = readMigrations(provider).map((m) => m.name);
      expect(await migrate(db.url)).toEqual(names);
      expect(await migrate(db.url)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it("refuse a migration edited after it was applied", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "migroot-"));
    cpSync(path.join(root, "prisma/migrations"), path.join(copy, "prisma/migrations"), { recursive: true });
    const db = await createTestDatabase(copy);
    try {
      await migrate(db.url, copy);
      const first = readMigrations(provider, copy)[0];
      appendFileSync(path.join(copy, "prisma/migrations", provider, first.name, "migration.sql"), "\n-- edited\n");
      await expect(migrate(db.url, copy)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await db.drop();
    }
  });
});
