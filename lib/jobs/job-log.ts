// Appends a job's log lines (job, step, seq, time, stream) to the database as they happen.
// The jobs runner will grow around this; every job kind writes its log through it.
import "server-only";
import { db } from "@/lib/db";

export class JobLog {
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly jobId: string) {}

  static async open(jobId: string): Promise<JobLog> {
    const log = new JobLog(jobId);
    const last = await db().jobLogLine.findFirst({ where: { jobId }, orderBy: { seq: "desc" }, select: { seq: true } });
    log.seq = last?.seq ?? 0;
    return log;
  }

  /** Lines keep their order even when callers do not await (writes are chained). */
  line(step: string, text: string, stream: "stdout" | "stderr" = "stdout"): Promise<unknown> {
    const rows = text.split("\n").filter((l, i, all) => l !== "" || i < all.length - 1).map((line) => ({ jobId: this.jobId, step, seq: ++this.seq, stream, line }));
    this.queue = this.queue.then(() => db().jobLogLine.createMany({ data: rows })).catch((err) => console.error(`[archway] job ${this.jobId} log write failed:`, err));
    return this.queue;
  }

  flush(): Promise<unknown> {
    return this.queue;
  }
}
