"use client";
// The customization script: a monospace textarea, or a file read into it ("Upload script…").
import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-field";

const MAX_BYTES = 256 * 1024;

export function ScriptField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string[];
}) {
  const fileId = useId();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  return (
    <div>
      <TextAreaField
        label="Customization script"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={fileProblem ?? error}
        rows={10}
        spellCheck={false}
        placeholder={"# Runs as root inside a copy of the image's root (/bin/sh)\necho 'hello' > /etc/motd"}
        hint="Runs with /bin/sh in a chroot of the image's root; its output appears in the job's log."
        required
      />
      <div className="mt-2 flex items-center gap-2">
        <input
          id={fileId}
          type="file"
          accept=".sh,.bash,text/x-shellscript,text/plain"
          className="peer sr-only"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            if (file.size > MAX_BYTES) return setFileProblem(`${file.name} is larger than 256 KiB`);
            setFileProblem(null);
            onChange(await file.text());
          }}
        />
        <label
          htmlFor={fileId}
          className={buttonClass(
            "secondary",
            "sm",
            "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-sky-600",
          )}
        >
          Upload script…
        </label>
        <span className="text-xs text-slate-500">Replaces the text above with the file&apos;s content.</span>
      </div>
    </div>
  );
}
