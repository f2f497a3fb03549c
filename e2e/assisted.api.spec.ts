// The assisted-installer API over real HTTP against `next start` (fresh data dir, migrated at start).
import { expect, test } from "@playwright/test";

const V2 = "/api/assisted-install/v2";
const name = (p: string) => `${p}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("openshift-versions lists architectures per version", async ({ request }) => {
  const res = await request.get(`${V2}/openshift-versions`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body["4.9"].cpu_architectures).toEqual(["x86_64", "arm64"]);
  expect(body["4.8"].cpu_architectures).toEqual(["x86_64"]);
});

test("cluster and infra-env lifecycle with arm64", async ({ request }) => {
  const created = await request.post(`${V2}/clusters`, {
    data: {
      name: name("sno"),
      openshift_version: "4.9",
      cpu_architecture: "arm64",
      high_availability_mode: "None",
      base_dns_domain: "example.com",
    },
  });
  expect(created.status()).toBe(201);
  const cluster = await created.json();
  expect(cluster).toMatchObject({ cpu_architecture: "arm64", control_plane_count: 1 });

  const ie = await request.post(`${V2}/infra-envs`, { data: { name: name("ie"), cluster_id: cluster.id } });
  expect(ie.status()).toBe(201);
  expect(await ie.json()).toMatchObject({
    cpu_architecture: "arm64",
    cluster_id: cluster.id,
    openshift_version: "4.9",
  });

  const listed = await request.get(`${V2}/infra-envs?cluster_id=${cluster.id}`);
  expect((await listed.json()).length).toBe(1);

  const patched = await request.patch(`${V2}/clusters/${cluster.id}`, { data: { cpu_architecture: "x86_64" } });
  expect(patched.status()).toBe(400);
  expect(patched.headers()["content-type"]).toBe("application/problem+json");
  expect((await patched.json()).errors.cpu_architecture[0]).toMatch(/cannot be changed/);

  const events = await request.get(`${V2}/events?cluster_id=${cluster.id}`);
  expect(events.headers()["event-count"]).toBe("2");

  expect((await request.delete(`${V2}/clusters/${cluster.id}`)).status()).toBe(204);
  expect((await request.get(`${V2}/clusters/${cluster.id}`)).status()).toBe(404);
});

test.describe("bad input is a clear 4xx with problem+json, never a 500", () => {
  test("malformed JSON, wrong types, unknown fields, oversized bodies, unknown ids", async ({ request }) => {
    // A Buffer is sent as is (a string would be JSON-encoded again).
    const post = (data: string, type = "application/json") =>
      request.post(`${V2}/clusters`, { data: Buffer.from(data), headers: { "content-type": type } });
    const checks: [Promise<import("@playwright/test").APIResponse>, number, RegExp][] = [
      [post('{"name":'), 400, /not valid JSON/],
      [post(JSON.stringify({ name: "x", openshift_version: 4.14 })), 400, /openshift_version/],
      [post(JSON.stringify({ name: "x", openshift_version: "4.14", surprise: true })), 400, /surprise: Unknown field/],
      [
        post(JSON.stringify({ name: "x", openshift_version: "4.14", ssh_public_key: "k".repeat(1_200_000) })),
        413,
        /larger than/,
      ],
      [post("name=x", "text/plain"), 415, /application\/json/],
      [request.get(`${V2}/clusters/00000000-0000-4000-8000-000000000000`), 404, /not found/],
      [request.get(`${V2}/infra-envs/not-an-id`), 404, /Not found/],
      [request.get(`${V2}/events?severities=loud`), 400, /Unknown severity/],
    ];
    for (const [pending, status, detail] of checks) {
      const res = await pending;
      expect(res.status()).toBe(status);
      expect(res.headers()["content-type"]).toBe("application/problem+json");
      const body = await res.json();
      expect(body.status).toBe(status);
      expect(body.code).toBe(String(status));
      expect(body.detail).toMatch(detail);
    }
  });
});

test("the discovery ISO over real HTTP: HEAD and ranges carry Content-Length", async ({ request }) => {
  test.setTimeout(120_000);
  const ie = await (
    await request.post(`${V2}/infra-envs`, {
      data: { name: name("http"), openshift_version: "4.14", cpu_architecture: "arm64" },
    })
  ).json();
  let link: { url: string; size_bytes: number } | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`${V2}/infra-envs/${ie.id}/downloads/image-url`);
        if (res.status() === 200) link = await res.json();
        return res.status();
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(200);
  const head = await request.head(link!.url);
  expect(head.status()).toBe(200);
  expect(head.headers()["content-length"]).toBe(String(link!.size_bytes));
  expect(head.headers()["x-archway-content-length"]).toBeUndefined();
  const part = await request.get(link!.url, { headers: { range: "bytes=32768-32773" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-length"]).toBe("6");
  expect((await part.body()).subarray(1, 6).toString()).toBe("CD001");
});
