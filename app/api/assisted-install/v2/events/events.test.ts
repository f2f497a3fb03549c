// Events: filters, severities, pagination and their counts in headers.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { call } from "@/test/http";
import * as events from "./route";

const cluster = "11111111-1111-4111-8111-111111111111";
const other = "22222222-2222-4222-8222-222222222222";
const infraEnv = "33333333-3333-4333-8333-333333333333";
const get = (qs: string) => call(events.GET, { path: `/api/assisted-install/v2/events?${qs}` });

beforeAll(async () => {
  for (let i = 0; i < 12; i++) {
    await recordEvent(db(), {
      name: `e${i}`,
      message: `event ${i}`,
      clusterId: cluster,
      severity: i % 4 === 0 ? "warning" : "info",
    });
  }
  await recordEvent(db(), { name: "other", message: "elsewhere", clusterId: other, severity: "error" });
  await recordEvent(db(), {
    name: "ie",
    message: "infra-env thing",
    infraEnvId: infraEnv,
    clusterId: cluster,
    severity: "critical",
  });
});

describe("GET /events", () => {
  it("filters by cluster and paginates newest first", async () => {
    const page = await get(`cluster_id=${cluster}&limit=5&offset=0`);
    expect(page.status).toBe(200);
    expect(page.body).toHaveLength(5);
    expect(page.headers.get("Event-Count")).toBe("13");
    expect(page.body[0].name).toBe("ie");
    const rest = await get(`cluster_id=${cluster}&limit=5&offset=10`);
    expect(rest.body.map((e: { name: string }) => e.name)).toEqual(["e2", "e1", "e0"]);
  });

  it("filters by severity and reports per-severity counts", async () => {
    const res = await get(`cluster_id=${cluster}&severities=warning,critical`);
    expect(res.body.map((e: { severity: string }) => e.severity).sort()).toEqual([
      "critical",
      "warning",
      "warning",
      "warning",
    ]);
    expect(res.headers.get("Severity-Count-Info")).toBe("9");
    expect(res.headers.get("Severity-Count-Warning")).toBe("3");
    expect(res.headers.get("Severity-Count-Critical")).toBe("1");
  });

  it("filters by infra-env", async () => {
    const res = await get(`infra_env_id=${infraEnv}`);
    expect(res.body.map((e: { name: string }) => e.name)).toEqual(["ie"]);
  });

  it.each([
    ["severities=loud", "query.severities", /Unknown severity loud/],
    ["limit=0", "query.limit", /./],
    ["limit=abc", "query.limit", /./],
    ["offset=-1", "query.offset", /./],
    ["cluster_id=xyz", "query.cluster_id", /./],
    ["order=sideways", "query.order", /./],
    ["colour=blue", "query.colour", /Unknown field/],
  ])("400 for %s", async (qs, field, message) => {
    const res = await get(qs);
    expect(res.status).toBe(400);
    expect(res.body.errors[field].join(" ")).toMatch(message);
  });
});
