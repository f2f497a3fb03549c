// The queue's PostgreSQL connections, owned here rather than by graphile-worker. Given only a
// connection string, graphile-worker makes its own pool and, when released, takes its error
// listeners off before that pool's last connections have closed: a connection the server ended then
// (a restart, a database dropped under a test) was an uncaught exception that ended the process
// (seen in CI: "terminating connection due to administrator command"). This pool keeps a listener
// for its whole life and is ended, and awaited, by whoever made it.
import "server-only";
import { Pool } from "pg";

export function queuePool(connectionString: string): Pool {
  const pool = new Pool({ connectionString });
  const lost = (err: Error) => console.error(`[archway] queue: database connection lost: ${err.message}`);
  // Idle connections report to the pool; checked-out ones to their own client.
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  return pool;
}
