// GET/HEAD /iso/{token}/{version}/{arch}/{full|minimal}.iso – see lib/downloads/discovery-iso.ts.
// Under `npm start` the Node server answers these itself (lib/http/node-downloads.ts).
import { serveDiscoveryIso } from "@/lib/downloads/discovery-iso";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = serveDiscoveryIso;
export const HEAD = serveDiscoveryIso;
