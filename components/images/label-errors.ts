// Sorts the messages of a failed imagePatchSchema parse of `{metadata: {key: value}}` onto the
// Key and Value fields. metadata is a union (IMS's operation form or a map), so a bad key comes
// back as a union issue; the closest branch (fewest issues) is the one the map form failed.
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

export function labelErrors(error: z.ZodError): { key: string[]; value: string[] } {
  const out = { key: [] as string[], value: [] as string[] };
  const visit = (issues: readonly Issue[], onKey: boolean) => {
    for (const issue of issues) {
      if (issue.code === "invalid_union") {
        const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
        if (closest) visit(closest, onKey);
      } else if (issue.code === "invalid_key") visit(issue.issues, true);
      else (onKey ? out.key : out.value).push(issue.message);
    }
  };
  visit(error.issues, false);
  return out;
}
