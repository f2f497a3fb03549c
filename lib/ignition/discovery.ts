// The Ignition (spec 3.4) config embedded in a discovery ISO: the core user's SSH keys, proxy,
// the discovery agent's settings and token, static network files, then the operator's override.
import { type IgnitionObject, mergeIgnition } from "./merge";
import { systemdQuote } from "./systemd-quote";

export const AGENT_IMAGE = "quay.io/edge-infrastructure/assisted-installer-agent:latest";

export type DiscoveryInput = {
  infraEnvId: string;
  /** Base URL hosts reach the console at (the agent registers there). */
  serviceUrl: string;
  agentToken: string;
  cpuArchitecture: string;
  openshiftVersion: string;
  sshAuthorizedKey?: string | null;
  pullSecret?: string | null;
  proxy?: { httpProxy?: string | null; httpsProxy?: string | null; noProxy?: string | null };
  staticNetworkConfig?: {
    network_yaml: string;
    mac_interface_map?: { mac_address: string; logical_nic_name: string }[];
  }[];
  additionalNtpSources?: string | null;
  ignitionConfigOverride?: string | null;
};

function dataUrl(text: string): string {
  return `data:;base64,${Buffer.from(text, "utf8").toString("base64")}`;
}

function file(path: string, contents: string, mode = 0o644) {
  return { path, mode, overwrite: true, contents: { source: dataUrl(contents) } };
}

function proxyEnv(p: NonNullable<DiscoveryInput["proxy"]>): string[] {
  const vars: [string, string | null | undefined][] = [
    ["HTTP_PROXY", p.httpProxy],
    ["HTTPS_PROXY", p.httpsProxy],
    ["NO_PROXY", p.noProxy],
  ];
  return vars.filter(([, v]) => v).flatMap(([k, v]) => [`${k}=${v}`, `${k.toLowerCase()}=${v}`]);
}

function agentUnit(input: DiscoveryInput, env: string[]): string {
  return [
    "[Unit]",
    "Description=Archway discovery agent: registers this host with the console",
    "Wants=network-online.target",
    "After=network-online.target",
    "",
    "[Service]",
    "Type=simple",
    "Restart=always",
    "RestartSec=10",
    ...env.map((e) => `Environment=${systemdQuote(e)}`),
    `ExecStart=/usr/bin/podman run --rm --privileged --net=host --pid=host -v /etc/assisted:/etc/assisted:ro ${AGENT_IMAGE} next_step_runner --url ${systemdQuote(input.serviceUrl, { commandLine: true })} --infra-env-id ${systemdQuote(input.infraEnvId, { commandLine: true })} --agent-token-file /etc/assisted/agent-token`,
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
}

export function discoveryIgnition(input: DiscoveryInput): IgnitionObject {
  const env = input.proxy ? proxyEnv(input.proxy) : [];
  const keys = (input.sshAuthorizedKey ?? "")
    .split("\n")
    .map((k) => k.trim())
    .filter((k) => k && !k.startsWith("#"));
  const files = [
    file(
      "/etc/assisted/agent.conf",
      `${JSON.stringify(
        {
          service_url: input.serviceUrl,
          infra_env_id: input.infraEnvId,
          cpu_architecture: input.cpuArchitecture,
          openshift_version: input.openshiftVersion,
        },
        null,
        2,
      )}\n`,
    ),
    file("/etc/assisted/agent-token", input.agentToken, 0o600),
  ];
  if (input.pullSecret) files.push(file("/root/.docker/config.json", input.pullSecret, 0o600));
  if (env.length)
    files.push(
      file(
        "/etc/systemd/system.conf.d/10-archway-proxy.conf",
        `[Manager]\nDefaultEnvironment=${env.map((e) => systemdQuote(e)).join(" ")}\n`,
      ),
    );
  if (input.additionalNtpSources) {
    files.push(
      file(
        "/etc/chrony.d/archway-ntp.conf",
        `${input.additionalNtpSources
          .split(",")
          .map((s) => s.trim())
          // One chrony directive per source: anything but a host name or address would add directives.
          .filter((s) => /^[A-Za-z0-9.:[\]-]+$/.test(s))
          .map((s) => `server ${s} iburst`)
          .join("\n")}\n`,
      ),
    );
  }
  (input.staticNetworkConfig ?? []).forEach((host, i) => {
    files.push(file(`/etc/assisted/network/host${i}/network.yaml`, host.network_yaml, 0o600));
    const map = (host.mac_interface_map ?? []).map((m) => `${m.mac_address}=${m.logical_nic_name}`).join("\n");
    if (map) files.push(file(`/etc/assisted/network/host${i}/mac_interface.ini`, `${map}\n`, 0o600));
  });

  const base: IgnitionObject = {
    ignition: { version: "3.4.0" },
    passwd: { users: [{ name: "core", sshAuthorizedKeys: keys }] },
    storage: { files },
    systemd: { units: [{ name: "archway-agent.service", enabled: true, contents: agentUnit(input, env) }] },
  };
  if (!input.ignitionConfigOverride) return base;
  const override = JSON.parse(input.ignitionConfigOverride) as IgnitionObject;
  // The generated config speaks 3.4.0; an override written for 3.0-3.3 is a subset of it.
  const { ignition: overIgnition, ...rest } = override;
  const merged = mergeIgnition(base, rest);
  const extra = (overIgnition as IgnitionObject | undefined) ?? {};
  delete extra.version;
  return { ...merged, ignition: mergeIgnition(merged.ignition as IgnitionObject, extra) };
}
