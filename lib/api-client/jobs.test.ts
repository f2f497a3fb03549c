// The browser clients' response handling: incremental job logs (seq per line from X-Last-Seq) and
// the Retry-After a 503 carries.
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiErrorFrom } from "./api-error";
import { getJobLog, jobFinished } from "./jobs";

afterEach(() => vi.unstubAllGlobals());

function stubFetch(body: string, headers: Record<string, string>) {
  const fetch = vi.fn(async () => new Response(body, { status: 200, headers }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("getJobLog", () => {
  it("numbers the lines from X-Last-Seq and asks only for lines after the given seq", async () => {
    const fetch = stubFetch("Fetching file:///x.iso\n\n42.3 MiB of 42.3 MiB (100%)\n", { "X-Last-Seq": "7" });
    const chunk = await getJobLog("j1", 4);
    expect(fetch).toHaveBeenCalledWith("/apis/ims/v3/jobs/j1/logs?after=4", expect.anything());
    expect(chunk).toEqual({
      lastSeq: 7,
      lines: [
        { seq: 5, text: "Fetching file:///x.iso" },
        { seq: 6, text: "" },
        { seq: 7, text: "42.3 MiB of 42.3 MiB (100%)" },
      ],
    });
  });

  it("an empty answer keeps the position", async () => {
    stubFetch("", { "X-Last-Seq": "3" });
    expect(await getJobLog("j1", 3)).toEqual({ lines: [], lastSeq: 3 });
  });
});

describe("jobFinished", () => {
  it.each([
    [{ status: "fetching_image" }, false],
    [{ status: "success" }, true],
    [{ status: "error" }, true],
    [{ status: "fetching_image", finished: "2026-01-01T00:00:00Z" }, true],
  ])("%o -> %s", (job, expected) => expect(jobFinished(job)).toBe(expected));
});

describe("apiErrorFrom", () => {
  it("keeps the detail and the Retry-After of a 503", async () => {
    const res = new Response(
      JSON.stringify({ status: 503, detail: "The Arm64 (aarch64) base ISO for 4.14 is being fetched (job x)" }),
      {
        status: 503,
        headers: { "Content-Type": "application/problem+json", "Retry-After": "5" },
      },
    );
    const err = await apiErrorFrom(res);
    expect(err.status).toBe(503);
    expect(err.detail).toMatch(/being fetched/);
    expect(err.retryAfter).toBe(5);
  });
});
