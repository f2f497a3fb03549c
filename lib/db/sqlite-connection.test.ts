// The tuned SQLite connection: one prepared statement serves every call of the same SQL with any
// arguments, through Prisma for real (reads, writes, transactions, errors), and the cache is bounded.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { migrate } from "./migrate";
import { cacheStatements, TunedSqlite } from "./sqlite-connection";

function counted(client: Database.Database) {
  const calls = { prepare: 0 };
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => {
    calls.prepare++;
    return prepare(sql);
  }) as typeof client.prepare;
  return calls;
}

describe("tuned SQLite connection", () => {
  it("reuses one prepared statement for every call of the same SQL, each with its own arguments", () => {
    const client = new Database(":memory:");
    client.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    const calls = counted(client);
    cacheStatements(client);
    type Adapterish = { bind(a: unknown[]): { reader: boolean; run(): unknown; raw(): { all(): unknown[][] } } };
    const prep = (sql: string) => client.prepare(sql) as unknown as Adapterish;
    for (let i = 0; i < 100; i++)
      prep("INSERT INTO t (id, name) VALUES (?, ?)")
        .bind([i, `n${i}`])
        .run();
    const select = "SELECT id, name FROM t WHERE id >= ? ORDER BY id LIMIT ?";
    expect(prep(select).bind([97, 10]).raw().all()).toEqual([
      [97, "n97"],
      [98, "n98"],
      [99, "n99"],
    ]);
    expect(prep(select).bind([3, 1]).raw().all()).toEqual([[3, "n3"]]);
    expect(prep(select).bind([3, 1]).reader).toBe(true);
    expect(calls.prepare).toBe(2);
  });

  it("tells each statement's result columns, read once per prepared statement", () => {
    const client = new Database(":memory:");
    client.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    cacheStatements(client);
    type Columns = { bind(a: unknown[]): { columns(): { name: string; type: string | null }[] } };
    const prep = (sql: string) => client.prepare(sql) as unknown as Columns;
    const byId = "SELECT id, name FROM t WHERE id = ?";
    const first = prep(byId).bind([1]).columns();
    expect(first.map((c) => [c.name, c.type])).toEqual([
      ["id", "INTEGER"],
      ["name", "TEXT"],
    ]);
    expect(prep(byId).bind([2]).columns()).toBe(first);
    expect(
      prep("SELECT name AS n FROM t")
        .bind([])
        .columns()
        .map((c) => c.name),
    ).toEqual(["n"]);
  });

  it("keeps at most 500 statements, dropping the least recently used", () => {
    const client = new Database(":memory:");
    const calls = counted(client);
    cacheStatements(client);
    const prep = (sql: string) =>
      (client.prepare(sql) as unknown as { bind(a: unknown[]): { raw(): { all(): unknown } } }).bind([]);
    for (let i = 0; i < 600; i++) prep(`SELECT ${i}`).raw().all();
    expect(calls.prepare).toBe(600);
    prep("SELECT 599").raw().all(); // recent: still prepared
    expect(calls.prepare).toBe(600);
    prep("SELECT 0").raw().all(); // dropped: prepared again
    expect(calls.prepare).toBe(601);
  });

  it("serves Prisma: reads, writes, transactions that roll back, and unique-constraint errors", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "tuned-")), "t.db");
    await migrate(`file:${file}`);
    const prisma = new PrismaClient({ adapter: new TunedSqlite({ url: file }) });
    try {
      const mode = await prisma.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
      expect(Number(mode[0].synchronous)).toBe(1); // NORMAL
      for (let i = 0; i < 20; i++)
        await prisma.publicKey.create({ data: { name: `key-${i}`, publicKey: `ssh-ed25519 AAAA${i}` } });
      expect(await prisma.publicKey.count()).toBe(20);
      const first = await prisma.publicKey.findFirstOrThrow({ where: { name: "key-0" } });
      expect((await prisma.publicKey.findMany({ where: { name: { in: ["key-3", "key-4"] } } })).length).toBe(2);
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.publicKey.create({ data: { name: "in-tx", publicKey: "ssh-ed25519 AAAAtx" } });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(await prisma.publicKey.findFirst({ where: { name: "in-tx" } })).toBeNull();
      await expect(
        prisma.publicKey.create({ data: { id: first.id, name: "again", publicKey: "x" } }),
      ).rejects.toMatchObject({
        code: "P2002",
      });
      expect((await prisma.publicKey.findFirst({ where: { name: "key-7" } }))?.publicKey).toBe("ssh-ed25519 AAAA7");
    } finally {
      await prisma.$disconnect();
    }
  });
});
