// The downloads benchmark's anchor: nginx serving a copy of the very bytes the console served, the
// sameness of what each side sends checked before anything is timed, and curl timing both sides run
// by run. A figure "x nginx" stands only on the same file: these are what make it so.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, percentile } from "./server.mjs";

const GiB = 1024 ** 3;

/** One curl download to /dev/null: bytes, seconds in total, milliseconds to the first byte. */
export function curl(url, extra = []) {
  const out = execFileSync(
    "curl",
    ["-s", "-f", "-o", "/dev/null", "-w", "%{size_download} %{time_total} %{time_starttransfer}", ...extra, url],
    { encoding: "utf8" },
  );
  const [bytes, total, first] = out.trim().split(" ").map(Number);
  return { bytes, secs: total, ttfbMs: first * 1000 };
}

export async function sha256OfUrl(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of res.body) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest("hex") };
}

export async function sha256OfFile(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk);
  return hash.digest("hex");
}

/** Throws, naming the side, unless every URL sends exactly the bytes of `file` (size and sha256). */
export async function assertSameFile(file, urls, what = path.basename(file)) {
  const want = { size: statSync(file).size, sha256: await sha256OfFile(file) };
  for (const url of urls) {
    const got = await sha256OfUrl(url);
    if (got.size !== want.size || got.sha256 !== want.sha256)
      throw new Error(`${what}: ${url} is not the same file (${got.size} bytes, ${got.sha256})`);
  }
}

/** Our URL and nginx's, alternated run by run: median GiB/s of each and of their ratio. */
export function paired(ours, theirs, runs, expectBytes) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    const order =
      i % 2
        ? [
            [theirs, b],
            [ours, a],
          ]
        : [
            [ours, a],
            [theirs, b],
          ];
    for (const [url, into] of order) {
      const r = curl(url);
      if (r.bytes !== expectBytes) throw new Error(`${url} sent ${r.bytes} bytes, not ${expectBytes}`);
      into.push(r.bytes / GiB / r.secs);
    }
  }
  return {
    ours: percentile(a, 50),
    nginx: percentile(b, 50),
    ratio: percentile(
      a.map((x, i) => x / b[i]),
      50,
    ),
  };
}

/** nginx serving `dir` on a free loopback port, its config, pid and logs in `work`. */
export async function startNginx(dir, work) {
  const port = await freePort();
  const conf = path.join(work, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off; master_process off; worker_processes 1; error_log ${work}/nginx-error.log; pid ${work}/nginx.pid;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; client_body_temp_path ${work}; proxy_temp_path ${work}; fastcgi_temp_path ${work}; uwsgi_temp_path ${work}; scgi_temp_path ${work};
  server { listen 127.0.0.1:${port}; root ${dir}; location / { } } }\n`,
  );
  const child = spawn("nginx", ["-c", conf, "-p", work], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  // Ready when it answers (a fixed wait raced a slow start).
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}); see ${work}/nginx-error.log`);
    if (
      await fetch(`${base}/`).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { base, stop: () => child.kill("SIGTERM") };
}
