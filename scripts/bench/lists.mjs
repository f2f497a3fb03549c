// npm run bench:lists — paged lists at 10,000 rows: creates a few clusters, infra-envs and images
// through the API (each cluster and infra-env also records an event), copies those rows with SQL up
// to 10,000 of each (and of events), one second apart, then times pages of 50 at random offsets on
// every list and the full unpaged clusters list (assisted clients that send no limit). Prints p50/p99
// beside the goals, checking each answer's size and X-Total-Count as it goes. SQLite (the default).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ensurePrepared } from "../prepare.mjs";
import { record } from "./report.mjs";
import { apiFetch, percentile, startConsole, wireGet } from "./server.mjs";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const PAGE = 50;
const A = "/api/assisted-install/v2";
const I = "/apis/ims/v3";

ensurePrepared({ build: true });
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "archway-bench-lists-")), "data");
const srv = await startConsole({
  ARCHWAY_DATA_DIR: dataDir,
  ARCHWAY_PREFETCH_BASE_IMAGES: "off",
  ARCHWAY_SAMPLE_IMAGES: "off",
});
const errors = [];

async function post(p, body) {
  const res = await apiFetch(`${srv.base}${p}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) errors.push(`POST ${p} ${res.status}: ${(await res.text()).slice(0, 200)}`);
}

/** Creates `n` rows with `make(i)`, 16 requests in flight. */
async function seed(p, n, make) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < n) await post(p, make(next++));
    }),
  );
}

const parseMs = [];

/** Time to the response's last byte (decompressed); the rows and X-Total-Count are then checked. */
async function timed(p, expectRows, expectTotal) {
  const started = performance.now();
  const res = await apiFetch(`${srv.base}${p}`);
  const body = await res.arrayBuffer();
  // The console's latency ends with its last byte; decoding 13 MB of JSON here is this client's time.
  const ms = performance.now() - started;
  const parseStarted = performance.now();
  const rows = JSON.parse(Buffer.from(body).toString("utf8"));
  parseMs.push(performance.now() - parseStarted);
  const total = Number(res.headers.get("x-total-count"));
  if (!res.ok) errors.push(`GET ${p} ${res.status}`);
  else if (rows.length !== expectRows) errors.push(`GET ${p}: ${rows.length} rows, not ${expectRows}`);
  else if (total !== expectTotal) errors.push(`GET ${p}: X-Total-Count ${total}, not ${expectTotal}`);
  return ms;
}

/**
 * Fills `table` up to ROWS rows by copying the rows the API made: fresh ids, numbered names and
 * createdAt one second apart (so the order is that of creation), every other column as stored.
 */
function copyRows(db, table, { name, time, id }) {
  const columns = db
    .prepare(`PRAGMA table_info("${table}")`)
    .all()
    .map((c) => c.name);
  const have = db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get().n;
  const uuid =
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
  const value = (c) =>
    c === id
      ? uuid
      : c === name
        ? `"${c}" || '-copy-' || n.i`
        : c === time || c === "updatedAt"
          ? `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '-' || (${ROWS} - n.i) || ' seconds')`
          : `"${c}"`;
  const cols = columns.filter((c) => !(id === null && c === "id"));
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")})
     SELECT ${cols.map(value).join(", ")} FROM n JOIN (SELECT * FROM "${table}" LIMIT 1)`,
  ).run(ROWS - have);
}

const seedStarted = performance.now();
await seed(`${A}/clusters`, 10, (i) => ({ name: `bench-${i}`, openshift_version: "4.14" }));
await seed(`${A}/infra-envs`, 10, (i) => ({ name: `bench-ie-${i}`, openshift_version: "4.14" }));
await seed(`${I}/images`, 10, (i) => ({ name: `bench-image-${i}`, arch: i % 2 ? "aarch64" : "x86_64" }));
const sqlite = new Database(path.join(dataDir, "archway.db"));
sqlite.pragma("busy_timeout = 10000");
sqlite.transaction(() => {
  copyRows(sqlite, "Cluster", { name: "name", time: "createdAt", id: "id" });
  copyRows(sqlite, "InfraEnv", { name: "name", time: "createdAt", id: "id" });
  copyRows(sqlite, "Event", { name: "message", time: "eventTime", id: null });
  copyRows(sqlite, "Image", { name: "name", time: "createdAt", id: "id" });
  // Half of the images of each architecture, for the filtered list.
  sqlite.prepare(`UPDATE "Image" SET "arch" = CASE WHEN rowid % 2 = 0 THEN 'aarch64' ELSE 'x86_64' END`).run();
})();
sqlite.close();
const seedSeconds = (performance.now() - seedStarted) / 1000;
const events = Number((await apiFetch(`${srv.base}${A}/events?limit=1`)).headers.get("x-total-count"));
const aarch64 = Number((await apiFetch(`${srv.base}${I}/images?arch=aarch64&limit=1`)).headers.get("x-total-count"));

const lists = [
  ["clusters", `${A}/clusters`, ROWS],
  ["infra-envs", `${A}/infra-envs`, ROWS],
  ["events", `${A}/events`, events],
  ["images", `${I}/images`, ROWS],
  ["images, arch filter", `${I}/images?arch=aarch64`, aarch64],
];
const results = [];
for (const [what, p, total] of lists) {
  const ms = [];
  for (let i = 0; i < SAMPLES; i++) {
    const offset = Math.floor(Math.random() * (total - PAGE));
    ms.push(await timed(`${p}${p.includes("?") ? "&" : "?"}limit=${PAGE}&offset=${offset}`, PAGE, total));
  }
  results.push([`${what}: page of ${PAGE}`, ms, "p99 < 30 ms"]);
}
/** The unpaged list, timed to its last byte on the wire (decoding apart), its rows and total checked. */
async function wire(p, expectRows) {
  const { ms, status, headers, rows, decodeMs } = await wireGet(`${srv.base}${p}`);
  parseMs.push(decodeMs);
  if (status !== 200) errors.push(`GET ${p} ${status}`);
  else if (rows !== expectRows) errors.push(`GET ${p}: ${rows} rows, not ${expectRows}`);
  else if (Number(headers["x-total-count"]) !== expectRows)
    errors.push(`GET ${p}: X-Total-Count ${headers["x-total-count"]}, not ${expectRows}`);
  return ms;
}

const full = [];
parseMs.length = 0;
for (let i = 0; i < 20; i++) full.push(await wire(`${A}/clusters`, ROWS));
const fullParse = percentile(parseMs, 50);
// The same with one cluster changed before each request (its JSON and the list's gzip made again).
const changed = [];
const touch = new Database(path.join(dataDir, "archway.db"));
touch.pragma("busy_timeout = 10000");
for (let i = 0; i < 10; i++) {
  touch
    .prepare(
      `UPDATE "Cluster" SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') WHERE "id" = (SELECT "id" FROM "Cluster" ORDER BY random() LIMIT 1)`,
    )
    .run();
  changed.push(await wire(`${A}/clusters`, ROWS));
}
touch.close();
await srv.stop();
rmSync(path.dirname(dataDir), { recursive: true, force: true }); // data, cache and database: hundreds of MB a run

console.log(
  `\n${ROWS} clusters, infra-envs and images (${events} events): 10 of each through the API, the rest copied by SQL (${seedSeconds.toFixed(0)} s)`,
);
for (const [what, ms, goal] of results)
  console.log(
    `${what.padEnd(34)} p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(ms, 99).toFixed(1).padStart(7)} ms   n=${ms.length}   goal: ${goal}`,
  );
console.log(
  `${"clusters, unpaged (all rows)".padEnd(34)} p50 ${percentile(full, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(full, 99).toFixed(1).padStart(7)} ms   n=${full.length}   goal: p50 < 100 ms   (then gunzip and JSON.parse in this client: p50 ${fullParse.toFixed(0)} ms)`,
);
console.log(
  `${"clusters, unpaged, one changed".padEnd(34)} p50 ${percentile(changed, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(changed, 99).toFixed(1).padStart(7)} ms   n=${changed.length}`,
);
console.log(
  `${"errors".padEnd(34)} ${errors.length}   goal: 0${errors.length ? `   first: ${errors.slice(0, 3).join("; ")}` : ""}`,
);

// The same figures as rows of npm run bench's one table.
for (const [what, ms] of results)
  record({
    section: "lists",
    figure: what,
    value: `p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms`,
    goal: "p99 < 30 ms",
    met: percentile(ms, 99) < 30,
  });
record({
  section: "lists",
  figure: `clusters, unpaged (${ROWS} rows)`,
  value: `p50 ${percentile(full, 50).toFixed(1)} ms`,
  goal: "p50 < 100 ms",
  anchor: `client gunzip + JSON.parse ${fullParse.toFixed(0)} ms; one cluster changed before each: p50 ${percentile(changed, 50).toFixed(1)} ms`,
  met: percentile(full, 50) < 100,
});
