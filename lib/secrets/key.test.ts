// The encryption key: from ARCHWAY_SECRET_KEY (hex or base64 of 32 bytes) or generated once into the
// data dir with mode 0600, and the same key on every later start.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { keyFile, parseSecretKey, secretKey } from "./key";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("secret key", () => {
  it("is generated into the data dir (0600) when ARCHWAY_SECRET_KEY is unset, and then reused", () => {
    process.env.ARCHWAY_DATA_DIR = path.join(mkdtempSync(path.join(tmpdir(), "archway-key-")), "data");
    delete process.env.ARCHWAY_SECRET_KEY;
    resetEnvForTests();
    const key = secretKey();
    expect(key).toHaveLength(32);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(keyFile())).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(keyFile(), "utf8").trim(), "hex").equals(key)).toBe(true);
  });

  it("comes from ARCHWAY_SECRET_KEY when set", () => {
    const hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    process.env.ARCHWAY_SECRET_KEY = hex;
    resetEnvForTests();
    expect(secretKey().toString("hex")).toBe(hex);
    expect(parseSecretKey(Buffer.from(hex, "hex").toString("base64"), "x").toString("hex")).toBe(hex);
  });

  it.each(["", "short", "zz".repeat(32), "00".repeat(31), Buffer.alloc(31).toString("base64")])(
    "refuses %j with the reason",
    (text) => {
      expect(() => parseSecretKey(text, "ARCHWAY_SECRET_KEY")).toThrow(/ARCHWAY_SECRET_KEY must be 32 bytes/);
    },
  );
});
