// GET /api/v1/workers – the processes that run jobs: native arch, what they emulate, slots, the jobs
// they run, last heartbeat and whether alive (live ones and those stopped within the last hour)
import { route } from "@/lib/http/route";
import { listWorkers } from "@/lib/jobs/workers/registry";
import { serializeWorker } from "@/lib/jobs/workers/serialize";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = route({ access: "viewer" }, async () => {
  const now = Date.now();
  return (await listWorkers(now)).map((w) => serializeWorker(w, now));
});
