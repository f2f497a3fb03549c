"use client";
// What the Generate dialog shows while it waits: saving, issuing the link (the first one for a new
// configuration hashes the whole ISO), or the base ISO still being fetched, with the server's detail
// and when it will ask again. Keyed by attempt, so each 503 starts a fresh countdown.
import { useState } from "react";
import { useNow } from "@/components/ui/use-now";

type Props =
  | { phase: "saving" | "issuing" }
  | { phase: "preparing"; archName: string; detail: string; retryInSeconds: number; attempt: number };

function Countdown({ seconds }: { seconds: number }) {
  const [deadline] = useState(() => Date.now() + seconds * 1000);
  const left = Math.max(0, Math.ceil((deadline - useNow(500)) / 1000));
  return <>{left > 0 ? `Checking again in ${left} s.` : "Checking again…"}</>;
}

export function IsoWaitStatus(props: Props) {
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5 text-sm text-slate-700"
    >
      <span
        aria-hidden="true"
        className="mt-0.5 size-4 shrink-0 animate-spin rounded-full border-2 border-sky-600 border-t-transparent"
      />
      {props.phase === "preparing" ? (
        <div className="min-w-0">
          <p className="font-medium text-slate-900">Preparing the {props.archName} base ISO…</p>
          <p className="mt-0.5 text-slate-600">{props.detail}</p>
          <p className="mt-0.5 text-xs text-slate-500">
            <Countdown key={props.attempt} seconds={props.retryInSeconds} /> The link is issued as soon as the base ISO
            is ready.
          </p>
        </div>
      ) : (
        <p className="font-medium text-slate-900">
          {props.phase === "saving" ? "Saving the ISO settings…" : "Generating the ISO link…"}
        </p>
      )}
    </div>
  );
}
