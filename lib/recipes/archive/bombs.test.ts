// Gzip bombs: 1 GiB of zeros compressed to about 1 MiB must be refused after inflating only a little
// of it, quickly and without memory growing, whether it hides behind a header, after the end, or alone.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { gz, gzippedZeros, rawTar, ustarHeader } from "@/test/archives";
import { type ArchiveRecipe, validateRecipeArchive } from "./validate";

const GiB = 1024 ** 3;
const recipe: ArchiveRecipe = { recipe_type: "packer", arch: "x86_64", template_dictionary: [] };
let zeros: Buffer;

beforeAll(async () => {
  zeros = await gzippedZeros(GiB);
}, 60_000);

/** Gzip allows concatenated members, so a bomb can follow any prefix without recompressing it. */
const bombs: { name: string; archive: () => Buffer; error: RegExp }[] = [
  { name: "nothing but zeros", archive: () => zeros, error: /the archive is empty/ },
  {
    name: "a header declaring the whole GiB",
    archive: () => Buffer.concat([gz(ustarHeader({ name: "disk.img", size: GiB })), zeros]),
    error: /over the \d+-byte limit/,
  },
  {
    name: "zeros after a valid archive",
    archive: () => Buffer.concat([gz(rawTar([{ name: "template.pkr.hcl", content: "x" }])), zeros]),
    error: /more than 1 MiB of data follows the end of the tar archive/,
  },
];

describe("gzip bombs", () => {
  it("are a GiB of zeros in about a MiB", () => {
    expect(zeros.length).toBeLessThan(8 * 1024 * 1024);
  });

  it.each(bombs)("$name: refused quickly, in flat memory", async ({ archive, error }) => {
    const data = archive();
    let sent = 0;
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < data.length; i += 64 * 1024) {
          sent += 64 * 1024;
          yield data.subarray(i, i + 64 * 1024);
        }
      })(),
    );
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const started = Date.now();
    await expect(validateRecipeArchive(source, recipe)).rejects.toThrow(error);
    clearInterval(sampler);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(Math.max(peak, process.memoryUsage().rss) - before).toBeLessThan(32 * 1024 * 1024);
    expect(sent).toBeLessThan(data.length); // it stopped reading
  });
});
