// Loading and failure states for anything fetched: a polite status line, or an alert with the reason.
import { ApiError } from "@/lib/api-client/api-error";

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <p role="status" className="py-6 text-center text-sm text-slate-500">
      {label}
    </p>
  );
}

export function ErrorState({ error, title = "Could not load this page" }: { error: unknown; title?: string }) {
  const detail = error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      <p className="font-medium">{title}</p>
      <p className="mt-0.5">{detail}</p>
    </div>
  );
}
