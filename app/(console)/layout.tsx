// The console shell: product bar with the main navigation above every page. Every page needs a
// signed-in user; without one the browser goes to the sign-in page.
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SessionProvider } from "@/components/auth/session-context";
import { UserMenu } from "@/components/auth/user-menu";
import { MainNav } from "@/components/layout/main-nav";
import { SystemPackagesNotice } from "@/components/layout/system-packages-notice";
import { authenticate } from "@/lib/auth/principal";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await authenticate(await headers());
  if (!principal) redirect("/login");
  return (
    <SessionProvider user={{ name: principal.name, role: principal.role }}>
      <div className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1.5 focus:text-sm"
        >
          Skip to content
        </a>
        <header className="bg-slate-900 shadow">
          <div className="relative mx-auto flex max-w-7xl items-center gap-x-8 px-4 sm:px-6 lg:items-end">
            <Link href="/clusters" className="flex items-center gap-2 py-2.5 text-white">
              {/* biome-ignore lint/performance/noImgElement: a static SVG needs no image optimisation */}
              <img src="/logo.svg" alt="" width={28} height={28} className="size-7" />
              <span className="text-base font-semibold tracking-tight">Archway</span>
            </Link>
            <MainNav />
            <UserMenu />
          </div>
        </header>
        <SystemPackagesNotice />
        <main id="main" className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </SessionProvider>
  );
}
