// Creating, reading, updating and deleting clusters; every change writes an event.
import "server-only";
import { DEFAULT_ARCH, parseArch, sameArch } from "@/lib/arch";
import { readImageTable } from "@/lib/catalog/queries";
import { db, type Prisma } from "@/lib/db";
import { type Changes, clusterCreatedMessage, clusterDeletedMessage, updatedMessage } from "@/lib/events/messages";
import { recordEvent } from "@/lib/events/record";
import { refreshScope, refreshSilent } from "@/lib/hosts/refresh";
import { HttpError, notFound } from "@/lib/http/errors";
import { redactProxyUrl } from "@/lib/secrets/redact";
import { seal, unlessRedactedEcho } from "@/lib/secrets/secrets";
import { checkOperators, checkTopology, controlPlaneCountOf, requireRelease } from "./rules";
import { CLUSTER_CREATE_ONLY, type ClusterCreate, type ClusterUpdate } from "./schemas";

const counts = { _count: { select: { hosts: true, infraEnvs: true } } } as const;
const hostOrder: Prisma.HostOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
// One cluster comes with its hosts.
const withCounts = { ...counts, hosts: { orderBy: hostOrder } } satisfies Prisma.ClusterInclude;

export async function getCluster(id: string) {
  await refreshSilent({ clusterId: id });
  const cluster = await db().cluster.findUnique({ where: { id }, include: withCounts });
  if (!cluster) throw notFound(`Cluster ${id} not found`);
  return cluster;
}

export async function createCluster(input: ClusterCreate, requestId?: string) {
  const arch = input.cpu_architecture ?? DEFAULT_ARCH;
  const table = await readImageTable();
  const release = requireRelease(table, input.openshift_version, arch);
  const count = controlPlaneCountOf(input);
  checkTopology(input.openshift_version, arch, count);
  const operators = checkOperators(input.openshift_version, arch, count, input.olm_operators ?? []);

  return db().$transaction(async (tx) => {
    const cluster = await tx.cluster.create({
      data: {
        name: input.name,
        openshiftVersion: input.openshift_version,
        ocpReleaseImage: release.url,
        cpuArchitecture: arch,
        controlPlaneCount: count,
        baseDnsDomain: input.base_dns_domain ?? null,
        sshPublicKey: input.ssh_public_key ?? null,
        pullSecret: seal(input.pull_secret ?? null),
        olmOperators: operators,
        httpProxy: seal(input.http_proxy ?? null),
        httpsProxy: seal(input.https_proxy ?? null),
        noProxy: input.no_proxy ?? null,
      },
      include: withCounts,
    });
    await recordEvent(tx, {
      name: "cluster_registration_succeeded",
      message: clusterCreatedMessage({ name: cluster.name, arch, version: release.version, controlPlaneCount: count }),
      clusterId: cluster.id,
      requestId,
    });
    return cluster;
  });
}

type Current = Awaited<ReturnType<typeof getCluster>>;

// Create-only fields may be repeated with their current value (clients that PUT back whole objects).
function rejectCreateOnlyChanges(current: Current, patch: ClusterUpdate) {
  const now: Record<(typeof CLUSTER_CREATE_ONLY)[number], (v: unknown) => boolean> = {
    cpu_architecture: (v) => typeof v === "string" && sameArch(v, current.cpuArchitecture),
    openshift_version: (v) => v === current.openshiftVersion,
    high_availability_mode: (v) => v === (current.controlPlaneCount === 1 ? "None" : "Full"),
    control_plane_count: (v) => v === current.controlPlaneCount,
  };
  const errors: Record<string, string[]> = {};
  for (const field of CLUSTER_CREATE_ONLY) {
    if (patch[field] !== undefined && !now[field](patch[field]))
      errors[field] = [`${field} cannot be changed after the cluster is created`];
  }
  const fields = Object.keys(errors);
  if (fields.length)
    throw new HttpError(
      400,
      `${fields.join(", ")} ${fields.length > 1 ? "are" : "is"} set when the cluster is created and cannot be updated`,
      errors,
    );
}

export async function updateCluster(id: string, patch: ClusterUpdate, requestId?: string) {
  const current = await getCluster(id);
  rejectCreateOnlyChanges(current, patch);
  const arch = parseArch(current.cpuArchitecture) ?? DEFAULT_ARCH;
  const operators = patch.olm_operators
    ? checkOperators(current.openshiftVersion, arch, current.controlPlaneCount, patch.olm_operators)
    : undefined;
  const plain = {
    name: patch.name,
    baseDnsDomain: patch.base_dns_domain,
    sshPublicKey: patch.ssh_public_key,
    pullSecret: patch.pull_secret,
    olmOperators: operators,
    httpProxy: unlessRedactedEcho(patch.http_proxy, current.httpProxy),
    httpsProxy: unlessRedactedEcho(patch.https_proxy, current.httpsProxy),
    noProxy: patch.no_proxy,
  };
  // Events name the change, never a secret: proxy URLs without their password, the pull secret not at all.
  const changes: Changes = Object.entries(plain)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [snake(k), k === "httpProxy" || k === "httpsProxy" ? redactProxyUrl(v as string | null) : v]);
  if (changes.length === 0) return current;
  const data = {
    ...plain,
    pullSecret: seal(plain.pullSecret),
    httpProxy: seal(plain.httpProxy),
    httpsProxy: seal(plain.httpsProxy),
  };

  return db().$transaction(async (tx) => {
    const cluster = await tx.cluster.update({ where: { id }, data, include: withCounts });
    await recordEvent(tx, {
      name: "cluster_updated",
      message: updatedMessage("cluster", cluster.name, changes),
      clusterId: id,
      props: { fields: changes.map(([f]) => f) },
      requestId,
    });
    return cluster;
  });
}

export async function deleteCluster(id: string, requestId?: string) {
  const current = await getCluster(id);
  const pools = [...new Set(current.hosts.map((h) => h.infraEnvId))];
  await db().$transaction(async (tx) => {
    await tx.cluster.delete({ where: { id } });
    await recordEvent(tx, {
      name: "cluster_deregistered",
      message: clusterDeletedMessage(current.name, current._count.infraEnvs),
      clusterId: id,
      requestId,
    });
  });
  // Its hosts stay with their infra-envs, unbound: their validations no longer involve the cluster.
  for (const infraEnvId of pools) await refreshScope({ infraEnvId, clusterId: null }, new Date(), requestId);
}

function snake(camel: string) {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
