// /infra-envs/{id} – one infra-env's facts and events.
import type { Metadata } from "next";
import { InfraEnvDetailPage } from "@/components/infra-envs/infra-env-detail-page";

export const metadata: Metadata = { title: "Infra-env" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <InfraEnvDetailPage id={id} />;
}
