// /os-images – the OS image / release image table and what it makes available.
import type { Metadata } from "next";
import { OsImagesPage } from "@/components/os-images/os-images-page";

export const metadata: Metadata = { title: "OS images" };

export default function Page() {
  return <OsImagesPage />;
}
