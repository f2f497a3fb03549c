"use client";
// Copy and download for a log that may hold tens of thousands of lines: the text is built only when
// clicked, never on every render.
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** Clipboard API where allowed; else a hidden textarea and execCommand (plain-http origins). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied: try the old way.
  }
  const field = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
  field.style.position = "fixed";
  field.style.opacity = "0";
  document.body.append(field);
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

export function CopyLogButton({ getText, what }: { getText: () => string; what: string }) {
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <>
      <Button
        size="sm"
        aria-label={`Copy ${what}`}
        className="min-w-16"
        onClick={async () => {
          setOutcome((await copyText(getText())) ? "copied" : "failed");
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setOutcome(null), 2000);
        }}
      >
        {outcome === "copied" ? "Copied" : outcome === "failed" ? "Not copied" : "Copy"}
      </Button>
      <span role="status" className="sr-only">
        {outcome === "copied" ? `Copied ${what}` : outcome === "failed" ? `Could not copy ${what}; use Download` : ""}
      </span>
    </>
  );
}

/** Saves the text as it is at the moment of the click, through a short-lived Blob URL. */
export function DownloadLogLink({ getText, fileName }: { getText: () => string; fileName: string }) {
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([getText()], { type: "text/plain;charset=utf-8" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = fileName;
        a.click();
        // The browser has started the download by the next task; the URL is no longer needed then.
        setTimeout(() => URL.revokeObjectURL(url), 0);
      }}
    >
      Download
    </Button>
  );
}
