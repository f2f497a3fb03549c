// /public-keys – SSH public keys for jobs: list, add, delete.
import type { Metadata } from "next";
import { PublicKeysPage } from "@/components/public-keys/public-keys-page";

export const metadata: Metadata = { title: "Public keys" };

export default function Page() {
  return <PublicKeysPage />;
}
