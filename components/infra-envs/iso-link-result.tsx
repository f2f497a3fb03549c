"use client";
// A generated discovery ISO: Download, the link and ready-made wget/curl commands to copy, when the
// link expires (and a fresh one), the image's size and sha256 to check the download against.
import { useEffect, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ByteSize } from "@/components/ui/byte-size";
import { CopyField } from "@/components/ui/copy-field";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { FormAlert } from "@/components/ui/form-alert";
import type { ImageUrlJson, InfraEnvJson } from "@/lib/api-client/infra-envs";
import { ignitionConfigHref } from "@/lib/api-client/infra-envs";
import { imageTypeLabel, isoFileName } from "./format";
import { IsoExpiry } from "./iso-expiry";

/** Single-quoted for a POSIX shell; a quote inside (never in our URLs) still comes out right. */
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

type Props = {
  infraEnv: InfraEnvJson;
  link: ImageUrlJson;
  onRefresh: () => void;
  refreshing: boolean;
  refreshError?: string | null;
};

export function IsoLinkResult({ infraEnv, link, onRefresh, refreshing, refreshError }: Props) {
  const file = isoFileName(infraEnv.name, link.image_type);
  // Coming from the form, the button that was focused is gone: the next step is the download.
  const download = useRef<HTMLAnchorElement>(null);
  useEffect(() => download.current?.focus(), []);
  return (
    <div className="space-y-4">
      <div
        role="note"
        className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        <span aria-hidden="true">⚠</span>
        <p>
          <strong className="font-semibold">This ISO contains credentials (agent token, pull secret).</strong> Do not
          share it or its link.
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <a ref={download} href={link.url} download={file} className={buttonClass("primary", "md")}>
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
            <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
          </svg>
          Download
        </a>
        <span className="text-sm text-slate-600">
          {file} · <ByteSize bytes={link.size_bytes} />
        </span>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
        <span className="text-slate-700">
          <IsoExpiry expiresAt={link.expires_at} />
        </span>
        <Button size="sm" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? "Refreshing…" : "Refresh link"}
        </Button>
      </div>
      {refreshError ? <FormAlert title="Could not refresh the link">{refreshError}</FormAlert> : null}

      <CopyField label="Download URL" what="download URL" value={link.url} />
      <CopyField label="wget command" what="wget command" value={`wget -O ${file} ${shellQuote(link.url)}`} />
      <CopyField label="curl command" what="curl command" value={`curl -L -o ${file} ${shellQuote(link.url)}`} />

      <DescriptionList>
        <DescriptionItem term="Size">
          <ByteSize bytes={link.size_bytes} />
        </DescriptionItem>
        <DescriptionItem term="Image">
          {imageTypeLabel(link.image_type)} · <span className="font-mono text-xs">{link.os_image_version}</span>
        </DescriptionItem>
      </DescriptionList>
      {link.sha256 ? (
        <CopyField
          label="sha256"
          what="sha256"
          value={link.sha256}
          hint={
            <>
              Check the download with <code className="font-mono">sha256sum {file}</code>.
            </>
          }
        />
      ) : (
        <div>
          <p className="text-sm font-medium text-slate-800">sha256</p>
          <p role="status" className="mt-1 flex items-center gap-2 text-sm text-slate-600">
            <span
              aria-hidden="true"
              className="size-3.5 animate-spin rounded-full border-2 border-sky-600 border-t-transparent"
            />
            Computing the digest of this ISO… You can start the download meanwhile.
          </p>
        </div>
      )}

      <p className="text-sm">
        <a
          href={ignitionConfigHref(infraEnv.id)}
          target="_blank"
          rel="noopener"
          className="text-sky-700 hover:underline"
        >
          View Ignition config
        </a>
        <span className="text-slate-500"> — the configuration embedded in this ISO (discovery.ign)</span>
      </p>

      <section
        aria-labelledby="iso-next-steps"
        className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm"
      >
        <h3 id="iso-next-steps" className="font-semibold text-sky-900">
          Next steps
        </h3>
        <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sky-900">
          <li>Boot the hosts from this ISO (USB stick, BMC virtual media, or a VM's CD drive).</li>
          <li>
            Each host registers by itself within a minute and appears below under <strong>Hosts</strong>, with its
            hardware and whether it is ready.
          </li>
          <li>Open a host to fix what it lacks (hostname, role), or boot the right ISO if its architecture differs.</li>
        </ol>
      </section>
    </div>
  );
}
