// Query numbers are decimal digits in range; everything JavaScript's Number() would also take is refused.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pagination, wholeNumber } from "./params";

describe("wholeNumber", () => {
  const page = z.object(pagination).strict();

  it("reads digits and applies defaults", () => {
    expect(page.parse({})).toEqual({ limit: 100, offset: 0 });
    expect(page.parse({ limit: "1000", offset: "2147483647" })).toEqual({ limit: 1000, offset: 2147483647 });
    expect(wholeNumber().parse("007")).toBe(7);
  });

  it.each([
    "",
    " 5",
    "5 ",
    "+5",
    "-1",
    "-0",
    "1.5",
    "1e3",
    "1e999",
    "NaN",
    "Infinity",
    "0x10",
    "0b1",
    "١٢",
    "2147483648",
    "9007199254740993",
    "99999999999999999999",
  ])("refuses %j", (value) => {
    const res = page.safeParse({ offset: value });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => i.path.join("."))).toEqual(["offset"]);
  });

  it("checks the range", () => {
    expect(page.safeParse({ limit: "0" }).error?.issues[0].message).toBe("At least 1");
    expect(page.safeParse({ limit: "1001" }).error?.issues[0].message).toBe("At most 1000");
  });
});
