// Generates one Prisma client per provider (a generated client is tied to its provider).
// Prisma's CLI wants a schema-engine binary it cannot download here; generate never runs it,
// so any existing file satisfies the check.

import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROVIDERS, ROOT, schemaFor } from "./providers.mjs";

const workDir = path.join(ROOT, "node_modules/.cache/archway-prisma");
mkdirSync(workDir, { recursive: true });

for (const provider of PROVIDERS) {
  const schemaFile =
    provider === "sqlite" ? path.join(ROOT, "prisma/schema.prisma") : path.join(workDir, `schema.${provider}.prisma`);
  if (provider !== "sqlite") writeFileSync(schemaFile, schemaFor(provider));
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate", "--schema", schemaFile],
    {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    },
  );
}
