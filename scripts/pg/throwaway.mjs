// Starts a throwaway PostgreSQL server in a temp dir (run as the postgres user when we are root),
// listening on loopback only. Used by the test runner; stops and deletes everything on stop().
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

function pgBin(name) {
  for (const dir of ["/usr/local/bin", ...["17", "16", "15", "14"].map((v) => `/usr/lib/postgresql/${v}/bin`)]) {
    if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  throw new Error(`PostgreSQL's ${name} not found: apt-get install postgresql`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function run(bin, args) {
  const asRoot = process.getuid?.() === 0;
  const cmd = asRoot ? "runuser" : bin;
  const argv = asRoot ? ["-u", "postgres", "--", bin, ...args] : args;
  const res = spawnSync(cmd, argv, { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed:\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

/** Returns { url, stop }. `url` points at database "postgres" as superuser "postgres" (trust auth on loopback). */
export async function startThrowawayPostgres() {
  const dir = mkdtempSync(path.join(tmpdir(), "archway-pg-"));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  run(pgBin("initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(pgBin("pg_ctl"), ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
  const stop = () => {
    try {
      run(pgBin("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
}
