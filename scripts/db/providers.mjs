// The two database providers Archway supports, and how each one's schema is derived from prisma/schema.prisma.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// ARCHWAY_SCHEMA_PATH lets the agreement test prove it notices a schema the migrations lack.
export const SCHEMA_PATH = process.env.ARCHWAY_SCHEMA_PATH ?? path.join(ROOT, "prisma/schema.prisma");
export const PROVIDERS = ["sqlite", "postgresql"];

/** The schema text for one provider: the committed file names sqlite; postgresql swaps provider and output. */
export function schemaFor(provider) {
  const source = readFileSync(SCHEMA_PATH, "utf8");
  if (provider === "sqlite") return source;
  const swapped = source
    .replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`)
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/sqlite"/, `output = "${path.join(ROOT, "lib/generated", provider)}"`);
  if (swapped === source)
    throw new Error("prisma/schema.prisma no longer has the provider/output lines generate.mjs rewrites");
  return swapped;
}

export function migrationsDir(provider) {
  return path.join(ROOT, "prisma/migrations", provider);
}
