// The live job log client: SSE frames parsed from chunks cut anywhere, and followJobLog resuming from
// the last id after a dropped connection and stopping at `event: end`.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSseParser, followJobLog, type SseEvent, type StreamedLogLine } from "./jobs";

afterEach(() => vi.unstubAllGlobals());

const line = (seq: number, text: string) =>
  `id: ${seq}\ndata: ${JSON.stringify({ seq, step: "building_image", stream: "stdout", time: "2026-01-01T00:00:00Z", line: text })}\n\n`;
const END = `event: end\ndata: {"status":"success"}\n\n`;

function streamOf(chunks: string[], { fail }: { fail?: boolean } = {}): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const rest = [...chunks];
  // Pulled one chunk at a time, so an error comes after every chunk was read (erroring drops a queue).
  return new ReadableStream({
    pull(c) {
      const next = rest.shift();
      if (next !== undefined) c.enqueue(enc.encode(next));
      else if (fail) c.error(new TypeError("network error"));
      else c.close();
    },
  });
}

describe("createSseParser", () => {
  it("yields the same events however the text is cut, skipping comments (pings)", () => {
    const text = `: ping\n\n${line(1, "a")}${line(2, "héllo wörld")}id: 3\r\ndata: x\r\ndata: y\r\n\r\n${END}`;
    const whole: SseEvent[] = [];
    createSseParser((e) => whole.push(e))(text);
    expect(whole.map((e) => [e.event, e.id])).toEqual([
      ["message", "1"],
      ["message", "2"],
      ["message", "3"],
      ["end", "3"],
    ]);
    expect(whole[2].data).toBe("x\ny");
    for (let size = 1; size < 12; size++) {
      const cut: SseEvent[] = [];
      const push = createSseParser((e) => cut.push(e));
      for (let i = 0; i < text.length; i += size) push(text.slice(i, i + size));
      expect(cut).toEqual(whole);
    }
  });
});

describe("followJobLog", () => {
  it("resumes with Last-Event-ID after a dropped connection and stops at the end event", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response(streamOf([line(1, "one"), line(2, "tw")], { fail: true }), { status: 200 }))
      .mockResolvedValueOnce(new Response(streamOf([line(2, "tw again"), line(3, "three"), END]), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    const got: StreamedLogLine[] = [];
    const onEnd = vi.fn();
    const states: string[] = [];
    await followJobLog("j1", {
      onLine: (l) => got.push(l),
      onEnd,
      onState: (s) => states.push(s.state),
      signal: new AbortController().signal,
    });
    expect(got.map((l) => l.line)).toEqual(["one", "tw", "three"]);
    expect(onEnd).toHaveBeenCalledWith({ status: "success" });
    expect(fetch.mock.calls[0][1].headers).toEqual({ Accept: "text/event-stream" });
    expect(fetch.mock.calls[1][0]).toBe("/apis/ims/v3/jobs/j1/logs?follow=1&after=2");
    expect(fetch.mock.calls[1][1].headers).toEqual({ Accept: "text/event-stream", "Last-Event-ID": "2" });
    expect(states).toEqual(["connecting", "open", "reconnecting", "connecting", "open"]);
  });

  it("rejects on a 404 instead of retrying", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(new Response(JSON.stringify({ detail: "Job j1 not found" }), { status: 404 })),
    );
    await expect(
      followJobLog("j1", { onLine: () => {}, onEnd: () => {}, signal: new AbortController().signal }),
    ).rejects.toThrow("Job j1 not found");
  });

  it("stops quietly when aborted while waiting to reconnect", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    const ac = new AbortController();
    const done = followJobLog("j1", {
      onLine: () => {},
      onEnd: () => {},
      onState: (s) => s.state === "reconnecting" && ac.abort(),
      signal: ac.signal,
    });
    await expect(done).resolves.toBeUndefined();
  });
});
