"use client";
import { ByteSize, formatBytes } from "@/components/ui/byte-size";
import { Field } from "@/components/ui/field";
import { ProgressBar } from "@/components/ui/progress-bar";
// The recipe archive (.tar.gz) file input, with upload progress while it is sent and the server's
// reason (naming the offending entry) under it when it is refused.
import type { UploadProgress } from "@/lib/api-client/recipes";

type Props = {
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string[];
  uploading: boolean;
  progress: UploadProgress | null;
  autoFocus?: boolean;
};

export function ArchiveFileField({ file, onChange, error, uploading, progress, autoFocus }: Props) {
  const pct = progress && progress.total > 0 ? (progress.loaded / progress.total) * 100 : undefined;
  return (
    <div>
      <Field
        label="Recipe archive"
        error={error}
        hint="A .tar.gz of the recipe. It is checked before anything is stored: every path stays inside the recipe, no device files or links pointing out, and the contents fit the recipe type and architecture."
      >
        {(ids) => (
          <input
            {...ids}
            type="file"
            name="archive"
            data-autofocus={autoFocus ? true : undefined}
            accept=".tar.gz,.tgz,application/gzip,application/x-gzip"
            disabled={uploading}
            onChange={(e) => onChange(e.target.files?.[0] ?? null)}
            className="block w-full text-sm text-slate-700 file:mr-3 file:h-8 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50 disabled:cursor-not-allowed aria-invalid:text-red-700"
          />
        )}
      </Field>
      {file ? (
        <p className="mt-1 text-xs text-slate-600">
          {file.name} · <ByteSize bytes={file.size} />
        </p>
      ) : null}
      {uploading ? (
        <div className="mt-2 space-y-1">
          <ProgressBar label="Upload progress" value={pct} />
          <p className="text-xs tabular-nums text-slate-600">
            {progress
              ? `Uploaded ${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}; the server checks it next.`
              : "Creating the recipe…"}
          </p>
        </div>
      ) : null}
    </div>
  );
}
