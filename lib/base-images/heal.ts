// Start-up for the base-image cache: base images a stopped server left fetching become
// "interrupted" (their jobs are failed by the job runner's own start-up), and each failed base
// image is retried once the cause of its failure is gone.
import "server-only";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BaseImage } from "@/lib/db";
import { db } from "@/lib/db";
import { missingCacheTools } from "@/lib/samples/prerequisites";
import { probeSource } from "./download";
import { type FailureKind, sampleArchOf, sourceUrlOf } from "./fetch-job";
import { sourcesChanged } from "./generation";
import { missingFromStore } from "./replicas";
import { baseImageFor, isFetching, startFetch } from "./service";

const INTERRUPTED = "Interrupted: the server stopped while this ran";

/** After a restart nothing is still fetching: mark what was left fetching as interrupted. */
export async function reconcileFetches(): Promise<void> {
  await db().baseImage.updateMany({
    where: { status: "fetching" },
    data: { status: "failed", error: INTERRUPTED, failureKind: "interrupted" },
  });
  sourcesChanged();
}

export type RetryDecision = { retry: boolean; why: string };

/** The source now: reachable with this fingerprint, or why not. A sample not built yet is buildable. */
async function probe(url: string): Promise<{ fingerprint: string } | { unavailable: string }> {
  const sample = sampleArchOf(url);
  const source = sourceUrlOf(url);
  if (sample && !existsSync(fileURLToPath(source))) {
    const missing = missingCacheTools(sample);
    return missing.length ? { unavailable: `missing ${missing.join(" ")}` } : { fingerprint: "sample, not built yet" };
  }
  return probeSource(source);
}

/** Whether start-up should fetch this base image again, and why (for the log). */
export async function retryDecision(bi: BaseImage): Promise<RetryDecision> {
  if (isFetching(bi.id)) return { retry: false, why: "a fetch is running" };
  if (bi.status === "ready" && bi.storageKey) {
    // Published: the shared store holds the truth; a replica without a copy pulls it, never re-fetches.
    const gone = await missingFromStore(bi);
    return gone ? { retry: true, why: `${gone} went away from the artifact store` } : { retry: false, why: "ready" };
  }
  if (bi.status === "ready") {
    const gone = [bi.path, bi.minimalPath, bi.rootfsPath].find((p) => p && !existsSync(p));
    return gone ? { retry: true, why: `${gone} went away` } : { retry: false, why: "ready" };
  }
  if (bi.status !== "failed") return { retry: true, why: "not fetched yet" };
  // Rows failed before failure kinds were recorded: only the interruption is recognisable.
  const kind = (bi.failureKind ?? (bi.error === INTERRUPTED ? "interrupted" : "other")) as FailureKind;
  switch (kind) {
    case "interrupted":
      return { retry: true, why: "the previous fetch was interrupted" };
    case "cancelled":
      return { retry: false, why: "its fetch was cancelled (Fetch on the OS images page starts it again)" };
    case "prerequisites": {
      const missing = missingCacheTools(sampleArchOf(bi.url));
      return missing.length
        ? { retry: false, why: `Debian packages still missing: ${missing.join(" ")}` }
        : { retry: true, why: "the missing Debian packages are installed now" };
    }
    case "source": {
      const now = await probe(bi.url);
      return "unavailable" in now
        ? { retry: false, why: `the source is still unavailable: ${now.unavailable}` }
        : { retry: true, why: "the source is reachable again" };
    }
    case "content": {
      // The same bytes would be refused again; only a changed source is worth a new attempt.
      const now = await probe(bi.url);
      if ("unavailable" in now) return { retry: false, why: `the source is unavailable: ${now.unavailable}` };
      return now.fingerprint === bi.sourceFingerprint
        ? { retry: false, why: "its content was refused and the source has not changed" }
        : { retry: true, why: "the source changed since its content was refused" };
    }
    default:
      return { retry: true, why: "the previous attempt failed unexpectedly" };
  }
}

/**
 * Fetches, one at a time, every image-table url that needs it: failed ones whose cause is gone,
 * and (when `neverFetched`) those never fetched. Resolves once they have all finished.
 */
export async function fetchMissing(opts: { neverFetched?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const { neverFetched = true, log = () => {} } = opts;
  const urls = await db().osImage.findMany({ select: { url: true, cpuArchitecture: true }, distinct: ["url"] });
  for (const { url, cpuArchitecture } of urls) {
    const bi = await baseImageFor(url, cpuArchitecture);
    const { retry, why } = await retryDecision(bi);
    if (!retry || (bi.status === "missing" && !neverFetched)) {
      if (bi.status === "failed") log(`base image ${url} stays failed: ${why}`);
      continue;
    }
    if (bi.status !== "missing") log(`fetching base image ${url} again: ${why}`);
    await (await startFetch(bi.id)).done;
  }
}
