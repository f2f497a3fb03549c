// The job executor on PostgreSQL: submit places the job in the graphile-worker queue (a worker process
// claims it); cancel takes a waiting job out of the queue, or tells the worker running it.
import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/db/notify";
import { CANCELLED } from "../context";
import { publish } from "../log-bus";
import type { JobExecutor } from "../runner";
import { dequeue } from "./graphile";
import { placeJob } from "./placement";

/** The channel worker processes listen on for cancels (lib/jobs/workers/local.ts). */
export const CANCEL_CHANNEL = "archway_job_cancel";

export class QueueExecutor implements JobExecutor {
  submit(jobId: string): void {
    placeJob(jobId).catch((err) => console.error(`[archway] queueing job ${jobId} failed:`, err));
  }

  async cancel(jobId: string): Promise<boolean> {
    // Not claimed yet: it ends here, and a worker that takes it from the queue meanwhile finds it ended.
    const { count } = await db().job.updateMany({
      where: { id: jobId, status: "creating", workerId: null },
      data: { status: "cancelled", failureReason: CANCELLED, finishedAt: new Date() },
    });
    if (count) {
      await dequeue(jobId);
      publish(jobId, { type: "end", status: "cancelled", failureReason: CANCELLED });
      return true;
    }
    await notify(CANCEL_CHANNEL, { job: jobId });
    return true;
  }
}
