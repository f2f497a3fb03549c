// Every paged list reads an index in its own order (newest first, ties by id), whole or filtered on
// the columns its route filters by: a page at any offset walks the index, never sorts the table.
// Without (createdAt, id) a page of 50 infra-envs at 10,000 rows sorted every full row (~5 ms of
// SQLite per page in bench:lists). On PostgreSQL, sorting is priced out of the plan: a Sort left in
// it means no index gives that order.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { testProvider } from "@/test/databases";

type List = { table: string; where?: string; order: string };
const newest = '"createdAt" DESC, "id" DESC';
const LISTS: List[] = [
  { table: "Cluster", order: newest },
  { table: "Cluster", where: `"cpuArchitecture" = 'aarch64'`, order: newest },
  { table: "InfraEnv", order: newest },
  { table: "InfraEnv", where: `"cpuArchitecture" = 'aarch64'`, order: newest },
  { table: "InfraEnv", where: `"clusterId" = 'c'`, order: newest },
  { table: "Host", where: `"infraEnvId" = 'i'`, order: '"createdAt" ASC, "id" ASC' },
  { table: "Host", where: `"clusterId" = 'c'`, order: '"createdAt" ASC, "id" ASC' },
  { table: "Image", order: newest },
  { table: "Image", where: `"arch" = 'aarch64'`, order: newest },
  { table: "Recipe", order: newest },
  { table: "Recipe", where: `"arch" = 'aarch64'`, order: newest },
  { table: "PublicKey", order: newest },
  { table: "Job", order: newest },
  { table: "Job", where: `"status" = 'success'`, order: newest },
  { table: "Job", where: `"arch" = 'aarch64'`, order: newest },
  { table: "Event", order: '"eventTime" DESC, "id" DESC' },
  { table: "Event", where: `"clusterId" = 'c'`, order: '"eventTime" DESC, "id" DESC' },
  { table: "Event", where: `"infraEnvId" = 'i'`, order: '"eventTime" DESC, "id" DESC' },
  { table: "Event", where: `"hostId" = 'h'`, order: '"eventTime" DESC, "id" DESC' },
];

const pageSql = ({ table, where, order }: List) =>
  `SELECT * FROM "${table}"${where ? ` WHERE ${where}` : ""} ORDER BY ${order} LIMIT 50 OFFSET 100`;

/** The plan's lines (SQLite) or node types (PostgreSQL), as text. */
async function planOf(list: List): Promise<string> {
  if (testProvider() === "sqlite") {
    const rows = await db().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${pageSql(list)}`);
    return rows.map((r) => r.detail).join("\n");
  }
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${pageSql(list)}`);
    return JSON.stringify(rows[0]["QUERY PLAN"]);
  });
}

describe("paged lists walk an index in their order", () => {
  it.each(LISTS.map((l) => [`${l.table}${l.where ? ` where ${l.where}` : ""}`, l] as const))("%s", async (_, list) => {
    const plan = await planOf(list);
    if (testProvider() === "sqlite") {
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(plan).toMatch(/USING (COVERING )?INDEX/);
    } else {
      expect(plan).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
      expect(plan).toMatch(/Index/);
    }
  });
});
