// Placement: natively when a worker of the job's arch is alive, emulated only when none is, waiting
// with the reason when no worker can run it; on PostgreSQL the graphile-worker task follows the
// live workers as they come and go (real queue, real database, workers as rows with heartbeats).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { testProvider } from "@/test/databases";
import { stopLocalWorker } from "../workers/local";
import { DEAD_AFTER_MS } from "../workers/registry";
import { queueUtils } from "./graphile";
import { choosePlacement, placeJob, tasksOf } from "./placement";
import { superviseOnce } from "./supervise";

const arm = { nativeArch: "aarch64", emulates: [] };
const x86 = { nativeArch: "x86_64", emulates: ["aarch64"] };
const x86NoEmulation = { nativeArch: "x86_64", emulates: [] };

describe("choosePlacement", () => {
  it.each([
    ["native beats emulation", [x86, arm], "aarch64", "native:aarch64"],
    ["emulated when no native worker is alive", [x86], "aarch64", "emulated:aarch64"],
    ["native x86_64", [x86, arm], "x86_64", "native:x86_64"],
  ])("%s", (_, workers, arch, placement) => {
    expect(choosePlacement({ jobType: "customize", arch }, workers)).toEqual({ placement, waitingReason: null });
  });

  it("waits with the reason when no live worker runs or emulates the arch", () => {
    expect(choosePlacement({ jobType: "create", arch: "aarch64" }, [x86NoEmulation])).toEqual({
      placement: null,
      waitingReason: "Waiting: no live worker runs or emulates aarch64",
    });
    expect(choosePlacement({ jobType: "create", arch: "s390x" }, [])).toMatchObject({ placement: null });
  });

  it("base-image fetches run on any worker (they run no image content)", () => {
    expect(choosePlacement({ jobType: "fetch_base_image", arch: "s390x" }, [x86NoEmulation]).placement).toBe("any");
    expect(choosePlacement({ jobType: "fetch_base_image", arch: "s390x" }, []).waitingReason).toBe(
      "Waiting: no live worker",
    );
  });

  it("a worker takes its native tasks, its emulated ones and arch-free jobs", () => {
    expect(tasksOf(x86)).toEqual(["any", "native:x86_64", "emulated:aarch64"]);
    expect(tasksOf(x86NoEmulation)).toEqual(["any", "native:x86_64"]);
  });
});

describe.skipIf(testProvider() !== "postgresql")("placement on the PostgreSQL queue", () => {
  const worker = (name: string, caps: { nativeArch: string; emulates: string[] }, heartbeatAt = new Date()) =>
    db().worker.create({
      data: { name, hostname: "test-host", dataDir: `/nowhere/${name}`, slots: 2, queueIds: [], heartbeatAt, ...caps },
    });
  const queued = async (jobId: string) => {
    const { rows } = await (await queueUtils()).withPgClient((c) =>
      c.query<{ task_identifier: string }>("select task_identifier from graphile_worker.jobs where key = $1", [jobId]),
    );
    return rows.map((r) => r.task_identifier);
  };
  const newJob = () =>
    db().job.create({
      data: { jobType: "customize", artifactId: "x", arch: "aarch64", status: "creating", stepTimes: {} },
    });
  const silence = (id: string) =>
    db().worker.update({ where: { id }, data: { heartbeatAt: new Date(Date.now() - DEAD_AFTER_MS - 1000) } });

  beforeAll(async () => {
    // No real worker here: the rows below are the only workers, and nothing takes the queued jobs.
    await stopLocalWorker();
  });
  beforeEach(async () => {
    await db().worker.updateMany({ where: { stoppedAt: null }, data: { stoppedAt: new Date() } });
  });

  it("queues natively, moves to emulation when the native worker dies, waits when none can, resumes", async () => {
    const armWorker = await worker("arm-1", arm);
    const x86Worker = await worker("x86-1", x86);
    const job = await newJob();
    await placeJob(job.id);
    expect(await queued(job.id)).toEqual(["job:native:aarch64"]);

    await silence(armWorker.id);
    await superviseOnce();
    expect(await db().worker.findUniqueOrThrow({ where: { id: armWorker.id } })).toMatchObject({
      stopReason: "worker arm-1 on test-host stopped responding",
    });
    expect(await queued(job.id)).toEqual(["job:emulated:aarch64"]);

    await silence(x86Worker.id);
    await worker("x86-2", x86NoEmulation);
    await superviseOnce();
    expect(await queued(job.id)).toEqual([]);
    expect(await db().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "creating",
      placement: null,
      waitingReason: "Waiting: no live worker runs or emulates aarch64",
    });

    await worker("x86-3", x86);
    await superviseOnce();
    expect(await queued(job.id)).toEqual(["job:emulated:aarch64"]);
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).waitingReason).toBeNull();
  });

  it("cancel takes a waiting job out of the queue", async () => {
    await worker("arm-2", arm);
    const job = await newJob();
    await placeJob(job.id);
    expect(await queued(job.id)).toEqual(["job:native:aarch64"]);
    const { executor } = await import("../runner");
    expect(await executor().cancel(job.id)).toBe(true);
    expect(await queued(job.id)).toEqual([]);
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("cancelled");
  });
});
