// npm run bench:hosts — 1,000 simulated discovery agents against one console: each registers, gets
// its first instruction, answers it with an inventory, then polls for instructions every few
// seconds (random phase) while a viewer (its own thread) reads the 1,000-host list once a second. Prints p50/p99 of
// the polls and of the list beside the goals, the errors, and the console's memory growth. The list
// is timed to its last byte on the wire (gzip accepted, as a browser asks); the first list after the
// hosts registered, which reads every host's whole row once, is shown on its own line.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ensurePrepared } from "../prepare.mjs";
import { record } from "./report.mjs";
import { apiFetch, percentile, startConsole, treeCpuSeconds, treeRss } from "./server.mjs";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const POLL_SECONDS = Number(process.env.BENCH_POLL_SECONDS ?? 5);
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS ?? 30);
const MiB = 1024 ** 2;
const A = "/api/assisted-install/v2";

ensurePrepared({ build: true });
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "archway-bench-hosts-")), "data");
const srv = await startConsole({
  ARCHWAY_DATA_DIR: dataDir,
  ARCHWAY_PREFETCH_BASE_IMAGES: "off",
  ARCHWAY_SAMPLE_IMAGES: "off",
});
const errors = [];

async function call(method, p, body, headers = {}) {
  const started = performance.now();
  const label = `${method} ${p.replace(/[0-9a-f-]{36}/g, "{id}")}`;
  let res;
  let text;
  try {
    res = await apiFetch(`${srv.base}${p}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    text = await res.text();
  } catch (err) {
    // A refused or timed-out connection is a failed request to count, not a reason to stop measuring.
    errors.push(`${label}: ${err.cause?.code ?? err.message}`);
    return { ms: performance.now() - started, body: null };
  }
  const ms = performance.now() - started;
  if (!res.ok) {
    errors.push(`${label} ${res.status}`);
    return { ms, body: null };
  }
  return { ms, body: text ? JSON.parse(text) : null };
}

function inventory(i) {
  return {
    cpu: { architecture: "x86_64", count: 8, model_name: "Intel Xeon (bench)" },
    memory: { physical_bytes: 32 * 1024 ** 3, usable_bytes: 31 * 1024 ** 3 },
    hostname: `bench-${i}`,
    disks: [{ name: "sda", path: "/dev/sda", size_bytes: 480e9, drive_type: "SSD", removable: false }],
    interfaces: [
      {
        name: "eth0",
        mac_address: `52:54:00:${[i >> 16, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, "0")).join(":")}`,
        ipv4_addresses: [`10.1.${i >> 8}.${i & 255}/16`],
      },
    ],
    system_vendor: { manufacturer: "QEMU", product_name: "Standard PC" },
    boot: { current_boot_mode: "uefi" },
  };
}

const infraEnv = (
  await call("POST", `${A}/infra-envs`, {
    name: "bench-hosts",
    openshift_version: "4.14",
    cpu_architecture: "x86_64",
    pull_secret: '{"auths":{"bench.example":{"auth":"YTpi"}}}',
  })
).body;
const ign = (await call("GET", `${A}/infra-envs/${infraEnv.id}/downloads/files?file_name=discovery.ign`)).body;
const tokenFile = ign.storage.files.find((f) => f.path === "/etc/assisted/agent-token");
const auth = { "X-Secret-Key": Buffer.from(tokenFile.contents.source.split(",")[1], "base64").toString() };
const hostsPath = `${A}/infra-envs/${infraEnv.id}/hosts`;

const rssBefore = treeRss(srv.pid);
const ids = Array.from({ length: AGENTS }, () => randomUUID());
const registerMs = [];
let next = 0;
// Hosts booting together: 50 agents at a time go through register → instruction → inventory.
await Promise.all(
  Array.from({ length: 50 }, async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i];
      registerMs.push((await call("POST", hostsPath, { host_id: id, discovery_agent_version: "bench/1" }, auth)).ms);
      const step = (await call("GET", `${hostsPath}/${id}/instructions`, undefined, auth)).body?.instructions?.[0];
      await call(
        "POST",
        `${hostsPath}/${id}/instructions`,
        {
          step_type: "inventory",
          step_id: step?.step_id ?? "inventory",
          exit_code: 0,
          output: JSON.stringify(inventory(i)),
          error: "",
        },
        auth,
      );
    }
  }),
);

// The viewer, in its own thread (list-viewer.mjs): its first read, every host's row read whole once
// after the registrations, is shown apart; then it reads the list once a second while agents poll.
const worker = new Worker(new URL("./list-viewer.mjs", import.meta.url), {
  workerData: { url: `${srv.base}${hostsPath}`, token: srv.token, everyMs: 1000, expectLength: AGENTS },
});
const fromViewer = () =>
  new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
const firstListMs = (await fromViewer()).first ?? Number.NaN;
const pollMs = [];
// Server CPU per request in the window: what latency would be on an idle machine's core, whatever
// else the machine is running (the percentiles include waiting for a CPU).
const cpuBefore = treeCpuSeconds(srv.pid);
const loadBefore = loadavg()[0];
const until = Date.now() + WINDOW_SECONDS * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const viewed = fromViewer();
worker.postMessage(until);
await Promise.all([
  ...ids.map(async (id) => {
    await sleep(Math.random() * POLL_SECONDS * 1000);
    while (Date.now() < until) {
      pollMs.push((await call("GET", `${hostsPath}/${id}/instructions`, undefined, auth)).ms);
      await sleep(POLL_SECONDS * 1000);
    }
  }),
  viewed,
]);
const { ms: listMs, decodeMs, errors: viewerErrors } = await viewed;
errors.push(...viewerErrors);
const cpuMsPerRequest = ((treeCpuSeconds(srv.pid) - cpuBefore) * 1000) / (pollMs.length + listMs.length);
const loadAfter = loadavg()[0];
const rssGrowth = (treeRss(srv.pid) - rssBefore) / MiB;
await srv.stop();
rmSync(path.dirname(dataDir), { recursive: true, force: true }); // data, cache and database: hundreds of MB a run

const row = (what, values, goal) =>
  console.log(
    `${what.padEnd(34)} p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(values, 99).toFixed(1).padStart(7)} ms   n=${values.length}   goal: ${goal}`,
  );
console.log(
  `\n${AGENTS} agents, polling every ${POLL_SECONDS} s for ${WINDOW_SECONDS} s (one client process, the list viewer its own thread; loopback)`,
);
row("register", registerMs, "—");
row("instruction poll", pollMs, "p99 < 50 ms");
row(`hosts list (${AGENTS} hosts)`, listMs, "p99 < 100 ms");
console.log(
  `${"  first list after registration".padEnd(34)} ${firstListMs.toFixed(1)} ms (every host's row read whole once); client gunzip + JSON.parse p50 ${percentile(decodeMs, 50).toFixed(1)} ms`,
);
console.log(
  `${"errors".padEnd(34)} ${errors.length}   goal: 0${errors.length ? `   first: ${errors.slice(0, 3).join("; ")}` : ""}`,
);
console.log(`${"console RSS growth".padEnd(34)} ${rssGrowth.toFixed(1)} MiB   goal: < 100 MiB`);
console.log(
  `${"console CPU per request (window)".padEnd(34)} ${cpuMsPerRequest.toFixed(2)} ms   (machine load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)})`,
);

// The same figures as rows of npm run bench's one table.
const pair = (values) => `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms`;
const load = `load ${loadBefore.toFixed(1)}`;
record({
  section: "hosts",
  figure: "instruction poll (1,000 agents)",
  value: pair(pollMs),
  goal: "p99 < 50 ms",
  anchor: load,
  met: percentile(pollMs, 99) < 50,
});
record({
  section: "hosts",
  figure: `hosts list (${AGENTS} hosts)`,
  value: pair(listMs),
  goal: "p99 < 100 ms",
  anchor: `${load}; first list ${firstListMs.toFixed(0)} ms`,
  met: percentile(listMs, 99) < 100,
});
record({ section: "hosts", figure: "errors", value: String(errors.length), goal: "0", met: errors.length === 0 });
record({
  section: "hosts",
  figure: "console RSS growth",
  value: `${rssGrowth.toFixed(1)} MiB`,
  goal: "< 100 MiB",
  met: rssGrowth < 100,
});
