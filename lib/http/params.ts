// Path and query parameter schemas: a malformed id is simply not found; numbers in a query string
// are plain decimal digits, checked strictly.
import { z } from "zod";

export const idParam = (name: string) =>
  z.object({ [name]: z.uuid(`No such ${name.replace(/_id$/, "").replace(/_/g, "-")}`) });

/**
 * A whole number written as decimal digits, from `min` to `max`. z.coerce.number() would take "",
 * " 5", "0x10", "1e3" and "-0" as numbers; a client sending those has a bug worth hearing about.
 * `max` defaults to 2^31 - 1: the values end up as database integers, and PostgreSQL's are 32-bit.
 */
export const wholeNumber = ({ min = 0, max = 2 ** 31 - 1 }: { min?: number; max?: number } = {}) =>
  z
    .string()
    .regex(/^\d{1,16}$/, `Expected a whole number from ${min} to ${max}, written in digits`)
    .transform(Number)
    .pipe(z.number().min(min, `At least ${min}`).max(max, `At most ${max}`));

/** `limit` and `offset` of the list routes. */
export const pagination = {
  limit: wholeNumber({ min: 1, max: 1000 }).default(100),
  offset: wholeNumber().default(0),
};

/**
 * `limit` and `offset` of the assisted lists: as in assisted-service, a list without `limit` is the
 * whole list (clients written for it expect every row); with one, a page.
 */
export const optionalPagination = {
  limit: wholeNumber({ min: 1 }).optional(),
  offset: wholeNumber().default(0),
};

export type Pagination = { limit?: number; offset: number };

/** Prisma's skip/take for a page (take undefined: every row from `offset`). */
export const pageOf = (q: Pagination) => ({ skip: q.offset, take: q.limit });
