"use client";
// Generate discovery ISO: saves the changed ISO settings on the infra-env (PATCH), then asks for a
// signed link, waiting through 503s while the base ISO is fetched; then shows the link to download.
import Link from "next/link";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { type Routed, routeFieldErrors, zodFieldErrors } from "@/components/ui/form-errors";
import { ApiError } from "@/lib/api-client/api-error";
import type { InfraEnvJson } from "@/lib/api-client/infra-envs";
import { archDisplayName, parseArch } from "@/lib/arch";
import { infraEnvUpdateSchema } from "@/lib/infra-envs/schemas";
import { isPreparing, retryDelaySeconds, useImageUrl } from "@/lib/queries/use-image-url";
import { useUpdateInfraEnv } from "@/lib/queries/use-update-infra-env";
import { DiscoveryIsoFields } from "./discovery-iso-fields";
import {
  type IsoField,
  type IsoFormValues,
  isoFieldFor,
  isoInitialValues,
  toIsoPatch,
  withIsoKernelArgLines,
} from "./discovery-iso-form-state";
import { IsoArchBanner } from "./iso-arch-banner";
import { IsoLinkResult } from "./iso-link-result";
import { IsoWaitStatus } from "./iso-wait-status";

export type IsoDialogView = "form" | "result";
type Problems = Routed<IsoField> & { detail?: string };
const NO_PROBLEMS: Problems = { byField: {}, unmapped: [] };

type Props = { infraEnv: InfraEnvJson; initialView: IsoDialogView; onClose: () => void };

export function GenerateIsoDialog({ infraEnv, initialView, onClose }: Props) {
  const update = useUpdateInfraEnv(infraEnv.id);
  const link = useImageUrl(infraEnv.id);
  const [view, setView] = useState<IsoDialogView>(initialView === "result" && link.data ? "result" : "form");
  const [values, setValues] = useState<IsoFormValues>(() => isoInitialValues(infraEnv));
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  // Errors older than the last attempt belong to an earlier visit of the dialog.
  const [attemptAt, setAttemptAt] = useState(0);
  const archName = archDisplayName(parseArch(infraEnv.cpu_architecture) ?? "x86_64");

  // Back from the result view the focused button is gone: start again at the first setting.
  const formRef = useRef<HTMLFormElement>(null);
  const shownResult = useRef(view === "result");
  useEffect(() => {
    if (view === "form" && shownResult.current) formRef.current?.querySelector<HTMLElement>("input")?.focus();
    shownResult.current = view === "result";
  }, [view]);

  const waiting = link.fetchStatus === "fetching";
  const busy = update.isPending || waiting;
  const linkError = !waiting && link.error && link.errorUpdatedAt >= attemptAt ? link.error : null;

  const onChange = (patch: Partial<IsoFormValues>, field: IsoField) => {
    setValues((v) => ({ ...v, ...patch }));
    if (problems.byField[field]) setProblems((p) => ({ ...p, byField: { ...p.byField, [field]: undefined } }));
  };

  const issueLink = async () => {
    const started = Date.now();
    setAttemptAt(started);
    const result = await link.refetch();
    if (result.isSuccess && result.dataUpdatedAt >= started) setView("result");
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const raw = toIsoPatch(values, infraEnv);
    const parsed = infraEnvUpdateSchema.safeParse(raw);
    if (!parsed.success)
      return setProblems(routeFieldErrors(withIsoKernelArgLines(zodFieldErrors(parsed.error), infraEnv), isoFieldFor));
    setProblems(NO_PROBLEMS);
    if (Object.keys(raw).length === 0) return void issueLink();
    update.mutate(parsed.data, {
      onSuccess: () => void issueLink(),
      onError: (err) => {
        const routed =
          err instanceof ApiError
            ? routeFieldErrors(withIsoKernelArgLines(err.fieldErrors, infraEnv), isoFieldFor)
            : NO_PROBLEMS;
        const unplaced = routed.unmapped.length > 0 || Object.keys(routed.byField).length === 0;
        setProblems({ ...routed, detail: unplaced ? err.message : undefined });
      },
    });
  };

  const preparing =
    waiting && isPreparing(link.failureReason) ? (
      <IsoWaitStatus
        phase="preparing"
        archName={archName}
        detail={link.failureReason.detail}
        retryInSeconds={retryDelaySeconds(link.failureReason)}
        attempt={link.failureCount}
      />
    ) : null;

  const close = () => {
    if (waiting) void link.cancel();
    onClose();
  };

  return (
    <Dialog open onClose={close} title="Generate discovery ISO" size="lg">
      {view === "result" && link.data ? (
        <>
          <DialogBody>
            <IsoArchBanner infraEnv={infraEnv} />
            <IsoLinkResult
              infraEnv={infraEnv}
              link={link.data}
              onRefresh={() => void issueLink()}
              refreshing={waiting}
              refreshError={linkError?.message}
            />
            {preparing}
          </DialogBody>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setView("form")}>
              Change settings
            </Button>
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          </DialogFooter>
        </>
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <DialogBody>
            <IsoArchBanner infraEnv={infraEnv} />
            {problems.detail || problems.unmapped.length ? (
              <FormAlert title="The ISO settings could not be saved">
                {problems.detail ? <p>{problems.detail}</p> : null}
                {problems.unmapped
                  .filter((m) => m !== problems.detail)
                  .map((m) => (
                    <p key={m}>{m}</p>
                  ))}
              </FormAlert>
            ) : null}
            {linkError ? (
              <FormAlert title="The ISO could not be generated">
                <p>{linkError.message}</p>
                {/OS images page/.test(linkError.message) ? (
                  <p className="mt-1">
                    <Link href="/os-images" className="font-medium underline">
                      Open OS images
                    </Link>
                  </p>
                ) : null}
              </FormAlert>
            ) : null}
            <fieldset disabled={busy} className="min-w-0 space-y-5">
              <DiscoveryIsoFields values={values} errors={problems.byField} onChange={onChange} />
            </fieldset>
            {update.isPending ? <IsoWaitStatus phase="saving" /> : null}
            {waiting && !isPreparing(link.failureReason) ? <IsoWaitStatus phase="issuing" /> : null}
            {preparing}
          </DialogBody>
          <DialogFooter>
            {waiting ? (
              <Button variant="secondary" onClick={() => void link.cancel()}>
                Cancel
              </Button>
            ) : (
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
            )}
            {link.data && !busy ? (
              <Button variant="secondary" onClick={() => setView("result")}>
                Show current link
              </Button>
            ) : null}
            <Button variant="primary" type="submit" disabled={busy}>
              {busy ? "Generating…" : "Generate"}
            </Button>
          </DialogFooter>
        </form>
      )}
    </Dialog>
  );
}
