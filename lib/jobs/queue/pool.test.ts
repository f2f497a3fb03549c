// The queue's pool outlives any connection the server ends: an idle one and a checked-out one, both
// terminated by the server as a restart or a dropped database would, are logged and replaced, not
// thrown (an 'error' without a listener is an uncaught exception: the whole process, and this test
// run, would fail). PostgreSQL only.
import { Client } from "pg";
import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { testProvider } from "@/test/databases";
import { queuePool } from "./pool";

describe.skipIf(testProvider() !== "postgresql")("the queue's connection pool", () => {
  it("logs connections the server ends, idle or checked out, and goes on with new ones", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const pool = queuePool(env().databaseUrl);
    const admin = new Client({ connectionString: env().databaseUrl });
    await admin.connect();
    try {
      const busy = await pool.connect();
      const idle = await pool.connect();
      const pids = [
        (await busy.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0].pid,
        (await idle.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0].pid,
      ];
      // Both ends seen before going on: a log count alone was met once by one client's two errors, and
      // the query below then took the other, still in the pool, as it died (CI, f6be950's successor).
      const lost = [busy, idle].map((c) => new Promise((resolve) => c.once("error", resolve)));
      idle.release(); // back in the pool, idle
      await admin.query("select pg_terminate_backend(pid) from unnest($1::int[]) as pid", [pids]);
      await Promise.all(lost);
      await vi.waitFor(() => expect(logged.mock.calls.length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
      for (const [line] of logged.mock.calls)
        expect(String(line)).toMatch(/^\[archway\] queue: database connection lost: /);
      busy.release(true); // a broken client is dropped, not reused
      expect((await pool.query<{ one: number }>("select 1 as one")).rows[0].one).toBe(1);
    } finally {
      await admin.end();
      await pool.end();
      logged.mockRestore();
    }
  });
});
