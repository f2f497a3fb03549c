// A link to the recipe or image a job started from (or produced), by name once it is known.
import Link from "next/link";
import type { ArtifactInfo, ArtifactRef } from "@/lib/queries/use-job-artifacts";

type Props = { artifact: ArtifactRef; info: ArtifactInfo | null | undefined; showKind?: boolean };

export function ArtifactLink({ artifact, info, showKind }: Props) {
  const kind = artifact.kind === "recipe" ? "Recipe" : "Image";
  if (info === null) {
    return (
      <span className="text-slate-500" title={artifact.id}>
        {showKind ? `${kind} ` : ""}
        <code className="font-mono text-xs">{artifact.id.slice(0, 8)}</code> (deleted)
      </span>
    );
  }
  return (
    <span>
      {showKind ? <span className="text-slate-500">{kind} </span> : null}
      <Link
        href={`/${artifact.kind}s/${artifact.id}`}
        className="text-sky-700 hover:underline"
        title={info ? `${kind} ${info.name} (${artifact.id})` : artifact.id}
      >
        {info?.name ?? <code className="font-mono text-xs">{artifact.id.slice(0, 8)}</code>}
      </Link>
    </span>
  );
}
