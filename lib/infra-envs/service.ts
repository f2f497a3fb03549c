// Infra-envs: the discovery-ISO side of a cluster (or standalone, for late binding).
// The architecture defaults to the cluster's, must match it, is never multi, and never changes.
import "server-only";
import { type Arch, DEFAULT_ARCH, parseArch, sameArch, toAssistedArch } from "@/lib/arch";
import { defaultOpenshiftVersion, readImageTable, releaseMembers } from "@/lib/catalog/queries";
import { resolveRow } from "@/lib/catalog/resolve";
import { archSupport } from "@/lib/catalog/support";
import { minorOf } from "@/lib/catalog/version";
import { db, type Prisma } from "@/lib/db";
import { type Changes, infraEnvCreatedMessage, updatedMessage } from "@/lib/events/messages";
import { recordEvent } from "@/lib/events/record";
import { fieldError, HttpError, notFound } from "@/lib/http/errors";
import { pageOf } from "@/lib/http/params";
import { redactProxyUrl } from "@/lib/secrets/redact";
import { seal, unlessRedactedEcho } from "@/lib/secrets/secrets";
import { newAgentToken } from "./agent-token";
import { newSigningKey } from "./download-tokens";
import { linksChanged } from "./link-memo";
import type { InfraEnvCreate, InfraEnvListQuery, InfraEnvUpdate } from "./schemas";

const withCounts = { _count: { select: { hosts: true } } } as const;

/** A page of infra-envs (all of them without `limit`), newest first, with their host counts. */
export async function listInfraEnvs(q: InfraEnvListQuery) {
  const where: Prisma.InfraEnvWhereInput = {
    ...(q.cluster_id ? { clusterId: q.cluster_id } : {}),
    ...(q.name ? { name: { contains: q.name } } : {}),
    ...(q.cpu_architecture ? { cpuArchitecture: q.cpu_architecture } : {}),
  };
  const [rows, total] = await Promise.all([
    db().infraEnv.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageOf(q) }),
    db().infraEnv.count({ where }),
  ]);
  // Counted in one grouped query over the page, not one subquery per row.
  const paged = q.limit !== undefined || q.offset > 0 || Object.keys(where).length > 0;
  const counts = await db().host.groupBy({
    by: ["infraEnvId"],
    where: paged ? { infraEnvId: { in: rows.map((e) => e.id) } } : {},
    _count: { _all: true },
  });
  const hostCount = new Map(counts.map((g) => [g.infraEnvId, g._count._all]));
  return { total, rows: rows.map((e) => ({ ...e, _count: { hosts: hostCount.get(e.id) ?? 0 } })) };
}

export async function getInfraEnv(id: string) {
  const infraEnv = await db().infraEnv.findUnique({ where: { id }, include: withCounts });
  if (!infraEnv) throw notFound(`Infra-env ${id} not found`);
  return infraEnv;
}

async function chooseArchAndVersion(
  input: InfraEnvCreate,
): Promise<{ arch: Arch; version: string; osImageVersion: string }> {
  const table = await readImageTable();
  let arch: Arch = input.cpu_architecture ?? DEFAULT_ARCH;
  let version = input.openshift_version;

  if (input.cluster_id) {
    const cluster = await db().cluster.findUnique({ where: { id: input.cluster_id } });
    if (!cluster) throw fieldError("cluster_id", `No cluster with id ${input.cluster_id}`);
    if (version && minorOf(version) !== minorOf(cluster.openshiftVersion)) {
      throw fieldError(
        "openshift_version",
        `openshift_version ${version} does not match the cluster's (${cluster.openshiftVersion})`,
      );
    }
    version = cluster.openshiftVersion;
    if (cluster.cpuArchitecture === "multi") {
      const release = resolveRow(table.releaseImages, version, "multi");
      const members = release ? releaseMembers(release) : [];
      arch = input.cpu_architecture ?? members[0] ?? DEFAULT_ARCH;
      if (!members.includes(arch)) {
        throw fieldError(
          "cpu_architecture",
          `The multi-architecture cluster's release has ${members.map(toAssistedArch).join(", ")}; ${toAssistedArch(arch)} is not among them`,
        );
      }
    } else {
      const clusterArch = parseArch(cluster.cpuArchitecture) as Arch;
      if (input.cpu_architecture && !sameArch(input.cpu_architecture, clusterArch)) {
        throw fieldError(
          "cpu_architecture",
          `Specified CPU architecture (${toAssistedArch(input.cpu_architecture)}) doesn't match the cluster (${toAssistedArch(clusterArch)})`,
        );
      }
      arch = clusterArch;
    }
  }

  version ??= defaultOpenshiftVersion(table) ?? undefined;
  if (!version)
    throw fieldError(
      "openshift_version",
      "No OpenShift versions are configured; add rows to OS_IMAGES and RELEASE_IMAGES",
    );
  const support = archSupport(version, arch);
  if (support.level === "unavailable")
    throw fieldError(
      "cpu_architecture",
      `${toAssistedArch(arch)} is not available for version ${version}: ${support.reason}`,
    );
  const osImage = resolveRow(table.osImages, version, arch);
  if (!osImage)
    throw fieldError(
      "cpu_architecture",
      `The requested CPU architecture (${toAssistedArch(arch)}) isn't specified in OS images list for version ${version}`,
    );
  return { arch, version, osImageVersion: osImage.version };
}

export async function createInfraEnv(input: InfraEnvCreate, requestId?: string) {
  const { arch, version } = await chooseArchAndVersion(input);
  return db().$transaction(async (tx) => {
    const infraEnv = await tx.infraEnv.create({
      data: {
        name: input.name,
        clusterId: input.cluster_id ?? null,
        openshiftVersion: version,
        cpuArchitecture: arch,
        imageType: input.image_type ?? "full-iso",
        sshAuthorizedKey: input.ssh_authorized_key ?? null,
        pullSecret: seal(input.pull_secret ?? null),
        httpProxy: seal(input.proxy?.http_proxy ?? null),
        httpsProxy: seal(input.proxy?.https_proxy ?? null),
        noProxy: input.proxy?.no_proxy ?? null,
        additionalNtpSources: input.additional_ntp_sources ?? null,
        kernelArguments: input.kernel_arguments ?? [],
        ignitionConfigOverride: input.ignition_config_override ?? null,
        staticNetworkConfig: input.static_network_config ?? [],
        // Made now rather than at the first link: that link then writes nothing (two updates and
        // their re-reads less on the path from create to a usable link).
        agentToken: newAgentToken(),
        signingKey: seal(newSigningKey()),
        signingKeyRotatedAt: new Date(),
      },
      include: withCounts,
    });
    await recordEvent(tx, {
      name: "infra_env_registered",
      message: infraEnvCreatedMessage({ name: infraEnv.name, arch, version, bound: !!infraEnv.clusterId }),
      infraEnvId: infraEnv.id,
      clusterId: infraEnv.clusterId,
      requestId,
    });
    return infraEnv;
  });
}

export async function updateInfraEnv(id: string, patch: InfraEnvUpdate, requestId?: string) {
  const current = await getInfraEnv(id);
  const errors: Record<string, string[]> = {};
  if (patch.cpu_architecture !== undefined && !sameArch(patch.cpu_architecture, current.cpuArchitecture))
    errors.cpu_architecture = ["cpu_architecture cannot be changed after the infra-env is created"];
  if (patch.cluster_id !== undefined && patch.cluster_id !== current.clusterId)
    errors.cluster_id = ["cluster_id cannot be changed; bind hosts to a cluster instead"];
  if (patch.openshift_version !== undefined && patch.openshift_version !== current.openshiftVersion)
    errors.openshift_version = ["openshift_version cannot be changed after the infra-env is created"];
  if (Object.keys(errors).length) throw new HttpError(400, Object.values(errors)[0][0], errors);

  const plain = {
    name: patch.name,
    imageType: patch.image_type,
    sshAuthorizedKey: patch.ssh_authorized_key,
    pullSecret: patch.pull_secret,
    httpProxy: unlessRedactedEcho(patch.proxy?.http_proxy, current.httpProxy),
    httpsProxy: unlessRedactedEcho(patch.proxy?.https_proxy, current.httpsProxy),
    noProxy: patch.proxy?.no_proxy,
    additionalNtpSources: patch.additional_ntp_sources,
    kernelArguments: patch.kernel_arguments,
    ignitionConfigOverride: patch.ignition_config_override,
    staticNetworkConfig: patch.static_network_config,
  };
  // Events name the change, never a secret: proxy URLs without their password, the pull secret not at all.
  const changes: Changes = Object.entries(plain)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [
      k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      k === "httpProxy" || k === "httpsProxy" ? redactProxyUrl(v as string | null) : v,
    ]);
  if (changes.length === 0) return current;
  // Links issued before carry the old credentials' ISO: changing them revokes every link.
  const credentialsChanged = [plain.pullSecret, plain.httpProxy, plain.httpsProxy, plain.noProxy].some(
    (v) => v !== undefined,
  );
  const data = {
    ...plain,
    pullSecret: seal(plain.pullSecret),
    httpProxy: seal(plain.httpProxy),
    httpsProxy: seal(plain.httpsProxy),
    ...(credentialsChanged ? { signingKey: seal(newSigningKey()), signingKeyRotatedAt: new Date() } : {}),
  };
  const updated = await db().$transaction(async (tx) => {
    const infraEnv = await tx.infraEnv.update({ where: { id }, data, include: withCounts });
    await recordEvent(tx, {
      name: "infra_env_updated",
      message: `${updatedMessage("infra-env", infraEnv.name, changes)}${credentialsChanged ? " Its earlier download links were revoked." : ""}`,
      infraEnvId: id,
      clusterId: infraEnv.clusterId,
      props: { fields: changes.map(([f]) => f), ...(credentialsChanged ? { links_revoked: true } : {}) },
      requestId,
    });
    return infraEnv;
  });
  linksChanged();
  return updated;
}

export async function deleteInfraEnv(id: string, requestId?: string) {
  const current = await getInfraEnv(id);
  if (current._count.hosts > 0)
    throw new HttpError(
      409,
      `Infra-env ${current.name} still has ${current._count.hosts} host(s); deregister them first`,
    );
  await db().$transaction(async (tx) => {
    await tx.infraEnv.delete({ where: { id } });
    await recordEvent(tx, {
      name: "infra_env_deregistered",
      message: `Infra-env ${current.name} deleted.`,
      infraEnvId: id,
      clusterId: current.clusterId,
      requestId,
    });
  });
  linksChanged();
}
