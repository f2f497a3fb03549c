// A job's log route, shared by its app/ route file (for `next dev` and route tests) and the Node
// server, which answers it itself (lib/downloads/node-routes.ts): a hundred viewers connecting at once
// through Next's routing and stream piping held back the lines of the viewers already connected.
import "server-only";
import { z } from "zod";
import { wholeNumber } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { emptyToUndefined } from "@/lib/validation/fields";
import { jobLogEventStream } from "./log-stream";
import { getJob, readJobLog } from "./service";

/** GET /apis/ims/v3/jobs/{job_id}/logs: plain text, or with ?follow=1 and Accept: text/event-stream live SSE. */
export const jobLogRoute = route(
  {
    access: "viewer",
    params: z.object({ job_id: z.uuid("No such job") }),
    query: z
      .object({
        step: z.string().max(64).optional(),
        after: wholeNumber().default(0),
        follow: z.enum(["0", "1", "true", "false"]).optional(),
      })
      .strict(),
    // EventSource sends the last `id:` it saw (a seq) when it reconnects; an empty one means none.
    headers: z.object({ "Last-Event-ID": emptyToUndefined(wholeNumber()) }),
  },
  async ({ req, params, query, headers }) => {
    const job = await getJob(params.job_id);
    const follow = query.follow === "1" || query.follow === "true";
    if (follow && (req.headers.get("accept") ?? "").includes("text/event-stream")) {
      const lastEventId = headers["Last-Event-ID"];
      const after = lastEventId !== undefined && lastEventId > 0 ? lastEventId : query.after;
      return new Response(jobLogEventStream(job.id, after, query.step, req.signal), {
        headers: {
          "Content-Type": "text/event-stream; charset=utf-8",
          "Cache-Control": "no-cache, no-transform",
          Connection: "keep-alive",
          "X-Accel-Buffering": "no",
        },
      });
    }
    const lines = await readJobLog(job.id, query.after, query.step);
    return new Response(lines.map((l) => `${l.line}\n`).join(""), {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "X-Last-Seq": String(lines.at(-1)?.seq ?? query.after),
        "Cache-Control": "no-store",
      },
    });
  },
);
