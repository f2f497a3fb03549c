// The pure rules behind host validations and cluster readiness, at their edges.
import { describe, expect, it } from "vitest";
import { clusterReadiness } from "@/lib/clusters/readiness";
import { inventorySchema } from "./inventory";
import { diskProblem, evaluateHost, hostnameProblem } from "./validations";

const inv = (over: Record<string, unknown> = {}) =>
  inventorySchema.parse({
    hostname: "node-1",
    cpu: { architecture: "x86_64", count: 4 },
    memory: { physical_bytes: 16 * 1024 ** 3 },
    disks: [{ name: "sda", size_bytes: 100e9 }],
    interfaces: [],
    ...over,
  });
const scope = { infraEnvArch: "x86_64" as const, cluster: null, hostnameTaken: false };
const now = new Date("2026-11-29T12:00:00Z");

describe("host rules", () => {
  it.each([
    ["node-1", null],
    ["node-1.lab.example.com", null],
    ["a".repeat(63), null],
    ["a".repeat(64), /RFC 1123/],
    ["-node", /RFC 1123/],
    ["node_1", /RFC 1123/],
    ["Node1", /RFC 1123/],
    ["localhost.localdomain", /default one/],
  ])("hostname %s", (name, problem) => {
    const got = hostnameProblem(name);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });

  it("a disk of exactly 100 GB is eligible; an optical drive never is", () => {
    expect(diskProblem({ name: "sda", size_bytes: 100e9 })).toBeNull();
    expect(diskProblem({ name: "sda", size_bytes: 100e9 - 1 })).toBe("sda is 99 GB, 100 GB required");
    expect(diskProblem({ name: "sr0", size_bytes: 500e9, drive_type: "ODD" })).toBe("sr0 is an optical drive");
  });

  it("an architecture Archway does not know is a failure, not a crash", () => {
    const ev = evaluateHost(
      {
        role: "auto-assign",
        requestedHostname: null,
        inventory: inv({ cpu: { architecture: "riscv64", count: 4 } }),
        checkedInAt: now,
      },
      scope,
      now,
    );
    expect(ev.status).toBe("insufficient-unbound");
    expect(ev.statusInfo).toBe("Host CPU architecture riscv64 is not one Archway installs");
  });

  it("exactly 3 minutes of silence is still connected; a moment more is not", () => {
    const at = (ms: number) =>
      evaluateHost(
        { role: "worker", requestedHostname: null, inventory: inv(), checkedInAt: new Date(now.getTime() - ms) },
        scope,
        now,
      ).status;
    expect(at(180_000)).toBe("known-unbound");
    expect(at(180_001)).toBe("disconnected-unbound");
  });

  it("a host bound to a cluster has the plain status; a hostname another host has fails uniqueness", () => {
    const cluster = { name: "c1", singleNode: false, arch: "x86_64", releaseArches: [] };
    const host = { role: "worker", requestedHostname: null, inventory: inv(), checkedInAt: now };
    expect(evaluateHost(host, { ...scope, cluster }, now).status).toBe("known");
    const twin = evaluateHost(host, { ...scope, cluster, hostnameTaken: true }, now);
    expect(twin.status).toBe("insufficient");
    expect(twin.statusInfo).toBe("Hostname node-1 is used by another host in cluster c1; give each host its own");
  });
});

describe("cluster readiness", () => {
  const host = (role: string, status = "known", suggestedRole: string | null = "master") => ({
    role,
    status,
    suggestedRole,
  });
  const check = (count: number, hosts: ReturnType<typeof host>[]) =>
    clusterReadiness({ pullSecretSet: true, controlPlaneCount: count }, hosts).validations["hosts-data"][0];

  it("counts auto-assign hosts able to run the control plane", () => {
    expect(check(3, [host("master"), host("auto-assign"), host("auto-assign")]).status).toBe("success");
    expect(check(3, [host("master"), host("auto-assign", "known", "worker")]).message).toBe(
      "1 of 3 control plane hosts: 2 more hosts with the control plane role (at least 4 CPU cores and 16 GiB) needed",
    );
    expect(check(3, [host("master"), host("master"), host("master"), host("master")]).message).toBe(
      "4 hosts have the control plane role; the cluster has 3",
    );
  });

  it("a single-node cluster has exactly one host", () => {
    expect(check(1, [host("auto-assign")]).status).toBe("success");
    expect(check(1, [host("auto-assign"), host("worker")]).message).toMatch(/exactly one host.*it has 2 hosts/);
    expect(check(1, []).message).toBe("A single-node cluster needs one host; none yet");
  });

  it("is ready only when every check passes", () => {
    const r = clusterReadiness({ pullSecretSet: false, controlPlaneCount: 1 }, [host("auto-assign")]);
    expect(r.ready).toBe(false);
    expect(r.statusInfo).toBe(
      "Cluster is not ready to install: The pull secret is not set; edit the cluster to add it",
    );
  });
});
