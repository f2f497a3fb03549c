// GET /apis/ims/v3/jobs/{job_id}/logs[?step=&after=] – the job's log as plain text (one line per
// log line; X-Last-Seq tells a poller where to resume)
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    params: z.object({ job_id: z.uuid("No such job") }),
    query: z.object({ step: z.string().max(64).optional(), after: z.coerce.number().int().min(0).default(0) }).strict(),
  },
  async ({ params, query }) => {
    const job = await db().job.findUnique({ where: { id: params.job_id }, select: { id: true } });
    if (!job) throw notFound(`Job ${params.job_id} not found`);
    const lines = await db().jobLogLine.findMany({
      where: { jobId: job.id, seq: { gt: query.after }, ...(query.step ? { step: query.step } : {}) },
      orderBy: { seq: "asc" },
      take: 10_000,
    });
    const body = lines.map((l) => `${l.line}\n`).join("");
    return new Response(body, {
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Last-Seq": String(lines.at(-1)?.seq ?? query.after), "Cache-Control": "no-store" },
    });
  },
);
