import { describe, expect, it } from "vitest";
import { clusterCreatedMessage, clusterDeletedMessage, infraEnvCreatedMessage, updatedMessage } from "./messages";

describe("event messages", () => {
  it.each([
    [[["image_type", "minimal-iso"]], "infra-env", "Image type changed to Minimal ISO on infra-env lab."],
    [[["base_dns_domain", "example.com"]], "cluster", "Base domain changed to example.com on cluster lab."],
    [[["name", "lab"]], "cluster", "Renamed to lab on cluster lab."],
    [[["pull_secret", '{"auths":{}}']], "cluster", "Pull secret updated on cluster lab."],
    [[["ssh_public_key", null]], "cluster", "SSH public key cleared on cluster lab."],
    [
      [
        ["image_type", "full-iso"],
        ["ssh_authorized_key", "ssh-ed25519 AAAA"],
        ["kernel_arguments", [{ operation: "append", value: "x" }]],
      ],
      "infra-env",
      "Image type changed to Full ISO, SSH public key updated and kernel arguments set (1) on infra-env lab.",
    ],
    [[["olm_operators", [{ name: "lso" }, { name: "odf" }]]], "cluster", "Operators set to lso, odf on cluster lab."],
  ] as const)("%j reads as a sentence", (changes, what, message) => {
    expect(updatedMessage(what, "lab", changes as never)).toBe(message);
  });

  it("never shows a snake_case field name or a secret", () => {
    const fields = ["pull_secret", "ignition_config_override", "static_network_config", "additional_ntp_sources"];
    for (const f of fields) {
      const text = updatedMessage("infra-env", "lab", [[f, "secret-value"]]);
      expect(text).not.toMatch(/_/);
      if (f !== "additional_ntp_sources") expect(text).not.toContain("secret-value");
    }
  });

  it("says what was created and deleted", () => {
    expect(clusterCreatedMessage({ name: "arm-lab", arch: "aarch64", version: "4.14.0", controlPlaneCount: 1 })).toBe(
      "Cluster arm-lab created: Arm64 (aarch64), OpenShift 4.14.0, single-node.",
    );
    expect(infraEnvCreatedMessage({ name: "e", arch: "x86_64", version: "4.14", bound: false })).toMatch(
      /^Infra-env e created: x86_64, OpenShift 4.14, not bound to a cluster\.$/,
    );
    expect(clusterDeletedMessage("c", 2)).toBe("Cluster c deleted; its 2 infra-envs are kept, now unbound.");
  });
});
