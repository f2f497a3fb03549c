// /clusters/{id} – one cluster's facts, infra-envs and events.
import type { Metadata } from "next";
import { ClusterDetailPage } from "@/components/clusters/cluster-detail-page";

export const metadata: Metadata = { title: "Cluster" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ClusterDetailPage id={id} />;
}
