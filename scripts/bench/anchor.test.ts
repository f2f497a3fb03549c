// The downloads benchmark compares the console with nginx only on the same bytes: a real nginx serves
// the file; a side that sends other bytes of the same size, or fewer bytes, is refused by name before
// anything is timed, and a paired run refuses a side whose length is wrong. Percentiles as the
// benchmarks report them.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSameFile, paired, startNginx } from "./anchor.mjs";
import { percentile } from "./server.mjs";

const work = mkdtempSync(path.join(tmpdir(), "bench-anchor-"));
const served = path.join(work, "served");
const file = path.join(served, "full.iso");
const bytes = randomBytes(3 * 1024 * 1024 + 17);
const flipped = Buffer.from(bytes);
flipped[1_234_567] ^= 1;

let nginx: { base: string; stop: () => void };
let other: http.Server;
let otherBase: string;

beforeAll(async () => {
  mkdirSync(served);
  writeFileSync(file, bytes);
  writeFileSync(path.join(served, "short.iso"), bytes.subarray(0, bytes.length - 1));
  nginx = await startNginx(served, work);
  // Another server: the same bytes, one bit changed, or the file cut short.
  other = http.createServer((req, res) => {
    const body = { "/same": bytes, "/flipped": flipped, "/short": bytes.subarray(0, bytes.length - 1) }[req.url ?? ""];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { "content-length": body.length }).end(body);
  });
  await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  nginx?.stop();
  await new Promise((r) => other.close(r));
  rmSync(work, { recursive: true, force: true });
});

describe("the downloads benchmark's anchor", () => {
  it("accepts sides that send the very file, nginx among them, and refuses by name one that does not", async () => {
    await assertSameFile(file, [`${nginx.base}/full.iso`, `${otherBase}/same`], "discovery ISO");
    await expect(
      assertSameFile(file, [`${nginx.base}/full.iso`, `${otherBase}/flipped`], "discovery ISO"),
    ).rejects.toThrow(`discovery ISO: ${otherBase}/flipped is not the same file`);
    await expect(assertSameFile(file, [`${otherBase}/short`])).rejects.toThrow(`${bytes.length - 1} bytes`);
    await expect(assertSameFile(file, [`${nginx.base}/missing.iso`])).rejects.toThrow("404");
  });

  // curl runs synchronously (as in the benchmark, where the console is another process): both
  // sides are nginx here, not a server in this process.
  it("times both sides run by run and refuses a side that sends another length", () => {
    const t = paired(`${nginx.base}/full.iso`, `${nginx.base}/full.iso`, 2, bytes.length);
    for (const v of [t.ours, t.nginx, t.ratio]) expect(v).toBeGreaterThan(0);
    expect(() => paired(`${nginx.base}/short.iso`, `${nginx.base}/full.iso`, 2, bytes.length)).toThrow(
      `${nginx.base}/short.iso sent ${bytes.length - 1} bytes, not ${bytes.length}`,
    );
  });

  it("reports a p99 of 200 samples as the second slowest, p50 as the middle", () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i); // 200..1, unsorted order
    expect(percentile(samples, 50)).toBe(101);
    expect(percentile(samples, 99)).toBe(199);
    expect(percentile([7], 99)).toBe(7);
  });
});
