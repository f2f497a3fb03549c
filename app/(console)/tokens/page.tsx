// /tokens – admin only (the API answers 403 to other roles).
import type { Metadata } from "next";
import { TokensPage } from "@/components/accounts/tokens-page";

export const metadata: Metadata = { title: "Tokens" };

export default function Page() {
  return <TokensPage />;
}
