// The SQLite connection Prisma's better-sqlite3 adapter opens, tuned for a console that answers a
// thousand polling hosts. better-sqlite3 is synchronous, so every microsecond a query spends is the
// whole process's: measured under 1,000 agents, the adapter preparing every statement anew cost half
// as much CPU as running them, and a WAL commit waiting on fsync stalled every request behind it.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { LRUCache } from "lru-cache";

/** Distinct SQL texts kept prepared (Prisma's texts vary with IN-list lengths, so the set is open). */
const STATEMENTS = 500;

type Statement = Database.Statement<unknown[]>;

/**
 * What each prepared statement's result columns are: the adapter asks before every query that
 * reads, and better-sqlite3 builds the list anew each time (~70 µs, a tenth of a small query's cost).
 * A statement's columns are fixed by its SQL text and the schema, which changes only at start-up.
 */
const columnsOf = new WeakMap<Statement, Database.ColumnDefinition[]>();

function columns(stmt: Statement): Database.ColumnDefinition[] {
  let cols = columnsOf.get(stmt);
  if (!cols) {
    cols = stmt.columns();
    columnsOf.set(stmt, cols);
  }
  return cols;
}

/**
 * A statement bound to one call's arguments, shaped as the adapter uses it: `reader`, `columns()`,
 * `raw().all()`, `run()`. better-sqlite3's own bind() may be called once per statement, which is why
 * the adapter prepared each time; passing the arguments to run/all instead lets one prepared
 * statement serve every call.
 */
function bound(stmt: Statement, args: unknown[]) {
  return {
    reader: stmt.reader,
    columns: () => columns(stmt),
    run: () => stmt.run(args),
    raw: () => ({ all: () => stmt.raw(true).all(args) }),
  };
}

export function cacheStatements(client: Database.Database): void {
  const prepare = client.prepare.bind(client) as (sql: string) => Statement;
  const cache = new LRUCache<string, Statement>({ max: STATEMENTS });
  const cached = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  (client as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    const stmt = cached(sql);
    // The adapter binds every query; it runs only BEGIN without arguments.
    return { bind: (args: unknown[]) => bound(stmt, args), run: () => stmt.run() };
  };
}

export function tuneConnection(client: Database.Database): void {
  // In WAL mode NORMAL loses no committed data when the process dies, only the last commits on a
  // power cut or kernel crash (the database stays consistent); FULL syncs the log at every commit.
  client.pragma("synchronous = NORMAL");
  cacheStatements(client);
}

/** Prisma's better-sqlite3 adapter with every connection it opens tuned as above. */
export class TunedSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    tuneConnection((adapter as unknown as { client: Database.Database }).client);
    return adapter;
  }
}
