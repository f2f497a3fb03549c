// Runs Prisma's schema engine (the wasm build, so nothing is downloaded) against one provider.
// Needs `node --experimental-wasm-modules`. Used to write migration SQL and, in tests, to prove
// that prisma/schema.prisma and prisma/migrations/<provider> describe the same database.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrationsDir, schemaFor } from "./providers.mjs";

async function adapterFactory(provider, url) {
  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    return withMultiStatementRaw(
      new PrismaBetterSqlite3({ url: url ?? ":memory:" }, { shadowDatabaseUrl: ":memory:" }),
    );
  }
  if (!url)
    throw new Error(
      "PostgreSQL needs a server: set DATABASE_URL=postgresql://… (the shadow database is created and dropped on it)",
    );
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const u = new URL(url);
  const config = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
  };
  const factory = withCharAsText(new PrismaPg(config));
  // The adapter's own shadow database drops itself while its pool is still connected (and with a
  // connectionString it would not even be used); make and drop it here (FORCE ends stray sessions).
  factory.connectToShadowDb = async () => {
    const main = await factory.connect();
    const name = `archway_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await withCharAsText(new PrismaPg({ ...config, database: name })).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  };
  return factory;
}

// The wasm engine replays a whole migration file through executeRaw, which better-sqlite3 runs as
// one prepared statement and so refuses files with several statements; route those to executeScript.
function withMultiStatementRaw(factory) {
  const patch = (adapter) => {
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0 && query.sql.trim().replace(/;\s*$/, "").includes(";")) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  };
  return patchConnections(factory, patch);
}

// The engine reads pg_catalog columns of type "char" (oid 18), which adapter-pg has no column type
// for; pg hands their values over as one-letter strings, so describe them as text.
function withCharAsText(factory) {
  const PG_CHAR = 18;
  const PG_TEXT = 25;
  const patch = (adapter) => {
    const performIO = adapter.performIO.bind(adapter);
    adapter.performIO = async (...args) => {
      const result = await performIO(...args);
      for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
      return result;
    };
    return adapter;
  };
  return patchConnections(factory, patch);
}

function patchConnections(factory, patch) {
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => patch(await connectToShadowDb());
  return factory;
}

/** The migrations folder in the shape the engine wants. */
export function migrationList(provider) {
  const baseDir = migrationsDir(provider);
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** SQL that takes a database built from the migrations to what schema.prisma says ("" when they agree). */
export async function pendingSql(provider, url) {
  const { SchemaEngine } = await import("@prisma/schema-engine-wasm");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const schema = schemaFor(provider);
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(await adapterFactory(provider, url)),
  );
  try {
    const list = migrationList(provider);
    const from = list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return normalise(result.stdout ?? "");
  } finally {
    engine.free();
  }
}

function normalise(sql) {
  const trimmed = sql.trim();
  return trimmed === "-- This is an empty migration." ? "" : trimmed;
}
