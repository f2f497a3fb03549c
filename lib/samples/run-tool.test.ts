// The child-process runner: stdout back, stderr to the log, failures named with their stderr tail.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { findExecutable, runTool } from "./run-tool";

describe("runTool", () => {
  it("returns stdout and logs the command and its stderr, line by line", async () => {
    const lines: string[] = [];
    const out = await runTool("sh", ["-c", "echo out; printf 'one\\ntwo' >&2"], { log: (l) => lines.push(l) });
    expect(out.toString()).toBe("out\n");
    expect(lines).toEqual(["$ sh -c 'echo out; printf '\\''one\\ntwo'\\'' >&2'", "one", "two"]);
  });

  it("feeds a stream to stdin, and accepts a tool that stops reading early", async () => {
    expect((await runTool("cat", [], { stdin: Readable.from(["a", "b"]) })).toString()).toBe("ab");
    const big = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i++) yield Buffer.alloc(64 * 1024, 0x61);
      })(),
    );
    expect((await runTool("head", ["-c", "3"], { stdin: big })).toString()).toBe("aaa");
  });

  it("names the failing command, its exit status and stderr tail", async () => {
    await expect(runTool("sh", ["-c", "echo 'disk full' >&2; exit 4"])).rejects.toThrow(
      /^Command failed \(exit 4\): sh -c .*\ndisk full$/,
    );
  });

  it("says when a tool is not installed", async () => {
    await expect(runTool("archway-no-such-tool", [])).rejects.toThrow(
      /archway-no-such-tool could not be started .*is it installed\?/,
    );
    expect(findExecutable("archway-no-such-tool")).toBeNull();
    expect(findExecutable("mkfs.vfat")).toMatch(/\/mkfs\.vfat$/);
  });
});
