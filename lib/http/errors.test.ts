// Field-error maps are keyed by what the client sent: prototype member names must be plain keys.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiErrorFrom } from "@/lib/api-client/api-error";
import { fieldError, HttpError, problemResponse } from "./errors";
import { fieldErrorsOf, summarise } from "./zod-errors";

const KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

describe("field errors keyed by prototype member names", () => {
  it.each(KEYS)("an unknown body key %s is one 'Unknown field' entry", (key) => {
    const input = JSON.parse(`{"name":"x",${JSON.stringify(key)}:1}`);
    const res = z.object({ name: z.string() }).strict().safeParse(input);
    const errors = fieldErrorsOf(res.error!);
    expect(Object.getPrototypeOf(errors)).toBeNull();
    expect(Object.keys(errors)).toEqual([key]);
    expect(errors[key]).toEqual(["Unknown field"]);
    expect(summarise(errors)).toBe(`${key}: Unknown field`);
  });

  it("serialises every key as a plain JSON property, and the client reads them back as own keys", async () => {
    const res = problemResponse(fieldError("__proto__", "Unknown field"));
    const text = await res.clone().text();
    expect(JSON.parse(text).errors).toEqual(JSON.parse('{"__proto__":["Unknown field"]}'));
    const err = await apiErrorFrom(res);
    expect(Object.hasOwn(err.fieldErrors, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(err.fieldErrors, "__proto__")?.value).toEqual(["Unknown field"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("HttpError keeps its own prototype-less copy of whatever map it is given", () => {
    const given = { constructor: ["a"] };
    const err = new HttpError(400, "x", given);
    expect(Object.getPrototypeOf(err.errors)).toBeNull();
    expect(err.errors).toEqual({ constructor: ["a"] });
  });
});
