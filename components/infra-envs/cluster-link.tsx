"use client";
// Link to the cluster an infra-env is bound to, by name once it is known.
import Link from "next/link";
import { useCluster } from "@/lib/queries/use-cluster";

export function ClusterLink({ id }: { id: string }) {
  const { data } = useCluster(id);
  return (
    <Link href={`/clusters/${id}`} className="text-sky-700 hover:underline">
      {data?.name ?? id}
    </Link>
  );
}
