// The infra-envs API: architecture defaults to the cluster's, must match it, is never multi and
// never changes; standalone (late-binding) infra-envs; bad input leaves nothing behind.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PULL_SECRET, SSH_KEY, uniqueName } from "@/test/fixtures";
import { call } from "@/test/http";
import * as clusters from "../clusters/route";
import * as one from "./[infra_env_id]/route";
import * as list from "./route";

const PATH = "/api/assisted-install/v2/infra-envs";
const create = (body: unknown) => call(list.POST, { method: "POST", path: PATH, body });
const patch = (id: string, body: unknown) =>
  call(one.PATCH, { method: "PATCH", path: `${PATH}/${id}`, params: { infra_env_id: id }, body });
const cluster = async (body: Record<string, unknown>) =>
  (await call(clusters.POST, { method: "POST", path: "/c", body: { name: uniqueName(), ...body } })).body;

describe("POST /infra-envs", () => {
  it("takes the cluster's architecture and version by default", async () => {
    const c = await cluster({ openshift_version: "4.9", cpu_architecture: "arm64", control_plane_count: 1 });
    const res = await create({
      name: uniqueName("ie"),
      cluster_id: c.id,
      pull_secret: PULL_SECRET,
      ssh_authorized_key: SSH_KEY,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: "InfraEnv",
      cluster_id: c.id,
      cpu_architecture: "arm64",
      openshift_version: "4.9",
      type: "full-iso",
      pull_secret_set: true,
    });
  });

  it("accepts the same architecture spelled differently", async () => {
    const c = await cluster({ openshift_version: "4.14", cpu_architecture: "arm64" });
    const res = await create({
      name: uniqueName("ie"),
      cluster_id: c.id,
      cpu_architecture: "AARCH64",
      image_type: "minimal-iso",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cpu_architecture: "arm64", type: "minimal-iso" });
  });

  it("a multi cluster's infra-envs choose one member architecture", async () => {
    const c = await cluster({ openshift_version: "4.14", cpu_architecture: "multi" });
    expect(
      (await create({ name: uniqueName("ie"), cluster_id: c.id, cpu_architecture: "arm64" })).body.cpu_architecture,
    ).toBe("arm64");
    const bad = await create({ name: uniqueName("ie"), cluster_id: c.id, cpu_architecture: "s390x" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.cpu_architecture[0]).toMatch(/not among them/);
  });

  it("standalone infra-envs use the default version", async () => {
    const res = await create({
      name: uniqueName("late"),
      cpu_architecture: "arm64",
      proxy: { http_proxy: "http://proxy.example.com:3128", no_proxy: ".cluster.local,10.0.0.0/8" },
    });
    expect(res.status).toBe(201);
    expect(res.body.cluster_id).toBeUndefined();
    expect(res.body).toMatchObject({
      openshift_version: "4.14",
      cpu_architecture: "arm64",
      proxy: { http_proxy: "http://proxy.example.com:3128", https_proxy: "", no_proxy: ".cluster.local,10.0.0.0/8" },
    });
  });

  it("filters the list by cluster", async () => {
    const c = await cluster({ openshift_version: "4.14" });
    const mine = await create({ name: uniqueName("mine"), cluster_id: c.id });
    await create({ name: uniqueName("other") });
    const res = await call(list.GET, { path: `${PATH}?cluster_id=${c.id}` });
    expect(res.body.map((e: { id: string }) => e.id)).toEqual([mine.body.id]);
    expect((await call(list.GET, { path: `${PATH}?cluster_id=nope` })).status).toBe(400);
  });

  const override = JSON.stringify({ ignition: { version: "3.4.0" }, storage: { files: [] } });
  it("keeps a valid ignition override and kernel arguments", async () => {
    const res = await create({
      name: uniqueName(),
      ignition_config_override: override,
      kernel_arguments: [{ operation: "append", value: "console=ttyS0" }],
    });
    expect(res.status).toBe(201);
    expect(res.body.ignition_config_override).toBe(override);
    expect(res.body.kernel_arguments).toEqual([{ operation: "append", value: "console=ttyS0" }]);
  });

  it.each([
    [
      "arch differs from the cluster's",
      async () => ({ cluster_id: (await cluster({ openshift_version: "4.14" })).id, cpu_architecture: "arm64" }),
      "cpu_architecture",
      /\(arm64\) doesn't match the cluster \(x86_64\)/,
    ],
    ["multi", async () => ({ cpu_architecture: "multi" }), "cpu_architecture", /cannot be multi/],
    [
      "no OS image for the arch",
      async () => ({ openshift_version: "4.14", cpu_architecture: "ppc64le" }),
      "cpu_architecture",
      /\(ppc64le\) isn't specified in OS images list/,
    ],
    [
      "arch not yet supported at the version",
      async () => ({ openshift_version: "4.8", cpu_architecture: "arm64" }),
      "cpu_architecture",
      /needs OpenShift 4.9/,
    ],
    [
      "unknown cluster",
      async () => ({ cluster_id: "7d1c5a4e-0000-4000-8000-000000000000" }),
      "cluster_id",
      /No cluster with id/,
    ],
    ["malformed cluster id", async () => ({ cluster_id: "abc" }), "cluster_id", /UUID/],
    [
      "version differs from the cluster's",
      async () => ({ cluster_id: (await cluster({ openshift_version: "4.14" })).id, openshift_version: "4.9" }),
      "openshift_version",
      /does not match the cluster's/,
    ],
    ["image type", async () => ({ image_type: "iso" }), "image_type", /full-iso/],
    ["proxy unknown key", async () => ({ proxy: { http: "x" } }), "proxy.http", /Unknown field/],
    ["proxy URL", async () => ({ proxy: { https_proxy: "ftp://x" } }), "proxy.https_proxy", /proxy URL/],
    [
      "kernel argument with a space",
      async () => ({ kernel_arguments: [{ operation: "append", value: "a b" }] }),
      "kernel_arguments.0.value",
      /without spaces/,
    ],
    [
      "kernel argument operation",
      async () => ({ kernel_arguments: [{ operation: "add", value: "a" }] }),
      "kernel_arguments.0.operation",
      /append/,
    ],
    [
      "ignition override not JSON",
      async () => ({ ignition_config_override: "{" }),
      "ignition_config_override",
      /Not valid JSON/,
    ],
    [
      "ignition override v2",
      async () => ({ ignition_config_override: JSON.stringify({ ignition: { version: "2.2.0" } }) }),
      "ignition_config_override",
      /3.x/,
    ],
    [
      "static network MAC",
      async () => ({
        static_network_config: [
          { network_yaml: "interfaces: []", mac_interface_map: [{ mac_address: "zz", logical_nic_name: "eth0" }] },
        ],
      }),
      "static_network_config.0.mac_interface_map.0.mac_address",
      /MAC/,
    ],
    ["missing name", async () => ({ name: undefined }), "name", /./],
  ])("400 for %s", async (_, extra, field, message) => {
    const body = { name: uniqueName("bad"), ...(await extra()) };
    const before = await db().infraEnv.count();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[field]?.join(" ")).toMatch(message);
    expect(await db().infraEnv.count()).toBe(before);
  });
});

describe("PATCH/DELETE /infra-envs/{id}", () => {
  it("updates, and refuses to change architecture, cluster or version", async () => {
    const { body: ie } = await create({ name: uniqueName(), cpu_architecture: "arm64" });
    const ok = await patch(ie.id, {
      image_type: "minimal-iso",
      proxy: { http_proxy: "http://p.example.com:8080" },
      cpu_architecture: "arm64",
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ type: "minimal-iso", proxy: { http_proxy: "http://p.example.com:8080" } });
    for (const [field, value] of [
      ["cpu_architecture", "x86_64"],
      ["openshift_version", "4.9"],
      ["cluster_id", "7d1c5a4e-0000-4000-8000-000000000000"],
    ] as const) {
      const res = await patch(ie.id, { [field]: value, image_type: "full-iso" });
      expect(res.status).toBe(400);
      expect(res.body.errors[field][0]).toMatch(/cannot be changed/);
    }
    const after = await call(one.GET, { path: `${PATH}/${ie.id}`, params: { infra_env_id: ie.id } });
    expect(after.body).toMatchObject({ type: "minimal-iso", cpu_architecture: "arm64" });
  });

  it("deletes, and 404s afterwards", async () => {
    const { body: ie } = await create({ name: uniqueName() });
    const del = await call(one.DELETE, { method: "DELETE", path: `${PATH}/${ie.id}`, params: { infra_env_id: ie.id } });
    expect(del.status).toBe(204);
    const again = await call(one.DELETE, {
      method: "DELETE",
      path: `${PATH}/${ie.id}`,
      params: { infra_env_id: ie.id },
    });
    expect(again.status).toBe(404);
    expect(again.body.detail).toMatch(/not found/);
  });

  it("refuses to delete an infra-env with hosts (409)", async () => {
    const { body: ie } = await create({ name: uniqueName() });
    await db().host.create({ data: { infraEnvId: ie.id } });
    const res = await call(one.DELETE, { method: "DELETE", path: `${PATH}/${ie.id}`, params: { infra_env_id: ie.id } });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/1 host/);
  });
});
