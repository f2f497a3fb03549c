"use client";
// A long hash shortened to its first characters; the whole value on hover and on Copy.
import { CopyButton } from "./copy-button";

export function ShortDigest({
  value,
  what = "sha256",
  length = 12,
}: {
  value: string;
  what?: string;
  length?: number;
}) {
  return (
    <span className="inline-flex items-center gap-1">
      <code title={value} className="font-mono text-xs text-slate-700">
        {value.slice(0, length)}…
      </code>
      <CopyButton value={value} what={what} variant="ghost" size="xs" />
    </span>
  );
}
