// Every list route pages the same way, table-driven: without `limit` an assisted list is every row
// (the anchor's behaviour) and an IMS list its default page; `limit`/`offset` pages walk the rows in
// a stable order with no row twice; X-Total-Count is the filtered total; a bad limit or offset is a
// 400 naming the query field.
import { beforeAll, describe, expect, it } from "vitest";
import * as clusterOne from "@/app/api/assisted-install/v2/clusters/[cluster_id]/route";
import * as clusters from "@/app/api/assisted-install/v2/clusters/route";
import * as events from "@/app/api/assisted-install/v2/events/route";
import * as hosts from "@/app/api/assisted-install/v2/infra-envs/[infra_env_id]/hosts/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import * as images from "@/app/apis/ims/v3/images/route";
import * as jobs from "@/app/apis/ims/v3/jobs/route";
import * as keys from "@/app/apis/ims/v3/public-keys/route";
import * as recipes from "@/app/apis/ims/v3/recipes/route";
import { db } from "@/lib/db";
import { SSH_KEY, uniqueName } from "@/test/fixtures";
import { Agent, agentTokenOf } from "@/test/hosts";
import { call } from "@/test/http";

type Handler = Parameters<typeof call>[0];
const N = 7;
const prefix = uniqueName("list");
const ctx: { clusterId?: string; infraEnvId?: string } = {};

async function post(h: Handler, body: unknown) {
  const res = await call(h, { method: "POST", body });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string };
}

beforeAll(async () => {
  for (let i = 0; i < N; i++) {
    await post(clusters.POST, { name: `${prefix}-r${i}`, openshift_version: "4.14" });
    await post(infraEnvs.POST, { name: `${prefix}-r${i}` });
    await post(images.POST, { name: `${prefix}-r${i}` });
    await post(recipes.POST, { name: `${prefix}-r${i}`, recipe_type: "kiwi-ng", linux_distribution: "sles15" });
    await post(keys.POST, { name: `${prefix}-r${i}`, public_key: SSH_KEY });
    await db().job.create({
      data: { jobType: "create", artifactId: "none", arch: "s390x", status: "success", stepTimes: {} },
    });
  }
  // One cluster with N events (created, then renamed N - 1 times); one infra-env with N hosts.
  ctx.clusterId = (await post(clusters.POST, { name: `${prefix}-ev`, openshift_version: "4.14" })).id;
  for (let i = 1; i < N; i++)
    await call(clusterOne.PATCH, {
      method: "PATCH",
      params: { cluster_id: ctx.clusterId },
      body: { name: `${prefix}-ev${i}` },
    });
  ctx.infraEnvId = (await post(infraEnvs.POST, { name: `${prefix}-hosts` })).id;
  const token = await agentTokenOf(ctx.infraEnvId);
  for (let i = 0; i < N; i++) expect((await new Agent(ctx.infraEnvId, token).register()).status).toBe(201);
}, 120_000);

/** [list, handler, path with its filter, path params] */
const LISTS: [string, Handler, () => string, () => Record<string, string>][] = [
  ["clusters", clusters.GET, () => `/c?name=${prefix}-r`, () => ({})],
  ["infra-envs", infraEnvs.GET, () => `/ie?name=${prefix}-r`, () => ({})],
  ["hosts", hosts.GET, () => "/h?", () => ({ infra_env_id: ctx.infraEnvId as string })],
  ["events", events.GET, () => `/e?cluster_id=${ctx.clusterId}`, () => ({})],
  ["images", images.GET, () => `/i?name=${prefix}-r`, () => ({})],
  ["recipes", recipes.GET, () => `/r?name=${prefix}-r`, () => ({})],
  ["public-keys", keys.GET, () => `/k?name=${prefix}-r`, () => ({})],
  ["jobs", jobs.GET, () => "/j?arch=s390x", () => ({})],
];

const get = (h: Handler, path: string, params: Record<string, string>) => call(h, { path, params });
const idOf = (row: { id?: string; message?: string; event_time?: string }) =>
  row.id ?? `${row.event_time} ${row.message}`;

describe.each(LISTS)("GET %s", (_, handler, path, params) => {
  const at = (q: string) => `${path()}${path().endsWith("?") ? "" : "&"}${q}`;

  it("without limit: every row (assisted) or the default page (IMS), with X-Total-Count", async () => {
    const res = await get(handler, path(), params());
    expect(res.status, res.text).toBe(200);
    expect(res.body).toHaveLength(N);
    expect(res.headers.get("x-total-count")).toBe(String(N));
  });

  it("pages by limit and offset in a stable order, each row once, the total on every page", async () => {
    const all = (await get(handler, path(), params())).body.map(idOf);
    const seen: string[] = [];
    for (const offset of [0, 3, 6]) {
      const res = await get(handler, at(`limit=3&offset=${offset}`), params());
      expect(res.status, res.text).toBe(200);
      expect(res.body).toHaveLength(Math.min(3, N - offset));
      expect(res.headers.get("x-total-count")).toBe(String(N));
      seen.push(...res.body.map(idOf));
    }
    expect(seen).toEqual(all);
    const past = await get(handler, at("offset=50&limit=5"), params());
    expect(past.body).toEqual([]);
    expect(past.headers.get("x-total-count")).toBe(String(N));
  });

  it.each([
    ["limit=0", "query.limit"],
    ["limit=-1", "query.limit"],
    ["limit=abc", "query.limit"],
    ["limit=", "query.limit"],
    ["offset=-1", "query.offset"],
    ["offset=1.5", "query.offset"],
    ["offset=1e3", "query.offset"],
  ])("%s is a 400 naming %s", async (q, field) => {
    const res = await get(handler, at(q), params());
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys(res.body.errors)).toContain(field);
  });
});

describe("the assisted lists without limit", () => {
  it("return every row even past the IMS default page of 100", async () => {
    const ie = (await post(infraEnvs.POST, { name: `${prefix}-many` })).id;
    const token = await agentTokenOf(ie);
    for (let i = 0; i < 105; i++) await new Agent(ie, token).register();
    const res = await get(hosts.GET, "/h", { infra_env_id: ie });
    expect(res.body).toHaveLength(105);
    expect(res.headers.get("x-total-count")).toBe("105");
  }, 120_000);
});
