// Start-up: migrations, the image table from its configured source into the database, then the
// leftovers of a stopped server cleaned and its interrupted or failed base-image fetches retried.
import "server-only";
import { store } from "@/lib/artifacts/artifacts";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { fetchMissing, reconcileFetches } from "@/lib/base-images/heal";
import { pullBaseImages } from "@/lib/base-images/replicas";
import { loadCatalog } from "@/lib/catalog/load";
import { storeCatalog } from "@/lib/catalog/store";
import { db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { providerOf, sqlitePath } from "@/lib/db/provider";
import { installNodeDownloads } from "@/lib/downloads/node-routes";
import { env } from "@/lib/env";
import { removeLeftovers } from "@/lib/files/leftovers";
import { makePrivateDatabaseFile, makePrivateDir } from "@/lib/files/private";
import { followOtherProcesses } from "@/lib/jobs/log-bus";
import { startSupervision, superviseOnce } from "@/lib/jobs/queue/supervise";
import { reconcileJobs, resumeQueued } from "@/lib/jobs/runner";
import { startLocalWorker } from "@/lib/jobs/workers/local";
import { installStopHook } from "@/lib/jobs/workers/stop";
import { ensureSamples } from "@/lib/samples/sample-images";
import { encryptExistingSecrets } from "@/lib/secrets/encrypt-existing";
import { secretKey } from "@/lib/secrets/key";

export async function startup(opts: { quiet?: boolean } = {}): Promise<void> {
  const log = opts.quiet ? () => {} : console.log;
  const e = env();
  makePrivateDir(e.dataDir);
  if (providerOf(e.databaseUrl) === "sqlite") makePrivateDatabaseFile(sqlitePath(e.databaseUrl));
  secretKey(); // a malformed ARCHWAY_SECRET_KEY stops the start, and the key file exists from now on
  await store().check(); // an S3 bucket that cannot be reached stops the start, with the reason
  const applied = await migrate(e.databaseUrl);
  if (applied.length) log(`[archway] applied migrations: ${applied.join(", ")}`);
  const sealed = await encryptExistingSecrets();
  if (sealed) log(`[archway] encrypted the secrets of ${sealed} stored cluster(s)/infra-env(s)`);
  const serves = e.ARCHWAY_ROLE !== "worker";
  if (serves) {
    await ensureFirstAdmin((l) => log(`[archway] ${l}`));
    const { catalog, source } = loadCatalog(e);
    await storeCatalog(db(), catalog);
    // On PostgreSQL a fetch left "fetching" may be running on a live worker: the reaper settles those.
    if (providerOf(e.databaseUrl) === "sqlite") await reconcileFetches();
    log(
      `[archway] image table from ${source}: ${catalog.osImages.length} OS images, ${catalog.releaseImages.length} release images`,
    );
  }
  const interrupted = await reconcileJobs();
  if (interrupted) log(`[archway] ${interrupted} job(s) left running by a stopped server marked as errors`);
  const removed = await removeLeftovers();
  if (removed) log(`[archway] ${removed}`);
  await startJobs(log);
}

/** This process's worker (roles all and worker), and on PostgreSQL the queue's supervision. */
async function startJobs(log: (line: string) => void): Promise<void> {
  const e = env();
  if (e.ARCHWAY_ROLE !== "web") {
    const me = await startLocalWorker();
    log(`[archway] worker ${me.name}: ${me.nativeArch}, ${e.ARCHWAY_JOB_CONCURRENCY} slot(s)`);
    const resumed = await resumeQueued();
    if (resumed) log(`[archway] ${resumed} job(s) queued before the last stop submitted again`);
  }
  if (providerOf(e.databaseUrl) === "postgresql") {
    await superviseOnce();
    startSupervision();
  }
}

/** A bad configuration stops the server with the reason, rather than serving a half-working console. */
export async function startupOrExit(): Promise<void> {
  try {
    await startup();
  } catch (err) {
    console.error(`[archway] cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  installStopHook();
  if (env().ARCHWAY_ROLE === "worker") return; // it serves only /healthz: no downloads, viewers or images
  installNodeDownloads();
  await followOtherProcesses();
  // With a shared artifact store, this process copies the base ISOs other processes fetched, so it
  // serves them too; on demand as well, but a download need not wait for it.
  pullBaseImages((l) => console.log(`[archway] ${l}`)).catch((err) =>
    console.error("[archway] copying base images from the artifact store failed:", err),
  );
  // Base ISOs are fetched (the embedded samples built) behind the scenes; the console is up meanwhile.
  // Failed ones whose cause is gone are retried even when prefetching is off: they were wanted before.
  fetchMissing({
    neverFetched: env().ARCHWAY_PREFETCH_BASE_IMAGES === "on",
    log: (l) => console.log(`[archway] ${l}`),
  }).catch((err) => console.error("[archway] fetching base images failed:", err));
  if (env().ARCHWAY_SAMPLE_IMAGES === "on") {
    ensureSamples((l) => console.log(`[archway] ${l}`)).catch((err) =>
      console.error("[archway] building the sample images failed:", err),
    );
  }
}
