// The Prisma client singleton. The provider follows DATABASE_URL: SQLite (better-sqlite3, WAL) by
// default, PostgreSQL (pg) for postgres URLs. Both generated clients share one model, so the
// SQLite client's type describes either.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { providerOf, sqlitePath } from "./db/provider";
import { TunedSqlite } from "./db/sqlite-connection";
import { env } from "./env";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

export type Db = SqliteClient;
export type {
  ApiToken,
  Artifact,
  AuditEntry,
  BaseImage,
  Cluster,
  Host,
  Image,
  InfraEnv,
  Job,
  OsImage,
  PublicKey,
  Recipe,
  ReleaseImage,
  User,
  Worker,
} from "./generated/sqlite/client";
export { Prisma } from "./generated/sqlite/client";

function createClient(url: string): Db {
  if (providerOf(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new TunedSqlite({ url: sqlitePath(url), timeout: 10_000 }) });
}

const globalForDb = globalThis as unknown as { archwayDb?: { url: string; client: Db } };

/** One client per process (dev reloads keep it on globalThis). */
export function db(): Db {
  const url = env().databaseUrl;
  if (globalForDb.archwayDb?.url !== url) {
    void globalForDb.archwayDb?.client.$disconnect();
    globalForDb.archwayDb = { url, client: createClient(url) };
  }
  return globalForDb.archwayDb.client;
}
