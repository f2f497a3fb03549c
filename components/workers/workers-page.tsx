"use client";
// The workers: what each runs natively and under emulation, its slots and jobs, its heartbeat and
// whether it is alive; refreshed every few seconds.
import Link from "next/link";
import { ArchBadge } from "@/components/ui/arch-badge";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import type { WorkerJson } from "@/lib/api-client/workers";
import { useWorkers } from "@/lib/queries/use-workers";

function WorkerRow({ w }: { w: WorkerJson }) {
  return (
    <Tr>
      <Td className="font-medium">{w.name}</Td>
      <Td>{w.hostname}</Td>
      <Td>
        <ArchBadge arch={w.native_arch} />
      </Td>
      <Td>{w.emulates.length ? w.emulates.join(", ") : <span className="text-slate-500">none</span>}</Td>
      <Td>
        {w.free_slots} of {w.slots} free
      </Td>
      <Td>
        {w.running_jobs.length ? (
          <ul>
            {w.running_jobs.map((id) => (
              <li key={id}>
                <Link className="font-mono text-xs text-sky-700 hover:underline" href={`/jobs/${id}`}>
                  {id.slice(0, 8)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-500">idle</span>
        )}
      </Td>
      <Td className="whitespace-nowrap">
        <DateTime value={w.last_heartbeat} />
      </Td>
      <Td>
        {w.alive ? (
          <Badge tone="success">Alive</Badge>
        ) : (
          <Badge tone="danger" title={w.stop_reason}>
            Stopped
          </Badge>
        )}
        {!w.alive && w.stop_reason ? <span className="block text-xs text-slate-500">{w.stop_reason}</span> : null}
      </Td>
    </Tr>
  );
}

export function WorkersPage() {
  const workers = useWorkers();
  return (
    <>
      <PageHeader
        title="Workers"
        description="The processes that run image jobs. A job runs natively on a worker of its architecture when one is alive, under emulation elsewhere only when none is."
      />
      {workers.isPending ? (
        <LoadingState />
      ) : workers.error ? (
        <ErrorState error={workers.error} />
      ) : workers.data.length === 0 ? (
        <p className="text-sm text-slate-600">
          No worker is running: jobs wait until a process with ARCHWAY_ROLE=worker (or all) starts.
        </p>
      ) : (
        <Table caption="Workers">
          <THead>
            <Th>Name</Th>
            <Th>Host</Th>
            <Th>Native</Th>
            <Th>Emulates</Th>
            <Th>Slots</Th>
            <Th>Running jobs</Th>
            <Th>Last heartbeat</Th>
            <Th>State</Th>
          </THead>
          <TBody>
            {workers.data.map((w) => (
              <WorkerRow key={w.id} w={w} />
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
