"use client";
// What can be done to a job: cancel it while it runs (after a confirmation), delete it once it has
// ended, and retry it when it failed or was cancelled. Retry opens the new job.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RoleButton } from "@/components/auth/role-button";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { type JobJson, jobFinished } from "@/lib/api-client/jobs";
import { useCancelJob } from "@/lib/queries/use-cancel-job";
import { useDeleteJob } from "@/lib/queries/use-delete-job";
import { useRetryJob } from "@/lib/queries/use-retry-job";

export function JobActions({ job }: { job: JobJson }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<"cancel" | "delete" | null>(null);
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const remove = useDeleteJob();
  const ended = jobFinished(job);
  const close = () => {
    setConfirm(null);
    cancel.reset();
    remove.reset();
  };

  return (
    <>
      {!ended ? (
        <RoleButton
          action="job.cancel"
          variant="danger"
          onClick={() => setConfirm("cancel")}
          disabled={cancel.isPending || cancel.isSuccess}
        >
          {cancel.isPending || cancel.isSuccess ? "Cancelling…" : "Cancel job"}
        </RoleButton>
      ) : (
        <>
          <RoleButton action="job.delete" variant="secondary" onClick={() => setConfirm("delete")}>
            Delete
          </RoleButton>
          {/* A job that succeeded has nothing to retry: its image exists. */}
          {job.status !== "success" ? (
            <RoleButton
              action="job.retry"
              variant="primary"
              disabled={retry.isPending}
              onClick={() => retry.mutate(job.id, { onSuccess: (next) => router.push(`/jobs/${next.id}`) })}
            >
              {retry.isPending ? "Starting…" : "Retry"}
            </RoleButton>
          ) : null}
        </>
      )}
      {retry.error ? (
        <div className="basis-full">
          <FormAlert title="Retry failed">{retry.error.message}</FormAlert>
        </div>
      ) : null}
      <Dialog open={confirm === "cancel"} onClose={close} title="Cancel this job?" size="sm">
        <DialogBody>
          <p className="text-sm text-slate-700">
            The running step&apos;s processes are stopped and nothing is built. The log so far is kept, and the job can
            be retried.
          </p>
          {cancel.error ? <FormAlert title="Cancel failed">{cancel.error.message}</FormAlert> : null}
        </DialogBody>
        <DialogFooter>
          <Button variant="secondary" onClick={close} data-autofocus>
            Keep running
          </Button>
          <Button
            variant="danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(job.id, { onSuccess: () => setConfirm(null) })}
          >
            {cancel.isPending ? "Cancelling…" : "Cancel job"}
          </Button>
        </DialogFooter>
      </Dialog>
      <ConfirmDialog
        open={confirm === "delete"}
        onClose={close}
        onConfirm={() => remove.mutate(job.id, { onSuccess: () => router.push("/jobs") })}
        title="Delete this job?"
        confirmLabel="Delete job"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error?.message}
      >
        The job and its log are deleted. The image it built, if any, stays.
      </ConfirmDialog>
    </>
  );
}
