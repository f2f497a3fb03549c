"use client";
// A button for an action only some roles may take: for the others it stays visible but disabled,
// and says which role it needs (hover text and the accessible description).
import type { ComponentProps } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";
import { useCan } from "./session-context";

export function RoleButton({ needs, disabled, title, ...props }: ComponentProps<typeof Button> & { needs: Role }) {
  const { allowed, reason } = useCan(needs);
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
export function RoleButtonLink({ needs, ...props }: ComponentProps<typeof ButtonLink> & { needs: Role }) {
  const { allowed, reason } = useCan(needs);
  if (allowed) return <ButtonLink {...props} />;
  return (
    <Button variant={props.variant} size={props.size} disabled title={reason} aria-description={reason}>
      {props.children}
    </Button>
  );
}
