// openshift-versions lists an architecture only where both an OS image and a release image exist.
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { storeCatalog } from "@/lib/catalog/store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { call } from "@/test/http";
import * as osImages from "../os-images/route";
import * as versions from "./route";

const get = (qs = "") => call(versions.GET, { path: `/api/assisted-install/v2/openshift-versions${qs}` });

afterAll(async () => storeCatalog(db(), loadCatalog(env()).catalog));

describe("GET /openshift-versions", () => {
  it("shows the embedded default with assisted arch names", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["4.14", "4.9", "4.8"]);
    expect(res.body["4.14"]).toEqual({
      display_name: "4.14.38",
      support_level: "production",
      default: true,
      cpu_architectures: ["x86_64", "arm64", "multi"],
    });
    expect(res.body["4.9"].cpu_architectures).toEqual(["x86_64", "arm64"]);
    expect(res.body["4.8"].cpu_architectures).toEqual(["x86_64"]);
  });

  it("drops an architecture whose OS image is missing, and one the support table forbids", async () => {
    await storeCatalog(db(), {
      osImages: [
        { openshift_version: "4.12", cpu_architecture: "x86_64", url: "https://m/x.iso", version: "412.x" },
        { openshift_version: "4.12", cpu_architecture: "s390x", url: "https://m/z.iso", version: "412.z" },
        { openshift_version: "4.8", cpu_architecture: "aarch64", url: "https://m/a.iso", version: "48.a" },
      ],
      releaseImages: [
        { openshift_version: "4.12.3", cpu_architecture: "x86_64", url: "q/r:4.12.3-x86_64", version: "4.12.3" },
        { openshift_version: "4.12.3", cpu_architecture: "aarch64", url: "q/r:4.12.3-aarch64", version: "4.12.3" },
        { openshift_version: "4.12.3", cpu_architecture: "s390x", url: "q/r:4.12.3-s390x", version: "4.12.3" },
        { openshift_version: "4.8", cpu_architecture: "aarch64", url: "q/r:4.8-aarch64", version: "4.8.1" },
      ],
    });
    const res = await get();
    expect(res.body["4.12.3"].cpu_architectures).toEqual(["x86_64", "s390x"]);
    expect(res.body["4.8"].cpu_architectures).toEqual([]);
    const table = await call(osImages.GET, { path: "/api/assisted-install/v2/os-images" });
    expect(table.body.os_images.map((r: { cpu_architecture: string }) => r.cpu_architecture)).toEqual([
      "s390x",
      "x86_64",
      "arm64",
    ]);
  });

  it("rejects unknown query parameters", async () => {
    expect((await get("?foo=1")).status).toBe(400);
  });
});
