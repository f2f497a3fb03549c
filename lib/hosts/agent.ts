// What the discovery agent does through the agent API: register, ask for instructions (its
// check-in), and reply to steps. The caller has authenticated it for `infraEnv` already.
import "server-only";
import { randomBytes } from "node:crypto";
import { parseArch } from "@/lib/arch";
import { db, type InfraEnv } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { conflict, HttpError, notFound } from "@/lib/http/errors";
import { parseInventory } from "./inventory";
import { hostLabel, refreshScope, scopeOf } from "./refresh";
import type { HostCreate, StepReply } from "./schemas";

/** assisted-service asks again after 60 s, and after 120 s when the host was disconnected. */
export const NEXT_INSTRUCTION_SECONDS = 60;

async function hostOf(infraEnv: InfraEnv, hostId: string) {
  const host = await db().host.findUnique({ where: { id: hostId } });
  if (!host || host.infraEnvId !== infraEnv.id) throw notFound(`Host ${hostId} is not registered with this infra-env`);
  return host;
}

async function reread(id: string) {
  return db().host.findUniqueOrThrow({ where: { id } });
}

/** A check-in: records the time and, when the host had been disconnected, brings it back. */
async function checkIn(infraEnv: InfraEnv, hostId: string, now: Date, data: { discoveryAgentVersion?: string } = {}) {
  const host = await hostOf(infraEnv, hostId);
  await db().host.update({ where: { id: hostId }, data: { checkedInAt: now, ...data } });
  if (host.status === "disconnected") await refreshScope(scopeOf(host), now);
  return host;
}

export async function registerHost(infraEnv: InfraEnv, input: HostCreate, now = new Date(), requestId?: string) {
  const existing = await db().host.findUnique({ where: { id: input.host_id } });
  if (existing && existing.infraEnvId !== infraEnv.id)
    throw conflict(`Host ${input.host_id} is registered with another infra-env; delete it there first`);
  if (existing) {
    await checkIn(infraEnv, existing.id, now, { discoveryAgentVersion: input.discovery_agent_version });
    return reread(existing.id);
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
  const host = await reread(input.host_id);
  await refreshScope(scopeOf(host), now, requestId);
  return reread(input.host_id);
}

export async function nextInstructions(infraEnv: InfraEnv, hostId: string, now = new Date()) {
  const host = await checkIn(infraEnv, hostId, now);
  // As assisted-service does in every pre-install state: the inventory first, then refreshed each time.
  const stepId = `inventory-${randomBytes(4).toString("hex")}`;
  return {
    next_instruction_seconds: NEXT_INSTRUCTION_SECONDS,
    post_step_action: "continue" as const,
    instructions: [{ step_type: "inventory", step_id: stepId, command: "", args: [host.id] }],
  };
}

export async function postStepReply(infraEnv: InfraEnv, hostId: string, reply: StepReply, now = new Date()) {
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
  const arch = parseArch(parsed.inventory.cpu.architecture);
  await db().host.update({
    where: { id: hostId },
    data: {
      inventory: parsed.inventory as object,
      inventoryUpdatedAt: now,
      cpuArchitecture: arch === "multi" ? null : arch,
      checkedInAt: now,
    },
  });
  await refreshScope(scopeOf(before), now);
}
