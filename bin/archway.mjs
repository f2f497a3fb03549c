#!/usr/bin/env node
// `npx archway …`: the project's command line. It loads the console's own TypeScript modules
// (through jiti), so a token made here is exactly what the server checks, on the database that
// DATABASE_URL / ARCHWAY_DATA_DIR name, as the server would see them.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const jiti = createJiti(import.meta.url, {
  alias: { "@/": `${root}/`, "server-only": path.join(root, "test/server-only.ts") },
});
const { main } = await jiti.import(path.join(root, "lib/cli/main.ts"));
process.exitCode = await main(process.argv.slice(2));
