import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

// Every page is rendered per request: scripts/server.mjs sends a new CSP nonce each time, and Next
// can put it on its inline scripts only while rendering (a prerendered page would carry none).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Archway", template: "%s · Archway" },
  description: "Clusters, discovery ISOs and images across CPU architectures",
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
};

// zod compiles parsers with `new Function` when it may; probing that under the CSP (no eval) is
// reported as a violation on every page. Told before any bundle runs, it never probes.
const ZOD_JITLESS = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get("content-security-policy") ?? "")?.[1];
  return (
    <html lang="en">
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant, with this response's nonce */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
