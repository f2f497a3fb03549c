// /infra-envs/new[?cluster_id=] – create an infra-env, optionally for a given cluster.
import type { Metadata } from "next";
import { NewInfraEnvPage } from "@/components/infra-envs/new-infra-env-page";

export const metadata: Metadata = { title: "New infra-env" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { cluster_id } = await searchParams;
  return <NewInfraEnvPage clusterId={typeof cluster_id === "string" && cluster_id ? cluster_id : undefined} />;
}
