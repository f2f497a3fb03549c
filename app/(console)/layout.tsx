// The console shell: product bar with the main navigation above every page.
import Link from "next/link";
import type { ReactNode } from "react";
import { MainNav } from "@/components/layout/main-nav";
import { SystemPackagesNotice } from "@/components/layout/system-packages-notice";

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1.5 focus:text-sm"
      >
        Skip to content
      </a>
      <header className="bg-slate-900 shadow">
        <div className="mx-auto flex max-w-7xl flex-wrap items-end gap-x-8 px-4 sm:px-6">
          <Link href="/clusters" className="flex items-center gap-2 py-2.5 text-white">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-6 text-sky-400"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M3 20V11a9 9 0 0 1 18 0v9" strokeLinecap="round" />
              <path d="M8 20v-8a4 4 0 0 1 8 0v8" strokeLinecap="round" />
            </svg>
            <span className="text-base font-semibold tracking-tight">Archway</span>
          </Link>
          <MainNav />
        </div>
      </header>
      <SystemPackagesNotice />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
