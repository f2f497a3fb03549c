// /infra-envs – every infra-env, bound or standalone.
import type { Metadata } from "next";
import { InfraEnvsPage } from "@/components/infra-envs/infra-envs-page";

export const metadata: Metadata = { title: "Infra-envs" };

export default function Page() {
  return <InfraEnvsPage />;
}
