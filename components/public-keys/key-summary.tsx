"use client";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
// A public key in a few characters: its type and comment, then the SHA256 fingerprint (as
// `ssh-keygen -lf` prints it) or else a shortened key. The whole key is on hover and on Copy.
import { summarizeKey } from "@/lib/public-keys/fingerprint";
import { useSshFingerprint } from "@/lib/queries/use-ssh-fingerprint";

export function KeySummary({ publicKey, name }: { publicKey: string; name: string }) {
  const { type, short, comment } = summarizeKey(publicKey);
  const { data: fingerprint } = useSshFingerprint(publicKey);
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{type}</Badge>
        {comment ? <span className="text-xs text-slate-600">{comment}</span> : null}
      </div>
      <div className="mt-0.5 flex items-center gap-1">
        <code title={publicKey} className="break-all font-mono text-xs text-slate-800">
          {fingerprint ?? short}
        </code>
        <CopyButton value={publicKey} what={`public key ${name}`} size="xs" variant="ghost" />
      </div>
    </div>
  );
}
