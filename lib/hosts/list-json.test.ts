// The hosts list keeps each host's JSON between lists: whatever changes (a check-in, a new inventory
// and the validations it changes, a rename, a role, binding, a host deleted and registered again
// under the same id, a write that leaves updated_at in the same millisecond), the list shows
// exactly what reading each host whole shows.
import { describe, expect, it } from "vitest";
import * as clusters from "@/app/api/assisted-install/v2/clusters/route";
import * as hosts from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/[host_id]/actions/bind/route";
import * as one from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/[host_id]/route";
import * as list from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import { db } from "@/lib/db";
import type { HostJson } from "@/lib/hosts/serialize";
import { uniqueName } from "@/test/fixtures";
import { Agent, agentTokenOf } from "@/test/hosts";
import { call } from "@/test/http";

const params = (a: Agent) => ({ infra_env_id: a.infraEnvId, host_id: a.hostId });

async function listed(infraEnvId: string, query = "") {
  const res = await call(list.GET, { path: `/hosts${query}`, params: { infra_env_id: infraEnvId } });
  expect(res.status).toBe(200);
  return res.body as HostJson[];
}

async function eachRead(agents: Agent[]) {
  const out = [];
  for (const a of agents) {
    const res = await call(one.GET, { path: "/h", params: params(a) });
    if (res.status === 200) out.push(res.body);
  }
  return out;
}

describe("hosts list JSON kept between lists", () => {
  it("always equals each host read whole, through every kind of change", async () => {
    const created = await call(infraEnvs.POST, {
      method: "POST",
      path: "/ie",
      body: { name: uniqueName("ie"), cpu_architecture: "x86_64" },
    });
    const ie = created.body.id as string;
    const token = await agentTokenOf(ie);
    const agents = [new Agent(ie, token), new Agent(ie, token), new Agent(ie, token)];
    // Oldest first: a host registered again goes last.
    const byAge = (hs: HostJson[]) =>
      [...hs].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || a.id.localeCompare(b.id));
    const same = async () => expect(await listed(ie)).toEqual(byAge(await eachRead(agents)));

    for (const [i, a] of agents.entries()) await a.boot({ hostname: `h-${i}`, cores: 8 });
    await same();
    await same(); // from what was kept

    await agents[0].instructions(); // a check-in: only the timestamps move
    await same();

    await agents[1].sendInventory((await import("@/test/hosts")).inventory({ hostname: "h-1", cores: 1 }));
    const after = (await listed(ie))[1];
    expect(after.status).toBe("insufficient-unbound");
    expect(JSON.parse(after.inventory).cpu.count).toBe(1);
    await same();

    const patch = await call(one.PATCH, {
      method: "PATCH",
      path: "/h",
      params: params(agents[2]),
      body: { host_name: "renamed", host_role: "worker" },
    });
    expect(patch.status).toBe(200);
    await same();

    const c = await call(clusters.POST, {
      method: "POST",
      path: "/c",
      body: { name: uniqueName(), openshift_version: "4.14" },
    });
    const bound = await call(hosts.POST, {
      method: "POST",
      path: "/b",
      params: params(agents[0]),
      body: { cluster_id: c.body.id },
    });
    expect(bound.status).toBe(200);
    await same();

    // A write in the same millisecond as the last one, with no new revision: still seen.
    const row = await db().host.findUniqueOrThrow({ where: { id: agents[2].hostId } });
    await db().host.update({ where: { id: row.id }, data: { role: "master", updatedAt: row.updatedAt } });
    await same();

    // Deleted, then the same host registers again: it starts over at revision 0.
    expect((await call(one.DELETE, { method: "DELETE", path: "/h", params: params(agents[1]) })).status).toBe(204);
    await same();
    expect((await agents[1].register()).status).toBe(201);
    const again = (await listed(ie)).find((h) => h.id === agents[1].hostId) as HostJson;
    expect(again.inventory).toBe("");
    expect(again.status).toBe("discovering-unbound");
    await same();

    // Pages show the same JSON.
    const whole = await listed(ie);
    expect(await listed(ie, "?limit=1&offset=1")).toEqual(whole.slice(1, 2));
  });
});
