// A cluster of real Archway processes for scale-out tests: a fresh PostgreSQL database (through
// TEST_PG_ADMIN_URL), any number of `web`, `worker` or `all` processes of the production server
// (scripts/server.mjs, needs `.next`) on loopback ports, each with its own data directory and its own
// extra environment, an admin token made by the CLI, and kill/stop. Tests extend it through `env`
// (shared by all) and each process's `env` (an object store, a worker's emulation switch...).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../databases";

export type Role = "web" | "worker" | "all";

export type ProcessSpec = {
  name: string;
  role: Role;
  /** Extra environment of this process only (wins over the cluster's). */
  env?: Record<string, string>;
};

export type ClusterProcess = ProcessSpec & {
  port: number;
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  alive: () => boolean;
  /** Sends the signal and waits for the exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export type Cluster = {
  database: TestDatabase;
  processes: ClusterProcess[];
  get: (name: string) => ClusterProcess;
  /** An admin API token valid on every web process (one database). */
  token: string;
  /** fetch() on a process with the admin token. */
  api: (name: string, pathname: string, init?: RequestInit) => Promise<Response>;
  /** Starts one more process into the running cluster. */
  add: (spec: ProcessSpec) => Promise<ClusterProcess>;
  stop: () => Promise<void>;
};

export type ClusterOptions = {
  processes: ProcessSpec[];
  /** Extra environment of every process. */
  env?: Record<string, string>;
  /**
   * Makes every data directory's artifacts/ one shared directory (the file store seen by all
   * processes, as an NFS mount would be); false when the test configures another store in `env`.
   */
  sharedArtifacts?: boolean;
  /** How long a process may take to answer /healthz after its start. */
  startTimeoutMs?: number;
};

const ROOT = process.cwd();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitHealthy(p: ClusterProcess, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!p.alive()) throw new Error(`${p.name} exited during start:\n${p.output()}`);
    const res = await fetch(`${p.url}/healthz`).catch(() => null);
    if (res?.status === 200 && p.output().includes("listening on")) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${p.name} did not answer /healthz within ${timeoutMs} ms:\n${p.output()}`);
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const admin = process.env.TEST_PG_ADMIN_URL;
  if (!admin)
    throw new Error("startCluster needs TEST_PG_ADMIN_URL (a PostgreSQL server the test may create databases on)");
  const top = mkdtempSync(path.join(tmpdir(), "archway-cluster-"));
  const database = await createTestDatabase(top);
  const shared = path.join(top, "shared-artifacts");
  mkdirSync(shared);
  // What every process of one console shares besides the database: the keys.
  const common: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: database.url,
    ARCHWAY_SECRET_KEY: randomBytes(32).toString("hex"),
    ARCHWAY_AUTH_SECRET: randomBytes(32).toString("hex"),
    ARCHWAY_PREFETCH_BASE_IMAGES: "off",
    ARCHWAY_SAMPLE_IMAGES: "off",
    ...opts.env,
  };
  const processes: ClusterProcess[] = [];
  const timeout = opts.startTimeoutMs ?? 90_000;

  const launch = async (spec: ProcessSpec): Promise<ClusterProcess> => {
    const dataDir = path.join(top, spec.name);
    mkdirSync(dataDir);
    if (opts.sharedArtifacts !== false) symlinkSync(shared, path.join(dataDir, "artifacts"));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...common,
      ARCHWAY_ROLE: spec.role,
      ARCHWAY_DATA_DIR: dataDir,
      PORT: String(port),
      ...spec.env,
    } as unknown as NodeJS.ProcessEnv;
    const child = spawn(process.execPath, ["scripts/server.mjs"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout!.on("data", (d) => (text += d));
    child.stderr!.on("data", (d) => (text += d));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const p: ClusterProcess = {
      ...spec,
      port,
      url: `http://127.0.0.1:${port}`,
      dataDir,
      child,
      output: () => text,
      alive: () => child.exitCode === null && child.signalCode === null,
      kill: async (signal = "SIGTERM") => {
        if (p.alive()) child.kill(signal);
        await exited;
      },
    };
    processes.push(p);
    await waitHealthy(p, timeout);
    return p;
  };

  const stop = async () => {
    await Promise.all(processes.map((p) => p.kill("SIGTERM")));
    await database.drop().catch(() => undefined);
    rmSync(top, { recursive: true, force: true });
  };

  try {
    // The first one migrates the database alone; the others start together.
    const [first, ...rest] = opts.processes;
    await launch(first);
    await Promise.all(rest.map(launch));
  } catch (err) {
    await stop();
    throw err;
  }
  const firstWeb = processes.find((p) => p.role !== "worker") ?? processes[0];
  const token = execFileSync(
    process.execPath,
    ["bin/archway.mjs", "token", "create", "--role", "admin", "--name", `cluster-${Date.now()}`],
    {
      cwd: ROOT,
      env: { ...common, ARCHWAY_DATA_DIR: firstWeb.dataDir } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
    },
  ).trim();
  const get = (name: string) => {
    const p = processes.find((x) => x.name === name);
    if (!p) throw new Error(`No process ${name} in this cluster`);
    return p;
  };
  return {
    database,
    processes,
    get,
    token,
    api: (name, pathname, init = {}) =>
      fetch(`${get(name).url}${pathname}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body ? { "content-type": "application/json" } : {}),
          ...init.headers,
        },
      }),
    add: launch,
    stop,
  };
}

/** Polls `fn` until it returns a value that is not undefined, or throws after `ms`. */
export async function waitUntil<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The frames of an SSE stream, each with the time it arrived, until `event: end` or the stream closes. */
export async function readSse(
  res: Response,
  onFrame?: (frame: string) => void,
): Promise<{ frames: { at: number; text: string }[] }> {
  const frames: { at: number; text: string }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const text = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      frames.push({ at: Date.now(), text });
      onFrame?.(text);
      if (/^event: end$/m.test(text)) {
        await reader.cancel().catch(() => undefined);
        return { frames };
      }
      cut = buffer.indexOf("\n\n");
    }
  }
  return { frames };
}
