"use client";
// An image's labels: each with a Remove button (PATCH metadata {key: null}), and a form to add one
// (PATCH metadata {key: value}), checked with imagePatchSchema first.
import { type FormEvent, useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { FormAlert } from "@/components/ui/form-alert";
import { Panel } from "@/components/ui/panel";
import { TextField } from "@/components/ui/text-field";
import type { ImageJson } from "@/lib/api-client/images";
import { type ImagePatch, imagePatchSchema } from "@/lib/images/schemas";
import { useUpdateImage } from "@/lib/queries/use-update-image";
import { labelErrors } from "./label-errors";

export function ImageLabelsPanel({ image }: { image: ImageJson }) {
  const update = useUpdateImage(image.id);
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const [errors, setErrors] = useState<{ key: string[]; value: string[] }>({ key: [], value: [] });
  const [failure, setFailure] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const entries = Object.entries(image.metadata).sort(([a], [b]) => a.localeCompare(b));

  const send = (patch: ImagePatch, onSuccess?: () => void) => {
    setFailure(null);
    update.mutate(patch, { onSuccess, onError: (err) => setFailure(err.message), onSettled: () => setRemoving(null) });
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!key.trim()) return setErrors({ key: ["Required"], value: [] });
    const parsed = imagePatchSchema.safeParse({ metadata: { [key.trim()]: value } });
    if (!parsed.success) return setErrors(labelErrors(parsed.error));
    setErrors({ key: [], value: [] });
    send(parsed.data, () => {
      setKey("");
      setValue("");
    });
  };

  const remove = (k: string) => {
    setRemoving(k);
    send({ metadata: { [k]: null } });
  };

  return (
    <Panel title="Labels" description="Key/value metadata of the image.">
      <div className="space-y-4">
        {failure ? <FormAlert title="The labels were not changed">{failure}</FormAlert> : null}
        {entries.length ? (
          <ul aria-label="Labels" className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {entries.map(([k, v]) => (
              <li key={k} className="flex items-start justify-between gap-2 px-3 py-1.5">
                <div className="min-w-0 text-sm">
                  <span className="break-all font-mono text-xs font-medium text-slate-900">{k}</span>
                  <span className="text-slate-400"> = </span>
                  <span className="break-all font-mono text-xs text-slate-700">
                    {v || <span className="text-slate-400">(empty)</span>}
                  </span>
                </div>
                <RoleButton
                  action="image.update"
                  size="xs"
                  variant="ghost"
                  className="text-red-700"
                  onClick={() => remove(k)}
                  disabled={update.isPending}
                  aria-label={`Remove label ${k}`}
                >
                  {removing === k ? "Removing…" : "Remove"}
                </RoleButton>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">No labels.</p>
        )}
        <form onSubmit={add} noValidate aria-label="Add a label" className="space-y-3 border-t border-slate-200 pt-3">
          <div className="grid grid-cols-2 gap-2">
            <TextField
              label="Key"
              autoComplete="off"
              placeholder="release"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              error={errors.key}
              className="font-mono text-xs"
            />
            <TextField
              label="Value"
              autoComplete="off"
              placeholder="1.2"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={errors.value}
              className="font-mono text-xs"
            />
          </div>
          <div className="flex items-center justify-between gap-2">
            <p className="text-xs text-slate-500">A key that exists gets the new value.</p>
            <RoleButton action="image.update" type="submit" size="sm" disabled={update.isPending}>
              {update.isPending && removing === null ? "Adding…" : "Add label"}
            </RoleButton>
          </div>
        </form>
      </div>
    </Panel>
  );
}
