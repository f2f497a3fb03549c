// /audit – admin only (the API answers 403 to other roles).
import type { Metadata } from "next";
import { AuditPage } from "@/components/accounts/audit-page";

export const metadata: Metadata = { title: "Audit" };

export default function Page() {
  return <AuditPage />;
}
