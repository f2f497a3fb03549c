// A server that cannot start says why in one line and exits non-zero, so a supervisor (systemd,
// CI, a shell script) sees the failure: a taken port, a bad PORT, a database it cannot open or
// migrate, a malformed image table.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

type Outcome = { code: number | null; stderr: string; stdout: string };

function runServer(env: Record<string, string>): Promise<Outcome> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "archway-exit-"));
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      ARCHWAY_DATA_DIR: dataDir,
      ARCHWAY_PREFETCH_BASE_IMAGES: "off",
      ARCHWAY_SAMPLE_IMAGES: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

function occupiedPort(): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      resolve({ port: (srv.address() as net.AddressInfo).port, close: () => srv.close() });
    });
  });
}

const cannotStart = (o: Outcome) => o.stderr.split("\n").filter((l) => l.startsWith("[archway] cannot start:"));

test.describe("a server that cannot start", () => {
  test.setTimeout(60_000);

  test("exits 1 with one line when its port is taken", async () => {
    const taken = await occupiedPort();
    try {
      const o = await runServer({ PORT: String(taken.port) });
      expect(o.code).toBe(1);
      expect(cannotStart(o)).toEqual([
        `[archway] cannot start: cannot listen on 127.0.0.1:${taken.port}: the port is already in use by another program (set PORT to choose another)`,
      ]);
      expect(o.stdout).not.toContain("listening");
    } finally {
      taken.close();
    }
  });

  test("exits 1 on a PORT that is not a port", async () => {
    const o = await runServer({ PORT: "http" });
    expect(o.code).toBe(1);
    expect(cannotStart(o)).toEqual(['[archway] cannot start: PORT must be a number from 0 to 65535 (got "http")']);
  });

  test("exits 1 when the SQLite file is not a database, before announcing it listens", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "archway-baddb-"));
    writeFileSync(
      path.join(dir, "archway.db"),
      "this is not a database, it is a text file that is long enough\n".repeat(80),
    );
    const o = await runServer({ PORT: "0", DATABASE_URL: `file:${path.join(dir, "archway.db")}` });
    expect(o.code).toBe(1);
    expect(cannotStart(o)).toEqual(["[archway] cannot start: file is not a database"]);
    expect(o.stdout).not.toContain("listening");
  });

  test("exits 1 when PostgreSQL cannot be reached", async () => {
    const closed = await occupiedPort();
    closed.close(); // a port nothing listens on any more
    const o = await runServer({ PORT: "0", DATABASE_URL: `postgresql://archway@127.0.0.1:${closed.port}/archway` });
    expect(o.code).toBe(1);
    expect(cannotStart(o)).toHaveLength(1);
    expect(cannotStart(o)[0]).toContain("ECONNREFUSED");
  });

  test("exits 1 naming the image-table row that lacks an architecture", async () => {
    const row = { openshift_version: "4.15", url: "http://127.0.0.1:9/x.iso", version: "415.1" };
    const release = {
      openshift_version: "4.15",
      cpu_architecture: "x86_64",
      url: "r.invalid/ocp:4.15",
      version: "4.15.0",
    };
    const o = await runServer({
      PORT: "0",
      OS_IMAGES: JSON.stringify([row]),
      RELEASE_IMAGES: JSON.stringify([release]),
    });
    expect(o.code).toBe(1);
    expect(cannotStart(o)).toHaveLength(1);
    expect(cannotStart(o)[0]).toMatch(/OS_IMAGES\[0\].*cpu_architecture/);
  });
});

test.describe("a running server that is told to stop", () => {
  test.setTimeout(120_000);

  test("exits 0 within its 5 s grace on SIGTERM even while a client holds a connection open", async () => {
    const free = await occupiedPort();
    free.close();
    const dataDir = mkdtempSync(path.join(tmpdir(), "archway-stop-"));
    const child = spawn(process.execPath, ["scripts/server.mjs"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        PORT: String(free.port),
        ARCHWAY_DATA_DIR: dataDir,
        ARCHWAY_PREFETCH_BASE_IMAGES: "off",
        ARCHWAY_SAMPLE_IMAGES: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await expect.poll(() => stdout, { timeout: 60_000 }).toContain("listening on");
      // A request still arriving (as a slow download or a live log stream, it keeps the connection busy).
      const socket = net.connect(free.port, "127.0.0.1");
      await new Promise((r) => socket.once("connect", r));
      socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${free.port}\r\nX-Slow: `);
      socket.on("error", () => {});
      await new Promise((r) => setTimeout(r, 300));
      const started = Date.now();
      child.kill("SIGTERM");
      const code = await Promise.race([
        exited,
        new Promise<string>((r) => setTimeout(() => r("still running"), 20_000)),
      ]);
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      socket.destroy();
    } finally {
      child.kill("SIGKILL");
    }
  });
});
