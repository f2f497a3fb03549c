"use client";
// /jobs/new?kind=customize&artifact_id=… – the start-job dialog opened for one recipe or image (a deep
// link to starting a job). Closing it goes back to that recipe or image.
import { useRouter } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/query-state";
import { useJobArtifacts } from "@/lib/queries/use-job-artifacts";
import type { JobKind } from "./job-arch-banner";
import { StartJobDialog } from "./start-job-dialog";

const back = { href: "/jobs", label: "Jobs" };

export function NewJobPage({ kind, artifactId }: { kind: JobKind | null; artifactId: string | null }) {
  const router = useRouter();
  const ref =
    kind && artifactId ? { kind: kind === "create" ? ("recipe" as const) : ("image" as const), id: artifactId } : null;
  const lookup = useJobArtifacts(ref ? [ref] : []);
  const info = ref ? lookup(ref) : null;

  if (!ref) {
    return (
      <>
        <PageHeader title="Start a job" back={back} />
        <EmptyState title="Which recipe or image?" action={<ButtonLink href="/jobs">Back to jobs</ButtonLink>}>
          <p>
            This page needs <code>?kind=create&amp;artifact_id=&lt;recipe id&gt;</code> or{" "}
            <code>?kind=customize&amp;artifact_id=&lt;image id&gt;</code>. Jobs are usually started from a recipe&apos;s
            or an image&apos;s page.
          </p>
        </EmptyState>
      </>
    );
  }
  const what = ref.kind === "recipe" ? "recipe" : "image";
  const artifactHref = `/${ref.kind}s/${ref.id}`;
  if (info === undefined) return <LoadingState label={`Loading the ${what}…`} />;
  if (info === null) {
    return (
      <>
        <PageHeader title="Start a job" back={back} />
        <EmptyState
          title={`No such ${what}`}
          action={<ButtonLink href={`/${ref.kind}s`}>{ref.kind === "recipe" ? "Recipes" : "Images"}</ButtonLink>}
        >
          <p>
            No {what} has the id {ref.id}. It may have been deleted.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Start a job"
        back={{ href: artifactHref, label: info.name }}
        description={`A ${kind} job from the ${what} ${info.name}.`}
      />
      <StartJobDialog kind={kind!} artifact={{ id: ref.id, ...info }} onClose={() => router.push(artifactHref)} />
    </>
  );
}
