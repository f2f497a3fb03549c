// What the discovery agent does through the agent API: register, ask for instructions (its
// check-in), and reply to steps. The caller has authenticated it for `infraEnv` already.
// A poll is the hot path (every host, every minute): two small indexed queries and no evaluation
// unless the host comes back from silence.
import "server-only";
import { randomBytes } from "node:crypto";
import { parseArch } from "@/lib/arch";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { conflict, HttpError, notFound } from "@/lib/http/errors";
import type { AgentScope } from "./agent-auth";
import { parseInventory } from "./inventory";
import { hostLabel, refreshAround, refreshHosts, scopeOf } from "./refresh";
import type { HostCreate, StepReply } from "./schemas";
import { baseStatus, hostStatus } from "./status";
import { hostnameOf } from "./validations";

/** assisted-service asks again after 60 s, and after 120 s when the host was disconnected. */
export const NEXT_INSTRUCTION_SECONDS = 60;
/** The inventory is asked for once, then again after this long (hardware rarely changes while discovering). */
export const INVENTORY_REFRESH_MS = 5 * 60 * 1000;

const polled = {
  id: true,
  infraEnvId: true,
  clusterId: true,
  status: true,
  hostname: true,
  inventoryWanted: true,
  inventoryUpdatedAt: true,
} as const;

async function hostOf(infraEnv: AgentScope, hostId: string) {
  const host = await db().host.findUnique({ where: { id: hostId }, select: polled });
  if (!host || host.infraEnvId !== infraEnv.id) throw notFound(`Host ${hostId} is not registered with this infra-env`);
  return host;
}

async function reread(id: string) {
  return db().host.findUniqueOrThrow({ where: { id } });
}

/**
 * A check-in: records the time (one UPDATE that also reads what the poll needs, and 404s a host of
 * another infra-env) and, when the host had been disconnected, brings it back and asks for its
 * inventory again (it may have been rebooted with other hardware).
 */
async function checkIn(
  infraEnv: AgentScope,
  hostId: string,
  now: Date,
  data: { discoveryAgentVersion?: string; inventoryWanted?: boolean } = {},
) {
  const host = await db()
    .host.update({
      where: { id: hostId, infraEnvId: infraEnv.id },
      data: { checkedInAt: now, ...data },
      select: polled,
    })
    .catch((err: { code?: string }) => {
      if (err.code === "P2025") throw notFound(`Host ${hostId} is not registered with this infra-env`);
      throw err;
    });
  if (baseStatus(host.status) !== "disconnected") return host;
  await db().host.update({ where: { id: hostId }, data: { inventoryWanted: true } });
  await refreshHosts({ id: hostId }, now);
  return { ...host, inventoryWanted: true };
}

export async function registerHost(infraEnv: AgentScope, input: HostCreate, now = new Date(), requestId?: string) {
  const existing = await db().host.findUnique({ where: { id: input.host_id }, select: { infraEnvId: true } });
  if (existing && existing.infraEnvId !== infraEnv.id)
    throw conflict(`Host ${input.host_id} is registered with another infra-env; delete it there first`);
  if (existing) {
    // The agent started again (a reboot, perhaps into other hardware): ask for the inventory again.
    await checkIn(infraEnv, input.host_id, now, {
      discoveryAgentVersion: input.discovery_agent_version,
      inventoryWanted: true,
    });
    return reread(input.host_id);
  }
  const cluster = infraEnv.clusterId ? await db().cluster.findUnique({ where: { id: infraEnv.clusterId } }) : null;
  try {
    await db().$transaction([
      db().host.create({
        data: {
          id: input.host_id,
          infraEnvId: infraEnv.id,
          clusterId: cluster?.id ?? null,
          discoveryAgentVersion: input.discovery_agent_version ?? null,
          checkedInAt: now,
          statusUpdatedAt: now,
          status: hostStatus("discovering", cluster !== null),
          statusInfo: "Waiting for the host's hardware inventory",
        },
      }),
      recordEvent(db(), {
        name: "host_registration_succeeded",
        message: cluster
          ? `Host ${input.host_id}: registered with the cluster ${cluster.name}`
          : `Host ${input.host_id}: registered with infra-env ${infraEnv.name}`,
        hostId: input.host_id,
        infraEnvId: infraEnv.id,
        clusterId: cluster?.id ?? null,
        requestId,
      }),
    ]);
  } catch (err) {
    // Two registrations of the same host at once: the second finds the first.
    if ((err as { code?: string }).code !== "P2002") throw err;
  }
  // A new host has no hostname yet, so no other host's validations change.
  await refreshHosts({ id: input.host_id }, now, requestId);
  return reread(input.host_id);
}

export async function nextInstructions(infraEnv: AgentScope, hostId: string, now = new Date()) {
  const host = await checkIn(infraEnv, hostId, now);
  const stale = !host.inventoryUpdatedAt || now.getTime() - host.inventoryUpdatedAt.getTime() >= INVENTORY_REFRESH_MS;
  // assisted-service sends the inventory step at every poll; once it is in, asking again only
  // now and then keeps a thousand polling hosts from re-sending (and us re-validating) it all.
  const instructions =
    host.inventoryWanted || stale
      ? [
          {
            step_type: "inventory",
            step_id: `inventory-${randomBytes(4).toString("hex")}`,
            command: "",
            args: [hostId],
          },
        ]
      : [];
  return { next_instruction_seconds: NEXT_INSTRUCTION_SECONDS, post_step_action: "continue" as const, instructions };
}

export async function postStepReply(infraEnv: AgentScope, hostId: string, reply: StepReply, now = new Date()) {
  const before = await hostOf(infraEnv, hostId);
  if (reply.step_type !== "inventory") {
    await checkIn(infraEnv, hostId, now);
    return;
  }
  if (reply.exit_code !== 0) {
    await checkIn(infraEnv, hostId, now);
    await recordEvent(db(), {
      name: "host_step_failed",
      message: `Host ${hostLabel(before)}: the inventory step failed (exit code ${reply.exit_code})${reply.error ? `: ${reply.error.slice(0, 500)}` : ""}`,
      severity: "warning",
      hostId,
      infraEnvId: infraEnv.id,
      clusterId: before.clusterId,
    });
    return;
  }
  const parsed = parseInventory(reply.output);
  if (!parsed.ok) throw new HttpError(400, parsed.detail, parsed.errors);
  // Stored as the text the API sends, so lists pass it through instead of re-encoding it.
  const text = JSON.stringify(parsed.inventory);
  const stored = await db().host.findUniqueOrThrow({
    where: { id: hostId },
    select: { inventory: true, requestedHostname: true },
  });
  const received = { checkedInAt: now, inventoryUpdatedAt: now, inventoryWanted: false };
  if (stored.inventory === text) {
    // Nothing the validations read has changed.
    await db().host.update({ where: { id: hostId }, data: received });
    if (baseStatus(before.status) === "disconnected") await refreshHosts({ id: hostId }, now);
    return;
  }
  const arch = parseArch(parsed.inventory.cpu.architecture);
  const hostname = hostnameOf({ requestedHostname: stored.requestedHostname, inventory: parsed.inventory });
  await db().host.update({
    where: { id: hostId },
    data: {
      ...received,
      inventory: text,
      detailsRevision: { increment: 1 },
      cpuArchitecture: arch === "multi" ? null : arch,
      hostname,
    },
  });
  const scope = scopeOf(before);
  await refreshAround(hostId, { scope, hostname: before.hostname }, { scope, hostname }, now);
}
