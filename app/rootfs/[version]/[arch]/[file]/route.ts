// GET/HEAD /rootfs/{version}/{arch}/rootfs.img – see lib/downloads/rootfs.ts.
// Under `npm start` the Node server answers these itself (lib/http/node-downloads.ts).
import { serveRootfs } from "@/lib/downloads/rootfs";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = serveRootfs;
export const HEAD = serveRootfs;
