// GET/HEAD /apis/ims/v3/artifacts/{artifact_id} – see lib/downloads/artifact.ts.
// Under `npm start` the Node server answers these itself (lib/http/node-downloads.ts).
import { serveArtifact } from "@/lib/downloads/artifact";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = serveArtifact;
export const HEAD = serveArtifact;
