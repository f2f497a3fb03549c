// Appends a job's log lines (job, step, seq, time, stream) to the database as they happen and
// hands them to live viewers (as each batch goes to the database, not after). Writes are batched: one insert in flight, the lines that arrive meanwhile go
// in the next one, so a job printing 10k lines/s costs a few inserts per second, and an idle job's
// line is written at once. A child's output is paused while the batch waiting is large (the
// database is behind), and a job's stored log is capped (ARCHWAY_JOB_LOG_MAX_BYTES): past it lines
// are only counted, with one notice when the cap is reached and the count at the end.
import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { cutMarker, lineSplitter, MAX_LINE_BYTES } from "./line-splitter";
import { announce, type BusLine, linesEvent, publishHere } from "./log-bus";

type Row = BusLine & { jobId: string };

const busLines = (rows: Row[]): BusLine[] => rows.map(({ jobId: _j, ...l }) => l);

// A waiting batch this large pauses the producing processes until it is stored.
const PAUSE_LINES = 2000;
const PAUSE_BYTES = 2 * 1024 * 1024;

const size = (n: number) => (n % 1048576 === 0 ? `${n / 1048576} MiB` : `${Math.round(n / 1024)} KiB`);

export class JobLog {
  private seq = 0;
  private pending: Row[] = [];
  private pendingBytes = 0;
  private flushing: Promise<void> | null = null;
  private storedBytes = 0;
  private droppedLines = 0;
  private droppedBytes = 0;

  private constructor(
    readonly jobId: string,
    private readonly maxBytes: number,
  ) {}

  static async open(jobId: string, maxBytes = env().ARCHWAY_JOB_LOG_MAX_BYTES): Promise<JobLog> {
    const log = new JobLog(jobId, maxBytes);
    const last = await db().jobLogLine.findFirst({ where: { jobId }, orderBy: { seq: "desc" }, select: { seq: true } });
    log.seq = last?.seq ?? 0;
    return log;
  }

  private add(step: string, line: string, stream: string, time: Date, capped = true): void {
    const bytes = Buffer.byteLength(line);
    if (capped && this.storedBytes + bytes > this.maxBytes) {
      if (this.droppedLines++ === 0)
        this.push(
          step,
          `[archway] this job's log reached its ${size(this.maxBytes)} cap; further lines are counted, not kept`,
          "stderr",
          time,
        );
      this.droppedBytes += bytes;
      return;
    }
    this.storedBytes += bytes;
    this.push(step, line, stream, time);
  }

  private push(step: string, line: string, stream: string, time: Date): void {
    this.pendingBytes += line.length;
    this.pending.push({ jobId: this.jobId, step, seq: ++this.seq, stream, line, time });
  }

  /**
   * The console's own lines (steps, reasons): never dropped, so the end of a capped log still says
   * what happened. One call may carry several lines; a trailing newline does not make an empty line.
   */
  line(step: string, text: string, stream: "stdout" | "stderr" = "stdout"): Promise<void> {
    const time = new Date();
    for (const line of text.replace(/\n$/, "").split("\n"))
      this.add(
        step,
        line.length > MAX_LINE_BYTES ? line.slice(0, MAX_LINE_BYTES) + cutMarker(line.length - MAX_LINE_BYTES) : line,
        stream,
        time,
        false,
      );
    return this.flush();
  }

  /** Logs a child's output stream line by line; resolves when it ended and its lines are stored. */
  stream(step: string, kind: "stdout" | "stderr", from: Readable): Promise<void> {
    const split = lineSplitter((l) => this.add(step, l, kind, new Date()));
    return new Promise((resolve) => {
      from.on("data", (chunk: Buffer) => {
        split.push(chunk);
        const flushed = this.flush();
        if (this.pending.length >= PAUSE_LINES || this.pendingBytes >= PAUSE_BYTES) {
          from.pause();
          void flushed.then(() => from.resume());
        }
      });
      from.on("close", () => {
        split.end();
        void this.flush().then(resolve);
      });
    });
  }

  /** The sequence number of the last line handed in (stored, once `close` or `flush` resolved). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Resolves once every line handed in so far is stored. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** At the job's end: says how much was dropped past the cap, and stores the rest. */
  async close(): Promise<void> {
    if (this.droppedLines)
      this.push(
        "error",
        `[archway] ${this.droppedLines} line(s), ${this.droppedBytes} bytes, were dropped past the ${size(this.maxBytes)} log cap`,
        "stderr",
        new Date(),
      );
    await this.flush();
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const rows = this.pending;
      this.pending = [];
      this.pendingBytes = 0;
      const event = linesEvent(busLines(rows));
      let stored = () => {};
      publishHere(this.jobId, event, new Promise<void>((resolve) => (stored = resolve)));
      // Node sends a response's writes on the next tick: let the viewers' writes go out before the
      // insert (synchronous on SQLite, milliseconds) holds the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        const asHandedOut = await this.store(rows);
        // Numbered again: the other processes read the lines by their stored numbers.
        announce(this.jobId, asHandedOut ? event : linesEvent(busLines(rows)));
      } catch (err) {
        console.error(`[archway] job ${this.jobId}: ${rows.length} log line(s) could not be stored:`, err);
      } finally {
        stored();
      }
    }
  }

  /**
   * Inserts one batch; true when it went in as numbered. Another writer of this job's log (a reaper
   * noting why a worker it thought dead lost the job, while that worker still runs it) can take the
   * same sequence numbers: then the batch, and the lines waiting behind it, are numbered again after
   * the last stored line and inserted again, so neither writer's lines are lost.
   */
  private async store(rows: Row[]): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await db().jobLogLine.createMany({ data: rows });
        return attempt === 1;
      } catch (err) {
        if ((err as { code?: string }).code !== "P2002" || attempt === 5) throw err;
        const last = await db().jobLogLine.findFirst({
          where: { jobId: this.jobId },
          orderBy: { seq: "desc" },
          select: { seq: true },
        });
        let seq = last?.seq ?? 0;
        for (const row of rows) row.seq = ++seq;
        for (const row of this.pending) row.seq = ++seq;
        this.seq = seq;
      }
    }
  }
}
