import type { Metadata } from "next";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
