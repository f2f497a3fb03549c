// The base-image cache: each OS image row's url is fetched once into data/cache by a job of the job
// runner (progress, log lines, cancel), verified, and then reused by every discovery ISO of that
// version and arch (on other replicas through the shared artifact store: replicas.ts).
import "server-only";
import type { BaseImage } from "@/lib/db";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { subscribe } from "@/lib/jobs/log-bus";
import { executor } from "@/lib/jobs/runner";
import { isTerminal } from "@/lib/jobs/statuses";
import { sourcesChanged } from "./generation";
import { type BaseFiles, localBaseFiles } from "./replicas";

export const FETCH_JOB = "fetch_base_image";

type Flight = { jobId: string; done: Promise<void> };

// One fetch per base image (= per url and cache file) at a time. The map lives on globalThis
// because Next bundles instrumentation and route handlers as separate module instances.
const store = globalThis as unknown as { archwayFetches?: Map<number, Promise<Flight>> };
const flights = (store.archwayFetches ??= new Map());

export async function baseImageFor(url: string, cpuArchitecture: string): Promise<BaseImage> {
  // Rows sharing a url arrive together; when two creates race (PostgreSQL), the loser reads the winner's.
  return db()
    .baseImage.upsert({ where: { url }, create: { url, cpuArchitecture }, update: {} })
    .catch((err: { code?: string }) => {
      if (err?.code !== "P2002") throw err;
      return db().baseImage.findUniqueOrThrow({ where: { url } });
    });
}

/** Every base image, by url (the image table shows each row's cache state). */
export async function baseImagesByUrl(): Promise<Map<string, BaseImage>> {
  return new Map((await db().baseImage.findMany()).map((b) => [b.url, b]));
}

/**
 * A verified copy on this machine, with its files as this process has them, or null (not fetched
 * yet, failed, or its file went away). A copy being pulled from the shared artifact store is waited
 * for up to `waitMs`, then the caller gets a 503 to retry.
 */
export async function readyBaseImage(url: string, waitMs = 30_000): Promise<(BaseImage & BaseFiles) | null> {
  const bi = await db().baseImage.findUnique({ where: { url } });
  if (bi?.status !== "ready") return null;
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<"slow">((resolve) => (timer = setTimeout(() => resolve("slow"), waitMs)));
  const files = await Promise.race([localBaseFiles(bi), slow])
    .catch((err: Error) => {
      console.error(`[archway] copying base image ${url} from the artifact store failed:`, err);
      throw new HttpError(503, `The base ISO could not be copied to this server: ${err.message}`, undefined, {
        "Retry-After": "30",
      });
    })
    .finally(() => clearTimeout(timer));
  if (files === "slow")
    throw new HttpError(503, "The base ISO is being copied to this server; try again shortly", undefined, {
      "Retry-After": "10",
    });
  return files ? { ...bi, ...files } : null;
}

/** Whether a fetch of this base image runs in this process now. */
export function isFetching(baseImageId: number): boolean {
  return flights.has(baseImageId);
}

/**
 * Starts the fetch job of one base image, or joins the one running; resolves with the job id at
 * once. The flight is registered before the first await, so concurrent callers cannot both start.
 */
export function startFetch(baseImageId: number): Promise<Flight> {
  const current = flights.get(baseImageId);
  if (current) return current;
  const flight = beginFetch(baseImageId);
  flights.set(baseImageId, flight);
  const land = () => {
    if (flights.get(baseImageId) === flight) flights.delete(baseImageId);
  };
  flight.then((f) => f.done).then(land, land);
  return flight;
}

/** Resolves when the job ends, here or in another process (the log bus relays ends). */
async function endOf(jobId: string): Promise<void> {
  let stop = () => {};
  const ended = new Promise<void>((resolve) => {
    stop = subscribe(jobId, (e) => {
      if (e.type === "end") resolve();
    });
  });
  // An end that came before the subscription is in the job's row.
  const job = await db().job.findUnique({ where: { id: jobId }, select: { status: true } });
  if (!job || isTerminal(job.status)) {
    stop();
    return;
  }
  await ended;
  stop();
}

async function beginFetch(baseImageId: number): Promise<Flight> {
  const bi = await db().baseImage.findUniqueOrThrow({ where: { id: baseImageId } });
  // Another process (a second web replica) may have started this fetch: join its job.
  const joined = await runningFetch(bi);
  if (joined) return joined;
  const job = await db().job.create({
    data: {
      jobType: FETCH_JOB,
      artifactId: String(bi.id),
      arch: bi.cpuArchitecture,
      status: "creating",
      progress: 0,
      stepTimes: {},
    },
  });
  // Compare-and-set on the row as read: of two processes starting the same fetch, one wins.
  const { count } = await db().baseImage.updateMany({
    where: { id: bi.id, status: bi.status, jobId: bi.jobId },
    data: { status: "fetching", jobId: job.id, error: null, failureKind: null },
  });
  if (count > 0) sourcesChanged();
  if (count === 0) {
    await db().job.delete({ where: { id: job.id } });
    const winner = await runningFetch(await db().baseImage.findUniqueOrThrow({ where: { id: baseImageId } }));
    if (winner) return winner;
    return beginFetch(baseImageId); // the winner's fetch ended meanwhile: try again
  }
  // Listening before the job is submitted, so even an instant end is heard.
  const done = endOf(job.id);
  executor().submit(job.id);
  return { jobId: job.id, done };
}

async function runningFetch(bi: BaseImage): Promise<Flight | null> {
  if (bi.status !== "fetching" || !bi.jobId) return null;
  const job = await db().job.findUnique({ where: { id: bi.jobId }, select: { status: true } });
  if (!job || isTerminal(job.status)) return null;
  return { jobId: bi.jobId, done: endOf(bi.jobId) };
}
