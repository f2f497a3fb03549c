// The user side of hosts: each validation's failure sentence, PATCH hostname/role, DELETE,
// late binding under the cluster architecture rules, events as sentences, cluster readiness.
import { describe, expect, it } from "vitest";
import * as clusterOne from "@/app/api/assisted-install/v2/clusters/[cluster_id]/route";
import * as clusters from "@/app/api/assisted-install/v2/clusters/route";
import * as events from "@/app/api/assisted-install/v2/events/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import { PULL_SECRET, uniqueName } from "@/test/fixtures";
import { Agent, agentTokenOf, type InventoryOpts } from "@/test/hosts";
import { call } from "@/test/http";
import * as bind from "./[host_id]/actions/bind/route";
import * as unbind from "./[host_id]/actions/unbind/route";
import * as one from "./[host_id]/route";

async function cluster(body: Record<string, unknown> = {}) {
  const res = await call(clusters.POST, {
    method: "POST",
    path: "/c",
    body: { name: uniqueName(), openshift_version: "4.14", ...body },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string };
}

async function infraEnv(body: Record<string, unknown> = {}) {
  const res = await call(infraEnvs.POST, { method: "POST", path: "/ie", body: { name: uniqueName("ie"), ...body } });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, token: await agentTokenOf(res.body.id) };
}

async function bootHost(ie: { id: string; token: string }, opts: InventoryOpts = {}) {
  const agent = new Agent(ie.id, ie.token);
  await agent.boot(opts);
  return agent;
}

const params = (a: Agent) => ({ infra_env_id: a.infraEnvId, host_id: a.hostId });
const getHost = async (a: Agent) => (await call(one.GET, { path: "/h", params: params(a) })).body;
const patchHost = (a: Agent, body: unknown) =>
  call(one.PATCH, { method: "PATCH", path: "/h", params: params(a), body });
const failures = (host: { validations_info: string }) =>
  Object.values(JSON.parse(host.validations_info) as Record<string, { status: string; message: string }[]>)
    .flat()
    .filter((v) => v.status === "failure")
    .map((v) => v.message);
const messages = async (q: string) =>
  (await call(events.GET, { path: `/api/assisted-install/v2/events?order=ascending&${q}` })).body.map(
    (e: { message: string }) => e.message,
  );

describe("validations", () => {
  it.each<[string, Record<string, unknown>, InventoryOpts, string | undefined, string]>([
    [
      "architecture differs from the infra-env's",
      {},
      { arch: "aarch64" },
      undefined,
      "Host CPU architecture aarch64 does not match the infra-env's x86_64: it booted the wrong ISO",
    ],
    ["control plane cores", {}, { cores: 3 }, "master", "3 CPU cores, 4 required for a control plane node"],
    [
      "control plane memory",
      {},
      { memoryGiB: 12 },
      "master",
      "12 GiB of memory, 16 GiB required for a control plane node",
    ],
    ["worker cores", {}, { cores: 1 }, "worker", "1 CPU core, 2 required for a worker node"],
    ["worker memory", {}, { memoryGiB: 4 }, "worker", "4 GiB of memory, 8 GiB required for a worker node"],
    [
      "auto-assign is judged as a worker at least",
      {},
      { memoryGiB: 6 },
      undefined,
      "6 GiB of memory, 8 GiB required for a worker node",
    ],
    [
      "no eligible disk",
      {},
      {
        disks: [
          { name: "sda", sizeGB: 21 },
          { name: "sdb", sizeGB: 500, removable: true },
          { name: "sr0", sizeGB: 1, is_installation_media: true },
          { name: "vdb", sizeGB: 200, read_only: true },
        ],
      },
      undefined,
      "No eligible disk: sda is 21 GB, 100 GB required; sdb is removable; sr0 is the discovery ISO; vdb is read-only",
    ],
    ["no disks at all", {}, { disks: [] }, undefined, "No disks found; one of at least 100 GB is required"],
    [
      "hostname not RFC 1123",
      {},
      { hostname: "Worker_1" },
      undefined,
      'Hostname "Worker_1" is not valid: use lowercase letters, digits and hyphens (RFC 1123), labels of at most 63 characters separated by dots',
    ],
    [
      "hostname localhost",
      {},
      { hostname: "localhost" },
      undefined,
      "Hostname localhost is the default one; give the host its own name",
    ],
  ])("%s: insufficient, with the reason", async (_, ieBody, inv, role, sentence) => {
    const ie = await infraEnv(ieBody);
    const agent = await bootHost(ie, inv);
    if (role) expect((await patchHost(agent, { host_role: role })).status).toBe(200);
    const host = await getHost(agent);
    expect(host.status).toBe("insufficient-unbound");
    expect(failures(host)).toEqual([sentence]);
    expect(host.status_info).toBe(sentence);
  });

  it("a single-node cluster's host needs 8 cores", async () => {
    const c = await cluster({ control_plane_count: 1 });
    const ie = await infraEnv({ cluster_id: c.id });
    const host = await getHost(await bootHost(ie, { cores: 4 }));
    expect(host).toMatchObject({ status: "insufficient", cluster_id: c.id, suggested_role: "master" });
    expect(failures(host)).toEqual(["4 CPU cores, 8 required for a single-node cluster"]);
  });

  it("auto-assign hosts able to run the control plane are suggested for it; others are workers", async () => {
    const ie = await infraEnv();
    expect((await getHost(await bootHost(ie, { hostname: "big" }))).suggested_role).toBe("master");
    const small = await getHost(await bootHost(ie, { hostname: "small", cores: 2, memoryGiB: 8 }));
    expect(small).toMatchObject({ status: "known-unbound", suggested_role: "worker" });
  });

  it("a multi cluster accepts any architecture of its release, and no other", async () => {
    const c = await cluster({ cpu_architecture: "multi" });
    const ie = await infraEnv({ cluster_id: c.id, cpu_architecture: "arm64" });
    expect((await getHost(await bootHost(ie, { arch: "x86_64", hostname: "x" }))).status).toBe("known");
    const s390 = await getHost(await bootHost(ie, { arch: "s390x", hostname: "z" }));
    expect(failures(s390)[0]).toMatch(
      /^Host CPU architecture s390x is not in the multi-architecture release of cluster /,
    );
  });

  it("hostnames are unique in the infra-env; renaming one clears both", async () => {
    const ie = await infraEnv();
    const a = await bootHost(ie, { hostname: "twin" });
    const b = await bootHost(ie, { hostname: "twin" });
    for (const h of [a, b]) {
      const host = await getHost(h);
      expect(host.status).toBe("insufficient-unbound");
      expect(failures(host)).toEqual([
        "Hostname twin is used by another host in this infra-env; give each host its own",
      ]);
    }
    const res = await patchHost(b, { host_name: "twin-2" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ requested_hostname: "twin-2", status: "known-unbound" });
    expect((await getHost(a)).status).toBe("known-unbound");
    const log = await messages(`host_id=${b.hostId}`);
    expect(log).toContain("Host twin: hostname changed to twin-2");
    expect(log).toContain(
      "Host twin status changed from discovering-unbound to insufficient-unbound: Hostname twin is used by another host in this infra-env; give each host its own",
    );
    expect(log.at(-1)).toBe(
      "Host twin-2 status changed from insufficient-unbound to known-unbound: Host is ready to be installed",
    );
  });
});

describe("PATCH and DELETE", () => {
  it("changes the role, re-validates and says so", async () => {
    const ie = await infraEnv();
    const agent = await bootHost(ie, { hostname: "w1", cores: 2, memoryGiB: 8 });
    const res = await patchHost(agent, { host_role: "master" });
    expect(res.body).toMatchObject({ role: "master", status: "insufficient-unbound" });
    expect(failures(res.body)).toEqual([
      "2 CPU cores, 4 required for a control plane node",
      "8 GiB of memory, 16 GiB required for a control plane node",
    ]);
    expect(await messages(`host_id=${agent.hostId}`)).toContain(
      "Host w1: role changed from auto-assign to control plane",
    );
  });

  it.each([
    [{ host_name: "Bad_Name" }, "host_name", /RFC 1123/],
    [{ host_role: "bootstrap" }, "host_role", /auto-assign, master, worker/],
    [{ hostname: "x" }, "hostname", /Unknown field/],
  ])("rejects %j", async (body, field, message) => {
    const ie = await infraEnv();
    const agent = await bootHost(ie);
    const res = await patchHost(agent, body);
    expect(res.status).toBe(400);
    expect(res.body.errors[field][0]).toMatch(message);
  });

  it("DELETE removes the host (204, then 404) and frees its hostname", async () => {
    const ie = await infraEnv();
    const a = await bootHost(ie, { hostname: "dup" });
    const b = await bootHost(ie, { hostname: "dup" });
    const res = await call(one.DELETE, { method: "DELETE", path: "/h", params: params(a) });
    expect(res.status).toBe(204);
    expect((await call(one.GET, { path: "/h", params: params(a) })).status).toBe(404);
    expect((await getHost(b)).status).toBe("known-unbound");
    expect(await messages(`host_id=${a.hostId}`)).toContain("Host dup: deregistered");
  });
});

describe("late binding", () => {
  const act = (h: typeof bind | typeof unbind, a: Agent, body?: unknown) =>
    call(h.POST, { method: "POST", path: "/h", params: params(a), body });

  it("binds a known host to a cluster of its architecture, lists it there, and unbinds it", async () => {
    const ie = await infraEnv({ cpu_architecture: "arm64" });
    const agent = await bootHost(ie, { arch: "aarch64", hostname: "arm-w" });
    const x86 = await cluster();
    const refused = await act(bind, agent, { cluster_id: x86.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.cluster_id[0]).toBe(
      `Cannot bind host arm-w: The host's infra-env CPU architecture (arm64) doesn't match cluster ${x86.name}'s (x86_64)`,
    );
    const arm = await cluster({ cpu_architecture: "arm64" });
    const bound = await act(bind, agent, { cluster_id: arm.id });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ cluster_id: arm.id, status: "known" });
    const c = (await call(clusterOne.GET, { path: "/c", params: { cluster_id: arm.id } })).body;
    expect(c.hosts.map((h: { id: string }) => h.id)).toEqual([agent.hostId]);
    expect(c.total_host_count).toBe(1);
    expect((await act(bind, agent, { cluster_id: arm.id })).status).toBe(409);

    const un = await act(unbind, agent);
    expect(un.status).toBe(200);
    expect(un.body.cluster_id).toBeUndefined();
    expect(un.body.status).toBe("known-unbound");
    const log = await messages(`host_id=${agent.hostId}`);
    expect(log).toContain(`Host arm-w: bound to cluster ${arm.name}`);
    expect(log).toContain(`Host arm-w: unbound from cluster ${arm.name}`);
  });

  it("a multi cluster takes hosts of any architecture its release has", async () => {
    const ie = await infraEnv({ cpu_architecture: "arm64" });
    const agent = await bootHost(ie, { arch: "aarch64", hostname: "m-1" });
    const multi = await cluster({ cpu_architecture: "multi" });
    expect((await act(bind, agent, { cluster_id: multi.id })).status).toBe(200);
  });

  it("refuses hosts not yet known, and unbinding from an infra-env that belongs to the cluster", async () => {
    const ie = await infraEnv();
    const agent = new Agent(ie.id, ie.token);
    await agent.register();
    const c = await cluster();
    const res = await act(bind, agent, { cluster_id: c.id });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/is discovering-unbound; only a known host can be bound/);

    const owned = await infraEnv({ cluster_id: c.id });
    const member = await bootHost(owned, { hostname: "member" });
    const un = await act(unbind, member);
    expect(un.status).toBe(400);
    expect(un.body.detail).toMatch(/belongs to the cluster/);
  });
});

describe("cluster readiness and registration events", () => {
  it("lists what is missing until the cluster could be installed", async () => {
    const c = await cluster({ control_plane_count: 1 });
    const read = async () => (await call(clusterOne.GET, { path: "/c", params: { cluster_id: c.id } })).body;
    const checks = (body: { validations_info: string }) =>
      Object.values(JSON.parse(body.validations_info) as Record<string, { id: string; status: string }[]>)
        .flat()
        .map((v) => `${v.id}:${v.status}`);
    expect(checks(await read())).toEqual([
      "pull-secret-set:failure",
      "sufficient-masters-count:failure",
      "all-hosts-are-ready-to-install:failure",
    ]);
    const ie = await infraEnv({ cluster_id: c.id });
    const agent = await bootHost(ie, { hostname: "sno-1", cores: 8 });
    await call(clusterOne.PATCH, {
      method: "PATCH",
      path: "/c",
      params: { cluster_id: c.id },
      body: { pull_secret: PULL_SECRET },
    });
    const ready = await read();
    expect(checks(ready)).toEqual([
      "pull-secret-set:success",
      "sufficient-masters-count:success",
      "all-hosts-are-ready-to-install:success",
    ]);
    expect(ready).toMatchObject({ status: "ready", ready_host_count: 1 });
    expect((await messages(`host_id=${agent.hostId}`))[0]).toBe(
      `Host ${agent.hostId}: registered with the cluster ${c.name}`,
    );
  });
});
