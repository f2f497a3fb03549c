"use client";
// The OS images (live ISOs per version and architecture) of the image table, each with its cached
// base ISO and a Fetch / Re-fetch button. Rows with the same url share one cached ISO and one job;
// the job's log shows under the row that was clicked (or, for a job the server started, the first).
import { useState } from "react";
import { Table, TBody, THead, Th } from "@/components/ui/table";
import type { OsImageJson } from "@/lib/api-client/os-images";
import { useFetchBaseImage } from "@/lib/queries/use-fetch-base-image";
import { OsImageRow } from "./os-image-row";
import { sortRows } from "./sort-rows";

/** Jobs started from this page, by url; kept after they end so their log can still be read. */
type Started = Record<string, { jobId: string; rowId: number }>;

export function OsImagesTable({ rows }: { rows: OsImageJson[] }) {
  const fetchImage = useFetchBaseImage();
  const [started, setStarted] = useState<Started>({});
  const [startError, setStartError] = useState<{ rowId: number; message: string } | null>(null);
  const sorted = sortRows(rows);

  // A failed fetch keeps its job, whose log says why (and what Retry would run again).
  const jobOf = (r: OsImageJson) =>
    started[r.url]?.jobId ??
    (r.base_image.status === "fetching" || r.base_image.status === "failed" ? r.base_image.job_id : undefined);
  const logRowOf = (r: OsImageJson) => started[r.url]?.rowId ?? sorted.find((o) => o.url === r.url && jobOf(o))?.id;

  const start = (r: OsImageJson) => {
    setStartError(null);
    fetchImage.mutate(r.id, {
      onSuccess: ({ job_id }) => setStarted((s) => ({ ...s, [r.url]: { jobId: job_id, rowId: r.id } })),
      onError: (err) => setStartError({ rowId: r.id, message: err.message }),
    });
  };
  const dismiss = (url: string) => setStarted(({ [url]: _gone, ...rest }) => rest);

  return (
    <Table caption="OS images">
      <THead>
        <Th title="OpenShift version">Version</Th>
        <Th>CPU architecture</Th>
        <Th>Base ISO</Th>
        <Th>OS image</Th>
        <Th>Detected</Th>
        <Th>Size</Th>
        <Th>sha256</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {sorted.map((r) => (
          <OsImageRow
            key={r.id}
            row={r}
            jobId={jobOf(r)}
            showsJob={logRowOf(r) === r.id}
            onFetch={() => start(r)}
            onDismissJob={started[r.url] ? () => dismiss(r.url) : undefined}
            starting={fetchImage.isPending && fetchImage.variables === r.id}
            startError={startError?.rowId === r.id ? startError.message : null}
          />
        ))}
      </TBody>
    </Table>
  );
}
