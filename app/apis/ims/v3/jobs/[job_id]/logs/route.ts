// GET /apis/ims/v3/jobs/{job_id}/logs – the job's log: plain text (one line per log line,
// ?step= and ?after= filters, X-Last-Seq), or with ?follow=1 and Accept: text/event-stream a live
// Server-Sent Events stream (id = seq, Last-Event-ID resume, pings, `event: end`). Handler in
// lib/jobs/log-route.ts (the Node server answers it itself).
import { jobLogRoute } from "@/lib/jobs/log-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
export const GET = jobLogRoute;
