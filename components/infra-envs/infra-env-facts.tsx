// An infra-env's facts, read-only: its architecture and version are fixed at creation.

import { ArchBadge } from "@/components/ui/arch-badge";
import { DateTime } from "@/components/ui/date-time";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import type { InfraEnvJson } from "@/lib/api-client/infra-envs";
import { archDisplayName, parseArch } from "@/lib/arch";
import { ClusterLink } from "./cluster-link";
import { imageTypeLabel, LATE_BINDING } from "./format";

function NotSet() {
  return <span className="text-slate-500">Not set</span>;
}

export function InfraEnvFacts({ infraEnv }: { infraEnv: InfraEnvJson }) {
  const display = archDisplayName(parseArch(infraEnv.cpu_architecture) ?? "x86_64");
  const { http_proxy, https_proxy, no_proxy } = infraEnv.proxy;
  const kernelArgs = infraEnv.kernel_arguments as { operation?: string; value?: string }[];
  return (
    <Panel title="Details">
      <DescriptionList>
        <DescriptionItem term="CPU architecture">
          <ArchBadge arch={infraEnv.cpu_architecture} />
          <p className="mt-1 text-xs text-slate-500">This infra-env&apos;s discovery ISO boots {display} hosts only</p>
        </DescriptionItem>
        <DescriptionItem term="Cluster">
          {infraEnv.cluster_id ? (
            <ClusterLink id={infraEnv.cluster_id} />
          ) : (
            <span className="text-slate-600">{LATE_BINDING}</span>
          )}
        </DescriptionItem>
        <DescriptionItem term="OpenShift version">
          <span className="tabular-nums">{infraEnv.openshift_version || "—"}</span>
        </DescriptionItem>
        <DescriptionItem term="Image type">{imageTypeLabel(infraEnv.type)}</DescriptionItem>
        <DescriptionItem term="Proxy" wide>
          {http_proxy || https_proxy || no_proxy ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
              <dt className="text-slate-500">HTTP</dt>
              <dd className="break-all font-mono text-xs leading-5">{http_proxy || "—"}</dd>
              <dt className="text-slate-500">HTTPS</dt>
              <dd className="break-all font-mono text-xs leading-5">{https_proxy || "—"}</dd>
              <dt className="text-slate-500">No proxy</dt>
              <dd className="break-all font-mono text-xs leading-5">{no_proxy || "—"}</dd>
            </dl>
          ) : (
            <span className="text-slate-500">No proxy</span>
          )}
        </DescriptionItem>
        <DescriptionItem term="Additional kernel arguments" wide>
          {kernelArgs.length ? (
            <ul className="space-y-0.5">
              {kernelArgs.map((k, i) => (
                <li key={i} className="font-mono text-xs">
                  {k.operation && k.operation !== "append" ? `${k.operation}: ` : ""}
                  {k.value}
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-slate-500">None</span>
          )}
        </DescriptionItem>
        <DescriptionItem term="SSH authorized key">
          {infraEnv.ssh_authorized_key ? `Set (${infraEnv.ssh_authorized_key.trim().split(/\s+/)[0]})` : <NotSet />}
        </DescriptionItem>
        <DescriptionItem term="Hosts">{infraEnv.host_count}</DescriptionItem>
        <DescriptionItem term="Created">
          <DateTime value={infraEnv.created_at} />
        </DescriptionItem>
      </DescriptionList>
    </Panel>
  );
}
