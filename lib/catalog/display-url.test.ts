import { describe, expect, it } from "vitest";
import { displayUrl, hideFileUrls } from "./display-url";

describe("display urls", () => {
  it("names a server file by its file name only", () => {
    expect(displayUrl("file:///srv/archway/data/os-images/sample/live-x86_64.iso")).toBe(
      "live-x86_64.iso (on the server)",
    );
    expect(displayUrl("file:///tmp/a%20b.iso")).toBe("a b.iso (on the server)");
  });

  it("keeps a mirror's url", () => {
    expect(displayUrl("https://mirror.example.com/rhcos/4.14/live.iso")).toBe(
      "https://mirror.example.com/rhcos/4.14/live.iso",
    );
  });

  it("hides every file url inside a message", () => {
    expect(hideFileUrls("Fetching file:///data/x/live.iso, then file:///data/y/rootfs.img.")).toBe(
      "Fetching live.iso, then rootfs.img.",
    );
    expect(hideFileUrls("no urls here")).toBe("no urls here");
  });
});
