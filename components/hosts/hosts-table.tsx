"use client";
// Hosts as a table: what each reported (architecture, cores, memory, disks, NICs), its role and
// status with the reason, and when it last checked in. A host's name opens its drawer.
import { Badge } from "@/components/ui/badge";
import { formatBytes } from "@/components/ui/byte-size";
import { Table, TBody, Td, THead, Th, Tr } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import type { HostJson } from "@/lib/api-client/hosts";
import { isKnown, statusLabel, statusTone } from "@/lib/hosts/status";
import { archMismatch, hostnameOf, inventoryOf, roleText } from "./format";

export function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 10) return "just now";
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export function HostStatus({ host }: { host: HostJson }) {
  return (
    <div className="min-w-48 max-w-md">
      <Badge tone={statusTone(host.status)}>{statusLabel(host.status)}</Badge>
      {!isKnown(host.status) && host.status_info ? (
        <p className="mt-1 text-xs text-slate-600">{host.status_info}</p>
      ) : null}
    </div>
  );
}

export function HostsTable({ hosts, onOpen }: { hosts: HostJson[]; onOpen: (host: HostJson) => void }) {
  const now = useNow(5000);
  return (
    <Table caption="Hosts" bare>
      <THead>
        <Th>Hostname</Th>
        <Th>Role</Th>
        <Th>Status</Th>
        <Th>CPU architecture</Th>
        <Th className="text-right">Cores</Th>
        <Th className="text-right">Memory</Th>
        <Th>Disks</Th>
        <Th>NICs</Th>
        <Th>Last check-in</Th>
      </THead>
      <TBody>
        {hosts.map((h) => {
          const inv = inventoryOf(h);
          const mismatch = archMismatch(h);
          const name = hostnameOf(h);
          return (
            <Tr key={h.id}>
              <Td>
                <button
                  type="button"
                  onClick={() => onOpen(h)}
                  // A host that reported no hostname yet shows its id: cut, whole in the tooltip, so
                  // it does not push the other columns out of view.
                  className="block max-w-40 truncate whitespace-nowrap text-left font-medium text-sky-700 hover:underline"
                  title={`${name}: show inventory and validations`}
                >
                  {name}
                </button>
              </Td>
              <Td className="whitespace-nowrap">{roleText(h)}</Td>
              <Td>
                <HostStatus host={h} />
              </Td>
              <Td>
                {inv ? (
                  <span
                    className={
                      mismatch
                        ? "inline-flex items-center gap-1 whitespace-nowrap rounded bg-red-50 px-1.5 py-0.5 font-mono text-xs font-semibold text-red-800 ring-1 ring-inset ring-red-300"
                        : "whitespace-nowrap font-mono text-xs"
                    }
                    title={mismatch?.message}
                    data-arch-mismatch={mismatch ? "" : undefined}
                  >
                    {mismatch ? <span aria-hidden="true">✕</span> : null}
                    {inv.cpu.architecture}
                    {mismatch ? <span className="sr-only"> (error: {mismatch.message})</span> : null}
                  </span>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
              <Td className="text-right tabular-nums">{inv ? inv.cpu.count : "—"}</Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                {inv ? formatBytes(inv.memory.physical_bytes) : "—"}
              </Td>
              <Td className="whitespace-nowrap">
                {inv ? `${inv.disks.length} · ${formatBytes(inv.disks.reduce((n, d) => n + d.size_bytes, 0))}` : "—"}
              </Td>
              <Td className="whitespace-nowrap">
                {inv ? (
                  <span title={inv.interfaces.map((n) => `${n.name} ${n.ipv4_addresses?.join(", ") ?? ""}`).join("\n")}>
                    {inv.interfaces.length}
                    {inv.interfaces[0]?.ipv4_addresses?.[0] ? (
                      <span className="text-slate-500"> · {inv.interfaces[0].ipv4_addresses[0]}</span>
                    ) : null}
                  </span>
                ) : (
                  "—"
                )}
              </Td>
              <Td className="whitespace-nowrap text-slate-600">
                <time dateTime={h.checked_in_at} title={h.checked_in_at}>
                  {ago(h.checked_in_at, now)}
                </time>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
