// The clusters API against a real database: create/get/update/delete, the architecture rules of
// seed 001, and bad input that must come back as field-by-field problem+json with nothing written.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PULL_SECRET, SSH_KEY, uniqueName } from "@/test/fixtures";
import { call } from "@/test/http";
import * as events from "../events/route";
import * as one from "./[cluster_id]/route";
import * as list from "./route";

const PATH = "/api/assisted-install/v2/clusters";
const create = (body: unknown) => call(list.POST, { method: "POST", path: PATH, body });
const get = (id: string) => call(one.GET, { path: `${PATH}/${id}`, params: { cluster_id: id } });
const patch = (id: string, body: unknown) =>
  call(one.PATCH, { method: "PATCH", path: `${PATH}/${id}`, params: { cluster_id: id }, body });

describe("POST /clusters", () => {
  it("creates an arm64 single-node cluster at 4.9 and answers in the assisted vocabulary", async () => {
    const res = await create({
      name: uniqueName(),
      openshift_version: "4.9",
      cpu_architecture: "aarch64",
      high_availability_mode: "None",
      base_dns_domain: "example.com",
      ssh_public_key: SSH_KEY,
      pull_secret: PULL_SECRET,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: "Cluster",
      cpu_architecture: "arm64",
      control_plane_count: 1,
      high_availability_mode: "None",
      openshift_version: "4.9",
      pull_secret_set: true,
    });
    expect(res.body.ocp_release_image).toMatch(/aarch64$/);
    expect(res.body).not.toHaveProperty("pull_secret");
    const stored = await db().cluster.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.cpuArchitecture).toBe("aarch64");
  });

  it("defaults to x86_64 and three control plane nodes", async () => {
    const res = await create({ name: uniqueName(), openshift_version: "4.14" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      cpu_architecture: "x86_64",
      control_plane_count: 3,
      high_availability_mode: "Full",
    });
  });

  it("adds operator dependencies (odf brings lso)", async () => {
    const res = await create({ name: uniqueName(), openshift_version: "4.14", olm_operators: [{ name: "odf" }] });
    expect(res.status).toBe(201);
    expect(res.body.olm_operators.map((o: { name: string }) => o.name)).toEqual(["lso", "odf"]);
  });

  it("accepts multi where the version has a multi payload", async () => {
    const res = await create({ name: uniqueName(), openshift_version: "4.14", cpu_architecture: "multi" });
    expect(res.status).toBe(201);
    expect(res.body.ocp_release_image).toMatch(/-multi$/);
  });

  it("writes an event", async () => {
    const res = await create({ name: uniqueName(), openshift_version: "4.14", cpu_architecture: "arm64" });
    const ev = await call(events.GET, { path: `/api/assisted-install/v2/events?cluster_id=${res.body.id}` });
    expect(ev.status).toBe(200);
    expect(ev.body).toHaveLength(1);
    expect(ev.body[0]).toMatchObject({
      name: "cluster_registration_succeeded",
      severity: "info",
      cluster_id: res.body.id,
    });
    // A sentence for people, naming the architecture as the console does.
    expect(ev.body[0].message).toMatch(
      /^Cluster .+ created: Arm64 \(aarch64\), OpenShift 4\.14\.\d+, 3 control plane nodes\.$/,
    );
  });

  const base = { name: "bad-input", openshift_version: "4.14" };
  it.each([
    [
      "arch not offered at the version",
      { ...base, openshift_version: "4.8", cpu_architecture: "arm64" },
      "cpu_architecture",
      /arm64 is not available for version 4.8.*needs OpenShift 4.9/,
    ],
    [
      "arch without images in the table",
      { ...base, cpu_architecture: "s390x" },
      "cpu_architecture",
      /\(s390x\) isn't specified in release images list/,
    ],
    [
      "multi before 4.11",
      { ...base, openshift_version: "4.9", cpu_architecture: "multi" },
      "cpu_architecture",
      /not available/,
    ],
    [
      "arm64 at 4.9 with three nodes",
      { ...base, openshift_version: "4.9", cpu_architecture: "arm64", control_plane_count: 3 },
      "control_plane_count",
      /supported only with single-node/,
    ],
    [
      "arm64 at 4.9 with HA mode Full",
      { ...base, openshift_version: "4.9", cpu_architecture: "arm64", high_availability_mode: "Full" },
      "control_plane_count",
      /single-node/,
    ],
    [
      "unknown version",
      { ...base, openshift_version: "4.99" },
      "openshift_version",
      /No release image is available for OpenShift version 4.99; available versions: 4.14, 4.9, 4.8/,
    ],
    [
      "ODF on arm64",
      { ...base, cpu_architecture: "arm64", olm_operators: [{ name: "odf" }] },
      "olm_operators",
      /OpenShift Data Foundation \(odf\) because it's not compatible with the arm64 architecture on version 4.14/,
    ],
    [
      "CNV on arm64 at 4.9",
      {
        ...base,
        openshift_version: "4.9",
        cpu_architecture: "arm64",
        control_plane_count: 1,
        olm_operators: [{ name: "cnv" }],
      },
      "olm_operators",
      /arm64 architecture on version 4.9/,
    ],
    [
      "LSO on arm64 at 4.9",
      {
        ...base,
        openshift_version: "4.9",
        cpu_architecture: "arm64",
        control_plane_count: 1,
        olm_operators: [{ name: "lso" }],
      },
      "olm_operators",
      /Local Storage Operator/,
    ],
    [
      "LVM before 4.11",
      { ...base, openshift_version: "4.9", control_plane_count: 1, olm_operators: [{ name: "lvm" }] },
      "olm_operators",
      /4.11 or later/,
    ],
    [
      "unknown operator",
      { ...base, olm_operators: [{ name: "frobnicator" }] },
      "olm_operators",
      /Unknown operator "frobnicator"/,
    ],
    ["unknown arch", { ...base, cpu_architecture: "sparc" }, "cpu_architecture", /Unknown CPU architecture "sparc"/],
    [
      "topology contradiction",
      { ...base, high_availability_mode: "None", control_plane_count: 3 },
      "control_plane_count",
      /contradicts high_availability_mode None/,
    ],
    ["five control planes before 4.18", { ...base, control_plane_count: 5 }, "control_plane_count", /4.18 or later/],
    ["control plane count 2", { ...base, control_plane_count: 2 }, "control_plane_count", /Expected 1/],
    ["name with capitals", { ...base, name: "Prod_Cluster" }, "name", /lowercase/],
    ["name missing", { openshift_version: "4.14" }, "name", /./],
    ["version missing", { name: "x" }, "openshift_version", /./],
    ["version of the wrong type", { ...base, openshift_version: 4.14 }, "openshift_version", /string/],
    ["bad domain", { ...base, base_dns_domain: "not a domain" }, "base_dns_domain", /DNS domain/],
    ["bad ssh key", { ...base, ssh_public_key: "ssh-rsa notbase64!!" }, "ssh_public_key", /base64/],
    [
      "ssh key type mismatch",
      { ...base, ssh_public_key: SSH_KEY.replace("ssh-ed25519", "ssh-rsa") },
      "ssh_public_key",
      /says "ssh-ed25519"/,
    ],
    ["pull secret not JSON", { ...base, pull_secret: "hunter2" }, "pull_secret", /must be JSON/],
    ["pull secret without auths", { ...base, pull_secret: "{}" }, "pull_secret", /auths/],
    ["bad proxy", { ...base, http_proxy: "squid:3128" }, "http_proxy", /proxy URL/],
    ["unknown field", { ...base, cluster_network_cidr: "10.128.0.0/14" }, "cluster_network_cidr", /Unknown field/],
    ["operators not a list", { ...base, olm_operators: "odf" }, "olm_operators", /array/],
  ])("400 for %s", async (_, body, field, message) => {
    const before = await db().cluster.count();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ status: 400, title: "Bad Request", code: "400" });
    expect(res.body.errors?.[field]?.join(" ")).toMatch(message);
    expect(res.body.reason).toBe(res.body.detail);
    expect(await db().cluster.count()).toBe(before);
  });

  it.each([
    [
      "malformed JSON",
      { rawBody: '{"name": "x",', headers: { "content-type": "application/json" } },
      400,
      /not valid JSON/,
    ],
    ["empty body", { rawBody: "", headers: { "content-type": "application/json" } }, 400, /empty/],
    ["a JSON array", { body: [1, 2] }, 400, /object/],
    [
      "form encoding",
      { rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      /application\/json/,
    ],
    [
      "an oversized body",
      { body: { name: "x", openshift_version: "4.14", ssh_public_key: "a".repeat(2 * 1024 * 1024) } },
      413,
      /larger than/,
    ],
  ])("rejects %s", async (_, opts, status, detail) => {
    const before = await db().cluster.count();
    const res = await call(list.POST, { method: "POST", path: PATH, ...opts });
    expect(res.status).toBe(status);
    expect(res.body.detail).toMatch(detail);
    expect(await db().cluster.count()).toBe(before);
  });
});

describe("GET/PATCH/DELETE /clusters/{id}", () => {
  it("404 for unknown and malformed ids", async () => {
    expect((await get("7d1c5a4e-0000-4000-8000-000000000000")).status).toBe(404);
    const bad = await get("not-a-uuid");
    expect(bad.status).toBe(404);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
  });

  it("updates what may change and refuses architecture, version and topology", async () => {
    const { body: c } = await create({ name: uniqueName(), openshift_version: "4.14", cpu_architecture: "arm64" });
    const ok = await patch(c.id, {
      base_dns_domain: "lab.example.com",
      ssh_public_key: SSH_KEY,
      cpu_architecture: "aarch64",
      control_plane_count: 3,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      base_dns_domain: "lab.example.com",
      ssh_public_key: SSH_KEY,
      cpu_architecture: "arm64",
    });

    for (const [field, value] of [
      ["cpu_architecture", "x86_64"],
      ["openshift_version", "4.9"],
      ["high_availability_mode", "None"],
      ["control_plane_count", 1],
    ] as const) {
      const res = await patch(c.id, { [field]: value, base_dns_domain: "changed.example.com" });
      expect(res.status).toBe(400);
      expect(res.body.errors[field][0]).toMatch(/cannot be changed after the cluster is created/);
    }
    expect((await get(c.id)).body.base_dns_domain).toBe("lab.example.com");
  });

  it("re-validates operators on update and clears fields with empty strings", async () => {
    const { body: c } = await create({
      name: uniqueName(),
      openshift_version: "4.14",
      cpu_architecture: "arm64",
      base_dns_domain: "a.example.com",
    });
    const bad = await patch(c.id, { olm_operators: [{ name: "odf" }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.olm_operators[0]).toMatch(/arm64/);
    const cleared = await patch(c.id, { base_dns_domain: "" });
    expect(cleared.body.base_dns_domain).toBe("");
    const evs = await call(events.GET, { path: `/api/assisted-install/v2/events?cluster_id=${c.id}&order=ascending` });
    expect(evs.body.map((e: { name: string }) => e.name)).toEqual([
      "cluster_registration_succeeded",
      "cluster_updated",
    ]);
  });

  it("deletes, keeping bound infra-envs as standalone", async () => {
    const { body: c } = await create({ name: uniqueName(), openshift_version: "4.14" });
    const ie = await db().infraEnv.create({
      data: { name: "kept", clusterId: c.id, cpuArchitecture: "x86_64", kernelArguments: [], staticNetworkConfig: [] },
    });
    const res = await call(one.DELETE, { method: "DELETE", path: `${PATH}/${c.id}`, params: { cluster_id: c.id } });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await get(c.id)).status).toBe(404);
    expect((await db().infraEnv.findUniqueOrThrow({ where: { id: ie.id } })).clusterId).toBeNull();
  });

  it("lists newest first", async () => {
    const a = await create({ name: uniqueName("first"), openshift_version: "4.14" });
    const b = await create({ name: uniqueName("second"), openshift_version: "4.14" });
    const res = await call(list.GET, { path: PATH });
    const ids = res.body.map((c: { id: string }) => c.id);
    expect(ids.indexOf(b.body.id)).toBeLessThan(ids.indexOf(a.body.id));
  });
});
