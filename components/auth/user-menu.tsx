"use client";
// The signed-in user's name and role in the product bar, and Sign out.
import { useState } from "react";
import { useSessionUser } from "./session-context";

export function UserMenu() {
  const user = useSessionUser();
  const [busy, setBusy] = useState(false);
  if (!user) return null;

  async function signOut() {
    setBusy(true);
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    window.location.assign("/login");
  }

  return (
    <div className="flex items-center gap-3 py-2 text-sm text-slate-300 lg:ml-auto">
      <span>
        <span className="font-medium text-white">{user.name}</span>{" "}
        <span className="rounded bg-slate-800 px-1.5 py-0.5 text-xs">{user.role}</span>
      </span>
      <button
        type="button"
        onClick={signOut}
        disabled={busy}
        className="rounded-md px-2 py-1 font-medium text-slate-200 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-sky-300"
      >
        Sign out
      </button>
    </div>
  );
}
