// If-None-Match and If-Range as RFC 9110 compares them.
import { describe, expect, it } from "vitest";
import { noneMatch, rangeStillValid } from "./conditional";

describe("If-None-Match", () => {
  it("matches the tag alone, in a list, weakly, or as *", () => {
    expect(noneMatch('"abc"', '"abc"')).toBe(true);
    expect(noneMatch('"x", "abc"', '"abc"')).toBe(true);
    expect(noneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(noneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(noneMatch(' "x" ,W/"abc" ', 'W/"abc"')).toBe(true);
    expect(noneMatch("*", '"abc"')).toBe(true);
  });

  it("does not match another tag, a malformed header, or none", () => {
    expect(noneMatch('"abcd"', '"abc"')).toBe(false);
    expect(noneMatch('"x", "y"', '"abc"')).toBe(false);
    expect(noneMatch("abc", '"abc"')).toBe(false);
    expect(noneMatch('"abc', '"abc"')).toBe(false);
    expect(noneMatch("", '"abc"')).toBe(false);
    expect(noneMatch(null, '"abc"')).toBe(false);
  });

  it("reads a comma inside a tag as part of it", () => {
    expect(noneMatch('"a,b"', '"a,b"')).toBe(true);
    expect(noneMatch('"a,b"', '"a"')).toBe(false);
  });
});

describe("If-Range", () => {
  it("lets a range through for the same strong tag, or without the header", () => {
    expect(rangeStillValid('"abc"', '"abc"')).toBe(true);
    expect(rangeStillValid(null, '"abc"')).toBe(true);
  });

  it("sends the whole body for another tag, a weak one, a list, or a date", () => {
    expect(rangeStillValid('"x"', '"abc"')).toBe(false);
    expect(rangeStillValid('W/"abc"', '"abc"')).toBe(false);
    expect(rangeStillValid('"abc"', 'W/"abc"')).toBe(false);
    expect(rangeStillValid('"abc", "x"', '"abc"')).toBe(false);
    expect(rangeStillValid("Tue, 01 Dec 2026 10:00:00 GMT", '"abc"')).toBe(false);
  });
});
