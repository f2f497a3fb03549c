"use client";
import { Button } from "@/components/ui/button";
// What the server said about the archive just uploaded from this browser: how many entries it has
// and its warnings (template variables the dictionary lacks, …). The server does not keep these.
import { useRecipeUploadReport } from "@/lib/queries/use-recipe-upload-report";

export function UploadReport({ recipeId }: { recipeId: string }) {
  const { report, dismiss } = useRecipeUploadReport(recipeId);
  if (!report) return null;
  const warned = report.warnings.length > 0;
  return (
    <section
      aria-label="Archive upload"
      className={`rounded-lg border px-4 py-3 text-sm ${warned ? "border-amber-300 bg-amber-50 text-amber-900" : "border-green-200 bg-green-50 text-green-900"}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div role="status">
          <p className="font-medium">
            Archive uploaded and checked ({report.files} {report.files === 1 ? "entry" : "entries"})
            {warned ? `, with ${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"}` : ""}
          </p>
          {warned ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {report.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          {warned ? (
            <p className="mt-1.5 text-xs">
              The server does not keep these warnings; they are shown only now. Template variables can be changed with
              Edit.
            </p>
          ) : null}
        </div>
        <Button size="sm" variant="ghost" onClick={dismiss}>
          Dismiss
        </Button>
      </div>
    </section>
  );
}
