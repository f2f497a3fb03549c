// The sign-in page: user name and password, and the OIDC button when ARCHWAY_OIDC_* are set.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { oidcSettings } from "@/lib/auth/oidc";
import { authenticate } from "@/lib/auth/principal";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await authenticate(await headers())) redirect("/clusters");
  const { next } = await searchParams;
  // Only a path on this console: an absolute URL here would make the page an open redirect.
  const target = next?.startsWith("/") && !next.startsWith("//") ? next : "/clusters";
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          {/* biome-ignore lint/performance/noImgElement: a static SVG needs no image optimisation */}
          <img src="/logo.svg" alt="" width={32} height={32} className="size-8" />
          <span className="text-xl font-semibold tracking-tight text-slate-900">Archway</span>
        </div>
        <LoginForm next={target} oidcName={oidcSettings(env())?.name} />
      </div>
    </main>
  );
}
