// Exits 0 when prisma/migrations/<provider> builds exactly what prisma/schema.prisma describes;
// otherwise prints the SQL still missing and exits 1. Usage:
//   node --experimental-wasm-modules scripts/db/check-migrations.mjs sqlite
//   DATABASE_URL=postgresql://… node --experimental-wasm-modules scripts/db/check-migrations.mjs postgresql
import { pendingSql } from "./schema-engine.mjs";

const provider = process.argv[2] ?? "sqlite";
const sql = await pendingSql(provider, provider === "postgresql" ? process.env.DATABASE_URL : undefined);
if (sql) {
  console.log(`${provider}: prisma/schema.prisma and the migrations disagree; missing SQL:\n${sql}`);
  process.exit(1);
}
console.log(`${provider}: migrations match prisma/schema.prisma`);
