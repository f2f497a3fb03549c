"use client";
// The audit log: who did what, to what, when, newest first; filter by actor.
import { useState } from "react";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ErrorState, LoadingState } from "@/components/ui/query-state";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { PAGE_SIZE } from "@/components/ui/use-paged-list";
import { useAudit } from "@/lib/queries/use-audit";

export function AuditPage() {
  const [actor, setActor] = useState("");
  const [offset, setOffset] = useState(0);
  const debounced = useDebouncedValue(actor.trim(), 300);
  const audit = useAudit({ limit: PAGE_SIZE, offset, actor: debounced || undefined });
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change, link issue, key rotation, sign-in and failed sign-in, with who did it."
      />
      <div className="mb-3 max-w-xs">
        <TextField
          label="Actor"
          value={actor}
          onChange={(e) => {
            setActor(e.target.value);
            setOffset(0);
          }}
          placeholder="admin or token:ci"
        />
      </div>
      {audit.isPending ? (
        <LoadingState />
      ) : audit.error ? (
        <ErrorState error={audit.error} />
      ) : (
        <>
          <Table caption="Audit log">
            <THead>
              <Th>Time</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Outcome</Th>
            </THead>
            <TBody>
              {audit.data.entries.map((a) => (
                <Tr key={a.id}>
                  <Td className="whitespace-nowrap">
                    <DateTime value={a.time} />
                  </Td>
                  <Td className="font-medium">{a.actor}</Td>
                  <Td>{a.action}</Td>
                  <Td className="font-mono text-xs wrap-anywhere">{a.target}</Td>
                  <Td className={a.outcome === "failure" ? "text-red-700" : ""}>
                    {a.outcome}
                    {a.detail ? <span className="block text-xs text-slate-500">{a.detail}</span> : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            offset={offset}
            limit={PAGE_SIZE}
            total={audit.data.total}
            onOffset={setOffset}
            label="Audit pages"
          />
        </>
      )}
    </>
  );
}
