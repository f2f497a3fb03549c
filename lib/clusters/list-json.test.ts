// The clusters list keeps each cluster's JSON between requests: whatever the list shows must still
// change at once when the cluster, its hosts or its infra-envs change, and deleted clusters go.
import { describe, expect, it } from "vitest";
import * as clusters from "@/app/api/assisted-install/v2/clusters/route";
import * as infraEnvs from "@/app/api/assisted-install/v2/infra-envs/route";
import { PULL_SECRET, uniqueName } from "@/test/fixtures";
import { Agent, agentTokenOf } from "@/test/hosts";
import { call } from "@/test/http";
import { clusterListJson } from "./list-json";

/** The list is written as pieces of one JSON array. */
const parse = (pieces: Buffer[]) => JSON.parse(Buffer.concat(pieces).toString("utf8"));

import { deleteCluster, updateCluster } from "./service";

type Row = {
  id: string;
  name: string;
  total_host_count: number;
  infra_env_count: number;
  pull_secret_set: boolean;
  status_info: string;
};
const listed = async (id: string): Promise<Row | undefined> =>
  (parse((await clusterListJson()).json) as Row[]).find((c) => c.id === id);

describe("the kept cluster JSON of the list", () => {
  it("follows renames, secrets, infra-envs, hosts and deletion", async () => {
    const made = await call(clusters.POST, {
      method: "POST",
      path: "/c",
      body: { name: uniqueName(), openshift_version: "4.14", control_plane_count: 1 },
    });
    const id = made.body.id as string;
    expect(await listed(id)).toMatchObject({ total_host_count: 0, infra_env_count: 0, pull_secret_set: false });

    await updateCluster(id, { name: "renamed-cluster", pull_secret: PULL_SECRET } as never);
    expect(await listed(id)).toMatchObject({ name: "renamed-cluster", pull_secret_set: true });

    const ie = await call(infraEnvs.POST, {
      method: "POST",
      path: "/ie",
      body: { name: uniqueName("ie"), cluster_id: id },
    });
    expect(ie.status).toBe(201);
    expect((await listed(id))?.infra_env_count).toBe(1);

    const before = (await listed(id))?.status_info;
    const agent = new Agent(ie.body.id, await agentTokenOf(ie.body.id));
    await agent.boot({ cores: 8, memoryGiB: 32 });
    const after = await listed(id);
    expect(after?.total_host_count).toBe(1);
    expect(after?.status_info).not.toBe(before);

    await deleteCluster(id);
    expect(await listed(id)).toBeUndefined();
  });

  it("pages and totals like the rows it keeps", async () => {
    for (let i = 0; i < 3; i++)
      await call(clusters.POST, {
        method: "POST",
        path: "/c",
        body: { name: uniqueName("pg"), openshift_version: "4.14" },
      });
    const all = parse((await clusterListJson()).json) as Row[];
    const page = await clusterListJson({ offset: 1, limit: 2 });
    expect(page.total).toBe(all.length);
    expect((parse(page.json) as Row[]).map((c) => c.id)).toEqual(all.slice(1, 3).map((c) => c.id));
  });

  it("names its bytes by a tag: the same while nothing changed, another after any change", async () => {
    const made = await call(clusters.POST, {
      method: "POST",
      path: "/c",
      body: { name: uniqueName("tag"), openshift_version: "4.14", control_plane_count: 1 },
    });
    const id = made.body.id as string;
    const a = await clusterListJson();
    const b = await clusterListJson();
    expect(b.tag).toBe(a.tag);
    expect(Buffer.concat(b.json).equals(Buffer.concat(a.json))).toBe(true);
    const page = await clusterListJson({ offset: 0, limit: 1 });
    expect(page.tag).not.toBe(a.tag);

    await updateCluster(id, { name: uniqueName("tag-renamed") } as never);
    const renamed = await clusterListJson();
    expect(renamed.tag).not.toBe(a.tag);

    const ie = await call(infraEnvs.POST, {
      method: "POST",
      path: "/ie",
      body: { name: uniqueName("ie"), cluster_id: id },
    });
    const withInfraEnv = await clusterListJson();
    expect(withInfraEnv.tag).not.toBe(renamed.tag);
    await new Agent(ie.body.id, await agentTokenOf(ie.body.id)).boot({ cores: 8, memoryGiB: 32 });
    const withHost = await clusterListJson();
    expect(withHost.tag).not.toBe(withInfraEnv.tag);

    await deleteCluster(id);
    expect((await clusterListJson()).tag).not.toBe(withHost.tag);
  });
});
