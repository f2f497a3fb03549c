// The full inventory a host reported: machine facts, disks and network interfaces, and the raw JSON.
import { formatBytes } from "@/components/ui/byte-size";
import { DateTime } from "@/components/ui/date-time";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import type { HostJson } from "@/lib/api-client/hosts";
import type { HostDisk, HostInventory as Inventory } from "./format";

function diskNote(d: HostDisk): string {
  const notes = [
    d.is_installation_media ? "discovery ISO" : null,
    d.read_only ? "read-only" : null,
    d.removable ? "removable" : null,
  ].filter(Boolean);
  return notes.join(", ");
}

const cell = "px-2 py-1 text-left align-top";

export function HostInventory({ host, inventory: inv }: { host: HostJson; inventory: Inventory }) {
  return (
    <div className="space-y-4">
      <DescriptionList>
        <DescriptionItem term="CPU">
          <span className="font-mono text-xs">{inv.cpu.architecture}</span> · {inv.cpu.count} cores
          {inv.cpu.model_name ? <span className="block text-xs text-slate-600">{inv.cpu.model_name}</span> : null}
        </DescriptionItem>
        <DescriptionItem term="Memory">{formatBytes(inv.memory.physical_bytes)}</DescriptionItem>
        <DescriptionItem term="System">
          {[inv.system_vendor?.manufacturer, inv.system_vendor?.product_name].filter(Boolean).join(" ") || "—"}
          {inv.system_vendor?.virtual ? <span className="text-slate-500"> (virtual)</span> : null}
        </DescriptionItem>
        <DescriptionItem term="Boot mode">{inv.boot?.current_boot_mode ?? "—"}</DescriptionItem>
        <DescriptionItem term="Reported hostname">{inv.hostname ?? "—"}</DescriptionItem>
        <DescriptionItem term="Agent">{host.discovery_agent_version || "—"}</DescriptionItem>
        <DescriptionItem term="Last check-in">
          <DateTime value={host.checked_in_at} />
        </DescriptionItem>
        <DescriptionItem term="Host id">
          <span className="break-all font-mono text-xs">{host.id}</span>
        </DescriptionItem>
      </DescriptionList>

      <table className="w-full text-sm">
        <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          Disks ({inv.disks.length})
        </caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className={cell}>Name</th>
            <th className={cell}>Type</th>
            <th className={`${cell} text-right`}>Size</th>
            <th className={cell}>Model</th>
            <th className={cell}>Note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {inv.disks.map((d) => (
            <tr key={d.name}>
              <td className={`${cell} font-mono text-xs`}>{d.name}</td>
              <td className={cell}>{d.drive_type ?? "—"}</td>
              <td className={`${cell} whitespace-nowrap text-right tabular-nums`}>{formatBytes(d.size_bytes)}</td>
              <td className={cell}>{d.model ?? "—"}</td>
              <td className={`${cell} text-slate-600`}>{diskNote(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="w-full text-sm">
        <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          Network interfaces ({inv.interfaces.length})
        </caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className={cell}>Name</th>
            <th className={cell}>MAC</th>
            <th className={cell}>Addresses</th>
            <th className={`${cell} text-right`}>Speed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {inv.interfaces.map((n) => (
            <tr key={n.name}>
              <td className={`${cell} font-mono text-xs`}>{n.name}</td>
              <td className={`${cell} font-mono text-xs`}>{n.mac_address ?? "—"}</td>
              <td className={`${cell} font-mono text-xs`}>
                {[...(n.ipv4_addresses ?? []), ...(n.ipv6_addresses ?? [])].join(", ") || "—"}
              </td>
              <td className={`${cell} text-right tabular-nums`}>{n.speed_mbps ? `${n.speed_mbps} Mb/s` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <details className="rounded-md border border-slate-200">
        <summary className="cursor-pointer px-3 py-1.5 text-sm text-slate-700">Inventory as reported (JSON)</summary>
        <pre className="max-h-80 overflow-auto border-t border-slate-200 bg-slate-50 p-3 font-mono text-xs">
          {JSON.stringify(inv, null, 2)}
        </pre>
      </details>
    </div>
  );
}
