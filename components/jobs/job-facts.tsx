"use client";
import { DateTime } from "@/components/ui/date-time";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
// One job's facts: the architecture it inherited (never editable), what it started from and produced,
// its times, and the script it runs.
import type { JobJson } from "@/lib/api-client/jobs";
import { archDisplayName, parseArch } from "@/lib/arch";
import { type ArtifactLookup, artifactRefOf } from "@/lib/queries/use-job-artifacts";
import { ArtifactLink } from "./artifact-link";
import { JobDuration } from "./job-duration";
import { JobWorker } from "./job-worker";

const scriptLines = (script: string) => {
  const n = script.split("\n").filter((l) => l.trim()).length;
  return `Show the script (${n} ${n === 1 ? "line" : "lines"})`;
};

export function JobFacts({ job, artifacts }: { job: JobJson; artifacts: ArtifactLookup }) {
  const from = artifactRefOf(job);
  const result = job.resultant_image_id ? ({ kind: "image", id: job.resultant_image_id } as const) : null;
  return (
    <DescriptionList>
      <DescriptionItem term="CPU architecture" wide>
        <span className="font-medium">{archDisplayName(parseArch(job.arch) ?? "x86_64")}</span> — inherited from the{" "}
        {from.kind} <ArtifactLink artifact={from} info={artifacts(from)} />
        <span className="block text-xs text-slate-500">
          A job always runs with its {from.kind}&apos;s architecture, and the image it builds has the same one.
        </span>
      </DescriptionItem>
      <DescriptionItem term="Worker" wide>
        <JobWorker job={job} />
      </DescriptionItem>
      <DescriptionItem term="Started from">
        <ArtifactLink artifact={from} info={artifacts(from)} showKind />
      </DescriptionItem>
      <DescriptionItem term="Result">
        {result ? (
          <ArtifactLink artifact={result} info={artifacts(result)} showKind />
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </DescriptionItem>
      <DescriptionItem term="New image name">
        <code className="font-mono text-xs">{job.image_root_archive_name ?? "—"}</code>
      </DescriptionItem>
      <DescriptionItem term="Job id">
        <code className="font-mono text-xs">{job.id}</code>
      </DescriptionItem>
      <DescriptionItem term="Created">
        <DateTime value={job.created} />
      </DescriptionItem>
      <DescriptionItem term="Started">
        {job.started ? <DateTime value={job.started} /> : <span className="text-slate-500">Not yet</span>}
      </DescriptionItem>
      <DescriptionItem term="Finished">
        {job.finished ? <DateTime value={job.finished} /> : <span className="text-slate-500">Not yet</span>}
      </DescriptionItem>
      <DescriptionItem term="Duration">
        <JobDuration job={job} />
      </DescriptionItem>
      <DescriptionItem term="Debug">{job.enable_debug ? "Enabled" : "Off"}</DescriptionItem>
      <DescriptionItem term="Public key">
        {job.public_key_id ? <code className="font-mono text-xs">{job.public_key_id}</code> : "None"}
      </DescriptionItem>
      {job.customization_script ? (
        <DescriptionItem term="Customization script" wide>
          <details>
            <summary className="cursor-pointer select-none text-sm text-sky-700">
              {scriptLines(job.customization_script)}
            </summary>
            <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-slate-100 px-3 py-2 font-mono text-xs text-slate-800">
              {job.customization_script}
            </pre>
          </details>
        </DescriptionItem>
      ) : null}
    </DescriptionList>
  );
}
