// Key summaries and fingerprints match what OpenSSH prints (vector from `ssh-keygen -lf`).
import { describe, expect, it } from "vitest";
import { sshFingerprint, summarizeKey } from "./fingerprint";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBFURTErHw/jZ0p6n1FtjdnvS/lbrPbqgFvGJW1/8BT5 vector@test";

describe("public key display", () => {
  it("computes the SHA256 fingerprint ssh-keygen -lf prints", async () => {
    expect(await sshFingerprint(KEY)).toBe("SHA256:Ctfn28/k70PRmty84+kG9OLkePCQYmkwuAgpWdt381k");
  });

  it("gives null for a line without valid base64 key data", async () => {
    expect(await sshFingerprint("ssh-ed25519")).toBeNull();
    expect(await sshFingerprint("ssh-ed25519 not*base64")).toBeNull();
  });

  it("summarizes type, a shortened blob and the comment", () => {
    expect(summarizeKey(`  ${KEY}  `)).toEqual({
      type: "ssh-ed25519",
      short: "AAAAC3NzaC…vGJW1/8BT5",
      comment: "vector@test",
    });
  });
});
