// Logs that cannot hurt the console, with real jobs: 64 MiB of output in one line is stored as one
// cut line while the console keeps answering, and a job's stored log stops at its cap with one
// notice and the count of what was dropped; two writers of one job's log lose neither's lines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as one from "@/app/apis/ims/v3/jobs/[job_id]/route";
import * as jobs from "@/app/apis/ims/v3/jobs/route";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { ensureSamples, sampleImageName } from "@/lib/samples/sample-images";
import { call } from "@/test/http";
import { JobLog } from "./job-log";
import { MAX_LINE_BYTES } from "./line-splitter";

const ENDED = ["success", "error", "cancelled"];

async function runJob(script: string): Promise<{ id: string; slowest: number; status: string }> {
  const image = await db().image.findFirstOrThrow({ where: { name: sampleImageName("x86_64") } });
  const res = await call(jobs.POST, {
    method: "POST",
    body: {
      job_type: "customize",
      artifact_id: image.id,
      image_root_archive_name: "log",
      customization_script: script,
    },
  });
  let slowest = 0;
  for (;;) {
    const t = Date.now();
    const job = (await call(one.GET, { params: { job_id: res.body.id } })).body;
    slowest = Math.max(slowest, Date.now() - t);
    if (ENDED.includes(job.status)) return { id: res.body.id, slowest, status: job.status };
    await new Promise((r) => setTimeout(r, 50));
  }
}

const lines = (jobId: string) => db().jobLogLine.findMany({ where: { jobId }, orderBy: { seq: "asc" } });

beforeAll(async () => {
  await ensureSamples(() => {});
}, 120_000);

describe("a job's log", () => {
  it("takes 64 MiB of output in one line as one cut line, and the console keeps answering", async () => {
    const quiet = await runJob("sleep 2\n");
    const big = await runJob("head -c 67108864 /dev/zero | tr '\\0' a; echo; echo after\n");
    console.log(`64 MiB line: slowest console answer ${big.slowest} ms (quiet job: ${quiet.slowest} ms)`);
    expect(big.status).toBe("success");
    const stored = await lines(big.id);
    const cut = stored.find((l) => l.line.startsWith("aaaa"));
    expect(cut?.line).toMatch(
      new RegExp(`^a{${MAX_LINE_BYTES}} \\[… line cut: ${64 * 1024 * 1024 - MAX_LINE_BYTES} more bytes not kept\\]$`),
    );
    expect(stored.map((l) => l.line)).toContain("after");
    expect(big.slowest).toBeLessThan(100 + quiet.slowest);
  }, 180_000);

  describe("past ARCHWAY_JOB_LOG_MAX_BYTES", () => {
    beforeAll(() => {
      process.env.ARCHWAY_JOB_LOG_MAX_BYTES = "65536";
      resetEnvForTests();
    });
    afterAll(() => {
      delete process.env.ARCHWAY_JOB_LOG_MAX_BYTES;
      resetEnvForTests();
    });

    it("stores up to the cap, says so once, and counts what it dropped", async () => {
      const job = await runJob("i=0; while [ $i -lt 20000 ]; do echo line-$i-padding-padding; i=$((i+1)); done\n");
      expect(job.status).toBe("success");
      const stored = await lines(job.id);
      const bytes = stored.reduce((n, l) => n + Buffer.byteLength(l.line), 0);
      expect(bytes).toBeLessThan(65536 + 1024); // the cap, plus the two notices
      expect(stored.filter((l) => l.line.includes("reached its 64 KiB cap; further lines are counted"))).toHaveLength(
        1,
      );
      const count = stored.find((l) => /line\(s\), \d+ bytes, were dropped/.test(l.line));
      expect(count).toBeDefined();
      const dropped = Number(/(\d+) line\(s\)/.exec(count!.line)![1]);
      expect(dropped).toBeGreaterThan(15_000);
      // The script's lines are either kept or counted (the packing tool's output, after them, is counted too).
      const kept = stored.filter((l) => l.line.startsWith("line-")).length;
      expect(kept + dropped).toBeGreaterThanOrEqual(20_000);
      expect(kept + dropped).toBeLessThan(20_100);
    }, 120_000);
  });

  it("keeps every line of two writers that took the same sequence numbers, each writer's in its order", async () => {
    // Running, not queued: the job engine must not pick this row up and write to its log too.
    const job = await db().job.create({
      data: { jobType: "customize", artifactId: "x", arch: "x86_64", status: "building_image", stepTimes: {} },
    });
    const runner = await JobLog.open(job.id);
    const reaper = await JobLog.open(job.id);
    await runner.line("building", "runner 1\nrunner 2\nrunner 3");
    // Both opened at seq 0: this one's first insert collides with the runner's lines.
    await reaper.line("error", "reaper 1\nreaper 2");
    await runner.line("building", "runner 4");
    await reaper.close();
    await runner.close();
    const stored = (await lines(job.id)).map((l) => l.line);
    expect(stored).toHaveLength(6);
    expect(stored.filter((l) => l.startsWith("runner"))).toEqual(["runner 1", "runner 2", "runner 3", "runner 4"]);
    expect(stored.filter((l) => l.startsWith("reaper"))).toEqual(["reaper 1", "reaper 2"]);
    expect(reaper.lastSeq).toBe(5);
  });
});
