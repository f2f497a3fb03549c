// validateRecipeArchive against real archives, table-driven: the tar package makes the good ones,
// hand-written ustar headers the hostile ones tar would refuse to write.
import { describe, expect, it } from "vitest";
import { gz, paxEntry, type RawEntry, rawTar, streamOf, tarTree } from "@/test/archives";
import { RecipeArchiveError } from "./errors";
import type { ArchiveLimits } from "./limits";
import { type ArchiveRecipe, type RecipeArchiveReport, validateRecipeArchive } from "./validate";

const dictionary = [
  { key: "COS_PRODUCT_VERSION", value: "2.6.71" },
  { key: "SLE_VERSION", value: "15sp5" },
];
const kiwi = (arch: ArchiveRecipe["arch"] = "x86_64", template_dictionary = dictionary): ArchiveRecipe => ({
  recipe_type: "kiwi-ng",
  arch,
  template_dictionary,
});
const rootfs: ArchiveRecipe = { recipe_type: "rootfs", arch: "x86_64", template_dictionary: [] };
const packer: ArchiveRecipe = { recipe_type: "packer", arch: "x86_64", template_dictionary: [] };

function kiwiXml(opts: { preferences?: string; repository?: string; packages?: string } = {}) {
  return `<?xml version="1.0" encoding="utf-8"?>
<image schemaversion="7.4" name="cos-{{ COS_PRODUCT_VERSION }}">
  <description type="system"><author>Archway</author><contact>ops@example.com</contact><specification>test</specification></description>
  <preferences>
    <version>1.0.0</version>
    <packagemanager>zypper</packagemanager>
    ${opts.preferences ?? '<type image="tbz"/>'}
  </preferences>
  <repository type="rpm-md" alias="sles" ${opts.repository ?? ""}>
    <source path="https://packages.local/repository/sles-{{SLE_VERSION}}/"/>
  </repository>
  <packages type="image">
    <package name="kernel-default"/>
    ${opts.packages ?? ""}
  </packages>
  <packages type="bootstrap"><package name="filesystem"/></packages>
</image>
`;
}

const TEMPLATES = "template_files:\n- config.xml   # rendered by IMS\n- root/etc/motd\n";

/** One kiwi-ng recipe as a list of raw entries, for cases that need a hand-made header among good ones. */
function kiwiEntries(xml = kiwiXml()): RawEntry[] {
  return [
    { name: "./", type: "5" },
    { name: "./config.xml", content: xml },
    { name: "./config.sh", content: "#!/bin/bash\n", mode: 0o755 },
  ];
}

const raw = (entries: RawEntry[], opts?: { end?: boolean }) => async () => gz(rawTar(entries, opts));

type Case = {
  name: string;
  archive: () => Promise<Buffer>;
  recipe: ArchiveRecipe;
  limits?: Partial<ArchiveLimits>;
} & ({ ok: Partial<RecipeArchiveReport> } | { error: RegExp; entry?: string | null });

const cases: Case[] = [
  // Good recipes.
  {
    name: "a kiwi-ng recipe packaged in one top-level directory, with templates and an inner symlink",
    archive: () =>
      tarTree(
        {
          "config.xml": kiwiXml(),
          "config.sh": { content: "#!/bin/bash\nexit 0\n", mode: 0o755 },
          "root/etc/motd": "Welcome to COS {{ COS_PRODUCT_VERSION }}\n",
          "root/etc/issue": { symlink: "motd" },
          "root/usr/lib/os-release": { symlink: "../../etc/motd" },
          ".ims_recipe_template.yaml": TEMPLATES,
        },
        { top: "cos-recipe" },
      ),
    recipe: kiwi(),
    ok: { root: "cos-recipe/", warnings: [] },
  },
  {
    name: "a kiwi-ng recipe at the archive root",
    archive: () => tarTree({ "config.xml": kiwiXml(), "root/etc/motd": "hi\n" }),
    recipe: kiwi("aarch64", []),
    ok: { root: "", warnings: [], files: 5 },
  },
  {
    name: "a rootfs recipe with an executable build.sh",
    archive: () =>
      tarTree({ "build.sh": { content: "#!/bin/sh\necho build\n", mode: 0o755 }, "files/etc/hostname": "node\n" }),
    recipe: rootfs,
    ok: { root: "", warnings: [] },
  },
  {
    name: "a packer recipe (generic checks only)",
    archive: () => tarTree({ "template.pkr.hcl": 'source "qemu" "x" {}\n' }),
    recipe: packer,
    ok: { warnings: [] },
  },
  {
    name: "a symlink whose target stays inside the archive",
    archive: raw([
      ...kiwiEntries(),
      { name: "a/", type: "5" },
      { name: "a/b", type: "2", linkname: "../config.sh" },
      { name: "a/self", type: "2", linkname: "." },
    ]),
    recipe: kiwi(),
    ok: { files: 6 },
  },
  {
    name: "a hard link to a file earlier in the archive",
    archive: raw([...kiwiEntries(), { name: "config-copy.sh", type: "1", linkname: "./config.sh" }]),
    recipe: kiwi(),
    ok: { files: 4 },
  },
  // Paths and links that leave the root.
  {
    name: "a ../ path",
    archive: raw([...kiwiEntries(), { name: "../etc/passwd", content: "root::0:0::/:/bin/sh\n" }]),
    recipe: kiwi(),
    error: /".." component/,
    entry: "../etc/passwd",
  },
  {
    name: "a .. in the middle",
    archive: raw([...kiwiEntries(), { name: "./root/../../etc/passwd", content: "x" }]),
    recipe: kiwi(),
    error: /".." component/,
    entry: "./root/../../etc/passwd",
  },
  {
    name: "an absolute path",
    archive: raw([...kiwiEntries(), { name: "/etc/passwd", content: "x" }]),
    recipe: kiwi(),
    error: /absolute/,
    entry: "/etc/passwd",
  },
  {
    name: "a symlink to an absolute path",
    archive: raw([...kiwiEntries(), { name: "shadow", type: "2", linkname: "/etc/shadow" }]),
    recipe: kiwi(),
    error: /absolute path "\/etc\/shadow"/,
    entry: "shadow",
  },
  {
    name: "a symlink a/b -> ../../..",
    archive: raw([...kiwiEntries(), { name: "a/", type: "5" }, { name: "a/b", type: "2", linkname: "../../.." }]),
    recipe: kiwi(),
    error: /leaves the archive root/,
    entry: "a/b",
  },
  {
    name: "a symlink that escapes only through another link",
    archive: raw([
      ...kiwiEntries(),
      { name: "a/", type: "5" },
      { name: "a/l", type: "2", linkname: ".." },
      { name: "b", type: "2", linkname: "a/l/.." },
    ]),
    recipe: kiwi(),
    error: /leaves the archive root once other links are followed/,
    entry: "b",
  },
  {
    name: "a symlink loop",
    archive: raw([...kiwiEntries(), { name: "x", type: "2", linkname: "y" }, { name: "y", type: "2", linkname: "x" }]),
    recipe: kiwi(),
    error: /loop/,
    entry: "x",
  },
  {
    name: "an entry written through a symlink",
    archive: raw([
      ...kiwiEntries(),
      { name: "sub/", type: "5" },
      { name: "link", type: "2", linkname: "sub" },
      { name: "link/file", content: "x" },
    ]),
    recipe: kiwi(),
    error: /through the symbolic link "link"/,
    entry: "link/file",
  },
  {
    name: "a hard link that escapes",
    archive: raw([...kiwiEntries(), { name: "passwd", type: "1", linkname: "../../etc/passwd" }]),
    recipe: kiwi(),
    error: /hard link target "..\/..\/etc\/passwd" is unsafe/,
    entry: "passwd",
  },
  {
    name: "a hard link to something not earlier in the archive",
    archive: raw([...kiwiEntries(), { name: "early", type: "1", linkname: "late" }, { name: "late", content: "x" }]),
    recipe: kiwi(),
    error: /not a file earlier in the archive/,
    entry: "early",
  },
  // Special files.
  {
    name: "a character device",
    archive: raw([...kiwiEntries(), { name: "dev/null", type: "3" }]),
    recipe: kiwi(),
    error: /character devices/,
    entry: "dev/null",
  },
  {
    name: "a block device",
    archive: raw([...kiwiEntries(), { name: "dev/sda", type: "4" }]),
    recipe: kiwi(),
    error: /block devices/,
    entry: "dev/sda",
  },
  {
    name: "a FIFO",
    archive: raw([...kiwiEntries(), { name: "pipe", type: "6" }]),
    recipe: kiwi(),
    error: /FIFO/,
    entry: "pipe",
  },
  {
    name: "an unsupported entry type",
    archive: raw([...kiwiEntries(), { name: "volume", type: "V" }]),
    recipe: kiwi(),
    error: /not supported/,
    entry: "volume",
  },
  // Limits.
  {
    name: "too many entries",
    archive: raw(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, content: "x" }))),
    recipe: packer,
    limits: { maxFiles: 5 },
    error: /more than 5 entries/,
    entry: "f5",
  },
  {
    name: "an entry whose header declares more than the byte limit",
    archive: raw([{ name: "huge.img", size: 1024 ** 3 }], { end: false }),
    recipe: packer,
    error: /1073741824 bytes, over the 536870912-byte limit/,
    entry: "huge.img",
  },
  {
    name: "more bytes in total than the limit",
    archive: raw(Array.from({ length: 3 }, (_, i) => ({ name: `part${i}`, content: "y".repeat(400) }))),
    recipe: packer,
    limits: { maxBytes: 1000 },
    error: /more than 1000 bytes uncompressed/,
    entry: "part2",
  },
  {
    name: "extended headers that inflate past the decompression budget",
    archive: raw([
      paxEntry("comment", "z".repeat(900_000)),
      paxEntry("comment", "z".repeat(900_000)),
      paxEntry("comment", "z".repeat(900_000)),
      { name: "a", content: "x" },
    ]),
    recipe: packer,
    limits: { maxBytes: 1024 * 1024, maxFiles: 10 },
    error: /inflates to more than/,
    entry: null,
  },
  // Not a (whole) tar.gz.
  {
    name: "not gzip",
    archive: async () => Buffer.from("just some text, not an archive"),
    recipe: packer,
    error: /not a gzip file/,
  },
  {
    name: "an uncompressed tar",
    archive: async () => rawTar([{ name: "a", content: "x" }]),
    recipe: packer,
    error: /not a gzip file/,
  },
  {
    name: "an empty upload",
    archive: async () => Buffer.alloc(0),
    recipe: packer,
    error: /not a gzip file \(the upload is empty\)/,
  },
  {
    name: "a truncated gzip",
    archive: async () => {
      const whole = await tarTree({
        "build.sh": { content: `#!/bin/sh\n${"echo padding\n".repeat(4000)}`, mode: 0o755 },
      });
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    recipe: rootfs,
    error: /gzip stream is truncated/,
  },
  {
    name: "corrupt gzip data",
    archive: async () => {
      const whole = gz(rawTar([{ name: "a", content: "text ".repeat(5000) }]));
      for (let i = 12; i < whole.length - 8; i += 7) whole[i] ^= 0x5a;
      return whole;
    },
    recipe: packer,
    error: /gzip data is corrupt/,
  },
  {
    name: "gzip that holds no tar",
    archive: async () => gz(Buffer.from("hello ".repeat(200))),
    recipe: packer,
    error: /not a tar archive/,
  },
  {
    name: "gzip inside gzip",
    archive: async () => gz(gz(rawTar([{ name: "a", content: "x" }]))),
    recipe: packer,
    error: /compressed again/,
  },
  {
    name: "a tar cut off inside an entry",
    archive: raw(
      [
        { name: "build.sh", content: "#!/bin/sh\n", mode: 0o755 },
        { name: "big", size: 10_000, content: "only this much" },
      ],
      { end: false },
    ),
    recipe: rootfs,
    error: /truncated inside this entry/,
    entry: "big",
  },
  { name: "an empty archive", archive: raw([]), recipe: packer, error: /the archive is empty/ },
  {
    name: "entries after a lone zero block",
    archive: async () =>
      gz(
        Buffer.concat([
          rawTar([{ name: "template.pkr.hcl", content: "x" }], { end: false }),
          Buffer.alloc(512),
          rawTar([{ name: "hidden", content: "y" }]),
        ]),
      ),
    recipe: packer,
    error: /follows a zero block/,
    entry: "hidden",
  },
  // kiwi-ng content.
  {
    name: "a kiwi-ng recipe without config.xml",
    archive: () => tarTree({ "config.sh": "#!/bin/sh\n" }),
    recipe: kiwi(),
    error: /needs config.xml at the archive root or in its one top-level directory/,
  },
  {
    name: "config.xml only in one of two top-level directories",
    archive: () => tarTree({ "a/config.xml": kiwiXml(), "b/readme": "x" }),
    recipe: kiwi(),
    error: /needs config.xml/,
  },
  {
    name: "config.xml that is not XML",
    archive: () => tarTree({ "config.xml": "<image><preferences></image>" }, { top: "r" }),
    recipe: kiwi(),
    error: /not well-formed XML at line 1/,
    entry: "r/config.xml",
  },
  {
    name: "config.xml with another root element",
    archive: () => tarTree({ "config.xml": "<recipe/>" }),
    recipe: kiwi(),
    error: /root element is <recipe>/,
    entry: "./config.xml",
  },
  {
    name: "config.xml larger than the parse limit",
    archive: () => tarTree({ "config.xml": kiwiXml({ packages: `<!--${"x".repeat(5000)}-->` }) }),
    recipe: kiwi(),
    limits: { maxParsedFileBytes: 4096 },
    error: /larger than 4096 bytes/,
    entry: "./config.xml",
  },
  {
    name: "config.xml whose packages are for x86_64 only, in an aarch64 recipe",
    archive: () =>
      tarTree({
        "config.xml": kiwiXml({
          packages: '<package name="grub2-x86_64-efi" arch="x86_64"/><package name="shim" arch="x86_64"/>',
        }),
      }),
    recipe: kiwi("aarch64"),
    error:
      /<package name="grub2-x86_64-efi" arch="x86_64"> is for x86_64 only, but the recipe is for Arm64 \(aarch64\) \(and 1 more element\)/,
    entry: "./config.xml",
  },
  {
    name: "config.xml whose repository is for x86_64, in an aarch64 recipe",
    archive: () => tarTree({ "config.xml": kiwiXml({ repository: 'arch="x86_64"' }) }),
    recipe: kiwi("aarch64"),
    error: /<repository alias="sles" arch="x86_64"> is for x86_64 only/,
  },
  {
    name: "config.xml whose packages name the recipe's architecture (arm64 spelling)",
    archive: () => tarTree({ "config.xml": kiwiXml({ packages: '<package name="grub2-arm64-efi" arch="arm64"/>' }) }),
    recipe: kiwi("aarch64", []),
    ok: { warnings: [] },
  },
  {
    name: "a multi-arch config.xml with per-architecture packages",
    archive: () =>
      tarTree({
        "config.xml": kiwiXml({
          packages: '<package name="grub2-x86_64-efi" arch="x86_64"/><package name="grub2-arm64-efi" arch="aarch64"/>',
        }),
      }),
    recipe: kiwi("aarch64", []),
    ok: { warnings: [] },
  },
  {
    name: "config.xml with BIOS firmware, in an aarch64 recipe",
    archive: () => tarTree({ "config.xml": kiwiXml({ preferences: '<type image="oem" firmware="bios"/>' }) }),
    recipe: kiwi("aarch64"),
    error: /<type image="oem" firmware="bios"> is for x86_64 only/,
  },
  {
    name: "config.xml with a zipl bootloader, in an x86_64 recipe",
    archive: () =>
      tarTree({ "config.xml": kiwiXml({ preferences: '<type image="oem"><bootloader name="zipl"/></type>' }) }),
    recipe: kiwi("x86_64"),
    error: /<bootloader name="zipl"> is for s390x only/,
  },
  {
    name: "config.xml whose entity declarations are never expanded",
    archive: () =>
      tarTree({
        "config.xml": kiwiXml().replace(
          "<image ",
          '<!DOCTYPE image [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<image ',
        ),
      }),
    recipe: kiwi("x86_64", []),
    ok: { warnings: [] },
  },
  // Templates.
  {
    name: "a template file that is missing",
    archive: () => tarTree({ "config.xml": kiwiXml(), ".ims_recipe_template.yaml": TEMPLATES }),
    recipe: kiwi(),
    error: /lists the template file "root\/etc\/motd", which is not a file in the archive/,
    entry: "./.ims_recipe_template.yaml",
  },
  {
    name: "a template list that points outside the recipe",
    archive: () =>
      tarTree({
        "config.xml": kiwiXml(),
        ".ims_recipe_template.yaml": "template_files: [config.xml, ../../etc/passwd]\n",
      }),
    recipe: kiwi(),
    error: /outside the recipe/,
  },
  {
    name: "template variables missing from the dictionary",
    archive: () =>
      tarTree(
        {
          "config.xml": kiwiXml(),
          "root/etc/motd": "{{SITE_NAME}} {{ COS_PRODUCT_VERSION | lower }} {{- SITE_NAME -}}\n",
          ".ims_recipe_template.yaml": TEMPLATES,
        },
        { top: "recipe" },
      ),
    recipe: kiwi("x86_64", [{ key: "COS_PRODUCT_VERSION", value: "1" }]),
    ok: {
      warnings: [
        'recipe/config.xml: template variable "SLE_VERSION" is not in the recipe\'s template_dictionary',
        'recipe/root/etc/motd: template variable "SITE_NAME" is not in the recipe\'s template_dictionary',
      ],
    },
  },
  {
    name: "a dictionary without a template list",
    archive: () => tarTree({ "config.xml": kiwiXml() }),
    recipe: kiwi(),
    ok: {
      warnings: [
        "The template_dictionary has values, but the archive has no .ims_recipe_template.yaml, so nothing will be templated",
      ],
    },
  },
  // rootfs content.
  {
    name: "a rootfs recipe without build.sh",
    archive: () => tarTree({ "setup.sh": { content: "#!/bin/sh\n", mode: 0o755 } }),
    recipe: rootfs,
    error: /needs an executable build.sh at the archive root/,
  },
  {
    name: "a rootfs recipe whose build.sh is not executable",
    archive: () => tarTree({ "build.sh": "#!/bin/sh\n" }),
    recipe: rootfs,
    error: /is not executable \(mode 0644\)/,
    entry: "./build.sh",
  },
  {
    name: "a rootfs recipe whose build.sh is a symlink",
    archive: () => tarTree({ "real.sh": { content: "#!/bin/sh\n", mode: 0o755 }, "build.sh": { symlink: "real.sh" } }),
    recipe: rootfs,
    error: /must be a regular file/,
    entry: "./build.sh",
  },
];

describe("validateRecipeArchive", () => {
  it.each(cases)("$name", async (c) => {
    const run = validateRecipeArchive(streamOf(await c.archive()), c.recipe, c.limits);
    if ("ok" in c) {
      await expect(run).resolves.toMatchObject(c.ok);
      return;
    }
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err, "expected a RecipeArchiveError").toBeInstanceOf(RecipeArchiveError);
    const e = err as RecipeArchiveError;
    expect(e.status).toBe(422);
    expect(e.message).toMatch(c.error);
    if (c.entry !== undefined) expect(e.entry).toBe(c.entry ?? undefined);
  });

  it("counts entries and uncompressed bytes", async () => {
    const report = await validateRecipeArchive(
      streamOf(
        gz(
          rawTar([
            { name: "build.sh", content: "#!/bin/sh\n", mode: 0o755 },
            { name: "d/", type: "5" },
            { name: "d/f", content: "12345" },
          ]),
        ),
      ),
      rootfs,
    );
    expect(report).toEqual({ files: 3, bytes: 15, warnings: [], root: "" });
  });
});
