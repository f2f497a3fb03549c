// Path parameter schemas: a malformed id is simply not found.
import { z } from "zod";

export const idParam = (name: string) =>
  z.object({ [name]: z.uuid(`No such ${name.replace(/_id$/, "").replace(/_/g, "-")}`) });
