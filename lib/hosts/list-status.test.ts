// The hosts list's status filter: only hosts of the listed statuses (each spelled exactly, bound and
// unbound apart), X-Total-Count their total, pages of them; the same kept JSON as the whole list
// through status changes, silent hosts counted as disconnected; an unknown status is a 400 naming
// query.status.
import { beforeAll, describe, expect, it } from "vitest";
import * as list from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import { db } from "@/lib/db";
import type { HostJson } from "@/lib/hosts/serialize";
import { uniqueName } from "@/test/fixtures";
import { Agent, agentTokenOf, inventory } from "@/test/hosts";
import { call } from "@/test/http";

async function newInfraEnv() {
  const res = await call(infraEnvs.POST, { method: "POST", path: "/ie", body: { name: uniqueName("ie") } });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  return { id, token: await agentTokenOf(id) };
}

const get = (infraEnvId: string, query: string) =>
  call(list.GET, { path: `/hosts?${query}`, params: { infra_env_id: infraEnvId } });

async function listed(infraEnvId: string, query = "") {
  const res = await get(infraEnvId, query);
  expect(res.status, res.text).toBe(200);
  return { hosts: res.body as HostJson[], total: Number(res.headers.get("x-total-count")) };
}

const ctx = { ie: "", known: [] as Agent[], insufficient: [] as Agent[], discovering: [] as Agent[] };

beforeAll(async () => {
  const ie = await newInfraEnv();
  ctx.ie = ie.id;
  const agent = () => new Agent(ie.id, ie.token);
  // Interleaved, so each status's hosts are spread through the list's order.
  for (let i = 0; i < 3; i++) {
    const k = agent();
    await k.boot({ hostname: `known-${i}` });
    ctx.known.push(k);
    const d = agent();
    expect((await d.register()).status).toBe(201);
    ctx.discovering.push(d);
  }
  const s = agent();
  await s.boot({ hostname: "small", cores: 1 });
  ctx.insufficient.push(s);
  // Known hosts of another infra-env are not counted here.
  const other = await newInfraEnv();
  await new Agent(other.id, other.token).boot({ hostname: "elsewhere" });
}, 60_000);

describe("GET .../hosts?status=", () => {
  it("lists only the hosts of that status, oldest first, with their total", async () => {
    const { hosts, total } = await listed(ctx.ie, "status=known-unbound");
    expect(hosts.map((h) => h.id)).toEqual(ctx.known.map((a) => a.hostId));
    expect(hosts.every((h) => h.status === "known-unbound")).toBe(true);
    expect(total).toBe(3);
    expect((await listed(ctx.ie)).total).toBe(7);
  });

  it("takes several statuses, and pages them", async () => {
    const whole = (await listed(ctx.ie)).hosts;
    const wanted = whole.filter((h) => h.status === "known-unbound" || h.status === "insufficient-unbound");
    const both = await listed(ctx.ie, "status=known-unbound,insufficient-unbound");
    expect(both.hosts).toEqual(wanted); // the same JSON as the whole list shows
    expect(both.total).toBe(4);
    const page = await listed(ctx.ie, "status=insufficient-unbound, known-unbound&limit=2&offset=2");
    expect(page.hosts).toEqual(wanted.slice(2, 4));
    expect(page.total).toBe(4);
    const count = await listed(ctx.ie, "status=known-unbound&limit=1");
    expect(count.hosts).toHaveLength(1);
    expect(count.total).toBe(3);
  });

  it("spells bound and unbound apart: none of these hosts is bound", async () => {
    expect(await listed(ctx.ie, "status=known")).toEqual({ hosts: [], total: 0 });
    expect((await listed(ctx.ie, "status=known,known-unbound")).total).toBe(3);
  });

  it("an empty status is no filter", async () => {
    expect((await listed(ctx.ie, "status=")).total).toBe(7);
  });

  it("follows status changes through the kept JSON", async () => {
    const ie = await newInfraEnv();
    const [a, b] = [new Agent(ie.id, ie.token), new Agent(ie.id, ie.token)];
    await a.boot({ hostname: "a" });
    await b.boot({ hostname: "b" });
    expect((await listed(ie.id, "status=known-unbound")).total).toBe(2); // both kept now

    expect((await b.sendInventory(inventory({ hostname: "b", cores: 1 }))).status).toBe(204);
    const known = await listed(ie.id, "status=known-unbound");
    expect(known.hosts.map((h) => h.id)).toEqual([a.hostId]);
    expect(known.total).toBe(1);
    const insufficient = await listed(ie.id, "status=insufficient-unbound");
    expect(insufficient.hosts.map((h) => [h.id, h.status])).toEqual([[b.hostId, "insufficient-unbound"]]);
    expect(JSON.parse(insufficient.hosts[0].inventory).cpu.count).toBe(1);

    // Silent for ten minutes: the list counts the host as disconnected, not as it last was.
    await db().host.update({ where: { id: a.hostId }, data: { checkedInAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await listed(ie.id, "status=known-unbound")).toEqual({ hosts: [], total: 0 });
    const gone = await listed(ie.id, "status=disconnected-unbound");
    expect(gone.hosts.map((h) => [h.id, h.status])).toEqual([[a.hostId, "disconnected-unbound"]]);
    expect(gone.total).toBe(1);
  });

  it.each([
    ["status=ready", "query.status", /^Unknown status ready; use discovering, discovering-unbound, known, /],
    ["status=known,bogus,x", "query.status", /^Unknown status bogus, x; use /],
    ["status=unbound", "query.status", /^Unknown status unbound; /],
    ["statuses=known", "query.statuses", /^Unknown field$/],
  ])("%s is a 400 problem naming %s", async (query, field, message) => {
    const res = await get(ctx.ie, query);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect(res.body.errors[field][0]).toMatch(message);
    expect(res.body.detail).toMatch(field);
  });
});
