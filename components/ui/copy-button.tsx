"use client";
// Copies a value to the clipboard. Where the Clipboard API is missing or refused (plain-http origins,
// locked-down browsers) the text is selected instead so Ctrl+C finishes the job.
import { type RefObject, useEffect, useRef, useState } from "react";
import { Button } from "./button";

type Outcome = "copied" | "selected" | null;

/** Copies with the Clipboard API, else with execCommand on the given (or a temporary) field. */
async function copyText(value: string, target?: HTMLInputElement | HTMLTextAreaElement | null): Promise<Outcome> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(value);
      return "copied";
    }
  } catch {
    // Denied: fall through to selecting the text.
  }
  const field = target ?? Object.assign(document.createElement("textarea"), { value, readOnly: true });
  const temporary = !target;
  if (temporary) {
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
  }
  field.focus();
  field.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  if (temporary) field.remove();
  return ok ? "copied" : "selected";
}

type CopyButtonProps = {
  value: string;
  /** What is copied, for the accessible name ("Copy wget command"). */
  what: string;
  target?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  size?: "xs" | "sm" | "md";
  variant?: "secondary" | "ghost";
};

export function CopyButton({ value, what, target, size = "sm", variant = "secondary" }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    const result = await copyText(value, target?.current);
    setOutcome(result);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOutcome(null), 2000);
  };

  return (
    <>
      <Button
        size={size}
        variant={variant}
        onClick={onClick}
        aria-label={`Copy ${what}`}
        className={size === "xs" ? "min-w-12" : "min-w-16"}
      >
        {outcome === "copied" ? "Copied" : "Copy"}
      </Button>
      <span role="status" className="sr-only">
        {outcome === "copied"
          ? `Copied ${what}`
          : outcome === "selected"
            ? `Could not copy; ${what} is selected, press Ctrl+C`
            : ""}
      </span>
    </>
  );
}
