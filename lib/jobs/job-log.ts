// Appends a job's log lines (job, step, seq, time, stream) to the database as they happen and
// wakes live viewers. Writes are batched: one insert in flight, the lines that arrive meanwhile go
// in the next one, so a job printing 10k lines/s costs a few inserts per second, and an idle job's
// line is written at once.
import "server-only";
import { db } from "@/lib/db";
import { type BusLine, linesEvent, publish } from "./log-bus";

type Row = BusLine & { jobId: string };

export class JobLog {
  private seq = 0;
  private pending: Row[] = [];
  private flushing: Promise<void> | null = null;

  private constructor(readonly jobId: string) {}

  static async open(jobId: string): Promise<JobLog> {
    const log = new JobLog(jobId);
    const last = await db().jobLogLine.findFirst({ where: { jobId }, orderBy: { seq: "desc" }, select: { seq: true } });
    log.seq = last?.seq ?? 0;
    return log;
  }

  /** One call may carry several lines; a trailing newline does not make an empty line. */
  line(step: string, text: string, stream: "stdout" | "stderr" = "stdout"): Promise<void> {
    const time = new Date();
    for (const line of text.replace(/\n$/, "").split("\n"))
      this.pending.push({ jobId: this.jobId, step, seq: ++this.seq, stream, line, time });
    return this.flush();
  }

  /** Resolves once every line handed in so far is stored. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const rows = this.pending;
      this.pending = [];
      try {
        await db().jobLogLine.createMany({ data: rows });
        publish(this.jobId, linesEvent(rows.map(({ jobId: _j, ...l }) => l)));
      } catch (err) {
        console.error(`[archway] job ${this.jobId}: ${rows.length} log line(s) could not be stored:`, err);
      }
    }
  }
}
