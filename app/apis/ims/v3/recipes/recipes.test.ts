// IMS recipes and public keys against a real database: create/list/filter/paginate, arch aliases
// answered as aarch64, PATCH limited to arch/require_dkms/template_dictionary, guarded deletes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SSH_KEY, uniqueName } from "@/test/fixtures";
import { call } from "@/test/http";
import * as key from "../public-keys/[public_key_id]/route";
import * as keys from "../public-keys/route";
import * as one from "./[recipe_id]/route";
import * as list from "./route";

const create = (body: unknown) => call(list.POST, { method: "POST", body });
const base = { recipe_type: "kiwi-ng", linux_distribution: "sles15" };

describe("recipes", () => {
  it("creates with arm64, answers aarch64, defaults x86_64", async () => {
    const arm = await create({
      ...base,
      name: uniqueName("r"),
      arch: "ARM64",
      template_dictionary: [{ key: "CSM_RELEASE", value: "1.5" }],
    });
    expect(arm.status).toBe(201);
    expect(arm.body).toMatchObject({
      arch: "aarch64",
      recipe_type: "kiwi-ng",
      require_dkms: false,
      link: null,
      template_dictionary: [{ key: "CSM_RELEASE", value: "1.5" }],
    });
    expect((await create({ ...base, name: uniqueName("r") })).body.arch).toBe("x86_64");
  });

  it("filters by name and arch and paginates with a total", async () => {
    const tag = uniqueName("flt");
    for (const arch of ["x86_64", "aarch64", "arm64"]) await create({ ...base, name: `${tag}-${arch}`, arch });
    const arm = await call(list.GET, { path: `/r?name=${tag}&arch=arm64` });
    expect(arm.body.map((r: { arch: string }) => r.arch)).toEqual(["aarch64", "aarch64"]);
    const page = await call(list.GET, { path: `/r?name=${tag}&limit=2&offset=2` });
    expect(page.body).toHaveLength(1);
    expect(page.headers.get("x-total-count")).toBe("3");
  });

  it("PATCH corrects arch and dictionary, refuses other fields", async () => {
    const { body: r } = await create({ ...base, name: uniqueName("p") });
    const ok = await call(one.PATCH, {
      method: "PATCH",
      params: { recipe_id: r.id },
      body: { arch: "aarch64", require_dkms: true },
    });
    expect(ok.body).toMatchObject({ arch: "aarch64", require_dkms: true });
    const bad = await call(one.PATCH, { method: "PATCH", params: { recipe_id: r.id }, body: { name: "renamed" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.name).toEqual(["Unknown field"]);
  });

  it.each([
    [{ ...base, name: "x", arch: "sparc" }, "arch", /Unknown CPU architecture/],
    [{ ...base, name: "x", recipe_type: "docker" }, "recipe_type", /kiwi-ng/],
    [{ ...base, name: "" }, "name", /Required/],
    [{ ...base, name: "x", linux_distribution: "SLES 15" }, "linux_distribution", /Lowercase/],
    [
      {
        ...base,
        name: "x",
        template_dictionary: [
          { key: "a", value: "1" },
          { key: "a", value: "2" },
        ],
      },
      "template_dictionary",
      /unique/,
    ],
    [{ ...base, name: "x", require_dkms: "yes" }, "require_dkms", /boolean/],
    [{ ...base, name: "x", link: { path: "s3://x", type: "s3" } }, "link", /Unknown field/],
  ])("400 for %j", async (body, field, message) => {
    const before = await db().recipe.count();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[field].join(" ")).toMatch(message);
    expect(await db().recipe.count()).toBe(before);
  });

  it("refuses to delete a recipe a job builds from (409, jobs listed), deletes otherwise", async () => {
    const { body: r } = await create({ ...base, name: uniqueName("d") });
    const job = await db().job.create({
      data: { jobType: "create", artifactId: r.id, arch: "x86_64", status: "building_image", stepTimes: {} },
    });
    const refused = await call(one.DELETE, { method: "DELETE", params: { recipe_id: r.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.errors.jobs[0]).toContain(job.id);
    await db().job.delete({ where: { id: job.id } });
    expect((await call(one.DELETE, { method: "DELETE", params: { recipe_id: r.id } })).status).toBe(204);
    expect((await call(one.GET, { params: { recipe_id: r.id } })).status).toBe(404);
  });
});

describe("public keys", () => {
  it("validates OpenSSH keys, lists and deletes", async () => {
    const res = await call(keys.POST, { method: "POST", body: { name: "ops", public_key: SSH_KEY } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "ops", public_key: SSH_KEY });
    const bad = await call(keys.POST, { method: "POST", body: { name: "ops", public_key: "ssh-rsa AAAA" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.public_key[0]).toMatch(/base64|key data/);
    const two = await call(keys.POST, { method: "POST", body: { name: "two", public_key: `${SSH_KEY}\n${SSH_KEY}` } });
    expect(two.body.errors.public_key[0]).toMatch(/exactly one/);
    expect((await call(key.DELETE, { method: "DELETE", params: { public_key_id: res.body.id } })).status).toBe(204);
    expect((await call(key.GET, { params: { public_key_id: res.body.id } })).status).toBe(404);
  });
});
