// The shared name rule (visible, no control characters) and the JSON depth scan.
import { describe, expect, it } from "vitest";
import { dnsLabel, jsonDepth, NAME_CONTROL, NAME_INVISIBLE, nameField, plainText } from "./fields";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);

describe("nameField", () => {
  const name = nameField(20);

  it.each([
    ["zero-width spaces", "\u200b\u200b"],
    ["NUL", "\u0000"],
    ["tab, space, newline", "\t \n"],
    ["right-to-left override", "\u202e"],
    ["byte order mark", "\ufeff"],
    ["no-break and ideographic spaces", "\u00a0\u3000"],
    ["word joiner and soft hyphen", "\u2060\u00ad"],
    ["Hangul filler", "\u3164"],
    ["C1 control", "\u0085\u009b"],
    ["lone surrogate", "\ud800"],
  ])("refuses a name of only invisible characters: %s", (_, value) => {
    expect(messages(name.safeParse(value))).toEqual([NAME_INVISIBLE]);
  });

  it.each([
    ["NUL inside", "a\u0000b"],
    ["newline inside", "line\nbreak"],
    ["escape sequence", "red\u001b[31m"],
    ["DEL", "x\u007f"],
    ["C1 control", "x\u0090y"],
    ["right-to-left override inside", "invoice\u202efdp.exe"],
    ["bidi isolate", "a\u2066b"],
  ])("refuses control characters inside a name: %s", (_, value) => {
    expect(messages(name.safeParse(value))).toEqual([NAME_CONTROL]);
  });

  it.each([
    ["plain", "prod-cluster", "prod-cluster"],
    ["trimmed", "  spaced name \n", "spaced name"],
    ["accented", "café", "café"],
    ["emoji with zero-width joiners", "👩‍👩‍👧 fam", "👩‍👩‍👧 fam"],
    ["CJK", "集群", "集群"],
  ])("accepts %s", (_, value, out) => {
    expect(name.parse(value)).toBe(out);
  });

  it("keeps 'Required' for an empty name and enforces the length", () => {
    expect(messages(name.safeParse(""))).toEqual(["Required"]);
    expect(messages(name.safeParse("x".repeat(21)))).toEqual(["At most 20 characters"]);
    expect(messages(name.safeParse(42))).toHaveLength(1);
  });

  it("applies to cluster names too (before the DNS label rule)", () => {
    expect(messages(dnsLabel.safeParse("\u200b"))).toEqual([NAME_INVISIBLE]);
    expect(messages(dnsLabel.safeParse("ab\u0000c"))).toContain(NAME_CONTROL);
    expect(dnsLabel.parse(" ok-1 ")).toBe("ok-1");
  });
});

describe("plainText", () => {
  it("allows empty text and refuses control characters", () => {
    expect(plainText(10).parse("")).toBe("");
    expect(plainText(10).safeParse("a\u0000").success).toBe(false);
    expect(plainText(10).safeParse("x".repeat(11)).success).toBe(false);
  });
});

describe("jsonDepth", () => {
  it.each([
    ["1", 0],
    ["{}", 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['"[[[{{{"', 0],
    ['["\\"[[[", {"k\\\\": [[]]}]', 4],
    ["[".repeat(100_000) + "]".repeat(100_000), 100_000],
  ])("case %#", (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });
});
