// The agent API: only the infra-env's own token gets in (and nothing is written otherwise),
// registration is idempotent, the first instruction is the inventory, check-ins are recorded,
// a malformed inventory is a 400 naming the field, and 3 minutes of silence is `disconnected`.
import { describe, expect, it } from "vitest";
import * as events from "@/app/api/assisted-install/v2/events/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import { db } from "@/lib/db";
import type { HostJson } from "@/lib/hosts/serialize";
import { uniqueName } from "@/test/fixtures";
import { Agent, agentTokenOf, inventory } from "@/test/hosts";
import { call } from "@/test/http";
import * as instructionsRoute from "./[host_id]/instructions/route";
import * as one from "./[host_id]/route";
import * as list from "./route";

async function newInfraEnv(body: Record<string, unknown> = {}) {
  const res = await call(infraEnvs.POST, { method: "POST", path: "/ie", body: { name: uniqueName("ie"), ...body } });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, token: await agentTokenOf(res.body.id) };
}

const hostsOf = async (infraEnvId: string) =>
  (await call(list.GET, { path: "/h", params: { infra_env_id: infraEnvId } })).body as HostJson[];

const eventsOf = async (q: string) => (await call(events.GET, { path: `/api/assisted-install/v2/events?${q}` })).body;

describe("agent authentication", () => {
  it("rejects a missing, wrong or other infra-env's token with 401 and writes nothing", async () => {
    const mine = await newInfraEnv();
    const other = await newInfraEnv();
    const cases = [new Agent(mine.id, ""), new Agent(mine.id, `${mine.token}x`), new Agent(mine.id, other.token)];
    for (const agent of cases) {
      const reg = await agent.register();
      expect(reg.status).toBe(401);
      expect(reg.headers.get("content-type")).toBe("application/problem+json");
      expect(reg.body.detail).toMatch(/X-Secret-Key/);
      expect((await agent.instructions()).status).toBe(401);
      // Authentication comes before the body: a malformed inventory from a stranger is still a 401.
      expect((await agent.sendInventory("{not json")).status).toBe(401);
    }
    expect(await hostsOf(mine.id)).toEqual([]);
    expect(await db().host.count({ where: { infraEnvId: mine.id } })).toBe(0);
    const evs = await eventsOf(`infra_env_id=${mine.id}`);
    expect(evs.filter((e: { host_id?: string }) => e.host_id)).toEqual([]);
  });

  it("a host of one infra-env cannot be driven with another's token", async () => {
    const a = await newInfraEnv();
    const b = await newInfraEnv();
    const agent = new Agent(a.id, a.token);
    await agent.register();
    const intruder = Object.assign(new Agent(b.id, b.token), { hostId: agent.hostId });
    const res = await intruder.instructions();
    expect(res.status).toBe(404);
  });
});

describe("registration", () => {
  it("creates the host (201) and registering again is idempotent", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    const first = await agent.register();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: "Host",
      id: agent.hostId,
      infra_env_id: ie.id,
      status: "discovering-unbound",
      role: "auto-assign",
      discovery_agent_version: "archway-test-1",
      inventory: "",
    });
    expect(JSON.parse(first.body.validations_info).hardware[0]).toMatchObject({
      id: "has-inventory",
      status: "failure",
    });
    const again = await agent.register();
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(agent.hostId);
    expect((await hostsOf(ie.id)).map((h) => h.id)).toEqual([agent.hostId]);
    const evs = await eventsOf(`host_id=${agent.hostId}`);
    expect(evs.filter((e: { name: string }) => e.name === "host_registration_succeeded")).toHaveLength(1);
    expect(evs[0].message).toMatch(new RegExp(`^Host ${agent.hostId}: registered with infra-env ie-`));
  });

  it("a host id already registered with another infra-env is a conflict", async () => {
    const a = await newInfraEnv();
    const b = await newInfraEnv();
    const agent = new Agent(a.id, a.token);
    await agent.register();
    const res = await new Agent(b.id, b.token).register(agent.hostId);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.detail).toBe(`Host ${agent.hostId} is registered with another infra-env; delete it there first`);
    expect((await hostsOf(b.id)).length).toBe(0);
  });

  it("rejects a malformed host_id", async () => {
    const ie = await newInfraEnv();
    const res = await new Agent(ie.id, ie.token).register("not-a-uuid");
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(["host_id"]);
  });
});

describe("instructions", () => {
  it("asks for the inventory first and records the check-in", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.register();
    const past = new Date(Date.now() - 60_000);
    await db().host.update({ where: { id: agent.hostId }, data: { checkedInAt: past } });
    const res = await agent.instructions();
    expect(res.status).toBe(200);
    expect(res.body.next_instruction_seconds).toBeGreaterThan(0);
    expect(res.body.instructions[0]).toMatchObject({ step_type: "inventory", command: "", args: [agent.hostId] });
    expect(res.body.instructions[0].step_id).toMatch(/^inventory-[0-9a-f]{8}$/);
    const host = (await hostsOf(ie.id))[0];
    expect(new Date(host.checked_in_at).getTime()).toBeGreaterThan(past.getTime() + 30_000);
  });

  it("asks for the inventory once, then not at every poll; again when the agent registers anew or it is old", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    const steps = async () =>
      ((await agent.instructions()).body.instructions as { step_type: string }[]).map((i) => i.step_type);
    await agent.register();
    expect(await steps()).toEqual(["inventory"]);
    expect(await steps()).toEqual(["inventory"]);
    expect((await agent.sendInventory(inventory())).status).toBe(204);
    const poll = await agent.instructions();
    expect(poll.body).toMatchObject({ next_instruction_seconds: 60, instructions: [] });
    expect(await steps()).toEqual([]);
    await agent.register();
    expect(await steps()).toEqual(["inventory"]);
    await agent.sendInventory(inventory());
    expect(await steps()).toEqual([]);
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    await db().host.update({ where: { id: agent.hostId }, data: { inventoryUpdatedAt: sixMinutesAgo } });
    expect(await steps()).toEqual(["inventory"]);
  });

  it("an unknown host is not found", async () => {
    const ie = await newInfraEnv();
    expect((await new Agent(ie.id, ie.token).instructions()).status).toBe(404);
  });
});

describe("inventory step reply", () => {
  it("stores the inventory, sets the normalised architecture and validates the host", async () => {
    const ie = await newInfraEnv({ cpu_architecture: "arm64" });
    const agent = new Agent(ie.id, ie.token);
    await agent.boot({ arch: "arm64", hostname: "arm-1" });
    const host = (await hostsOf(ie.id))[0];
    expect(host.status).toBe("known-unbound");
    expect(host.status_info).toBe("Host is ready to be installed");
    expect(JSON.parse(host.inventory).cpu).toMatchObject({ architecture: "arm64", count: 8 });
    expect((await db().host.findUniqueOrThrow({ where: { id: agent.hostId } })).cpuArchitecture).toBe("aarch64");
    const groups = JSON.parse(host.validations_info);
    expect(Object.keys(groups)).toEqual(["hardware", "network"]);
    expect(groups.hardware.every((v: { status: string }) => v.status === "success")).toBe(true);
  });

  it.each([
    ["output is not JSON", "{cpu:", "inventory", /Not valid JSON/],
    [
      "cpu.count is not a number",
      { ...inventory(), cpu: { architecture: "x86_64", count: "eight" } },
      "inventory.cpu.count",
      /number/,
    ],
    ["memory is missing", (({ memory, ...rest }) => rest)(inventory()), "inventory.memory", /object/],
    ["a disk without size", { ...inventory(), disks: [{ name: "sda" }] }, "inventory.disks.0.size_bytes", /number/],
    // Found by the fuzz: JSON text nested 20,000 deep was stored, and storing it overflowed the stack (a 500).
    [
      "nested 20,000 deep",
      JSON.stringify({ ...inventory(), extra: 0 }).replace(
        '"extra":0',
        `"extra":${"[".repeat(20_000)}${"]".repeat(20_000)}`,
      ),
      "inventory",
      /At most 64 levels/,
    ],
    // Found by the fuzz: zod dropped a __proto__ key silently (or, in the object form, made it the prototype).
    [
      "a __proto__ key",
      JSON.stringify({ ...inventory(), cpu: { architecture: "x86_64", count: 8, marker: 0 } }).replace(
        '"marker":0',
        '"__proto__":{"count":-1}',
      ),
      "inventory.cpu.__proto__",
      /__proto__ is not a usable key/,
    ],
    // Found while fuzzing: PostgreSQL's jsonb refuses \u0000, so storing this was a 500 there.
    [
      "a NUL in a serial number",
      { ...inventory(), system_vendor: { serial_number: "abc\u0000def" } },
      "inventory.system_vendor.serial_number",
      /NUL/,
    ],
  ])("a malformed inventory (%s) is a 400 naming the field, and nothing is stored", async (_, inv, field, message) => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.register();
    const res = await agent.sendInventory(inv);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys(res.body.errors)).toContain(field);
    expect(res.body.errors[field][0]).toMatch(message);
    expect(res.body.detail).toMatch(/^Malformed inventory: /);
    expect((await hostsOf(ie.id))[0]).toMatchObject({ inventory: "", status: "discovering-unbound" });
  });

  it("takes the inventory as an object too, so a shell agent need not escape it", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.register();
    const res = await agent.reply({ step_type: "inventory", step_id: "i", exit_code: 0, output: inventory() });
    expect(res.status).toBe(204);
    expect((await hostsOf(ie.id))[0].status).toBe("known-unbound");
  });

  it("refuses a __proto__ key at the top of an inventory sent as an object (400 naming output)", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.register();
    // As JSON text, so the key stays an own key of `output` (an object literal would set its prototype).
    const body = `{"step_type":"inventory","step_id":"i","exit_code":0,"output":{"__proto__":${JSON.stringify(inventory())}}}`;
    const res = await call(instructionsRoute.POST, {
      method: "POST",
      path: "/x",
      params: { infra_env_id: ie.id, host_id: agent.hostId },
      headers: { "x-secret-key": ie.token, "content-type": "application/json" },
      rawBody: body,
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toContain("output");
    expect((await hostsOf(ie.id))[0]).toMatchObject({ inventory: "", status: "discovering-unbound" });
  });

  it("refuses NUL in the agent version or a step's error (400 naming the field; PostgreSQL cannot store it)", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    const reg = await call(list.POST, {
      method: "POST",
      path: "/h",
      params: { infra_env_id: ie.id },
      headers: { "x-secret-key": ie.token },
      body: { host_id: agent.hostId, discovery_agent_version: "v1\u0000" },
    });
    expect(reg.status).toBe(400);
    expect(Object.keys(reg.body.errors)).toEqual(["discovery_agent_version"]);
    await agent.register();
    const res = await agent.reply({ step_type: "inventory", step_id: "i", exit_code: 1, error: "no\u0000ghw" });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(["error"]);
    expect(await eventsOf(`host_id=${agent.hostId}&severities=warning`)).toEqual([]);
  });

  it("a failed inventory step leaves a warning event and stores nothing", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.register();
    const res = await agent.reply({ step_type: "inventory", step_id: "i", exit_code: 1, output: "", error: "no ghw" });
    expect(res.status).toBe(204);
    const evs = await eventsOf(`host_id=${agent.hostId}&severities=warning`);
    expect(evs[0].message).toBe(`Host ${agent.hostId}: the inventory step failed (exit code 1): no ghw`);
  });
});

describe("disconnected", () => {
  it("after 3 minutes without a check-in, and back when it checks in again", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.boot({ hostname: "quiet-1" });
    await db().host.update({ where: { id: agent.hostId }, data: { checkedInAt: new Date(Date.now() - 170_000) } });
    expect((await hostsOf(ie.id))[0].status).toBe("known-unbound");
    await db().host.update({ where: { id: agent.hostId }, data: { checkedInAt: new Date(Date.now() - 181_000) } });
    const gone = (await call(one.GET, { path: "/h", params: { infra_env_id: ie.id, host_id: agent.hostId } })).body;
    expect(gone.status).toBe("disconnected-unbound");
    expect(gone.status_info).toBe("Host has not checked in for 3 minutes");
    expect(JSON.parse(gone.validations_info).network[0]).toMatchObject({ id: "connected", status: "failure" });
    const back = await agent.instructions();
    expect((await hostsOf(ie.id))[0].status).toBe("known-unbound");
    // Back from silence (perhaps a reboot into other hardware): the inventory is asked for again.
    expect(back.body.instructions.map((i: { step_type: string }) => i.step_type)).toEqual(["inventory"]);
    const messages = (await eventsOf(`host_id=${agent.hostId}&order=ascending`)).map(
      (e: { message: string }) => e.message,
    );
    expect(messages).toContain(
      "Host quiet-1 status changed from known-unbound to disconnected-unbound: Host has not checked in for 3 minutes",
    );
    expect(messages.at(-1)).toBe(
      "Host quiet-1 status changed from disconnected-unbound to known-unbound: Host is ready to be installed",
    );
  });

  it("a whole rack silent at once (1,200 named hosts) is listed, every host disconnected", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.boot({ hostname: "rack-0" });
    const template = await db().host.findUniqueOrThrow({ where: { id: agent.hostId } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = template;
    const silentSince = new Date(Date.now() - 200_000);
    await db().host.createMany({
      data: Array.from({ length: 1199 }, (_, i) => ({
        ...rest,
        id: crypto.randomUUID(),
        hostname: `rack-${i + 1}`,
        checkedInAt: silentSince,
      })),
    });
    await db().host.update({ where: { id: agent.hostId }, data: { checkedInAt: silentSince } });
    // One IN list of 1,200 hostnames exceeded SQLite's bound-parameter limit: every list was a 500.
    const res = await call(list.GET, { path: "/h", params: { infra_env_id: ie.id } });
    expect(res.status).toBe(200);
    const listed = res.body as HostJson[];
    expect(listed).toHaveLength(1200);
    expect(new Set(listed.map((h) => h.status))).toEqual(new Set(["disconnected-unbound"]));
  }, 60_000);
});

describe("only the hosts an inventory can change are re-evaluated", () => {
  const rowOf = (id: string) => db().host.findUniqueOrThrow({ where: { id } });

  it("the same inventory again writes nothing but the check-in", async () => {
    const ie = await newInfraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.boot({ hostname: "same-1" });
    const before = await rowOf(agent.hostId);
    const eventsBefore = (await eventsOf(`host_id=${agent.hostId}`)).length;
    await new Promise((r) => setTimeout(r, 5));
    expect((await agent.sendInventory(inventory({ hostname: "same-1" }))).status).toBe(204);
    const after = await rowOf(agent.hostId);
    expect(after.inventory).toBe(before.inventory);
    expect(after.validationsInfo).toBe(before.validationsInfo);
    expect(after.statusUpdatedAt).toEqual(before.statusUpdatedAt);
    expect(after.inventoryUpdatedAt?.getTime()).toBeGreaterThan(before.inventoryUpdatedAt?.getTime() ?? 0);
    expect((await eventsOf(`host_id=${agent.hostId}`)).length).toBe(eventsBefore);
  });

  it("a new hostname re-validates the hosts that share the old or new name, and leaves the others alone", async () => {
    const ie = await newInfraEnv();
    const [a, b, c] = [new Agent(ie.id, ie.token), new Agent(ie.id, ie.token), new Agent(ie.id, ie.token)];
    await a.boot({ hostname: "alpha" });
    await b.boot({ hostname: "bravo" });
    await c.boot({ hostname: "charlie" });
    const bravo = await rowOf(b.hostId);
    await new Promise((r) => setTimeout(r, 5));
    // c takes a's name: both fail uniqueness; b is not touched at all.
    await c.sendInventory(inventory({ hostname: "alpha" }));
    expect((await rowOf(a.hostId)).status).toBe("insufficient-unbound");
    expect((await rowOf(c.hostId)).statusInfo).toBe(
      "Hostname alpha is used by another host in this infra-env; give each host its own",
    );
    expect((await rowOf(b.hostId)).updatedAt).toEqual(bravo.updatedAt);
    // And gives it back: a is known again.
    await c.sendInventory(inventory({ hostname: "charlie" }));
    expect((await rowOf(a.hostId)).status).toBe("known-unbound");
    expect((await rowOf(c.hostId)).status).toBe("known-unbound");
    expect((await rowOf(b.hostId)).updatedAt).toEqual(bravo.updatedAt);
  });
});
