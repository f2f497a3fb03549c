"use client";
// The console's main navigation; the section being viewed is marked as the current page.
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/clusters", label: "Clusters" },
  { href: "/infra-envs", label: "Infra-envs" },
  { href: "/recipes", label: "Recipes" },
  { href: "/images", label: "Images" },
  { href: "/public-keys", label: "Public keys" },
  { href: "/jobs", label: "Jobs" },
  { href: "/os-images", label: "OS images" },
];

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mb-px flex gap-1 overflow-x-auto">
      {LINKS.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors focus-visible:outline-sky-300 ${
              current
                ? "border-sky-400 text-white"
                : "border-transparent text-slate-300 hover:border-slate-500 hover:text-white"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
