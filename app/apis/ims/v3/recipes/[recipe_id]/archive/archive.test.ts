// Recipe upload over the route: a good kiwi-ng archive is stored and linked; crafted malicious
// archives are refused with 422 naming the entry, and nothing is left in the store or in tmp.
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { gz, gzippedZeros, rawTar, tarTree } from "@/test/archives";
import { uniqueName } from "@/test/fixtures";
import { call } from "@/test/http";
import * as recipes from "../../route";
import * as archive from "./route";

const CONFIG = `<?xml version="1.0"?><image schemaversion="7.4" name="compute"><preferences><type image="tbz"/></preferences><packages type="image"><package name="vim" arch="aarch64"/></packages></image>`;

function storeFiles(): string[] {
  const root = path.join(env().dataDir, "artifacts");
  const walk = (d: string): string[] =>
    existsSync(d)
      ? readdirSync(d, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)],
        )
      : [];
  return walk(root);
}
const spools = () => readdirSync(tmpdir()).filter((f) => f.startsWith("archway-recipe-"));

async function recipe(arch = "aarch64", type = "kiwi-ng") {
  const res = await call(recipes.POST, {
    method: "POST",
    body: {
      name: uniqueName("rcp"),
      recipe_type: type,
      linux_distribution: "sles15",
      arch,
      template_dictionary: [{ key: "RELEASE", value: "1" }],
    },
  });
  return res.body.id as string;
}
const put = (id: string, data: Buffer) =>
  call(archive.PUT, {
    method: "PUT",
    params: { recipe_id: id },
    rawBody: data as unknown as string,
    headers: { "content-type": "application/gzip" },
  });

describe("PUT /recipes/{id}/archive", () => {
  it("stores and links a good kiwi-ng recipe, with template warnings; GET returns the same bytes", async () => {
    const id = await recipe();
    const data = await tarTree(
      {
        "config.xml": CONFIG,
        ".ims_recipe_template.yaml": "template_files:\n  - root/etc/motd\n",
        "root/etc/motd": "release {{ RELEASE }} by {{ OWNER }}\n",
      },
      { top: "compute" },
    );
    const res = await put(id, data);
    expect(res.status).toBe(200);
    expect(res.body.link.path).toMatch(/^\/apis\/ims\/v3\/artifacts\//);
    expect(res.body.archive.warnings.join(" ")).toMatch(/OWNER/);
    const back = await call(archive.GET, { params: { recipe_id: id } });
    expect(back.bytes.equals(data)).toBe(true);
    // Downloaded as a file, never rendered or sniffed into something else.
    expect(back.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.-]+\.tar\.gz"$/);
    expect(back.headers.get("x-content-type-options")).toBe("nosniff");
    expect(back.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect((await put(id, data)).status).toBe(200);
    const other = await put(id, await tarTree({ "config.xml": CONFIG.replace("compute", "other") }));
    expect(other.status).toBe(409);
  });

  it.each([
    [
      "path traversal",
      async () => gz(rawTar([{ name: "../etc/passwd", type: "0", content: Buffer.from("x") }])),
      /\.\.\/etc\/passwd/,
    ],
    [
      "an absolute path",
      async () => gz(rawTar([{ name: "/etc/passwd", type: "0", content: Buffer.from("x") }])),
      /\/etc\/passwd/,
    ],
    [
      "a symlink escaping the root",
      async () => await tarTree({ "config.xml": CONFIG, "root/shadow": { symlink: "../../../etc/shadow" } }),
      /root\/shadow/,
    ],
    [
      "a device file",
      async () =>
        gz(
          rawTar([
            { name: "config.xml", type: "0", content: Buffer.from(CONFIG) },
            { name: "dev/sda", type: "4" },
          ]),
        ),
      /dev\/sda/,
    ],
    ["a gzip bomb", async () => gzippedZeros(1024 ** 3), /./],
    ["not gzip at all", async () => Buffer.from("PK\x03\x04 a zip file"), /gzip/],
    [
      "a recipe whose config.xml is only for x86_64",
      async () => await tarTree({ "config.xml": CONFIG.replace('arch="aarch64"', 'arch="x86_64"') }),
      /x86_64/,
    ],
  ])("422 for %s, nothing stored", async (_, make, message) => {
    const id = await recipe();
    const before = storeFiles();
    const res = await put(id, await make());
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.detail).toMatch(message);
    expect(storeFiles()).toEqual(before);
    expect(spools()).toEqual([]);
    expect((await call(archive.GET, { params: { recipe_id: id } })).status).toBe(404);
  });

  it("415 for a non-gzip content type", async () => {
    const res = await call(archive.PUT, {
      method: "PUT",
      params: { recipe_id: await recipe() },
      rawBody: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
  });
});
