// /users – admin only (the API answers 403 to other roles).
import type { Metadata } from "next";
import { UsersPage } from "@/components/accounts/users-page";

export const metadata: Metadata = { title: "Users" };

export default function Page() {
  return <UsersPage />;
}
