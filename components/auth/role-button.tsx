"use client";
// A button for an action only some roles may take: for the others it stays visible but disabled,
// and says which role it needs (hover text and the accessible description). Name the action (its role
// comes from lib/auth/actions.ts, checked against the routes) or, for a control with no route, the role.
import type { ComponentProps } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { type Action, roleFor } from "@/lib/auth/actions";
import type { Role } from "@/lib/auth/roles";
import { useCan } from "./session-context";

export type Gate = { action: Action; needs?: never } | { needs: Role; action?: never };

/** Whether the signed-in role may take the gated action, and if not, why. */
export function useGate(gate: Gate): { allowed: boolean; reason?: string } {
  return useCan(gate.action ? roleFor(gate.action) : (gate.needs as Role));
}

export function RoleButton({ needs, action, disabled, title, ...props }: ComponentProps<typeof Button> & Gate) {
  const { allowed, reason } = useGate((action ? { action } : { needs }) as Gate);
  return (
    <Button
      {...props}
      disabled={disabled || !allowed}
      title={allowed ? title : reason}
      aria-description={allowed ? undefined : reason}
    />
  );
}

/** A link styled as a button (New infra-env); a disabled button with the reason when the role cannot use it. */
export function RoleButtonLink({ needs, action, ...props }: ComponentProps<typeof ButtonLink> & Gate) {
  const { allowed, reason } = useGate((action ? { action } : { needs }) as Gate);
  if (allowed) return <ButtonLink {...props} />;
  return (
    <Button variant={props.variant} size={props.size} disabled title={reason} aria-description={reason}>
      {props.children}
    </Button>
  );
}
