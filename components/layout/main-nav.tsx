"use client";
// The console's main navigation; the section being viewed is marked as the current page. Below the
// lg breakpoint the links do not fit in the bar, so a Menu button opens them as a list under it.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useCan } from "@/components/auth/session-context";

const LINKS = [
  { href: "/clusters", label: "Clusters" },
  { href: "/infra-envs", label: "Infra-envs" },
  { href: "/recipes", label: "Recipes" },
  { href: "/images", label: "Images" },
  { href: "/public-keys", label: "Public keys" },
  { href: "/jobs", label: "Jobs" },
  { href: "/workers", label: "Workers" },
  { href: "/os-images", label: "OS images" },
];

/** Shown to admins only: the pages behind them answer 403 to anyone else. */
const ADMIN_LINKS = [
  { href: "/users", label: "Users" },
  { href: "/tokens", label: "Tokens" },
  { href: "/audit", label: "Audit" },
];

export function MainNav() {
  const pathname = usePathname();
  const navId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const links = useCan("admin").allowed ? [...LINKS, ...ADMIN_LINKS] : LINKS;

  // Navigating (a link, Back) closes the menu: the page it opened over has gone.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={navId}
        onClick={() => setOpen((o) => !o)}
        className="ml-auto inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-200 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-sky-300 lg:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          {open ? (
            <path d="M5 5l10 10M15 5 5 15" strokeLinecap="round" />
          ) : (
            <path d="M3 5h14M3 10h14M3 15h14" strokeLinecap="round" />
          )}
        </svg>
        Menu
      </button>
      <nav
        id={navId}
        aria-label="Main"
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-40 flex-col gap-0.5 border-t border-slate-700 bg-slate-900 px-2 pb-3 pt-2 shadow-lg lg:static lg:-mb-px lg:flex lg:flex-row lg:gap-1 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none`}
      >
        {links.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <Link
              key={link.href}
              href={link.href}
              aria-current={current ? "page" : undefined}
              onClick={() => setOpen(false)}
              className={`whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-sky-300 lg:rounded-none lg:border-b-2 lg:py-2.5 ${
                current
                  ? "bg-slate-800 text-white lg:border-sky-400 lg:bg-transparent"
                  : "text-slate-300 hover:bg-slate-800 hover:text-white lg:border-transparent lg:hover:border-slate-500 lg:hover:bg-transparent"
              }`}
            >
              {link.label}
            </Link>
          );
        })}
      </nav>
    </>
  );
}
