// Whether the cluster could be installed, as a checklist (pull secret, control plane hosts, every
// host known) rather than a bare "insufficient": each item passed or failed with its sentence.
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import type { ClusterJson } from "@/lib/api-client/clusters";
import { statusLabel, statusTone } from "./format";

type Check = { id: string; status: "success" | "failure"; message: string };

const TITLES: Record<string, string> = {
  "pull-secret-set": "Pull secret set",
  "sufficient-masters-count": "Enough control plane hosts",
  "all-hosts-are-ready-to-install": "Every host known",
};

export function checksOf(cluster: ClusterJson): Check[] {
  try {
    return Object.values(JSON.parse(cluster.validations_info) as Record<string, Check[]>).flat();
  } catch {
    return [];
  }
}

export function ClusterReadiness({ cluster }: { cluster: ClusterJson }) {
  const checks = checksOf(cluster);
  return (
    <Panel
      title="Readiness"
      description="What the cluster needs before it can be installed"
      actions={<Badge tone={statusTone(cluster.status)}>{statusLabel(cluster.status)}</Badge>}
    >
      <ul aria-label="Readiness checklist" className="space-y-2">
        {checks.map((c) => {
          const ok = c.status === "success";
          return (
            <li key={c.id} className="flex items-start gap-2 text-sm" data-check={c.id} data-status={c.status}>
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${ok ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-800"}`}
              >
                {ok ? "✓" : "✕"}
              </span>
              <span>
                <span className="font-medium text-slate-900">
                  <span className="sr-only">{ok ? "Done: " : "To do: "}</span>
                  {TITLES[c.id] ?? c.id}
                </span>
                <span className="block text-slate-600">{c.message}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
