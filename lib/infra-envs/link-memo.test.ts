// The memo of checked links: kept a second, never past the link's own expiry, and dropped by any
// change this process makes, including one committed while the link was being checked.
import { describe, expect, it } from "vitest";
import type { InfraEnvHead } from "./discovery-iso";
import { checkedLink, linksChanged, linksGeneration, rememberLink } from "./link-memo";

const head = { id: "ie-1" } as InfraEnvHead;
const T = 1_000_000;

describe("checked links", () => {
  it("are kept for a second", () => {
    rememberLink("a", { head, expiresAt: new Date(T + 60_000), generation: linksGeneration() }, T);
    expect(checkedLink("a", T + 999)).toBe(head);
    expect(checkedLink("a", T + 1000)).toBeUndefined();
    expect(checkedLink("a", T + 10)).toBeUndefined(); // gone once found stale
  });

  it("never outlive the link's own expiry", () => {
    rememberLink("b", { head, expiresAt: new Date(T + 500), generation: linksGeneration() }, T);
    expect(checkedLink("b", T + 499)).toBe(head);
    expect(checkedLink("b", T + 500)).toBeUndefined();
  });

  it("are dropped by a change made in this process", () => {
    rememberLink("c", { head, expiresAt: new Date(T + 60_000), generation: linksGeneration() }, T);
    linksChanged();
    expect(checkedLink("c", T + 1)).toBeUndefined();
  });

  it("are not kept when a change landed while the row was read", () => {
    const generation = linksGeneration();
    linksChanged(); // committed between the read and the answer
    rememberLink("d", { head, expiresAt: new Date(T + 60_000), generation }, T);
    expect(checkedLink("d", T + 1)).toBeUndefined();
  });
});
