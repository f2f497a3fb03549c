"use client";
// Who is signed in, for the browser: the console layout reads it on the server and hands it down,
// so controls can be hidden or disabled for roles that cannot use them (the server checks anyway).
import { createContext, type ReactNode, useContext } from "react";
import { hasRole, needsRoleReason, type Role } from "@/lib/auth/roles";

export type SessionUser = { name: string; role: Role };

const SessionContext = createContext<SessionUser | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSessionUser(): SessionUser | null {
  return useContext(SessionContext);
}

/** Whether the signed-in role may do what `needed` allows, and if not, the reason to show. */
export function useCan(needed: Role): { allowed: boolean; reason?: string } {
  const user = useContext(SessionContext);
  // Outside the console layout (tests rendering a component alone) nothing is hidden.
  if (!user || hasRole(user.role, needed)) return { allowed: true };
  return { allowed: false, reason: `${needsRoleReason(needed)} (you are ${user.role})` };
}
