// GET /api/assisted-install/v2/openshift-versions – versions with the architectures each offers
import { z } from "zod";
import { openshiftVersions, readImageTable } from "@/lib/catalog/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  { access: "viewer", query: z.object({ only_latest: z.enum(["true", "false"]).optional() }).strict() },
  async ({ query }) => {
    const all = openshiftVersions(await readImageTable());
    if (query.only_latest !== "true") return all;
    // One entry per x.y: the first key seen is the newest (keys are sorted newest first).
    const seen = new Set<string>();
    return Object.fromEntries(
      Object.entries(all).filter(([k]) => {
        const minor = k.split(".").slice(0, 2).join(".");
        return seen.has(minor) ? false : (seen.add(minor), true);
      }),
    );
  },
);
