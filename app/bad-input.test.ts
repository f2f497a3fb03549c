// Bad input over the real route handlers, table-driven across routes: prototype member names as body
// and query keys, names of invisible or control characters, deep and non-UTF-8 bodies, and numbers in
// query strings and Last-Event-ID. Each is a 400 problem naming the field, and no row is added.
import { beforeAll, describe, expect, it } from "vitest";
import * as clusterOne from "@/app/api/assisted-install/v2/clusters/[cluster_id]/route";
import * as clusters from "@/app/api/assisted-install/v2/clusters/route";
import * as events from "@/app/api/assisted-install/v2/events/route";
import * as infraEnvOne from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import * as imageOne from "@/app/apis/ims/v3/images/[image_id]/route";
import * as images from "@/app/apis/ims/v3/images/route";
import * as logs from "@/app/apis/ims/v3/jobs/[job_id]/logs/route";
import * as jobs from "@/app/apis/ims/v3/jobs/route";
import * as keys from "@/app/apis/ims/v3/public-keys/route";
import * as recipeOne from "@/app/apis/ims/v3/recipes/[recipe_id]/route";
import * as recipes from "@/app/apis/ims/v3/recipes/route";
import { db } from "@/lib/db";
import { NAME_CONTROL, NAME_INVISIBLE } from "@/lib/validation/fields";
import { SSH_KEY, uniqueName } from "@/test/fixtures";
import { type Called, call } from "@/test/http";

type Handler = Parameters<typeof call>[0];
const PROTO_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
const ids: Record<string, string> = {};

beforeAll(async () => {
  const make = async (h: Handler, body: unknown) => (await call(h, { method: "POST", body })).body.id as string;
  ids.cluster = await make(clusters.POST, { name: uniqueName(), openshift_version: "4.14" });
  ids.infraEnv = await make(infraEnvs.POST, { name: uniqueName("ie") });
  ids.recipe = await make(recipes.POST, {
    name: uniqueName("r"),
    recipe_type: "kiwi-ng",
    linux_distribution: "sles15",
  });
  ids.image = await make(images.POST, { name: uniqueName("i") });
  ids.job = (
    await db().job.create({
      data: { jobType: "create", artifactId: ids.recipe, arch: "x86_64", status: "success", stepTimes: {} },
    })
  ).id;
});

/** The body routes, each with a body it would accept (or refuse only later, in the service). */
const BODY_ROUTES: [string, Handler, string, () => Record<string, string>, Record<string, unknown>][] = [
  ["POST clusters", clusters.POST, "POST", () => ({}), { name: "ok-name", openshift_version: "4.14" }],
  ["PATCH clusters/{id}", clusterOne.PATCH, "PATCH", () => ({ cluster_id: ids.cluster }), { name: "ok-name" }],
  ["POST infra-envs", infraEnvs.POST, "POST", () => ({}), { name: "ok" }],
  ["PATCH infra-envs/{id}", infraEnvOne.PATCH, "PATCH", () => ({ infra_env_id: ids.infraEnv }), { name: "ok" }],
  ["POST public-keys", keys.POST, "POST", () => ({}), { name: "ok", public_key: SSH_KEY }],
  ["POST recipes", recipes.POST, "POST", () => ({}), { name: "ok", recipe_type: "rootfs", linux_distribution: "x" }],
  ["PATCH recipes/{id}", recipeOne.PATCH, "PATCH", () => ({ recipe_id: ids.recipe }), { require_dkms: true }],
  ["POST images", images.POST, "POST", () => ({}), { name: "ok" }],
  ["PATCH images/{id}", imageOne.PATCH, "PATCH", () => ({ image_id: ids.image }), { arch: "x86_64" }],
  [
    "POST jobs",
    jobs.POST,
    "POST",
    () => ({}),
    { job_type: "create", artifact_id: "00000000-0000-4000-8000-000000000000", image_root_archive_name: "x" },
  ],
];

async function rows() {
  const d = db();
  return Promise.all([
    d.cluster.count(),
    d.infraEnv.count(),
    d.publicKey.count(),
    d.recipe.count(),
    d.image.count(),
    d.job.count(),
  ]);
}

function expect400(res: Called, field: string) {
  expect(res.status, res.text).toBe(400);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(Object.keys(res.body.errors)).toContain(field);
  return res.body.errors[field] as string[];
}

const send = (route: (typeof BODY_ROUTES)[number], text: string | Uint8Array, headers = {}) =>
  call(route[1], {
    method: route[2],
    params: route[3](),
    rawBody: typeof text === "string" ? new TextEncoder().encode(text) : text,
    headers: { "content-type": "application/json", ...headers },
  });

describe.each(BODY_ROUTES)("%s", (...route) => {
  const base = route[4];

  it.each(PROTO_KEYS)("a body key %s is an unknown field, nothing is stored", async (key) => {
    const before = await rows();
    const res = await send(route, `${JSON.stringify(base).slice(0, -1)},${JSON.stringify(key)}:{"polluted":true}}`);
    expect(expect400(res, key)).toEqual(["Unknown field"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await rows()).toEqual(before);
  });

  it("refuses a body nested deeper than 64 levels, and bodies that are not UTF-8", async () => {
    const deep = `${JSON.stringify(base).slice(0, -1)},"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(expect400(await send(route, deep), "body")[0]).toMatch(/64 levels/);
    const bad = Buffer.concat([Buffer.from(JSON.stringify(base).slice(0, -1)), Buffer.from(',"x":"\xff"}', "latin1")]);
    expect(expect400(await send(route, new Uint8Array(bad)), "body")).toEqual(["Send the body as UTF-8 JSON"]);
  });
});

describe("names of invisible or control characters", () => {
  const NAMED: [string, (typeof BODY_ROUTES)[number], string][] = [
    ...BODY_ROUTES.filter(([, , , , b]) => "name" in b).map(
      (r) => [r[0], r, "name"] as [string, (typeof BODY_ROUTES)[number], string],
    ),
    ["POST jobs (kernel_file_name)", BODY_ROUTES[9], "kernel_file_name"],
    ["POST jobs (initrd_file_name)", BODY_ROUTES[9], "initrd_file_name"],
  ];
  const INVISIBLE = ["\u200b\u200b", "\u0000", "\t \n", "\u202e", "\ufeff"];

  it.each(NAMED)("%s refuses every invisible name with the field named", async (_, route, field) => {
    const before = await rows();
    for (const name of INVISIBLE) {
      const messages = expect400(await send(route, JSON.stringify({ ...route[4], [field]: name })), field);
      expect(messages).toContain(NAME_INVISIBLE);
    }
    const inside = expect400(await send(route, JSON.stringify({ ...route[4], [field]: "abc\u0007def" })), field);
    expect(inside).toContain(NAME_CONTROL);
    expect(await rows()).toEqual(before);
  });

  it("operator and NIC names, and label values, follow the same rule", async () => {
    const cluster = BODY_ROUTES[0];
    const op = await send(cluster, JSON.stringify({ ...cluster[4], olm_operators: [{ name: "\u200b" }] }));
    expect(expect400(op, "olm_operators.0.name")).toEqual([NAME_INVISIBLE]);
    const nic = await send(
      BODY_ROUTES[2],
      JSON.stringify({
        name: "ok",
        static_network_config: [
          { network_yaml: "x", mac_interface_map: [{ mac_address: "52:54:00:12:34:56", logical_nic_name: "\u202e" }] },
        ],
      }),
    );
    expect(expect400(nic, "static_network_config.0.mac_interface_map.0.logical_nic_name")).toEqual([NAME_INVISIBLE]);
    const label = await send(BODY_ROUTES[7], JSON.stringify({ name: "ok", metadata: { owner: "a\u001b[2Jb" } }));
    expect(expect400(label, "metadata.owner")).toEqual(["Must not contain control characters"]);
    // zod's records drop a __proto__ key silently; the label schemas refuse it instead.
    const metadata = JSON.parse('{"__proto__":"x"}');
    const created = await send(BODY_ROUTES[7], JSON.stringify({ name: "ok", metadata }));
    expect(expect400(created, "metadata.__proto__")).toEqual(["__proto__ is not a usable key"]);
    expect400(await send(BODY_ROUTES[8], JSON.stringify({ metadata })), "metadata");
  });
});

describe("numbers in query strings and Last-Event-ID", () => {
  const BAD = ["abc", "-1", "1.5", "1e999", "NaN", "0x10", "1e3", "", " 5", "9007199254740993", "99999999999999999999"];
  const LISTS: [string, Handler, string][] = [
    ["GET events", events.GET, "limit"],
    ["GET events", events.GET, "offset"],
    ["GET images", images.GET, "limit"],
    ["GET recipes", recipes.GET, "offset"],
    ["GET public-keys", keys.GET, "offset"],
    ["GET jobs", jobs.GET, "limit"],
  ];

  it.each(LISTS)("%s refuses every malformed %s", async (_, handler, field) => {
    for (const value of BAD) {
      const res = await call(handler, { path: `/x?${new URLSearchParams({ [field]: value })}` });
      expect(expect400(res, `query.${field}`)[0]).toMatch(/whole number|At most|At least/);
    }
    expect((await call(handler, { path: `/x?${field}=5` })).status).toBe(200);
  });

  it("prototype member names as query keys are unknown fields", async () => {
    const res = await call(images.GET, { path: "/x?__proto__=1&constructor=2&toString=3" });
    for (const key of ["__proto__", "constructor", "toString"])
      expect(expect400(res, `query.${key}`)).toEqual(["Unknown field"]);
  });

  it("the log's ?after= and Last-Event-ID are seqs: digits up to 2^31 - 1", async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      call(logs.GET, { path, params: { job_id: ids.job }, headers });
    // Headers drop the spaces around a value, so " 5" arrives as "5"; "" means no id at all.
    for (const value of BAD.filter((v) => v.trim() !== "" && v !== " 5")) {
      expect400(await get(`/x?${new URLSearchParams({ after: value })}`), "query.after");
      const sse = await get("/x?follow=1", { accept: "text/event-stream", "last-event-id": value });
      expect(expect400(sse, "headers.Last-Event-ID")[0]).toMatch(/whole number|At most/);
    }
    expect400(await get("/x", { "last-event-id": "2147483648" }), "headers.Last-Event-ID");
    const none = await get("/x?follow=1", { accept: "text/event-stream", "last-event-id": "" });
    expect(none.status).toBe(200);
    expect(none.text).toMatch(/event: end/);
  });
});
