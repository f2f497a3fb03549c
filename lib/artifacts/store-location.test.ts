// ARCHWAY_ARTIFACT_STORE and the S3 variables: what each value means, and a bad one stops the start
// (env() throws, startupOrExit prints it) naming the variable and the reason.
import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvForTests } from "@/lib/env";
import { parseStoreLocation } from "./store-location";

describe("ARCHWAY_ARTIFACT_STORE", () => {
  it.each([
    [undefined, { kind: "file", dir: null }],
    ["file:", { kind: "file", dir: null }],
    ["file:/srv/artifacts", { kind: "file", dir: "/srv/artifacts" }],
    ["file:///srv/artifacts", { kind: "file", dir: "/srv/artifacts" }],
    ["s3://archway", { kind: "s3", bucket: "archway", prefix: "" }],
    ["s3://archway/site-a/artifacts/", { kind: "s3", bucket: "archway", prefix: "site-a/artifacts" }],
  ])("%s is %j", (value, want) => {
    expect(parseStoreLocation(value)).toEqual(want);
  });

  it.each([
    ["file:relative/dir", /absolute directory/],
    ["s3://", /not an S3 bucket name/],
    ["s3://Upper_Case", /not an S3 bucket name/],
    ["s3://bucket/a/../b", /prefix/],
    ["s3://bucket/with space", /prefix/],
    ["gs://bucket", /expected file: or s3:\/\/bucket\/prefix/],
  ])("%s is refused", (value, reason) => {
    expect(parseStoreLocation(value)).toEqual({ error: expect.stringMatching(reason) });
  });
});

describe("the configuration check at start", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  const withEnv = (vars: Record<string, string>) => {
    process.env = { ...saved, ...vars };
    resetEnvForTests();
    return () => env();
  };

  it.each([
    [{ ARCHWAY_ARTIFACT_STORE: "ftp://x" }, /ARCHWAY_ARTIFACT_STORE: expected file: or s3:\/\/bucket\/prefix/],
    [{ ARCHWAY_ARTIFACT_STORE: "s3://bucket" }, /AWS_REGION: an s3:\/\/ artifact store needs a region/],
    [
      { ARCHWAY_ARTIFACT_STORE: "s3://bucket", AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "id" },
      /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: set both or neither/,
    ],
    [{ AWS_ENDPOINT_URL: "minio:9000" }, /AWS_ENDPOINT_URL must be an http\(s\):\/\/ URL/],
    [{ ARCHWAY_S3_FORCE_PATH_STYLE: "yes" }, /ARCHWAY_S3_FORCE_PATH_STYLE/],
  ])("%j stops the start", (vars, reason) => {
    expect(withEnv(vars)).toThrow(reason);
  });

  it("accepts a complete S3 configuration", () => {
    const e = withEnv({
      ARCHWAY_ARTIFACT_STORE: "s3://bucket/prefix",
      AWS_REGION: "eu-west-1",
      AWS_ENDPOINT_URL: "http://minio:9000",
      ARCHWAY_S3_FORCE_PATH_STYLE: "1",
    })();
    expect(e).toMatchObject({ ARCHWAY_ARTIFACT_STORE: "s3://bucket/prefix", ARCHWAY_S3_FORCE_PATH_STYLE: "1" });
  });
});
