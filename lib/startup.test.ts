// Start-up loads the configured image table; unreachable image URLs do not stop it, bad rows do.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env, resetEnvForTests } from "@/lib/env";
import { testProvider } from "@/test/databases";
import { startup } from "./startup";

const OS = [
  {
    openshift_version: "4.15",
    cpu_architecture: "arm64",
    url: "http://127.0.0.1:9/unreachable.iso",
    version: "415.92.1",
  },
];
const REL = [
  {
    openshift_version: "4.15",
    cpu_architecture: "aarch64",
    url: "registry.invalid/ocp:4.15.0-aarch64",
    version: "4.15.0",
  },
];

function withEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
}

afterAll(async () => {
  withEnv({ OS_IMAGES: undefined, RELEASE_IMAGES: undefined });
  await startup({ quiet: true });
});

describe("startup", () => {
  it("stores the configured table even when its image URLs are unreachable", async () => {
    withEnv({ OS_IMAGES: JSON.stringify(OS), RELEASE_IMAGES: JSON.stringify(REL) });
    await startup({ quiet: true });
    const rows = await db().osImage.findMany();
    expect(rows.map((r) => [r.openshiftVersion, r.cpuArchitecture, r.url])).toEqual([["4.15", "aarch64", OS[0].url]]);
  });

  it("refuses a row without an architecture, naming it, and keeps the previous table", async () => {
    withEnv({
      OS_IMAGES: JSON.stringify([{ ...OS[0], cpu_architecture: undefined }]),
      RELEASE_IMAGES: JSON.stringify(REL),
    });
    await expect(startup({ quiet: true })).rejects.toThrow(
      /OS_IMAGES\[0\] \(openshift_version "4.15".*cpu_architecture: is required/,
    );
    expect(await db().osImage.count()).toBe(1);
  });
});

describe("process roles", () => {
  afterAll(() => withEnv({ ARCHWAY_ROLE: undefined }));

  it.skipIf(testProvider() !== "sqlite").each(["web", "worker"])(
    "%s refuses to start on SQLite, saying why",
    async (role) => {
      withEnv({ ARCHWAY_ROLE: role });
      await expect(startup({ quiet: true })).rejects.toThrow(
        `ARCHWAY_ROLE: "${role}" needs a PostgreSQL DATABASE_URL shared by every web and worker process`,
      );
    },
  );

  it.skipIf(testProvider() !== "postgresql")("web and worker are accepted on PostgreSQL", () => {
    for (const role of ["web", "worker"] as const) {
      withEnv({ ARCHWAY_ROLE: role });
      expect(env().ARCHWAY_ROLE).toBe(role);
    }
  });

  it("an unknown role is refused, naming the variable and the choices", () => {
    withEnv({ ARCHWAY_ROLE: "both" });
    expect(() => env()).toThrow(/ARCHWAY_ROLE: .*"all".*"web".*"worker"/);
  });
});
